import type { Evidence, Finding, PathRole } from '../../types.js';
import { addCapped, durationWords, listWords, sortedNumbers, sortedStrings, LIST_CAP } from '../findings.js';
import { overlapHint } from '../hints.js';
import type { Conflict, Hold } from '../holds.js';
import type { Detector } from './detector.js';
import { ChurnMap } from '../../util/churn-map.js';

/** One conflict window: the merged intervals during which two or more exports held a path. */
interface Window {
  role: PathRole;
  start: number;
  end: number;
  holds: Set<Hold>;
  /** Holds beyond the cap, counted once each (`counted` remembers them while they are alive). */
  extraHolds: number;
  counted: WeakSet<Hold>;
  correlationIds: Set<string>;
  pids: Set<number>;
  hosts: Set<string>;
  evidence: { time: number; source: Evidence }[];
}

/** Two or more exports held the same path at overlapping times: one finding per path and window. */
export const overlappingPath: Detector = {
  kind: 'overlapping-path',
  severity: 'error',
  description: 'Two or more exports held the same temp or target path at overlapping times.',
  create(ctx) {
    const maxEvidence = ctx.options.maxEvidence;
    const open = new ChurnMap<string, Window[]>();
    const findings: Finding[] = [];

    const add = (w: Window, h: Hold): void => {
      if (w.holds.has(h)) return;
      if (h.role === 'target') w.role = 'target';
      if (w.holds.size >= LIST_CAP * 10) {
        if (!w.counted.has(h)) {
          w.counted.add(h);
          w.extraHolds++;
        }
        return;
      }
      w.holds.add(h);
      ctx.flag(h.correlationId);
      addCapped(w.correlationIds, h.correlationId, LIST_CAP * 10);
      addCapped(w.pids, h.pid);
      addCapped(w.hosts, h.host);
      if (w.evidence.length < maxEvidence) w.evidence.push({ time: h.start, source: h.openSource });
      if (h.closeSource && w.evidence.length < maxEvidence) w.evidence.push({ time: h.end, source: h.closeSource });
    };

    const report = (path: string, w: Window): void => {
      const count = w.correlationIds.size + w.extraHolds;
      const pids = sortedNumbers(w.pids);
      findings.push({
        kind: 'overlapping-path',
        severity: 'error',
        message:
          `${count} exports held ${w.role} path ${path} at the same time for ${durationWords(w.end - w.start)} ` +
          `(pids ${listWords(pids)}).`,
        hint: overlapHint(w.role),
        path,
        role: w.role,
        pids,
        hosts: sortedStrings(w.hosts),
        correlationIds: sortedStrings(w.correlationIds).slice(0, LIST_CAP),
        start: w.start,
        end: w.end,
        count,
        evidence: w.evidence.sort((a, b) => a.time - b.time).map((e) => e.source),
      });
    };

    return {
      conflict(c: Conflict) {
        let windows = open.get(c.path);
        if (!windows) {
          windows = [];
          open.set(c.path, windows);
        }
        // Equal times count as overlapping, so touching windows merge.
        const touching = windows.filter((w) => w.start <= c.end && c.start <= w.end);
        let w = touching[0];
        if (!w) {
          w = {
            role: c.a.role,
            start: c.start,
            end: c.end,
            holds: new Set(),
            extraHolds: 0,
            counted: new WeakSet(),
            correlationIds: new Set(),
            pids: new Set(),
            hosts: new Set(),
            evidence: [],
          };
          windows.push(w);
        }
        for (const other of touching.slice(1)) {
          for (const h of other.holds) add(w, h);
          // Holds counted in both windows are counted twice here: rare (a hold spanning a gap
          // between two windows that later merge), and only past the cap.
          w.extraHolds += other.extraHolds;
          w.start = Math.min(w.start, other.start);
          w.end = Math.max(w.end, other.end);
          windows.splice(windows.indexOf(other), 1);
        }
        w.start = Math.min(w.start, c.start);
        w.end = Math.max(w.end, c.end);
        add(w, c.a);
        add(w, c.b);
      },
      pathDropped(path) {
        const windows = open.get(path);
        if (!windows) return;
        open.delete(path);
        for (const w of windows) report(path, w);
      },
      finish() {
        for (const [path, windows] of open) for (const w of windows) report(path, w);
        open.clear();
        return findings;
      },
    };
  },
};

import type { Evidence, Finding } from '../../types.js';
import { addCapped, listWords, sortedNumbers, sortedStrings, LIST_CAP } from '../findings.js';
import { HINTS } from '../hints.js';
import type { Hold } from '../holds.js';
import { PathMemory, type PathUse } from '../path-memory.js';
import type { Detector } from './detector.js';

interface Reuse {
  correlationIds: Set<string>;
  pids: Set<number>;
  hosts: Set<string>;
  start: number;
  end: number;
  evidence: Evidence[];
}

/**
 * How many temp paths are remembered after their holds ended (about 3.5 MB). A predictable name
 * is reused again and again, so it stays among the recent ones; a unique name is never seen again
 * and ages out, keeping memory flat on unique-name logs.
 */
export const REUSE_MEMORY = 50_000;

/** The same temp path used by two or more exports, even when they did not overlap. */
export const reusedTempPath: Detector = {
  kind: 'reused-temp-path',
  severity: 'warning',
  description: 'The same temp path was used by two or more exports, even at different times.',
  create(ctx) {
    const memory = new PathMemory(REUSE_MEMORY);
    const reused = new Map<string, Reuse>();

    const addUse = (r: Reuse, use: PathUse): void => {
      ctx.flag(use.correlationId);
      addCapped(r.correlationIds, use.correlationId, LIST_CAP * 10);
      addCapped(r.pids, use.pid);
      addCapped(r.hosts, use.host);
      r.start = Math.min(r.start, use.start);
      r.end = Math.max(r.end, use.end);
      const known = r.evidence.some((e) => e.input === use.source.input && e.line === use.source.line);
      if (r.evidence.length < ctx.options.maxEvidence && !known) r.evidence.push(use.source);
    };

    return {
      holdClosed(h: Hold) {
        if (h.role !== 'temp' || h.writeOrd === Infinity) return;
        const prev = memory.remember(h.path, h);
        // Only paths already found reused are looked up by name; the common case is a fresh one.
        let r = reused.size > 0 ? reused.get(h.path) : undefined;
        if (!r && prev && prev.correlationId !== h.correlationId) {
          r = { correlationIds: new Set(), pids: new Set(), hosts: new Set(), start: prev.start, end: h.end, evidence: [] };
          reused.set(h.path, r);
          addUse(r, prev);
        }
        if (r) addUse(r, { ...h, source: h.openSource });
      },
      finish() {
        const findings: Finding[] = [];
        for (const [path, r] of reused) {
          const pids = sortedNumbers(r.pids);
          const count = r.correlationIds.size;
          findings.push({
            kind: 'reused-temp-path',
            severity: 'warning',
            message: `Temp path ${path} was used by ${count} exports (pids ${listWords(pids)}): a predictable name that collides when they run at once.`,
            hint: HINTS.reusedTemp,
            path,
            role: 'temp',
            tempPath: path,
            pids,
            hosts: sortedStrings(r.hosts),
            correlationIds: sortedStrings(r.correlationIds).slice(0, LIST_CAP),
            start: r.start,
            end: r.end,
            count,
            evidence: r.evidence,
          });
        }
        return findings;
      },
    };
  },
};

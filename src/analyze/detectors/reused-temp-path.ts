import type { Evidence, Finding } from '../../types.js';
import { addCapped, listWords, sortedNumbers, sortedStrings, LIST_CAP } from '../findings.js';
import { HINTS } from '../hints.js';
import type { Hold } from '../holds.js';
import type { Detector } from './detector.js';

/** The last export that used a temp path; only this much is kept per path once nobody holds it. */
interface LastUse {
  /** Which write of the ring remembered it; an older ring slot for the same path is stale. */
  stamp: number;
  correlationId: string;
  pid: number;
  host: string;
  start: number;
  source: Evidence;
}

interface Reuse {
  correlationIds: Set<string>;
  pids: Set<number>;
  hosts: Set<string>;
  start: number;
  end: number;
  evidence: Evidence[];
}

/**
 * How many temp paths are remembered after their holds ended. A predictable name is reused
 * again and again, so it stays among the recent ones; a unique name is never seen again and ages
 * out, keeping memory flat on unique-name logs.
 */
export const REUSE_MEMORY = 50_000;

/** The same temp path used by two or more exports, even when they did not overlap. */
export const reusedTempPath: Detector = {
  kind: 'reused-temp-path',
  severity: 'warning',
  description: 'The same temp path was used by two or more exports, even at different times.',
  create(ctx) {
    const recent = new Map<string, LastUse>();
    // Insertion order of `recent`, as a ring: a Map used as a FIFO (delete the first key) gets
    // slower with every delete in V8, since iteration skips the deleted slots.
    const ring: (string | undefined)[] = new Array<string | undefined>(REUSE_MEMORY);
    let stamp = 0;
    const reused = new Map<string, Reuse>();

    const addUse = (r: Reuse, u: LastUse, end: number): void => {
      ctx.flag(u.correlationId);
      addCapped(r.correlationIds, u.correlationId, LIST_CAP * 10);
      addCapped(r.pids, u.pid);
      addCapped(r.hosts, u.host);
      r.start = Math.min(r.start, u.start);
      r.end = Math.max(r.end, end);
      if (r.evidence.length < ctx.options.maxEvidence && !r.evidence.includes(u.source)) r.evidence.push(u.source);
    };

    return {
      holdClosed(h: Hold) {
        if (h.role !== 'temp' || h.writeOrd === Infinity) return;
        const use: LastUse = {
          stamp: ++stamp,
          correlationId: h.correlationId,
          pid: h.pid,
          host: h.host,
          start: h.start,
          source: h.openSource,
        };
        const prev = recent.get(h.path);
        let r = reused.get(h.path);
        if (!r && prev && prev.correlationId !== h.correlationId) {
          r = { correlationIds: new Set(), pids: new Set(), hosts: new Set(), start: prev.start, end: h.end, evidence: [] };
          reused.set(h.path, r);
          addUse(r, prev, prev.start);
        }
        if (r) addUse(r, use, h.end);
        const slot = stamp % REUSE_MEMORY;
        const old = ring[slot];
        // The oldest remembered use goes, unless its path was used again since (a newer stamp).
        if (old !== undefined && recent.get(old)?.stamp === stamp - REUSE_MEMORY) recent.delete(old);
        ring[slot] = h.path;
        recent.set(h.path, use);
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

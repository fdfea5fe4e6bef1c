import type { Evidence, Finding } from '../../types.js';
import { addCapped, listWords, sortedNumbers, sortedStrings, LIST_CAP } from '../findings.js';
import { HINTS } from '../hints.js';
import type { Hold } from '../holds.js';
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
    // The last use of each remembered path: its hold, in a ring of REUSE_MEMORY slots. A ring
    // rather than a Map used as a FIFO: deleting a Map's first key gets slower with every delete
    // in V8, and the hold objects exist anyway, so remembering a use allocates nothing.
    const ring = new Array<Hold | undefined>(REUSE_MEMORY);
    const slotOf = new Map<string, number>();
    let next = 0;
    const reused = new Map<string, Reuse>();

    const addUse = (r: Reuse, use: Hold, end: number): void => {
      ctx.flag(use.correlationId);
      addCapped(r.correlationIds, use.correlationId, LIST_CAP * 10);
      addCapped(r.pids, use.pid);
      addCapped(r.hosts, use.host);
      r.start = Math.min(r.start, use.start);
      r.end = Math.max(r.end, end);
      if (r.evidence.length < ctx.options.maxEvidence && !r.evidence.includes(use.openSource)) {
        r.evidence.push(use.openSource);
      }
    };

    return {
      holdClosed(h: Hold) {
        if (h.role !== 'temp' || h.writeOrd === Infinity) return;
        const prevSlot = slotOf.get(h.path);
        const prev = prevSlot === undefined ? undefined : ring[prevSlot];
        let r = reused.get(h.path);
        if (!r && prev && prev.correlationId !== h.correlationId) {
          r = { correlationIds: new Set(), pids: new Set(), hosts: new Set(), start: prev.start, end: h.end, evidence: [] };
          reused.set(h.path, r);
          addUse(r, prev, prev.end);
        }
        if (r) addUse(r, h, h.end);
        const slot = next;
        next = (next + 1) % REUSE_MEMORY;
        const oldest = ring[slot];
        // The oldest use is forgotten, unless its path was used again since (another slot).
        if (oldest && slotOf.get(oldest.path) === slot) slotOf.delete(oldest.path);
        ring[slot] = h;
        slotOf.set(h.path, slot);
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

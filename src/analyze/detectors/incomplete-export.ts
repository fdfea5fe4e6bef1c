import type { Evidence, Finding, TraceEvent } from '../../types.js';
import { HINTS } from '../hints.js';
import type { Detector } from './detector.js';
import { ChurnMap } from '../../util/churn-map.js';

interface Started {
  pid: number;
  host: string;
  time: number;
  source: Evidence;
}

/** export.start with no export.end: the export crashed or was killed. Memory: live exports only. */
export const incompleteExport: Detector = {
  kind: 'incomplete-export',
  severity: 'warning',
  description: 'An export started and never logged export.end (crash or kill).',
  create(ctx) {
    const started = new ChurnMap<string, Started>();
    return {
      event(e: TraceEvent, time: number) {
        if (e.event === 'export.start') {
          if (!started.has(e.correlationId)) {
            started.set(e.correlationId, { pid: e.pid, host: e.host, time, source: e.source });
          }
        } else if (e.event === 'export.end') {
          started.delete(e.correlationId);
        }
      },
      finish() {
        const findings: Finding[] = [];
        for (const [id, s] of started) {
          ctx.flag(id);
          findings.push({
            kind: 'incomplete-export',
            severity: 'warning',
            message: `Export ${id} (pid ${s.pid} on ${s.host}) started and never ended.`,
            hint: HINTS.incompleteExport,
            pids: [s.pid],
            hosts: [s.host],
            correlationIds: [id],
            start: s.time,
            end: Math.max(s.time, ctx.lastSeen(id) ?? s.time),
            evidence: [s.source],
          });
        }
        return findings;
      },
    };
  },
};

import type { Evidence, Finding, TraceEvent } from '../../types.js';
import { orphanHint } from '../hints.js';
import type { Hold } from '../holds.js';
import type { Rename } from '../renames.js';
import type { Detector } from './detector.js';
import { ChurnMap } from '../../util/churn-map.js';

interface Candidate {
  correlationId: string;
  pid: number;
  host: string;
  time: number;
  source: Evidence;
  ended: boolean;
  renameFailed: boolean;
}

/**
 * A temp created and never renamed away nor deleted: a file left on disk. Judged per path, since
 * whoever renames or deletes the path (even another export) removes the file. Memory: the temps
 * that exist right now, as far as the events tell.
 */
export const orphanedTemp: Detector = {
  kind: 'orphaned-temp',
  severity: 'warning',
  description: 'A temp file was created and never renamed away nor deleted.',
  create(ctx) {
    const candidates = new ChurnMap<string, Candidate>();
    return {
      event(e: TraceEvent, time: number) {
        const path = e.tempPath;
        switch (e.event) {
          case 'temp.create': {
            if (!path || e.access === 'read') return;
            const c: Candidate = {
              correlationId: e.correlationId,
              pid: e.pid,
              host: e.host,
              time,
              source: e.source,
              ended: false,
              renameFailed: false,
            };
            candidates.set(path, c);
            return;
          }
          case 'rename.success':
          case 'temp.delete':
            if (path) candidates.delete(path);
            return;
          default:
            return;
        }
      },
      holdClosed(h: Hold) {
        if (h.closedBy !== 'export-end' || h.role !== 'temp') return;
        const c = candidates.get(h.path);
        if (c && c.correlationId === h.correlationId) {
          c.ended = true;
          // Flag now, not at the end: the bounded export summary may drop it before then.
          ctx.flag(c.correlationId);
        }
      },
      renameEnded(r: Rename) {
        if (r.succeeded || r.failures === 0) return;
        const c = candidates.get(r.tempPath);
        if (c && c.correlationId === r.correlationId) c.renameFailed = true;
      },
      finish() {
        const findings: Finding[] = [];
        for (const [path, c] of candidates) {
          ctx.flag(c.correlationId);
          const how = c.ended ? 'ended' : 'never ended';
          findings.push({
            kind: 'orphaned-temp',
            severity: 'warning',
            message:
              `Temp ${path} created by export ${c.correlationId} (pid ${c.pid}) was never renamed away nor deleted; ` +
              `the export ${how}.`,
            hint: orphanHint(c.ended, c.renameFailed),
            path,
            role: 'temp',
            tempPath: path,
            pids: [c.pid],
            hosts: [c.host],
            correlationIds: [c.correlationId],
            start: c.time,
            end: c.time,
            evidence: [c.source],
          });
        }
        return findings;
      },
    };
  },
};

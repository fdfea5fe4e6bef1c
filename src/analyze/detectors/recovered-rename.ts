import type { Evidence, Finding } from '../../types.js';
import { addCapped, listWords, plural, sortedNumbers, sortedStrings, LIST_CAP } from '../findings.js';
import { renameHint } from '../hints.js';
import type { Rename } from '../renames.js';
import type { Detector } from './detector.js';

interface ByCode {
  renames: number;
  failures: number;
  start: number;
  end: number;
  contended: boolean;
  stolen: boolean;
  correlationIds: Set<string>;
  pids: Set<number>;
  hosts: Set<string>;
  paths: Set<string>;
  evidence: Evidence[];
}

/**
 * Renames that failed and then succeeded on retry, aggregated by error code: one finding per code
 * (a rename that met two codes counts under both), so the report says "EBUSY 40 times" once
 * rather than once per export.
 */
export const recoveredRename: Detector = {
  kind: 'recovered-rename',
  severity: 'warning',
  description: 'Renames that failed and then succeeded on retry, one finding per error code.',
  create(ctx) {
    const byCode = new Map<string, ByCode>();
    return {
      renameEnded(r: Rename) {
        if (!r.succeeded || r.failures === 0) return;
        ctx.flag(r.correlationId);
        for (const [code, failures] of r.errorCodes) {
          let agg = byCode.get(code);
          if (!agg) {
            agg = {
              renames: 0,
              failures: 0,
              start: r.start,
              end: r.end,
              contended: false,
              stolen: false,
              correlationIds: new Set(),
              pids: new Set(),
              hosts: new Set(),
              paths: new Set(),
              evidence: [],
            };
            byCode.set(code, agg);
          }
          agg.renames++;
          agg.failures += failures;
          agg.start = Math.min(agg.start, r.start);
          agg.end = Math.max(agg.end, r.end);
          agg.contended ||= r.contended;
          agg.stolen ||= r.stolenBy !== undefined;
          addCapped(agg.correlationIds, r.correlationId);
          addCapped(agg.pids, r.pid);
          addCapped(agg.hosts, r.host);
          addCapped(agg.paths, r.targetPath || r.tempPath);
          for (const source of r.evidence) {
            if (agg.evidence.length < ctx.options.maxEvidence) agg.evidence.push(source);
          }
        }
      },
      finish() {
        const findings: Finding[] = [];
        for (const code of sortedStrings(byCode.keys())) {
          const agg = byCode.get(code);
          if (!agg) continue;
          const pids = sortedNumbers(agg.pids);
          const paths = sortedStrings(agg.paths);
          findings.push({
            kind: 'recovered-rename',
            severity: 'warning',
            message:
              `${plural(agg.renames, 'rename')} failed with ${code} (${plural(agg.failures, 'time')}) and succeeded ` +
              `on retry, on ${listWords(paths, 3)} (pids ${listWords(pids)}).`,
            hint: renameHint({ code, contended: agg.contended, stolen: agg.stolen }),
            ...(paths.length === 1 && paths[0] ? { path: paths[0], role: 'target' as const } : {}),
            pids,
            hosts: sortedStrings(agg.hosts),
            correlationIds: sortedStrings(agg.correlationIds).slice(0, LIST_CAP),
            start: agg.start,
            end: agg.end,
            count: agg.renames,
            errorCodes: { [code]: agg.failures },
            evidence: agg.evidence,
          });
        }
        return findings;
      },
    };
  },
};

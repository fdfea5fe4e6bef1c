import type { Finding } from '../../types.js';
import { codeRecord, describeCodes, plural } from '../findings.js';
import { renameHint } from '../hints.js';
import { attemptsOf, type Rename } from '../renames.js';
import type { Detector } from './detector.js';

/**
 * A rename that never succeeded: it failed, and no later attempt of the same export, temp and
 * target succeeded before the export (or the stream) ended. One finding per rename.
 */
export const failedRename: Detector = {
  kind: 'failed-rename',
  severity: 'error',
  description: 'A rename failed and no later attempt of the same export, temp and target succeeded.',
  create(ctx) {
    const findings: Finding[] = [];
    return {
      renameEnded(r: Rename) {
        if (r.succeeded || r.failures === 0) return;
        ctx.flag(r.correlationId);
        const attempts = attemptsOf(r);
        const last = r.lastFailure;
        const code = last?.code ?? 'UNKNOWN';
        findings.push({
          kind: 'failed-rename',
          severity: 'error',
          message:
            `Export ${r.correlationId} (pid ${r.pid}) never renamed ${r.tempPath} to ${r.targetPath}: ` +
            `${plural(attempts, 'attempt')}, failures ${describeCodes(r.errorCodes)}.`,
          hint: renameHint({ code, contended: last?.othersHeld ?? false, stolen: last?.stolenBy !== undefined }),
          ...(r.targetPath ? { path: r.targetPath, role: 'target' as const } : {}),
          ...(r.tempPath ? { tempPath: r.tempPath } : {}),
          ...(r.targetPath ? { targetPath: r.targetPath } : {}),
          pids: [r.pid],
          hosts: [r.host],
          correlationIds: [r.correlationId],
          start: r.start,
          end: r.end,
          attempts,
          errorCodes: codeRecord(r.errorCodes),
          evidence: r.evidence.slice(),
        });
      },
      finish: () => findings,
    };
  },
};

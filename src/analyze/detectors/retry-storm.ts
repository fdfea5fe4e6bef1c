import type { Evidence, Finding } from '../../types.js';
import { addCapped, durationWords, listWords, plural, sortedNumbers, sortedStrings } from '../findings.js';
import { HINTS } from '../hints.js';
import { attemptsOf, type Rename, type RenameFailure } from '../renames.js';
import { delaysIdentical } from '../delays.js';
import type { Detector } from './detector.js';

/** A storm being built: the union of every window that held enough retried failures. */
interface Storm {
  start: number;
  end: number;
  count: number;
  pids: Set<number>;
  hosts: Set<string>;
  correlationIds: Set<string>;
  paths: Map<string, number>;
  /** Retry delays per rename, to tell whether different processes waited the same. */
  delays: Map<string, { process: string; delays: number[] }>;
  evidence: Evidence[];
}

const MAX_RENAMES_COMPARED = 64;
const MAX_DELAYS = 16;

/**
 * Too many retried rename failures too close together, all processes together: one finding per
 * maximal storm window. Also one rename that needed at least `stormAttempts` attempts.
 * Memory: the last `stormThreshold` retried failures, plus the storm being built.
 */
export const retryStorm: Detector = {
  kind: 'retry-storm',
  severity: 'warning',
  description: 'Many retried rename failures within a short window, or one rename with many attempts.',
  create(ctx) {
    const { stormWindowMs, stormAttempts, maxEvidence } = ctx.options;
    const threshold = Math.max(1, Math.floor(ctx.options.stormThreshold));
    /** The last `threshold` retried failures, with the time each was known to be retried. */
    const recent: { f: RenameFailure; time: number }[] = [];
    let seen = 0;
    /** Sequence number (1-based) of the last failure already counted in `storm`. */
    let countedUpTo = 0;
    let storm: Storm | undefined;
    const findings: Finding[] = [];

    const include = (s: Storm, f: RenameFailure, time: number): void => {
      s.count++;
      s.end = Math.max(s.end, time);
      ctx.flag(f.correlationId);
      addCapped(s.pids, f.pid);
      addCapped(s.hosts, f.host);
      addCapped(s.correlationIds, f.correlationId);
      const path = f.targetPath || f.tempPath;
      if (s.paths.has(path) || s.paths.size < 100) s.paths.set(path, (s.paths.get(path) ?? 0) + 1);
      if (s.evidence.length < maxEvidence) s.evidence.push(f.source);
      if (f.delayMs === undefined) return;
      const key = `${f.correlationId}\0${f.tempPath}\0${f.targetPath}`;
      let entry = s.delays.get(key);
      if (!entry && s.delays.size < MAX_RENAMES_COMPARED) {
        entry = { process: `${f.host}\0${f.pid}`, delays: [] };
        s.delays.set(key, entry);
      }
      if (entry && entry.delays.length < MAX_DELAYS) entry.delays.push(f.delayMs);
    };

    const close = (s: Storm): void => {
      const pids = sortedNumbers(s.pids);
      const paths = [...s.paths].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p);
      const identical = delaysIdentical([...s.delays.values()]);
      findings.push({
        kind: 'retry-storm',
        severity: 'warning',
        message:
          `${s.count} retried rename failures within ${durationWords(s.end - s.start)} from pids ${listWords(pids)} ` +
          `on ${listWords(paths, 3)}` +
          (identical === true ? ', all processes waiting the same delays.' : '.'),
        hint: identical === true ? HINTS.noJitter : HINTS.storm,
        ...(paths[0] ? { path: paths[0], role: 'target' as const, paths } : {}),
        pids,
        hosts: sortedStrings(s.hosts),
        correlationIds: sortedStrings(s.correlationIds),
        start: s.start,
        end: s.end,
        count: s.count,
        ...(identical === undefined ? {} : { identicalDelays: identical }),
        evidence: s.evidence,
      });
    };

    return {
      renameRetried(f: RenameFailure, time: number) {
        seen++;
        recent.push({ f, time });
        if (recent.length > threshold) recent.shift();
        const first = recent[0];
        if (recent.length < threshold || !first || time - first.time > stormWindowMs) return;
        // The last `threshold` retried failures fit in one window: they belong to a storm.
        const firstSeq = seen - recent.length + 1;
        if (storm && firstSeq > countedUpTo && first.time > storm.end) {
          close(storm);
          storm = undefined;
        }
        storm ??= {
          start: first.time,
          end: first.time,
          count: 0,
          pids: new Set(),
          hosts: new Set(),
          correlationIds: new Set(),
          paths: new Map(),
          delays: new Map(),
          evidence: [],
        };
        for (let seq = Math.max(firstSeq, countedUpTo + 1); seq <= seen; seq++) {
          const entry = recent[seq - firstSeq];
          if (entry) include(storm, entry.f, entry.time);
        }
        countedUpTo = seen;
      },
      renameEnded(r: Rename) {
        const attempts = attemptsOf(r);
        if (attempts < stormAttempts) return;
        ctx.flag(r.correlationId);
        findings.push({
          kind: 'retry-storm',
          severity: 'warning',
          message:
            `Export ${r.correlationId} (pid ${r.pid}) made ${plural(attempts, 'attempt')} to rename ` +
            `${r.tempPath} to ${r.targetPath}${r.succeeded ? ' before it succeeded' : ' and never succeeded'}.`,
          hint: HINTS.longRetry,
          ...(r.targetPath ? { path: r.targetPath, role: 'target' as const, targetPath: r.targetPath } : {}),
          ...(r.tempPath ? { tempPath: r.tempPath } : {}),
          pids: [r.pid],
          hosts: [r.host],
          correlationIds: [r.correlationId],
          start: r.start,
          end: r.end,
          count: r.failures,
          attempts,
          evidence: r.evidence.slice(),
        });
      },
      finish() {
        if (storm) close(storm);
        storm = undefined;
        return findings;
      },
    };
  },
};

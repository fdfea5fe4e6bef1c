import type { Finding, TraceEvent } from '../types.js';
import type { Analysis, AnalysisOptions, AnalysisResult } from './analysis.js';
import { DETECTORS } from './detectors/index.js';
import type { Detector, DetectorContext, DetectorRun } from './detectors/detector.js';
import { ExportTable } from './exports.js';
import { sortFindings } from './findings.js';
import { HoldTracker } from './hold-tracker.js';
import type { Conflict, Hold } from './holds.js';
import { RenameTracker, type Rename, type RenameFailure } from './renames.js';
import { StoryBuilder } from './story.js';

/** The hooks of every run that defines them, so a per-event call touches only interested runs. */
type HookLists = { [K in Exclude<keyof DetectorRun, 'finish'>]-?: DetectorRun[] };

/**
 * Creates the analysis of one merged event stream: the shared hold and rename trackers, every
 * detector in ./detectors/index.ts, the export summary and, with `correlationId`, one export's
 * story. Pure: no I/O, no clock, no randomness; the same events give the same result.
 */
export function createAnalysis(options: AnalysisOptions, detectors: readonly Detector[] = DETECTORS): Analysis {
  const exports = new ExportTable(options.maxExports);
  const hooks: HookLists = {
    event: [], holdOpened: [], holdClosed: [], conflict: [], pathDropped: [],
    renameFailed: [], renameRetried: [], renameEnded: [],
  };
  let story: StoryBuilder | undefined;

  const holds = new HoldTracker({
    opened(hold: Hold) {
      for (const run of hooks.holdOpened) run.holdOpened?.(hold);
      story?.opened(hold);
    },
    touched(hold: Hold, e: TraceEvent) {
      story?.touched(hold, e);
    },
    closed(hold: Hold) {
      for (const run of hooks.holdClosed) run.holdClosed?.(hold);
      story?.closed(hold);
    },
    conflict(c: Conflict) {
      for (const run of hooks.conflict) run.conflict?.(c);
    },
    dropped(path: string) {
      for (const run of hooks.pathDropped) run.pathDropped?.(path);
    },
  });
  const renames = new RenameTracker(
    holds,
    {
      failed(r: Rename, f: RenameFailure) {
        for (const run of hooks.renameFailed) run.renameFailed?.(r, f);
      },
      retried(f: RenameFailure, time: number) {
        for (const run of hooks.renameRetried) run.renameRetried?.(f, time);
      },
      ended(r: Rename) {
        for (const run of hooks.renameEnded) run.renameEnded?.(r);
      },
    },
    options.maxEvidence,
  );
  if (options.correlationId !== undefined) {
    story = new StoryBuilder(options.correlationId, (path) => holds.holdsOn(path));
  }

  const context: DetectorContext = {
    options,
    holds,
    flag: (id) => exports.flag(id),
    lastSeen: (id) => exports.lastSeen(id),
  };
  const runs = detectors.map((d) => d.create(context));
  for (const run of runs) {
    for (const name of Object.keys(hooks) as (keyof HookLists)[]) {
      if (run[name]) hooks[name].push(run);
    }
  }

  let events = 0;
  let first = Infinity;
  let last = -Infinity;
  /** The stream's clock: late events (beyond the merge's reorder window) count as happening now. */
  let now = -Infinity;
  let finished: AnalysisResult | undefined;

  return {
    flaggedSoFar: () => exports.flaggedSoFar,
    event(e: TraceEvent) {
      if (finished) throw new Error('analysis already finished');
      events++;
      if (e.time < first) first = e.time;
      if (e.time > last) last = e.time;
      if (e.time > now) now = e.time;
      exports.event(e, now);
      story?.begin(e, events);
      holds.event(e, now, events);
      renames.event(e, now);
      for (const run of hooks.event) run.event?.(e, now);
    },
    finish() {
      if (finished) return finished;
      holds.finish();
      renames.finish();
      const findings: Finding[] = sortFindings(runs.flatMap((run) => run.finish()));
      const byKind: Record<string, number> = {};
      const perExport = new Map<string, number>();
      for (const f of findings) {
        byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
        for (const id of f.correlationIds ?? []) perExport.set(id, (perExport.get(id) ?? 0) + 1);
      }
      const listed = exports.finish((id) => perExport.get(id) ?? 0);
      finished = {
        summary: {
          events,
          exports: exports.total,
          processes: exports.processCount,
          ...(events > 0 ? { start: first, end: last } : {}),
          findings: sortedRecord(byKind),
        },
        exports: listed.exports,
        exportsOmitted: listed.omitted,
        findings,
        ...(story ? { story: story.finish() } : {}),
      };
      return finished;
    },
  };
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] ?? 0;
  return out;
}

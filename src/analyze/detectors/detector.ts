import type { AnalysisOptions } from '../analysis.js';
import type { Conflict, Hold, HoldView } from '../holds.js';
import type { Rename, RenameFailure } from '../renames.js';
import type { Finding, Severity, TraceEvent } from '../../types.js';

/** What every detector run can see besides its own hooks. */
export interface DetectorContext {
  readonly options: AnalysisOptions;
  /** The shared path timeline at the present moment. */
  readonly holds: HoldView;
  /**
   * Tell the analysis that a finding will name this export, so the bounded export summary keeps
   * it rather than an uneventful one.
   */
  flag(correlationId: string): void;
  /** When the export's last event so far happened (undefined once it left the bounded summary). */
  lastSeen(correlationId: string): number | undefined;
}

/**
 * One detector's state for one analysis. Every hook is optional; the analysis calls only the
 * hooks a run defines. Hooks come in merged time order; `time` never goes backwards. Hold and
 * rename hooks are fed by the shared trackers, so the timeline is computed once, not per detector.
 */
export interface DetectorRun {
  event?(event: TraceEvent, time: number): void;
  holdOpened?(hold: Hold): void;
  holdClosed?(hold: Hold): void;
  /** Two write holds of different exports overlapped on one path. */
  conflict?(conflict: Conflict): void;
  /** No hold on `path` remains and none can overlap it any more. */
  pathDropped?(path: string): void;
  renameFailed?(rename: Rename, failure: RenameFailure): void;
  renameRetried?(failure: RenameFailure, time: number): void;
  renameEnded?(rename: Rename): void;
  /** End of stream, after every hold and rename was closed: the findings. */
  finish(): Finding[];
}

/** A detector: one file in this folder, one line in ./index.ts. Pure: no I/O, no clock. */
export interface Detector {
  readonly kind: string;
  readonly severity: Severity;
  /** One sentence: what it finds. */
  readonly description: string;
  create(context: DetectorContext): DetectorRun;
}

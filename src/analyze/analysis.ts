import type { ExportSummary, Finding, Report, TraceEvent } from '../types.js';

/**
 * The seam between the merged event stream and the detectors. `createAnalysis` (in
 * ./analyzer.ts) returns an Analysis that is fed every event in merged order, then finished.
 */
export interface AnalysisOptions {
  /** retry-storm: this many retried failures within stormWindowMs (all processes together). */
  stormThreshold: number;
  stormWindowMs: number;
  /** retry-storm: one rename with at least this many attempts. */
  stormAttempts: number;
  /** Tell this export's story (`--correlation-id`). */
  correlationId?: string;
  /** Bound on how many exports the summary lists in full. */
  maxExports: number;
  /** Bound on evidence lines kept per finding. */
  maxEvidence: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = {
  stormThreshold: 10,
  stormWindowMs: 1000,
  stormAttempts: 8,
  maxExports: 1000,
  maxEvidence: 10,
};

export interface AnalysisResult {
  summary: Report['summary'];
  exports: ExportSummary[];
  exportsOmitted: number;
  findings: Finding[];
  story?: Report['story'];
}

export interface Analysis {
  event(event: TraceEvent): void;
  finish(): AnalysisResult;
  /** Exports with a finding so far (cheap; for a progress line while events still arrive). */
  flaggedSoFar(): number;
}

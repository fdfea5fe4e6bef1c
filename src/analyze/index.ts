import { createAnalysis } from './analyzer.js';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './analysis.js';
import { DEFAULT_INGEST_OPTIONS, type IngestIO } from '../ingest/index.js';
import { streamEventsOnThread, type IngestThreadMode } from '../merge/ingest-thread/index.js';
import type { ReadProgress } from '../merge/pipeline.js';
import type { IngestOptions } from '../ingest/adapter.js';
import type { Report } from '../types.js';
import { toolVersion } from '../version.js';
import { REPORT_SCHEMA_ID } from '../report/json.js';
import { createTimelineCollector } from './timeline/index.js';
import { createClockCollector } from './clock/index.js';

export type AnalyzeOptions = Partial<IngestOptions> &
  Partial<AnalysisOptions> & {
    /** Read `-` (and no inputs at all) from here; defaults to process.stdin. */
    stdin?: NodeJS.ReadableStream;
    /** Also collect the bounded timeline the HTML report draws (report.timeline). */
    timeline?: boolean;
    /** Counters updated while the analysis runs, for a progress line. */
    progress?: AnalyzeProgress;
    /**
     * Read and parse the inputs on a second thread while this one analyzes (`auto`: with two or
     * more cores and at least 32 MiB of files). The report is the same either way.
     */
    ingestThread?: IngestThreadMode;
  };

/** Bytes read of the inputs' total, events seen so far, and how many exports have findings. */
export interface AnalyzeProgress extends ReadProgress {
  events: number;
  /** Filled in by analyze(): exports a detector has flagged so far. */
  flagged?: () => number;
}


/**
 * Analyzes the logs in `inputs` (files, folders, `-` for stdin) in one streaming pass and returns
 * the report: line accounting per input, every export, and the findings of every detector.
 */
export async function analyze(inputs: string[], options: AnalyzeOptions = {}): Promise<Report> {
  const { stdin, timeline, progress, ingestThread, ...rest } = options;
  const ingestOptions: IngestOptions = { ...DEFAULT_INGEST_OPTIONS, ...definedOnly(rest) };
  const analysis = createAnalysis({ ...DEFAULT_ANALYSIS_OPTIONS, ...definedOnly(rest) });
  if (progress) progress.flagged = () => analysis.flaggedSoFar();
  const collector = timeline ? createTimelineCollector() : undefined;
  const clocks = createClockCollector();
  const io: IngestIO = {};
  if (stdin) io.stdin = stdin;
  if (progress) io.progress = progress;
  const ingest = await streamEventsOnThread(inputs, ingestOptions, (event) => {
    analysis.event(event);
    collector?.event(event);
    clocks.event(event);
    if (progress) progress.events++;
  }, io, ingestThread);
  const result = analysis.finish();
  const report: Report = {
    $schema: REPORT_SCHEMA_ID,
    tool: { name: 'racetrace', version: toolVersion },
    inputs: ingest.inputs,
    summary: result.summary,
    exports: result.exports,
    findings: result.findings,
    diagnostics: ingest.diagnostics,
  };
  if (result.exportsOmitted > 0) report.exportsOmitted = result.exportsOmitted;
  if (ingest.diagnosticsOmitted > 0) report.diagnosticsOmitted = ingest.diagnosticsOmitted;
  if (result.story) report.story = result.story;
  if (ingest.notes.length > 0) report.notes = ingest.notes;
  if (collector) report.timeline = collector.finish(report.findings);
  const clock = clocks.finish(ingestOptions.skew);
  if (clock.clock) report.clock = clock.clock;
  for (const finding of clock.findings) {
    report.findings.push(finding);
    report.summary.findings[finding.kind] = (report.summary.findings[finding.kind] ?? 0) + 1;
  }
  return report;
}

/** Options objects from flags carry `undefined` for flags not given; they must not erase defaults. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { createAnalysis } from './analyzer.js';
export type { Analysis, AnalysisOptions, AnalysisResult } from './analysis.js';
export type { Report, Finding, TraceEvent } from '../types.js';

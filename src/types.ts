/**
 * Public types shared by the two halves of racetrace: the instrumentation that emits events and
 * the analyzer that reads them. Every other module imports its shared shapes from here.
 */

/** The seven steps an exporter reports. */
export type EventName =
  | 'export.start'
  | 'export.end'
  | 'temp.create'
  | 'temp.delete'
  | 'rename.attempt'
  | 'rename.success'
  | 'rename.failure';

export const EVENT_NAMES: readonly EventName[] = [
  'export.start',
  'export.end',
  'temp.create',
  'temp.delete',
  'rename.attempt',
  'rename.success',
  'rename.failure',
];

/** Where an event came from: the input's display name and its 1-based line number. */
export interface Evidence {
  input: string;
  line: number;
}

/** The optional fields of an event, named as in the event schema. */
export interface EventFields {
  tempPath?: string;
  targetPath?: string;
  attempt?: number;
  errorCode?: string;
  errorMessage?: string;
  willRetry?: boolean;
  delayMs?: number;
  durationMs?: number;
  status?: 'ok' | 'failed';
  /** How a source adapter saw the path being used, when it knows (strace: read vs write). */
  access?: 'read' | 'write';
}

/**
 * One racetrace event as the analyzer sees it, whatever the source (NDJSON, strace, log stores).
 * `time` is epoch milliseconds with the sub-millisecond fraction kept. An optional field may be
 * absent or undefined: the events the analyzer builds from records have every field (one hidden
 * class for V8; see ingest/trace-event.ts).
 */
export interface TraceEvent extends EventFields {
  time: number;
  host: string;
  pid: number;
  /** Per-process counter; when the source has none, the line number stands in. */
  seq: number;
  event: EventName;
  correlationId: string;
  source: Evidence;
}

export type Severity = 'error' | 'warning' | 'info';
export type PathRole = 'temp' | 'target';

/** One thing the analyzer found. Fields that do not apply to a kind are left out. */
export interface Finding {
  kind: string;
  severity: Severity;
  message: string;
  /** One line: the likely cause and the fix. */
  hint: string;
  path?: string;
  /** retry-storm: every path retried in the window, most retried first (bounded). */
  paths?: string[];
  role?: PathRole;
  tempPath?: string;
  targetPath?: string;
  pids?: number[];
  hosts?: string[];
  correlationIds?: string[];
  /** Epoch milliseconds. */
  start?: number;
  end?: number;
  count?: number;
  attempts?: number;
  errorCodes?: Record<string, number>;
  /** retry-storm: true when different processes waited exactly the same delays (no jitter). */
  identicalDelays?: boolean;
  evidence?: Evidence[];
}

/** Line accounting for one input: lines = events + other + invalid. */
export interface InputStats {
  name: string;
  lines: number;
  events: number;
  other: number;
  invalid: number;
  /** Events that arrived later than the reorder window allowed; still used. */
  late: number;
  /** Set when the input could not be read to its end. */
  error?: string;
}

/** A line the analyzer could not use, kept for the report. */
export interface Diagnostic {
  input: string;
  line: number;
  reason: string;
}

/** One export run as the summary lists it. */
export interface ExportSummary {
  correlationId: string;
  pids: number[];
  hosts: string[];
  start: number;
  end: number;
  /** 'ok' or 'failed' from export.end; 'incomplete' when it never ended. */
  status: 'ok' | 'failed' | 'incomplete' | 'unknown';
  events: number;
  findings: number;
}

/** The analyzer's whole answer; `--format json` writes it as is (schemas/report.schema.json). */
export interface Report {
  $schema?: string;
  tool: { name: 'racetrace'; version: string };
  inputs: InputStats[];
  summary: {
    events: number;
    exports: number;
    processes: number;
    start?: number;
    end?: number;
    findings: Record<string, number>;
  };
  exports: ExportSummary[];
  /** How many exports the `exports` list left out to stay bounded. */
  exportsOmitted?: number;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Diagnostics counted but not kept in full. */
  diagnosticsOmitted?: number;
  /** Set by `--correlation-id`: one export's story across processes. */
  story?: { correlationId: string; events: StoryEvent[] };
  notes?: string[];
  /** Who held which path when, for the HTML report; set only when asked (`analyze({ timeline: true })`). */
  timeline?: Timeline;
  /** How far the hosts' clocks disagree, estimated from the events; set when events came from several hosts. */
  clock?: ClockReport;
}

/**
 * Clock offsets between hosts (issue 8), estimated from causal pairs: a rename that failed with
 * ENOENT on one host must follow the removal of its temp by another host. Offsets are in the
 * report's times (after --skew), relative to `reference`, the host with the most events: a host
 * at +12 ms stamps its events 12 ms later than the reference would have.
 */
export interface ClockReport {
  reference: string;
  /** Every host, the reference first, then by name. */
  hosts: ClockHost[];
  /** Causal pairs used, all hosts together. */
  pairs: number;
  /** Causal pairs set aside because they disagreed with the rest (mispaired, or a clock stepped). */
  contradictions: number;
  /** Causal pairs the report's times show in an impossible order (an effect before its cause). */
  violations: number;
  /** Events on different hosts closer than this (ms) may be in either order; absent when unknown. */
  uncertaintyMs?: number;
  /** What the bounds left out: observations beyond the bound, hosts beyond the bound. */
  omitted?: { observations?: number; hosts?: number };
}

/** One host's clock. With no causal pair linking it to the reference, only `events` is known. */
export interface ClockHost {
  host: string;
  events: number;
  /** Causal pairs this host is part of. */
  pairs: number;
  /** The correction given with --skew (ms added to its times), when one was. */
  skewMs?: number;
  /** The estimate (ms from the reference): the middle of [minMs, maxMs] when both are known. */
  offsetMs?: number;
  /** The offsets the causal pairs allow; an end is absent when unbounded. */
  minMs?: number;
  maxMs?: number;
}

/**
 * The picture the HTML report draws (issue 6), bounded whatever the input size: one lane per
 * process, every conflicting or failed hold as its own bar (up to a bound), the other holds of a
 * busy lane merged into time buckets, failed renames as markers, and the windows of the
 * overlapping-path and retry-storm findings. Times are epoch milliseconds.
 */
export interface Timeline {
  start: number;
  end: number;
  /** Grouped by host, then by pid. */
  lanes: TimelineLane[];
  bars: TimelineBar[];
  /** Holds and failures not drawn one by one, merged per lane by time. */
  buckets: TimelineBucket[];
  markers: TimelineMarker[];
  /** Overlapping-path windows: when two or more exports held `path`. */
  conflicts: TimelineWindow[];
  /** Retry-storm windows. */
  storms: TimelineWindow[];
  /** What the bounds left out (counted, not drawn). */
  omitted?: { lanes?: number; holds?: number; failures?: number; conflicts?: number; storms?: number };
}

/** One process. `holds` and `failures` count everything, drawn one by one or bucketed. */
export interface TimelineLane {
  host: string;
  pid: number;
  holds: number;
  failures: number;
  /** True when this lane's ordinary holds were too many to draw and are bucketed. */
  aggregated: boolean;
}

/** One export's hold on one path; `lane` indexes `Timeline.lanes`. */
export interface TimelineBar {
  lane: number;
  path: string;
  role: PathRole;
  correlationId: string;
  start: number;
  end: number;
  /** Another export held the same path at an overlapping time. */
  conflict: boolean;
  /** A rename of this path failed while it was held. */
  failed: boolean;
  /** Still held when the logs ended (never renamed away, deleted, or released by export.end). */
  unreleased?: boolean;
}

/** Holds and failures of one lane merged over [start, end]. */
export interface TimelineBucket {
  lane: number;
  start: number;
  end: number;
  holds: number;
  temp: number;
  target: number;
  conflicts: number;
  failures: number;
  /** error code -> failures (only failures beyond the marker bound land here). */
  errorCodes?: Record<string, number>;
}

/** One failed rename attempt. */
export interface TimelineMarker {
  lane: number;
  time: number;
  correlationId: string;
  errorCode: string;
  /** The target when known, else the temp. */
  path: string;
  attempt?: number;
  willRetry?: boolean;
}

/** A finding's window; `finding` indexes `Report.findings`. */
export interface TimelineWindow {
  finding: number;
  start: number;
  end: number;
  path?: string;
  pids: number[];
  hosts: string[];
}

/** A line of one export's story; `own` is false for other exports' events on the same paths. */
export interface StoryEvent {
  time: number;
  host: string;
  pid: number;
  correlationId: string;
  event: EventName;
  own: boolean;
  tempPath?: string;
  targetPath?: string;
  attempt?: number;
  errorCode?: string;
  source: Evidence;
}

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

/**
 * One racetrace event as the analyzer sees it, whatever the source (NDJSON, strace, log stores).
 * `time` is epoch milliseconds with the sub-millisecond fraction kept.
 */
export interface TraceEvent {
  time: number;
  host: string;
  pid: number;
  /** Per-process counter; when the source has none, the line number stands in. */
  seq: number;
  event: EventName;
  correlationId: string;
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

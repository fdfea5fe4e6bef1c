import type { TraceEvent } from '../types.js';

/**
 * The seam between a source format and the rest of the analyzer. One adapter instance reads one
 * input, line by line, and turns lines into TraceEvents. It classifies every line into exactly one
 * bucket, so that events + other + invalid = lines for every input.
 */
export type LineBucket = 'event' | 'other' | 'invalid';

export interface LineResult {
  bucket: LineBucket;
  /** For `invalid`: what is wrong, e.g. `not JSON (Unexpected token } at 14)`. */
  reason?: string;
}

export type Emit = (event: TraceEvent) => void;

export interface LineAdapter {
  /**
   * Classify one line (without its line end) and emit the events it completes; a line may emit
   * none (an `<unfinished ...>` strace call) or several.
   */
  line(text: string, lineNo: number, emit: Emit): LineResult;
  /** End of input: emit what is still pending (strace calls that never resumed). */
  end(emit: Emit): void;
}

export type InputFormat = 'auto' | 'ndjson' | 'strace' | 'loki' | 'elasticsearch' | 'otlp' | 'ecs';

export interface IngestOptions {
  inputFormat: InputFormat;
  /** How far back in time a line may arrive within one input and still be put in order. */
  reorderWindowMs: number;
  /** Invalid lines kept in full per input; the rest are counted. */
  maxDiagnosticsPerInput: number;
  /** Lines longer than this are invalid and never buffered whole. */
  maxLineBytes: number;
  /** strace: the working folder of the traced root when the trace does not show it. */
  cwd?: string;
  /** strace: one unit of work per process tree (default) or per pid. */
  groupBy: 'tree' | 'pid';
  /** Keep only events at or after / before these epoch milliseconds. */
  since?: number;
  until?: number;
  /**
   * Per-host clock corrections (`--skew host-b=+12ms`): milliseconds added to every time of that
   * host before the reorder window and the merge, so ordering (and since/until) use corrected times.
   */
  skew?: Record<string, number>;
}

/** What every adapter of one run shares: cross-input state and post-merge steps. */
export interface AdapterContext {
  /** The input's display name, used in evidence (`input:line`). */
  input: string;
  options: IngestOptions;
  /** State shared by all inputs of one run (strace -ff: one process tree across files). */
  shared: Map<string, unknown>;
  /**
   * Register a step applied to every event after the merge, in merged order (strace: regroup
   * pids into jobs once the process tree is known). Registering the same key twice keeps one.
   */
  addTransform(key: string, transform: (event: TraceEvent) => TraceEvent): void;
  /** A sentence for the report's notes, e.g. that grouping had to be guessed. Deduplicated. */
  addNote(note: string): void;
}

export interface AdapterDefinition {
  format: Exclude<InputFormat, 'auto'>;
  /** For `--input-format auto`: does this (first non-blank) line look like this format? */
  recognises(line: string): boolean;
  create(context: AdapterContext): LineAdapter;
}

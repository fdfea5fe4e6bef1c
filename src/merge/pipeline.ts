import type { AdapterContext, AdapterDefinition, IngestOptions } from '../ingest/adapter.js';
import type { Diagnostic, InputStats } from '../types.js';
import { RacetraceError } from '../errors.js';
import { formatByName } from '../ingest/formats.js';
import { resolveInputs } from '../ingest/inputs.js';
import { openInput } from '../ingest/open.js';
import { InputReader, type LineHandler } from '../ingest/reader.js';
import type { RunState } from '../ingest/context.js';
import { InputCursor } from './cursor.js';
import type { Ordered } from './order.js';
import { ReorderBuffer } from './reorder.js';
import { withSkew } from './skew.js';

/** What `streamEvents` and `mergeLines` return. */
export interface IngestResult {
  /** One per input, in input order: lines = events + other + invalid. */
  inputs: InputStats[];
  /** The invalid lines kept in full, by input then line. */
  diagnostics: Diagnostic[];
  /** Invalid lines counted but not kept (past `maxDiagnosticsPerInput` per input). */
  diagnosticsOmitted: number;
  /** Sentences for the report: skipped folders, guessed formats, adapter notes. */
  notes: string[];
}

/** Standard input can be injected (tests); defaults to process.stdin. */
export interface IngestIO {
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Filled in as inputs are read, for a progress line: raw (possibly gzipped) bytes. */
  progress?: ReadProgress;
  /**
   * Backpressure for `streamEvents`: when its `onEvent` returns false the merge awaits this; it
   * resolves true to go on, false to stop reading (the inputs are closed).
   */
  drain?: () => Promise<boolean>;
}

/** Bytes read so far of the inputs' total size on disk (stdin adds to read, not to total). */
export interface ReadProgress {
  bytesRead: number;
  bytesTotal: number;
}

/** Builds the line handler of one input; items go to `sink` (the input's reorder window). */
export type ItemHandlerFactory<T> = (
  definition: AdapterDefinition,
  context: AdapterContext,
  sink: (item: T) => void,
) => LineHandler;

// Items held by all reorder windows together, at most: a burst or a far-future time must not
// grow memory without bound (a TraceEvent is a few hundred bytes).
const HELD_BUDGET = 200_000;

/** Resolves the inputs and opens one cursor per input (files are opened on first read). */
export async function openCursors<T extends Ordered>(
  specs: readonly string[],
  run: RunState,
  io: IngestIO,
  factory: ItemHandlerFactory<T>,
): Promise<InputCursor<T>[]> {
  checkOptions(run.options);
  // process.stdin is only touched when it is read: creating it has side effects on a terminal.
  const wantsStdin = specs.length === 0 || specs.includes('-');
  const stdin = io.stdin ?? (wantsStdin ? process.stdin : undefined);
  const inputs = await resolveInputs(specs, stdin, (note) => run.notes.add(note));
  if (io.progress) io.progress.bytesTotal = inputs.reduce((sum, spec) => sum + (spec.size ?? 0), 0);
  const maxHeld = Math.max(10_000, Math.floor(HELD_BUDGET / inputs.length));
  const { reorderWindowMs, since, until } = run.options;
  return inputs.map((spec, index) => {
    const reorder = new ReorderBuffer<T>(reorderWindowMs, maxHeld, since, until);
    const sink = withSkew<T>(run.options.skew, (item) => reorder.push(item));
    const reader = new InputReader(spec.name, run, (definition, context) => factory(definition, context, sink));
    return new InputCursor(index, reader, openInput(spec, stdin, io.progress, run.options), reorder);
  });
}

/** Collects the accounting of every input once the merge is over. */
export function collectResult<T extends Ordered>(run: RunState, cursors: readonly InputCursor<T>[]): IngestResult {
  return {
    inputs: cursors.map((cursor) => cursor.reader.stats),
    diagnostics: cursors.flatMap((cursor) => cursor.reader.diagnostics),
    diagnosticsOmitted: cursors.reduce((sum, cursor) => sum + cursor.reader.diagnosticsOmitted, 0),
    notes: [...run.notes],
  };
}

function checkOptions(options: IngestOptions): void {
  const problem =
    !(options.reorderWindowMs >= 0) ? '--reorder-window must be a number of milliseconds, 0 or more'
    : !(options.maxLineBytes >= 1) ? '--max-line-bytes must be 1 or more'
    : !(options.maxDiagnosticsPerInput >= 0) ? 'maxDiagnosticsPerInput must be 0 or more'
    : options.inputFormat !== 'auto' && formatByName(options.inputFormat) === undefined
      ? `--input-format ${options.inputFormat} is not available in this build; use auto or ndjson`
      : undefined;
  if (problem !== undefined) throw new RacetraceError('USAGE', `${problem}.`);
}

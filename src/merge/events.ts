import type { IngestOptions } from '../ingest/adapter.js';
import type { TraceEvent } from '../types.js';
import { RunState } from '../ingest/context.js';
import { collectResult, openCursors, type IngestIO, type IngestResult } from './pipeline.js';
import { mergeCursors } from './kway.js';

const proceed = (): Promise<boolean> => Promise.resolve(true);

/**
 * Reads every input (files, folders, `-` for stdin; stdin by default when it is piped), and
 * calls `onEvent` once per racetrace event in merged order: by (time, host, pid, seq), then input
 * order, within each input after the reorder window, keeping only `since` <= time < `until`. Each
 * event has been passed through the transforms adapters registered, in registration order. When
 * `onEvent` returns false, `io.drain` is awaited before the next event (backpressure).
 *
 * Throws RacetraceError (USAGE, INPUT_NOT_FOUND) before reading anything; an input that fails
 * part-way gets `error` on its InputStats and the others are still read. Memory is bounded by
 * the reorder window and the number of inputs, not by their size.
 */
export async function streamEvents(
  inputs: readonly string[],
  options: IngestOptions,
  onEvent: (event: TraceEvent) => unknown,
  io: IngestIO = {},
): Promise<IngestResult> {
  const run = new RunState(options);
  const cursors = await openCursors<TraceEvent>(inputs, run, io, (definition, context, sink) => {
    const adapter = definition.create(context);
    return {
      line: (text, lineNo) => adapter.line(text, lineNo, sink),
      end: () => adapter.end(sink),
    };
  });
  const emit = (event: TraceEvent): boolean => {
    let current = event;
    for (const transform of run.transforms) current = transform(current);
    return onEvent(current) !== false;
  };
  await mergeCursors(cursors, emit, io.drain ?? proceed);
  return collectResult(run, cursors);
}

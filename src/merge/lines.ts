import type { Writable } from 'node:stream';
import type { IngestOptions } from '../ingest/adapter.js';
import type { TraceEvent } from '../types.js';
import { RunState } from '../ingest/context.js';
import { collectResult, openCursors, type IngestIO, type IngestResult } from './pipeline.js';
import { mergeCursors } from './kway.js';
import { recordHandler, recordText, type LineRecord } from './records.js';
import { LineWriter } from './writer.js';

/** What `mergeLines` returns: the input accounting plus what happened to the output. */
export interface MergeLinesResult extends IngestResult {
  /** Lines written. */
  written: number;
  /** True when the output closed early (e.g. `racetrace merge big.log | head`); reading stopped. */
  outputClosed: boolean;
}

/**
 * `racetrace merge`: writes the lines of all inputs to `output` in merged order, like `sort -m`,
 * each with its original text and a LF (a BOM and CR line ends are dropped). Ordered are the
 * JSON lines that have a time (numeric or ISO-8601), racetrace events or not, by (time, host,
 * pid, seq), then input order, after each input's reorder window; `since`/`until` apply. A JSON
 * line without a time follows the previous timed line of its input. Blank and non-JSON lines
 * are not written; they are counted (and diagnosed) in the result. Events of non-NDJSON inputs
 * (strace) are written as NDJSON in the event schema's shape.
 *
 * Honours backpressure. The output is not ended (it may be stdout). If it closes or fails, the
 * merge stops quietly and `outputClosed` is true. Throws RacetraceError like `streamEvents`.
 */
export async function mergeLines(
  inputs: readonly string[],
  options: IngestOptions,
  output: Writable,
  io: IngestIO = {},
): Promise<MergeLinesResult> {
  const run = new RunState(options);
  const cursors = await openCursors<LineRecord>(inputs, run, io, recordHandler);
  const writer = new LineWriter(output);
  const transform = (event: TraceEvent): TraceEvent => {
    let current = event;
    for (const step of run.transforms) current = step(current);
    return current;
  };
  await mergeCursors(cursors, (record) => writer.add(recordText(record, transform)), () => writer.drain());
  await writer.finish();
  return { ...collectResult(run, cursors), written: writer.written, outputClosed: writer.closed };
}

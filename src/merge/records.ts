import type { AdapterContext, AdapterDefinition, LineResult } from '../ingest/adapter.js';
import type { LineHandler } from '../ingest/reader.js';
import type { Evidence, TraceEvent } from '../types.js';
import { NdjsonReader } from '../ingest/ndjson.js';
import { isBlank } from '../ingest/blank.js';
import { toEpochMs } from '../ingest/time.js';

/**
 * One line of `racetrace merge` output with its place in the order. NDJSON lines keep their
 * original `text`; events of other formats (strace) carry `event` and are written as JSON.
 * A record is its own evidence (`source` is itself): one object per line instead of two, which
 * the reorder windows hold for two seconds of log time each.
 */
export class LineRecord implements Evidence {
  constructor(
    public time: number,
    readonly host: string,
    readonly pid: number,
    readonly seq: number,
    readonly input: string,
    readonly line: number,
    readonly text: string | undefined,
    readonly event: TraceEvent | undefined,
  ) {}

  get source(): Evidence {
    return this;
  }
}

/**
 * Builds the records of one input. A JSON line with a time (numeric epoch ms or ISO-8601: racetrace
 * events, ordinary pino lines, even schema-invalid events) is ordered by its own time, host,
 * pid and seq. A JSON line without a time follows the previous timed line of its input (it takes
 * that line's place in the order); before the first timed line it goes to the very front.
 * Blank lines and lines that are not JSON are not written (they are counted and diagnosed).
 */
export function recordHandler(
  definition: AdapterDefinition,
  context: AdapterContext,
  sink: (record: LineRecord) => void,
): LineHandler {
  if (definition.format !== 'ndjson') {
    const adapter = definition.create(context);
    const emit = (event: TraceEvent): void => {
      sink(new LineRecord(event.time, event.host, event.pid, event.seq, event.source.input, event.source.line, undefined, event));
    };
    return { line: (text, lineNo) => adapter.line(text, lineNo, emit), end: () => adapter.end(emit) };
  }
  // Only the verdict and the parsed line are needed, not a TraceEvent per line.
  const reader = new NdjsonReader(context.input, false);
  // The order key of the previous timed line, kept as plain values: no object per line.
  let time = -Infinity;
  let host = '';
  let pid = 0;
  let seq = 0;
  return {
    line(text: string, lineNo: number): LineResult {
      const result = reader.read(text, lineNo);
      const parsed = reader.parsed;
      if (parsed === undefined) {
        // Not a JSON object: blank and torn lines are not written; other JSON values keep the
        // place of the previous timed line.
        if (result.bucket === 'invalid' || isBlank(text)) return result;
      } else {
        // A valid event's time is already epoch milliseconds and its seq filled in.
        const ms = result.bucket === 'event' ? parsed['time'] : toEpochMs(parsed['time']);
        if (typeof ms === 'number') {
          const { hostname, pid: linePid, seq: lineSeq } = parsed;
          time = ms;
          host = typeof hostname === 'string' ? hostname : '';
          pid = typeof linePid === 'number' ? linePid : 0;
          seq = typeof lineSeq === 'number' ? lineSeq : lineNo;
        }
      }
      sink(new LineRecord(time, host, pid, seq, context.input, lineNo, text, undefined));
      return result;
    },
    end() {},
  };
}

/** The output line of a record: its original text, or an event of another format as JSON. */
export function recordText(record: LineRecord, transform: (event: TraceEvent) => TraceEvent): string {
  if (record.text !== undefined) return record.text;
  if (record.event === undefined) return '';
  const { host, source, time, pid, ...rest } = transform(record.event);
  return JSON.stringify({ time, pid, hostname: host, ...rest });
}

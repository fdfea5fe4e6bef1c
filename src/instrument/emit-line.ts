import { closeSync, writeSync } from 'node:fs';
import type { EventFields, EventName } from '../types.js';

export type { EventFields } from '../types.js';
import { RacetraceError } from '../errors.js';
import { validateEvent } from '../schema/validators.js';
import { openLogSync, errorCode } from './fs.js';
import { dropStamp, preciseTimestamp, stampTime } from './stamp.js';
import type { TraceFields } from './trace-context.js';

/** Everything one standalone event line needs (`racetrace emit`). */
export interface EventLineInput {
  event: EventName;
  correlationId: string;
  pid: number;
  hostname: string;
  /** Default: {@link monotonicSeq}. */
  seq?: number;
  fields: EventFields;
  trace?: TraceFields | undefined;
}

/** How each schema field is given on the `racetrace emit` command line. */
export const EMIT_FLAGS: Readonly<Record<string, string>> = {
  correlationId: '--correlation-id', pid: '--pid', hostname: '--hostname', seq: '--seq',
  tempPath: '--temp', targetPath: '--target', attempt: '--attempt', errorCode: '--error-code',
  errorMessage: '--error-message', willRetry: '--will-retry', delayMs: '--delay-ms',
  durationMs: '--duration-ms', status: '--status', access: '--access',
};

/**
 * A default `seq` for an event written by a short-lived process: microseconds of the system-wide
 * monotonic clock (CLOCK_MONOTONIC on Linux, QueryPerformanceCounter on Windows). Successive
 * `racetrace emit` calls of one script get strictly increasing values, even across a wall-clock
 * step, with no state file and no lock. A counter in a file would need a lock that a killed
 * emitter can leave behind; `seq` only breaks ties between events of one process with the same
 * `time`, and a strictly increasing clock does that.
 */
export function monotonicSeq(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * One event as a pino-shaped NDJSON line (with its `\n`): level, sub-millisecond time, pid,
 * hostname, correlationId, seq, event, the event's fields, trace ids, msg. Throws
 * RacetraceError('SCHEMA_VIOLATION') naming the flag to fix when the event breaks the schema.
 */
export function buildEventLine(input: EventLineInput): string {
  const failed = input.event === 'rename.failure' || (input.event === 'export.end' && input.fields.status !== 'ok');
  const body: Record<string, unknown> = {
    pid: input.pid,
    hostname: input.hostname,
    correlationId: input.correlationId,
    seq: input.seq ?? monotonicSeq(),
    event: input.event,
    ...input.fields,
    ...input.trace,
    msg: input.event,
  };
  // The schema's if/then reports a missing willRetry as a missing delayMs; say what is missing.
  if (input.event === 'rename.failure' && input.fields.willRetry === undefined) {
    throw new RacetraceError('SCHEMA_VIOLATION', 'The rename.failure event needs --will-retry or --no-will-retry (the event schema requires willRetry).', {
      details: { event: input.event, field: 'willRetry' },
    });
  }
  const time = stampTime();
  const record = { level: failed ? 40 : 30, time, ...body };
  if (!validateEvent(record)) {
    dropStamp();
    throw schemaError(input.event, validateEvent.errors?.[0]);
  }
  // The same `time` text the tracer writes (always three fractional digits), then the rest.
  return `{"level":${record.level}${preciseTimestamp()},${JSON.stringify(body).slice(1)}\n`;
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function schemaError(event: EventName, error: AjvError | undefined): RacetraceError {
  const missing = error?.keyword === 'required' ? error.params['missingProperty'] : undefined;
  const name = typeof missing === 'string' ? missing : (error?.instancePath.slice(1) ?? '');
  const flag = EMIT_FLAGS[name] ?? (name || 'the event');
  const message = typeof missing === 'string'
    ? `The ${event} event needs ${flag} (the event schema requires ${missing}).`
    : `${flag} does not fit the ${event} event: it ${error?.message ?? 'is invalid'}.`;
  return new RacetraceError('SCHEMA_VIOLATION', message, { details: { event, field: name } });
}

/**
 * Appends one line to a log with a single write(2) on a file opened O_APPEND, so lines from
 * concurrent emitters, on one host, never interleave. Throws RacetraceError('USAGE') when the
 * log cannot be written.
 */
export function appendLine(path: string, line: string): void {
  const bytes = Buffer.from(line, 'utf8');
  let fd: number | undefined;
  try {
    fd = openLogSync(path);
    const written = writeSync(fd, bytes);
    if (written !== bytes.length) {
      throw new RacetraceError('USAGE', `Only ${written} of ${bytes.length} bytes reached ${path}: check the free space on its disk.`);
    }
  } catch (error) {
    if (error instanceof RacetraceError) throw error;
    throw new RacetraceError(
      'USAGE',
      `Cannot append to ${path} (${errorCode(error) ?? 'error'}): check that the path is a writable file.`,
      { cause: error },
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

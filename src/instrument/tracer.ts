import { hostname as osHostname } from 'node:os';
import { pino, type Logger } from 'pino';
import type { EventName } from '../types.js';
import { RacetraceError } from '../errors.js';
import { validateEvent, describeErrors } from '../schema/validators.js';
import { surelyValid, surelyValidFields } from '../schema/event-shape.js';
import { CORRELATION_ENV, checkCorrelationId, correlationIdFromEnv, newCorrelationId } from './correlation.js';
import { errorMessage, openLogSync } from './fs.js';
import { LogFile, warn as warnOnStderr } from './log-file.js';
import { dropStamp, nextSeq, preciseTimestamp, stampTime } from './stamp.js';
import { traceFieldsSource, type TraceContextOption } from './trace-context.js';

/** How to build a tracer. Give either `logger` or `destination`; neither means stdout. */
export interface TracerOptions {
  /** An existing pino logger: the tracer becomes its child, so events land where the exporter logs. */
  logger?: Logger;
  /** A file path or file descriptor for a logger of the tracer's own. */
  destination?: string | number;
  /**
   * Own destination only. Default true: every event is one write(2), so the events before a
   * SIGKILL are already in the file. false buffers (faster for many events) and flushes on exit.
   */
  sync?: boolean;
  /** Throw RacetraceError('SCHEMA_VIOLATION') on an invalid event instead of writing it (tests). */
  strict?: boolean;
  /** Default: RACETRACE_CORRELATION_ID from `env`, else a new ID. */
  correlationId?: string;
  env?: NodeJS.ProcessEnv;
  /** Fields bound to every event, e.g. an OpenTelemetry `trace_id` and `span_id`. */
  bindings?: Record<string, string | number | boolean>;
  /**
   * Where `trace_id` / `span_id` come from (issue 8). Default: the active OpenTelemetry span when
   * @opentelemetry/api is installed, else TRACEPARENT from `env`; `false` for none. Ignored when
   * `bindings` already has a `trace_id`.
   */
  traceContext?: TraceContextOption;
}

/**
 * Extra fields an event may carry; the schema allows unknown fields. Names pino or racetrace
 * write themselves (level, time, pid, hostname, msg, seq, event, correlationId) are reserved.
 */
export type ExtraFields = Record<string, unknown>;
export interface TempFields { tempPath: string; targetPath?: string }
export interface RenameFields { tempPath: string; targetPath: string; attempt: number }

/** Emits the racetrace events of one export (schemas/event.schema.json). */
export interface Tracer {
  readonly correlationId: string;
  /** The pino logger events are written with (a child bound to the correlation ID). */
  readonly logger: Logger;
  exportStart(fields?: ExtraFields): void;
  exportEnd(fields: { status: 'ok' | 'failed'; durationMs?: number } & ExtraFields): void;
  tempCreate(fields: TempFields & ExtraFields): void;
  tempDelete(fields: TempFields & ExtraFields): void;
  renameAttempt(fields: RenameFields & ExtraFields): void;
  renameSuccess(fields: RenameFields & { durationMs?: number } & ExtraFields): void;
  renameFailure(
    fields: RenameFields & { errorCode: string; errorMessage?: string; willRetry: boolean; delayMs?: number } & ExtraFields,
  ): void;
  /** Any event by name; the typed methods above are the usual way. */
  emit(event: EventName, fields?: ExtraFields): void;
  /** `base` (default process.env) plus RACETRACE_CORRELATION_ID, for child processes of this export. */
  childEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** Writes out anything buffered, synchronously; a no-op for sync destinations. */
  flush(): void;
}

const pid = process.pid;
const host = osHostname();

function ownLogger(destination: string | number, sync: boolean): { logger: Logger; stream: LogFile } {
  // The file is opened here, synchronously, so an exit right after the first event can still
  // flush a buffered log. LogFile (not sonic-boom) so a failing log cannot fail the export.
  const dest = typeof destination === 'string' ? openLogSync(destination) : destination;
  const stream = new LogFile(dest, sync, typeof destination === 'string' ? destination : `fd ${destination}`);
  return { logger: pino({ timestamp: preciseTimestamp }, stream), stream };
}

function childLogger(parent: Logger, bindings: Record<string, unknown>): Logger {
  const chindings = String((parent as unknown as Record<symbol, unknown>)[pino.symbols.chindingsSym] ?? '');
  // The schema requires pid and hostname; a parent built with `base: null` leaves them out.
  if (!chindings.includes('"pid":')) bindings['pid'] = pid;
  if (!chindings.includes('"hostname":')) bindings['hostname'] = host;
  // Level info: the events are the contract, a quieter parent level must not drop them.
  const child = parent.child(bindings, { level: 'info' });
  // pino.symbols is pino's integration API; a child's own time function gives sub-ms `time`
  // whatever timestamp option the parent was built with.
  (child as unknown as Record<symbol, unknown>)[pino.symbols.timeSym] = preciseTimestamp;
  return child;
}

/** Creates the tracer for one export. Throws RacetraceError('USAGE') for a bad correlation ID. */
export function createTracer(options: TracerOptions = {}): Tracer {
  const env = options.env ?? process.env;
  const correlationId = options.correlationId ?? correlationIdFromEnv(env) ?? newCorrelationId();
  checkCorrelationId(correlationId, 'correlationId');
  const strict = options.strict ?? false;
  const bindings: Record<string, unknown> = { ...options.bindings, correlationId };
  const traceFields = traceFieldsSource(options.bindings?.['trace_id'] === undefined ? options.traceContext : false, env);

  let stream: LogFile | undefined;
  let logger: Logger;
  if (options.logger) {
    logger = childLogger(options.logger, bindings);
  } else {
    const own = ownLogger(options.destination ?? 1, options.sync ?? true);
    stream = own.stream;
    logger = own.logger.child(bindings);
  }

  // A logger given by the exporter may throw when its destination fails (sonic-boom in sync mode
  // throws ENOSPC); the export must not fail because its logging did. Reported once per tracer.
  let loggerFailed = false;
  const loggerFailure = (error: unknown): void => {
    if (loggerFailed) return;
    loggerFailed = true;
    warnOnStderr(`racetrace: the exporter's logger failed to write a racetrace event (${errorMessage(error)}); the export goes on, but events may be lost.\n`);
  };

  const emit = (event: EventName, fields?: ExtraFields, warn = false): void => {
    const time = stampTime();
    const seq = nextSeq();
    const line = { seq, event, ...traceFields(), ...fields };
    // Extra fields may not replace the stamps: written back, they keep their place up front.
    line.seq = seq;
    line.event = event;
    // The hand check answers "valid" for ordinary events at a tenth of ajv's cost; ajv decides
    // and explains the rest (see schema/event-shape.ts). The stamps are valid by construction, so
    // the whole record is built only for ajv, or when the caller passed a field of a stamp's name.
    const stampsOnly = !('time' in line || 'pid' in line || 'hostname' in line || 'correlationId' in line);
    const record = stampsOnly && surelyValidFields(line, event) ? undefined : { time, pid, hostname: host, correlationId, ...line };
    if (record !== undefined && !surelyValid(record, event) && !validateEvent(record)) {
      const schemaErrors = describeErrors(validateEvent.errors);
      if (strict) {
        dropStamp();
        throw new RacetraceError('SCHEMA_VIOLATION', `${event} event breaks the event schema: ${schemaErrors}; fix the fields the exporter passes.`, {
          details: { event: record, schemaErrors },
        });
      }
      try {
        logger.warn({ ...line, schemaErrors }, event);
      } catch (error) {
        loggerFailure(error);
      }
      return;
    }
    try {
      if (warn) logger.warn(line, event);
      else logger.info(line, event);
    } catch (error) {
      loggerFailure(error);
    }
  };

  return {
    correlationId,
    logger,
    exportStart: (fields) => emit('export.start', fields),
    exportEnd: (fields) => emit('export.end', fields, fields.status !== 'ok'),
    tempCreate: (fields) => emit('temp.create', fields),
    tempDelete: (fields) => emit('temp.delete', fields),
    renameAttempt: (fields) => emit('rename.attempt', fields),
    renameSuccess: (fields) => emit('rename.success', fields),
    renameFailure: (fields) => emit('rename.failure', fields, true),
    emit: (event, fields) => emit(event, fields),
    childEnv: (base = process.env) => ({ ...base, [CORRELATION_ENV]: correlationId }),
    flush() {
      if (!stream || (options.sync ?? true)) return;
      stream.flushSync();
    },
  };
}

import { EVENT_NAMES, type EventName, type Evidence, type TraceEvent } from '../../types.js';
import { describeErrors, validateEvent } from '../../schema/validators.js';
import { toEpochMs } from '../time.js';
import { field, firstField, type JsonObject } from './lookup.js';
import type { RecentStrings } from '../recent-strings.js';
import { toTraceEvent } from '../trace-event.js';

/**
 * What the wrapper around a record knows when the record itself does not say it: Loki labels,
 * OTLP resource attributes and record fields, the store's own timestamp.
 */
export interface RecordHints {
  time?: number | undefined;
  host?: string | undefined;
  pid?: number | undefined;
  correlationId?: string | undefined;
  traceId?: string | undefined;
  /** OTLP `eventName` / the `event.name` attribute of OpenTelemetry's event API. */
  eventName?: string | undefined;
}

export type RecordResult =
  | { bucket: 'event'; event: TraceEvent; fromTrace: boolean }
  | { bucket: 'other' }
  | { bucket: 'invalid'; reason: string };

const EVENT_SET: ReadonlySet<string> = new Set<string>(EVENT_NAMES);

/**
 * The optional racetrace fields and where else they may be found: first the contract's own name
 * at the top level, then under a `racetrace.` namespace (for ECS documents, which keep custom
 * fields out of the ECS names), then the ECS / OpenTelemetry field that means the same.
 */
const OPTIONAL: readonly (readonly [keyof TraceEvent & string, readonly string[]])[] = [
  ['tempPath', ['file.path']],
  ['targetPath', []],
  ['attempt', []],
  ['errorCode', ['error.code', 'error.type']],
  ['errorMessage', ['error.message', 'exception.message']],
  ['willRetry', []],
  ['delayMs', []],
  ['durationMs', []],
  ['status', []],
  ['access', []],
];

/**
 * Turns one record read from a log store (a pino line, an ECS document, OTLP attributes) into a
 * racetrace event, or says why it is not one. The record is checked against the same schema as
 * a plain NDJSON line, so every source obeys one contract.
 */
export function normaliseRecord(
  obj: JsonObject,
  hints: RecordHints,
  seqFallback: number,
  source: Evidence,
  recent: RecentStrings,
): RecordResult {
  const name = eventName(obj, hints);
  if (name === undefined) return { bucket: 'other' };
  let correlationId = obj['correlationId'] ?? field(obj, 'racetrace.correlationId') ?? hints.correlationId;
  let fromTrace = false;
  if (correlationId === undefined) {
    // OpenTelemetry users often have a trace and no correlation ID: the trace is the export run.
    correlationId = obj['trace_id'] ?? field(obj, 'trace.id') ?? hints.traceId;
    if (correlationId === undefined) return { bucket: 'other' };
    fromTrace = true;
  }
  const rawTime = obj['time'] ?? field(obj, '@timestamp');
  const time = rawTime === undefined ? hints.time : toEpochMs(rawTime);
  if (time === undefined) {
    return { bucket: 'invalid', reason: '/time must be epoch milliseconds or an ISO-8601 date' };
  }
  const record: JsonObject = {
    time,
    pid: obj['pid'] ?? field(obj, 'process.pid') ?? hints.pid,
    hostname: obj['hostname'] ?? firstField(obj, ['host.name', 'host.hostname']) ?? hints.host,
    seq: obj['seq'] ?? firstField(obj, ['racetrace.seq', 'event.sequence']) ?? seqFallback,
    event: name,
    correlationId,
  };
  for (const [key, alternatives] of OPTIONAL) {
    const value = obj[key] ?? field(obj, `racetrace.${key}`) ?? firstField(obj, alternatives);
    if (value !== undefined) record[key] = value;
  }
  ecsExtras(obj, name, record);
  if (!validateEvent(record)) return { bucket: 'invalid', reason: describeErrors(validateEvent.errors) };
  const event = toTraceEvent(record, name, source, recent);
  return event === undefined ? { bucket: 'invalid', reason: 'does not match the schema' } : { bucket: 'event', event, fromTrace };
}

function eventName(obj: JsonObject, hints: RecordHints): EventName | undefined {
  for (const candidate of [obj['event'], field(obj, 'event.action'), hints.eventName]) {
    if (typeof candidate === 'string' && EVENT_SET.has(candidate)) return candidate as EventName;
  }
  return undefined;
}

/** ECS fields whose unit or vocabulary differs from racetrace's. */
function ecsExtras(obj: JsonObject, name: EventName, record: JsonObject): void {
  if (record['durationMs'] === undefined) {
    // ECS event.duration is in nanoseconds.
    const nanos = field(obj, 'event.duration');
    const n = typeof nanos === 'string' && /^\d+$/.test(nanos) ? Number(nanos) : nanos;
    if (typeof n === 'number' && Number.isFinite(n)) record['durationMs'] = n / 1e6;
  }
  if (record['status'] === undefined && name === 'export.end') {
    const outcome = field(obj, 'event.outcome');
    if (outcome === 'success') record['status'] = 'ok';
    else if (outcome === 'failure') record['status'] = 'failed';
  }
}

import type { AdapterDefinition } from '../adapter.js';
import { storeAdapter, type StoreRecord } from './batch.js';
import { isObject, nanosToMs, parseJson, type JsonObject } from './lookup.js';
import { keyValues } from './otlp-value.js';

/**
 * OpenTelemetry logs in OTLP JSON, one ExportLogsServiceRequest per line
 * (`{"resourceLogs":[{"resource":{...},"scopeLogs":[{"logRecords":[...]}]}]}`), as the
 * collector's file exporter writes them. Two shapes of racetrace event are read:
 * - pino-opentelemetry-transport: `msg` is the body, the other pino fields are attributes, and
 *   `hostname` / `pid` are dropped for the resource's `host.name` / `process.pid`;
 * - a log file collected as is (filelog receiver): the body is the original line (a JSON string)
 *   or that line parsed (kvlistValue).
 * The body's fields win over attributes of the same name; the record's own timestamp, trace id
 * and event name fill what the fields lack.
 */
export const otlpFormat: AdapterDefinition = {
  format: 'otlp',
  recognises(line) {
    const { value } = parseJson(line);
    return isObject(value) && Array.isArray(value['resourceLogs']);
  },
  create(context) {
    return storeAdapter(context, (value) => {
      if (!isObject(value) || !Array.isArray(value['resourceLogs'])) return { invalid: 'not an OTLP logs request (no resourceLogs)' };
      const records: (StoreRecord | string)[] = [];
      for (const resourceLogs of value['resourceLogs']) {
        if (!isObject(resourceLogs)) continue;
        const resource = isObject(resourceLogs['resource']) ? keyValues(resourceLogs['resource']['attributes']) : {};
        // instrumentationLibraryLogs: the name before OTLP 0.15, still written by old SDKs.
        const scopes = resourceLogs['scopeLogs'] ?? resourceLogs['instrumentationLibraryLogs'];
        if (!Array.isArray(scopes)) continue;
        for (const scope of scopes) {
          if (!isObject(scope) || !Array.isArray(scope['logRecords'])) continue;
          for (const logRecord of scope['logRecords']) records.push(toRecord(logRecord, resource));
        }
      }
      return { records };
    });
  },
};

function toRecord(logRecord: unknown, resource: JsonObject): StoreRecord | string {
  if (!isObject(logRecord)) return 'a log record that is not an object';
  const attributes = keyValues(logRecord['attributes']);
  const value = { ...attributes, ...bodyObject(logRecord['body']) };
  const eventName = logRecord['eventName'] ?? attributes['event.name'];
  const host = resource['host.name'] ?? attributes['host.name'];
  const pid = resource['process.pid'] ?? attributes['process.pid'];
  return {
    value,
    hints: {
      time: nanosToMs(logRecord['timeUnixNano']) ?? nanosToMs(logRecord['observedTimeUnixNano']),
      host: typeof host === 'string' ? host : undefined,
      pid: typeof pid === 'number' ? pid : undefined,
      traceId: traceId(logRecord['traceId']),
      eventName: typeof eventName === 'string' ? eventName : undefined,
    },
  };
}

/** The body as fields: a kvlist, or a string holding one JSON object (the original line). */
function bodyObject(body: unknown): JsonObject {
  if (!isObject(body)) return {};
  const kvlist = body['kvlistValue'];
  if (isObject(kvlist)) return keyValues(kvlist['values']);
  const text = body['stringValue'];
  if (typeof text !== 'string' || !text.trimStart().startsWith('{')) return {};
  const { value } = parseJson(text);
  return isObject(value) ? value : {};
}

/** OTLP JSON writes ids as hex; an empty or all-zero id means "none". */
function traceId(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[0-9a-fA-F]{32}$/.test(value) || /^0+$/.test(value)) return undefined;
  return value.toLowerCase();
}

import type { AdapterDefinition } from '../adapter.js';
import { toEpochMs } from '../time.js';
import { storeAdapter, type StoreRecord } from './batch.js';
import { isObject, nanosToMs, parseJson, type JsonObject } from './lookup.js';
import type { RecordHints } from './record.js';

/**
 * Grafana Loki. `logcli query -o jsonl` writes one entry per line:
 * `{"labels":{...},"line":"<the original log line>","timestamp":"<RFC 3339, ns>"}` (labels are
 * left out with --no-labels). A query_range API response (`{"data":{"result":[{"stream":{...},
 * "values":[["<ns>","<line>"]]}]}}`) and a push body (`{"streams":[...]}`) on one line are read too.
 * pino-loki moves `hostname` out of the line into a label, so labels fill what the line lacks.
 */
export const lokiFormat: AdapterDefinition = {
  format: 'loki',
  recognises(line) {
    const { value } = parseJson(line);
    return isObject(value) && (isEntry(value) || streamsOf(value) !== undefined);
  },
  create(context) {
    return storeAdapter(context, (value) => {
      if (!isObject(value)) return { records: [] };
      if (isEntry(value)) {
        const labels = isObject(value['labels']) ? value['labels'] : {};
        return { records: [entry(String(value['line']), labels, toEpochMs(value['timestamp']))] };
      }
      const streams = streamsOf(value);
      if (streams === undefined) return { invalid: 'neither a logcli jsonl entry nor a Loki streams response' };
      const records: (StoreRecord | string)[] = [];
      for (const stream of streams) {
        if (!isObject(stream) || !Array.isArray(stream['values'])) {
          records.push('a stream without values');
          continue;
        }
        const labels = isObject(stream['stream']) ? stream['stream'] : {};
        for (const pair of stream['values']) {
          if (!Array.isArray(pair) || typeof pair[1] !== 'string') records.push('a value that is not [timestamp, line]');
          else records.push(entry(pair[1], labels, nanosToMs(pair[0])));
        }
      }
      return { records };
    });
  },
};

function isEntry(obj: JsonObject): boolean {
  return typeof obj['line'] === 'string' && typeof obj['timestamp'] === 'string';
}

function streamsOf(obj: JsonObject): unknown[] | undefined {
  if (Array.isArray(obj['streams'])) return obj['streams'];
  const data = obj['data'];
  if (isObject(data) && data['resultType'] === 'streams' && Array.isArray(data['result'])) return data['result'];
  return undefined;
}

/** One Loki entry: the original line parsed, with its labels as hints. */
function entry(line: string, labels: JsonObject, time: number | undefined): StoreRecord | string {
  const hints: RecordHints = {
    time,
    host: text(labels, ['hostname', 'host', 'host_name']),
    pid: integer(text(labels, ['pid', 'process_pid'])),
    correlationId: text(labels, ['correlationId', 'correlation_id']),
    traceId: text(labels, ['trace_id', 'traceId']),
  };
  const parsed = parseJson(line);
  if (isObject(parsed.value)) return { value: parsed.value, hints };
  // Logs sent through Loki's OTLP endpoint keep the body as the line (pino's msg) and the
  // attributes as labels (structured metadata): the labels are then the record.
  if (typeof labels['event'] === 'string') return { value: fromLabels(labels), hints };
  return parsed.error !== undefined ? `the line inside is ${parsed.error}` : { value: {}, hints };
}

function text(labels: JsonObject, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = labels[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function integer(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

const NUMERIC = new Set(['pid', 'seq', 'attempt', 'delayMs', 'durationMs', 'time']);

/** Label values are always strings: numbers and booleans of the contract are read back. */
function fromLabels(labels: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value === 'string' && NUMERIC.has(key) && /^-?\d+(\.\d+)?$/.test(value)) out[key] = Number(value);
    else if (key === 'willRetry' && (value === 'true' || value === 'false')) out[key] = value === 'true';
    else out[key] = value;
  }
  return out;
}

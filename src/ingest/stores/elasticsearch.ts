import type { AdapterDefinition } from '../adapter.js';
import { storeAdapter, type StoreRecord } from './batch.js';
import { isObject, parseJson, type JsonObject } from './lookup.js';

/**
 * Elasticsearch / OpenSearch: a whole `_search` response on one line (`{"hits":{"hits":[...]}}`),
 * or one hit per line (`{"_index":...,"_source":{...}}`, as elasticdump and scroll exports write
 * it). Each hit's `_source` is the document as it was shipped: a pino line from
 * pino-elasticsearch (whose `time` became an ISO string), or an ECS document. A hit fetched with
 * `fields` instead of `_source` has every value in an array; single values are unwrapped.
 */
export const elasticsearchFormat: AdapterDefinition = {
  format: 'elasticsearch',
  recognises(line) {
    const { value } = parseJson(line);
    return isObject(value) && (hitsOf(value) !== undefined || isHit(value));
  },
  create(context) {
    return storeAdapter(context, (value) => {
      if (!isObject(value)) return { records: [] };
      const hits = hitsOf(value);
      if (hits !== undefined) return { records: hits.map(toRecord) };
      return { records: isHit(value) ? [toRecord(value)] : [] };
    });
  },
};

function hitsOf(obj: JsonObject): unknown[] | undefined {
  const outer = obj['hits'];
  if (!isObject(outer)) return undefined;
  const hits = outer['hits'];
  return Array.isArray(hits) ? hits : undefined;
}

function isHit(obj: JsonObject): boolean {
  return isObject(obj['_source']) || (obj['_index'] !== undefined && isObject(obj['fields']));
}

function toRecord(hit: unknown): StoreRecord | string {
  if (!isObject(hit)) return 'a hit that is not an object';
  const source = hit['_source'];
  if (isObject(source)) return { value: source, hints: {} };
  const fields = hit['fields'];
  if (isObject(fields)) return { value: unwrapFields(fields), hints: {} };
  return 'a hit without _source or fields (search with "_source": true)';
}

/** `fields` returns `{"process.pid":[42]}`; one value per field is what an event has. */
function unwrapFields(fields: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = Array.isArray(value) && value.length === 1 ? value[0] : value;
  }
  return out;
}

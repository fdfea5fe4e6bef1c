import { isObject, type JsonObject } from './lookup.js';

/**
 * OTLP JSON's AnyValue to a plain value: `{"stringValue":"x"}` -> "x", `{"intValue":"42"}` -> 42
 * (int64 is a string in proto3 JSON), `{"kvlistValue":{"values":[...]}}` -> an object, and so on.
 * Undefined for an empty or unknown value.
 */
export function anyValue(value: unknown): unknown {
  if (!isObject(value)) return undefined;
  if (typeof value['stringValue'] === 'string') return value['stringValue'];
  if (typeof value['boolValue'] === 'boolean') return value['boolValue'];
  if ('intValue' in value) {
    const n = Number(value['intValue']);
    // A pid or seq beyond 2^53 cannot be one of ours; keep the text rather than a wrong number.
    return Number.isSafeInteger(n) ? n : String(value['intValue']);
  }
  if ('doubleValue' in value) {
    const n = Number(value['doubleValue']);
    return Number.isFinite(n) ? n : undefined;
  }
  const kvlist = value['kvlistValue'];
  if (isObject(kvlist)) return keyValues(kvlist['values']);
  const array = value['arrayValue'];
  if (isObject(array)) return Array.isArray(array['values']) ? array['values'].map(anyValue) : [];
  if (typeof value['bytesValue'] === 'string') return value['bytesValue'];
  return undefined;
}

/** `[{"key":"k","value":{...}}]` (attributes, kvlist values) to an object. */
export function keyValues(list: unknown): JsonObject {
  const out: JsonObject = {};
  if (!Array.isArray(list)) return out;
  for (const kv of list) {
    if (!isObject(kv) || typeof kv['key'] !== 'string') continue;
    const value = anyValue(kv['value']);
    if (value !== undefined) out[kv['key']] = value;
  }
  return out;
}

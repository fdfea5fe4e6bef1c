import type { AdapterDefinition } from '../adapter.js';
import { storeAdapter } from './batch.js';
import { field, isObject, parseJson, type JsonObject } from './lookup.js';

/**
 * Does this object carry Elastic Common Schema names? `@timestamp` or `ecs.version` is what every
 * ECS logger writes (ecs-pino-format, ecs-logging for .NET, Java, Python, Go); `event.action` is
 * what a racetrace event in ECS terms always has.
 */
export function looksLikeEcs(obj: JsonObject): boolean {
  return obj['@timestamp'] !== undefined || field(obj, 'ecs.version') !== undefined || typeof field(obj, 'event.action') === 'string';
}

/**
 * NDJSON lines with ECS field names, one document per line: what @elastic/ecs-pino-format writes,
 * and what any ECS logger (e.g. Elastic.CommonSchema for .NET) writes for a racetrace event.
 * The mapping is in docs/log-stores.md; plain racetrace lines in the same file are read too.
 */
export const ecsFormat: AdapterDefinition = {
  format: 'ecs',
  recognises(line) {
    const { value } = parseJson(line);
    return isObject(value) && looksLikeEcs(value);
  },
  create(context) {
    return storeAdapter(context, (value) => ({ records: isObject(value) ? [{ value, hints: {} }] : [] }));
  },
};

import type { AdapterDefinition, InputFormat } from './adapter.js';
import { ndjson } from './ndjson.js';
import { straceFormat } from './strace/index.js';
import { lokiFormat } from './stores/loki.js';
import { elasticsearchFormat } from './stores/elasticsearch.js';
import { otlpFormat } from './stores/otlp.js';
import { ecsFormat } from './stores/ecs.js';

/**
 * Every source format, in the order `--input-format auto` asks them about an input's first
 * non-blank line. Adding a format means adding its AdapterDefinition here.
 */
export const FORMATS: readonly AdapterDefinition[] = [
  // Log-store shapes first: each is also a JSON object per line, which ndjson would claim.
  otlpFormat,
  elasticsearchFormat,
  lokiFormat,
  ecsFormat,
  ndjson,
  straceFormat,
];

/** The definition for an explicit `--input-format`, or undefined when this build lacks it. */
export function formatByName(format: Exclude<InputFormat, 'auto'>): AdapterDefinition | undefined {
  return FORMATS.find((definition) => definition.format === format);
}

/** `--input-format auto`: the first format that recognises the line, else NDJSON. */
export function detectFormat(line: string): { definition: AdapterDefinition; recognised: boolean } {
  const found = FORMATS.find((definition) => definition.recognises(line));
  return { definition: found ?? ndjson, recognised: found !== undefined };
}

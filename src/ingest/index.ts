/**
 * Ingest: input specs to classified lines, one adapter per source format. The entry points that
 * read and merge all inputs live in ../merge (re-exported here for convenience).
 */
export { DEFAULT_INGEST_OPTIONS } from './options.js';
export { FORMATS, detectFormat, formatByName } from './formats.js';
export { resolveInputs, STDIN_NAME, type InputSpec } from './inputs.js';
export { ndjson, NdjsonReader } from './ndjson.js';
export { toEpochMs } from './time.js';
export { streamEvents, mergeLines, type MergeLinesResult, type IngestIO, type IngestResult } from '../merge/index.js';

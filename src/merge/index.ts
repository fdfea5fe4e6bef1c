/**
 * The analyzer's input side, as the CLI and the analysis call it: `streamEvents` for
 * `racetrace analyze` / `validate`, `mergeLines` for `racetrace merge`.
 */
export { streamEvents } from './events.js';
export { mergeLines, type MergeLinesResult } from './lines.js';
export type { IngestIO, IngestResult } from './pipeline.js';
export { DEFAULT_INGEST_OPTIONS } from '../ingest/options.js';

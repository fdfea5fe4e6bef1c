import type { IngestOptions } from './adapter.js';

/** The defaults the CLI starts from (frozen: spread it and override, e.g. `--reorder-window`). */
export const DEFAULT_INGEST_OPTIONS: IngestOptions = Object.freeze({
  inputFormat: 'auto',
  reorderWindowMs: 2000,
  maxDiagnosticsPerInput: 5,
  maxLineBytes: 1024 * 1024,
  groupBy: 'tree',
});

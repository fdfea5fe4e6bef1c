import type { IngestOptions } from './adapter.js';

/** The defaults the CLI starts from; `--reorder-window`, `--max-line-bytes` etc. override them. */
export const DEFAULT_INGEST_OPTIONS: IngestOptions = {
  inputFormat: 'auto',
  reorderWindowMs: 2000,
  maxDiagnosticsPerInput: 5,
  maxLineBytes: 1024 * 1024,
  groupBy: 'tree',
};

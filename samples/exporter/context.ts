import type { FileSystem, RetryPolicy, Tracer } from '../../src/index.js';
import type { Action } from './action.js';

/** Everything one export run needs, whatever the mode. */
export interface ExportContext {
  action: Action;
  out: string;
  label: string;
  /** Naive mode's shared temp folder. */
  tempDir: string;
  tracer: Tracer;
  fs: FileSystem;
  retry: Partial<RetryPolicy>;
  rowsPerChunk: number;
}

import type { IngestOptions } from '../../ingest/adapter.js';
import type { ThreadError } from '../../util/threads.js';
import type { EventBatch } from '../event-batch.js';
import type { IngestResult } from '../pipeline.js';

/** What the reading thread is started with. */
export interface ThreadStart {
  inputs: string[];
  options: IngestOptions;
  batchSize: number;
  /** Batches posted but not yet acknowledged, at most: the reader's lead on the analysis. */
  maxInFlight: number;
}

/** Reading thread -> caller. */
export type FromReader =
  | { type: 'batch'; batch: EventBatch; bytesRead: number; bytesTotal: number }
  | { type: 'progress'; bytesRead: number; bytesTotal: number }
  | { type: 'end'; result: IngestResult; bytesRead: number; bytesTotal: number }
  | { type: 'error'; error: ThreadError };

/** Caller -> reading thread: a batch was used (`ack`, with its buffers back), or stop reading (`stop`). */
export type ToReader = { type: 'ack'; numbers: ArrayBuffer; strings: ArrayBuffer } | { type: 'stop' };

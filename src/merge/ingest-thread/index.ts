import { Worker } from 'node:worker_threads';
import type { IngestOptions } from '../../ingest/adapter.js';
import type { TraceEvent } from '../../types.js';
import { fromThreadError, superviseWorker, workerLimits } from '../../util/threads.js';
import { wantsIngestThread, type IngestThreadMode } from './wants.js';
import { readBatch } from '../event-batch.js';
import { streamEvents } from '../events.js';
import type { IngestIO, IngestResult } from '../pipeline.js';
import type { FromReader, ThreadStart, ToReader } from './protocol.js';

export { AUTO_THREAD_MIN_BYTES, wantsIngestThread, type IngestThreadMode } from './wants.js';

const BATCH_SIZE = 4096;
const MAX_IN_FLIGHT = 4;
/** The reading thread's state is bounded: reorder windows (200,000 events at most) and batches. */
const READER_OLD_MB = 96;

/**
 * `streamEvents`, with the reading, parsing and merging moved to a worker thread when `mode` and
 * the inputs allow it, so that it runs on a second core while `onEvent` (the analysis) runs on
 * this one. The events, their order and the IngestResult are the same either way. Standard
 * input is always read on this thread (a worker has none of its own).
 */
export async function streamEventsOnThread(
  inputs: readonly string[],
  options: IngestOptions,
  onEvent: (event: TraceEvent) => void,
  io: IngestIO = {},
  mode: IngestThreadMode = 'auto',
): Promise<IngestResult> {
  if (!(await wantsIngestThread(inputs, io, mode))) return streamEvents(inputs, options, onEvent, io);
  return runOnThread({ inputs: [...inputs], options, batchSize: BATCH_SIZE, maxInFlight: MAX_IN_FLIGHT }, onEvent, io);
}

function runOnThread(start: ThreadStart, onEvent: (event: TraceEvent) => void, io: IngestIO): Promise<IngestResult> {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: start, resourceLimits: workerLimits(READER_OLD_MB) });
  const send = (message: ToReader, transfer: ArrayBuffer[] = []): void => worker.postMessage(message, transfer);
  const progressFrom = (message: { bytesRead: number; bytesTotal: number }): void => {
    if (io.progress === undefined) return;
    io.progress.bytesRead = message.bytesRead;
    io.progress.bytesTotal = message.bytesTotal;
  };
  return superviseWorker<IngestResult, FromReader>(worker, 'reading thread', (message, outcome) => {
    switch (message.type) {
      case 'batch': {
        progressFrom(message);
        try {
          readBatch(message.batch, onEvent);
        } catch (error) {
          send({ type: 'stop' });
          outcome.reject(error);
          return;
        }
        const numbers = message.batch.numbers.buffer as ArrayBuffer;
        const strings = message.batch.strings.buffer as ArrayBuffer;
        send({ type: 'ack', numbers, strings }, [numbers, strings]);
        return;
      }
      case 'progress':
        progressFrom(message);
        return;
      case 'end':
        progressFrom(message);
        outcome.resolve(message.result);
        return;
      case 'error':
        outcome.reject(fromThreadError(message.error));
        return;
    }
  });
}

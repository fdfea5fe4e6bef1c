import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import type { IngestOptions } from '../../ingest/adapter.js';
import type { TraceEvent } from '../../types.js';
import { RacetraceError } from '../../errors.js';
import { isClickHouseSpec } from '../../ingest/clickhouse/index.js';
import { resolveInputs } from '../../ingest/inputs.js';
import { readBatch } from '../event-batch.js';
import { streamEvents } from '../events.js';
import type { IngestIO, IngestResult } from '../pipeline.js';
import type { FromReader, ThreadError, ThreadStart, ToReader } from './protocol.js';

/** `on`: read on a second thread whenever possible; `off`: never; `auto`: when it pays (see below). */
export type IngestThreadMode = 'auto' | 'on' | 'off';

/** Below this much input a thread's start-up (~40 ms) costs more than it saves. */
export const AUTO_THREAD_MIN_BYTES = 32 * 1024 * 1024;
const BATCH_SIZE = 4096;
const MAX_IN_FLIGHT = 4;

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

/** Whether `streamEventsOnThread` reads on a second thread for these inputs. */
export async function wantsIngestThread(inputs: readonly string[], io: IngestIO, mode: IngestThreadMode): Promise<boolean> {
  if (mode === 'off' || io.stdin !== undefined || inputs.length === 0 || inputs.includes('-')) return false;
  if (mode === 'on') return true;
  if (availableParallelism() < 2 || inputs.some(isClickHouseSpec)) return false;
  // A missing input is reported by the read itself, with the same sentence: here it just adds nothing.
  const files = await resolveInputs(inputs, undefined, () => {}).catch(() => []);
  let bytes = 0;
  for (const file of files) {
    if (file.path !== undefined) bytes += (await stat(file.path).catch(() => undefined))?.size ?? 0;
    if (bytes >= AUTO_THREAD_MIN_BYTES) return true;
  }
  return false;
}

function runOnThread(start: ThreadStart, onEvent: (event: TraceEvent) => void, io: IngestIO): Promise<IngestResult> {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: start });
  const send = (message: ToReader): void => worker.postMessage(message);
  return new Promise<IngestResult>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      // The thread has posted its last message, or is abandoned: either way it is of no more use.
      void worker.terminate().finally(outcome);
    };
    const progressFrom = (message: { bytesRead: number; bytesTotal: number }): void => {
      if (io.progress === undefined) return;
      io.progress.bytesRead = message.bytesRead;
      io.progress.bytesTotal = message.bytesTotal;
    };
    worker.on('message', (message: FromReader) => {
      if (settled) return;
      switch (message.type) {
        case 'batch':
          progressFrom(message);
          try {
            readBatch(message.batch, onEvent);
          } catch (error) {
            send({ type: 'stop' });
            settle(() => reject(error));
            return;
          }
          send({ type: 'ack' });
          return;
        case 'progress':
          progressFrom(message);
          return;
        case 'end':
          progressFrom(message);
          settle(() => resolve(message.result));
          return;
        case 'error':
          settle(() => reject(revive(message.error)));
          return;
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const text =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'The reading thread ran out of memory: raise the heap limit (node --max-old-space-size=...) or analyze with --ingest-thread off.'
          : error.message;
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new RacetraceError('INPUT_UNREADABLE', text, { cause: error }) : error));
    });
    worker.on('exit', (code) => {
      settle(() => reject(new Error(`the reading thread stopped unexpectedly (exit code ${code})`)));
    });
  });
}

function revive(error: ThreadError): Error {
  if (error.code !== undefined) return new RacetraceError(error.code, error.message, error.details ? { details: error.details } : {});
  const revived = new Error(error.message);
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}

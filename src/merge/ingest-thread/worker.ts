import { parentPort, workerData } from 'node:worker_threads';
import { toThreadError } from '../../util/threads.js';
import { BatchWriter } from '../event-batch.js';
import { streamEvents } from '../events.js';
import type { ReadProgress } from '../pipeline.js';
import type { FromReader, ThreadStart, ToReader } from './protocol.js';

/**
 * The reading thread: reads, parses and merges every input with `streamEvents`, exactly as the
 * single-threaded path does, and posts the merged events in batches. It stays at most
 * `maxInFlight` batches ahead of the analysis, so memory stays bounded when the analysis is the
 * slower side.
 */
const port = parentPort;
if (port === null) throw new Error('ingest-thread/worker.js runs as a worker thread only');
const start = workerData as ThreadStart;
const progress: ReadProgress = { bytesRead: 0, bytesTotal: 0 };
const writer = new BatchWriter(start.batchSize);
let inFlight = 0;
let stopped = false;
let wake: ((goOn: boolean) => void) | undefined;

const post = (message: FromReader, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

port.on('message', (message: ToReader) => {
  if (message.type === 'ack') {
    inFlight--;
    writer.recycle(message.numbers, message.strings);
  } else {
    stopped = true;
  }
  if (wake !== undefined && (stopped || inFlight < start.maxInFlight)) {
    const resume = wake;
    wake = undefined;
    resume(!stopped);
  }
});

function flush(): void {
  const batch = writer.take();
  inFlight++;
  post(
    { type: 'batch', batch, bytesRead: progress.bytesRead, bytesTotal: progress.bytesTotal },
    [batch.numbers.buffer as ArrayBuffer, batch.strings.buffer as ArrayBuffer],
  );
}

// Inputs with few events still move the progress line.
const ticker = setInterval(() => post({ type: 'progress', bytesRead: progress.bytesRead, bytesTotal: progress.bytesTotal }), 500);
ticker.unref();

try {
  const result = await streamEvents(
    start.inputs,
    start.options,
    (event) => {
      writer.add(event);
      if (!writer.full) return true;
      flush();
      return inFlight < start.maxInFlight;
    },
    {
      progress,
      drain: () =>
        stopped ? Promise.resolve(false)
        : inFlight < start.maxInFlight ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => (wake = resolve)),
    },
  );
  if (writer.count > 0) flush();
  post({ type: 'end', result, bytesRead: progress.bytesRead, bytesTotal: progress.bytesTotal });
} catch (error) {
  post({ type: 'error', error: toThreadError(error) });
} finally {
  clearInterval(ticker);
}

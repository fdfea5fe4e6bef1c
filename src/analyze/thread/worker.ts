import { parentPort, workerData } from 'node:worker_threads';
import { analyze, type AnalyzeOptions, type AnalyzeProgress } from '../index.js';
import { toThreadError } from '../../util/threads.js';
import type { AnalysisThreadMessage, AnalysisThreadStart } from './protocol.js';

/**
 * The analysis thread: runs `analyze()` with its own reading thread, and posts progress every
 * quarter second and the report at the end. Its main loop waits on the reading thread's batches,
 * so the progress timer gets its turn between them.
 */
const port = parentPort;
if (port === null) throw new Error('analyze/thread/worker.js runs as a worker thread only');
const { inputs, options } = workerData as AnalysisThreadStart;
const progress: AnalyzeProgress = { bytesRead: 0, bytesTotal: 0, events: 0 };
const post = (message: AnalysisThreadMessage): void => port.postMessage(message);
const tick = (): void =>
  post({ type: 'progress', bytesRead: progress.bytesRead, bytesTotal: progress.bytesTotal, events: progress.events, flagged: progress.flagged?.() ?? 0 });
const ticker = setInterval(tick, 250);
ticker.unref();
try {
  const report = await analyze(inputs, { ...(options as AnalyzeOptions), progress, ingestThread: 'on' });
  tick();
  post({ type: 'report', report });
} catch (error) {
  post({ type: 'error', error: toThreadError(error) });
} finally {
  clearInterval(ticker);
}

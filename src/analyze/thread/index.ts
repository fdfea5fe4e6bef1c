import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../index.js';
import { wantsIngestThread, type IngestThreadMode } from '../../merge/ingest-thread/wants.js';
import { fromThreadError, superviseWorker, workerLimits } from '../../util/threads.js';
import type { Report } from '../../types.js';
import type { AnalysisThreadMessage, AnalysisThreadStart } from './protocol.js';

/**
 * `analyze()` as the CLI runs it: when the inputs warrant it (see wantsIngestThread), on two
 * worker threads, one reading and parsing, one analyzing, each with a small young generation and
 * the process's heap limit; otherwise on this thread. This thread only waits, so its own heap
 * stays small. The report is the same either way.
 */
export async function analyzeOnThreads(
  inputs: string[],
  options: AnalyzeOptions & { threads?: IngestThreadMode } = {},
): Promise<Report> {
  const { threads = 'auto', stdin, progress, ingestThread: _ignored, ...rest } = options;
  if (!(await wantsIngestThread(inputs, stdin ? { stdin } : {}, threads))) {
    // Loaded only here: when the threads do the work, this thread needs none of the analyzer.
    const { analyze } = await import('../index.js');
    return analyze(inputs, { ...options, ingestThread: 'off' });
  }
  const start: AnalysisThreadStart = { inputs, options: rest };
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: start, resourceLimits: workerLimits() });
  let flagged = 0;
  if (progress) progress.flagged = () => flagged;
  return superviseWorker<Report, AnalysisThreadMessage>(worker, 'analysis thread', (message, outcome) => {
    switch (message.type) {
      case 'progress':
        if (progress) Object.assign(progress, { bytesRead: message.bytesRead, bytesTotal: message.bytesTotal, events: message.events });
        flagged = message.flagged;
        return;
      case 'report':
        outcome.resolve(message.report);
        return;
      case 'error':
        outcome.reject(fromThreadError(message.error));
        return;
    }
  });
}

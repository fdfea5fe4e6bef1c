import { isMainThread, resourceLimits, type ResourceLimits, type Worker } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { RacetraceError, isRacetraceError, type RacetraceErrorCode } from '../errors.js';

/** An error crossing a thread boundary: a RacetraceError keeps its code, others their text. */
export interface ThreadError {
  code?: RacetraceErrorCode;
  message: string;
  details?: Record<string, unknown>;
  stack?: string;
}

export function toThreadError(error: unknown): ThreadError {
  if (isRacetraceError(error)) return { code: error.code, message: error.message, details: error.details };
  if (error instanceof Error) return { message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error) };
}

export function fromThreadError(error: ThreadError): Error {
  if (error.code !== undefined) return new RacetraceError(error.code, error.message, error.details ? { details: error.details } : {});
  const revived = new Error(error.message);
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}

/**
 * Heap limits for a worker thread. Its old generation is capped by its parent's (on the main
 * thread: the process's, so `node --max-old-space-size=128` caps every thread) and by `oldMb`; its
 * young generation is kept small: V8 sizes a thread's young generation like a whole process's
 * (up to 3 x 16 MiB). On the 1 GB bench, 8 MiB gave a peak of 201-206 MiB and 4 MiB 190 MiB,
 * at the same speed within the noise.
 */
export function workerLimits(oldMb: number = Infinity): ResourceLimits {
  return { maxOldGenerationSizeMb: Math.max(16, Math.min(oldMb, ownOldMb())), maxYoungGenerationSizeMb: YOUNG_MB };
}

const YOUNG_MB = 4;

/** This thread's old-generation limit in MiB. */
function ownOldMb(): number {
  const own = isMainThread ? undefined : resourceLimits.maxOldGenerationSizeMb;
  // heap_size_limit is the old generation's limit plus the young generation's (3 x 16 MiB).
  return own ?? Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20) - 48;
}

/** The sentence for a worker that hit its heap limit. */
function outOfMemory(what: string, cause: unknown): RacetraceError {
  return new RacetraceError(
    'INPUT_UNREADABLE',
    `The ${what} ran out of memory: raise the heap limit (node --max-old-space-size=...), or run with --threads off.`,
    { cause },
  );
}

/** How a supervised worker's message handler ends the run: with a value, or an error. */
export interface Outcome<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Runs `worker` until `onMessage` settles the outcome, the worker fails (out of memory becomes a
 * RacetraceError naming `what`), or it exits before settling. Messages after that are ignored,
 * and the worker is terminated: it has posted its last message, or it is abandoned.
 */
export function superviseWorker<T, M>(worker: Worker, what: string, onMessage: (message: M, outcome: Outcome<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      void worker.terminate().finally(finish);
    };
    const outcome: Outcome<T> = {
      resolve: (value) => settle(() => resolve(value)),
      reject: (error) => settle(() => reject(error)),
    };
    worker.on('message', (message: M) => {
      if (!settled) onMessage(message, outcome);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      outcome.reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(what, error) : error);
    });
    worker.on('exit', (code) => outcome.reject(new Error(`the ${what} stopped unexpectedly (exit code ${code})`)));
  });
}

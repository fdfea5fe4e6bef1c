import type { AnalyzeOptions } from '../index.js';
import type { Report } from '../../types.js';
import type { ThreadError } from '../../util/threads.js';

/** The options that can cross to a thread: everything but standard input and the progress object. */
export type ThreadedAnalyzeOptions = Omit<AnalyzeOptions, 'stdin' | 'progress' | 'ingestThread'>;

export interface AnalysisThreadStart {
  inputs: string[];
  options: ThreadedAnalyzeOptions;
}

export type AnalysisThreadMessage =
  | { type: 'progress'; bytesRead: number; bytesTotal: number; events: number; flagged: number }
  | { type: 'report'; report: Report }
  | { type: 'error'; error: ThreadError };

import type { Emit } from '../adapter.js';
import type { EventName, TraceEvent } from '../../types.js';
import { jobId, type Job } from './model.js';

/** The fields a mapping decides; the rest (host, seq, source, correlationId) are filled here. */
export type EventFields = { event: EventName } & Partial<Omit<TraceEvent, 'event' | 'host' | 'seq' | 'source' | 'pid' | 'time'>>;

/** All strace events carry this host: a trace does not name its machine. */
export const STRACE_HOST = 'strace';

/**
 * Emits TraceEvents for one input. Starts a job lazily (`export.start` just before its first path
 * event, dated at its first line) so that processes that never touch a file (sleep, the launcher's
 * own forks) do not show up as empty exports.
 */
export class Out {
  emit: Emit = () => {};
  private lastLine = -1;
  private sub = 0;

  /** Latest time emitted by this input: the merge's reorder window trails it. */
  private latest = -Infinity;

  constructor(
    private readonly input: string,
    private readonly windowMs: number,
  ) {}

  /** Emits one event for `job`, preceded by its `export.start` when it is the job's first. */
  send(job: Job, pid: number, time: number, line: number, fields: EventFields): void {
    if (!job.started) {
      job.started = true;
      job.id = jobId(job);
      // Dated at the job's first line, which the merge's reorder window puts back in order, unless
      // that is too far back to be ordered: then as far back as the window allows.
      job.startTime = Math.min(time, Math.max(job.startTime, this.latest - this.windowMs / 2));
      this.raw(job, job.rootPid, job.startTime, job.startLine, { event: 'export.start' });
    }
    this.raw(job, pid, time, line, fields);
  }

  private raw(job: Job, pid: number, time: number, line: number, fields: EventFields): void {
    if (line === this.lastLine) this.sub = Math.min(this.sub + 1, 63);
    else {
      this.lastLine = line;
      this.sub = 0;
    }
    // seq breaks ties between events of one line: line * 64 + the event's index on that line.
    this.latest = Math.max(this.latest, time);
    const event: TraceEvent = {
      ...fields,
      time,
      host: STRACE_HOST,
      pid,
      seq: line * 64 + this.sub,
      correlationId: job.id,
      source: { input: this.input, line },
    };
    this.emit(event);
  }
}

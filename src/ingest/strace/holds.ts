import type { Syscall } from './calls.js';
import type { Interp } from './mapping.js';
import type { Job, Proc } from './model.js';
import { logAttempt } from './retries.js';

/**
 * Holds, expressed through the events the detectors already read (issue 3: an export holds a
 * temp path from its first mention until renamed away, deleted or the export ends, and a target
 * from its first mention until its rename into it succeeds).
 *
 * A read is a target mention marked `access: 'read'`. The analyzer's path timeline treats a hold
 * whose mentions are all reads as read-only: readers never conflict with anyone. When the same
 * job later renames onto the path (sed -i, perl -i, editors: read, write a new file, rename it
 * over the original), the hold becomes a write hold from its start, the read, so two such jobs
 * overlapping on one file are reported as overlapping-path with role target (lost updates).
 */

/** Distinct files a job's reads are deduplicated over; past this, repeated reads emit again. */
const MAX_READS_PER_JOB = 10_000;

export function holdWrite(path: string, proc: Proc, call: Syscall, ip: Interp): void {
  const job = proc.job!;
  if (job.held.has(path)) return;
  job.held.set(path, proc.pid);
  const holders = ip.paths.holders.get(path) ?? new Set<Job>();
  holders.add(job);
  ip.paths.holders.set(path, holders);
  ip.out.send(job, proc.pid, call.start, call.line, { event: 'temp.create', tempPath: path, access: 'write' });
}

export function holdRead(path: string, proc: Proc, call: Syscall, ip: Interp): void {
  const job = proc.job!;
  if (job.reads.has(path)) return;
  if (job.reads.size < MAX_READS_PER_JOB) job.reads.add(path);
  ip.out.send(job, proc.pid, call.start, call.line, { event: 'temp.create', targetPath: path, access: 'read' });
}

export function doRename(source: string, target: string, proc: Proc, call: Syscall, ip: Interp): void {
  const job = proc.job!;
  logAttempt(ip.context, source, target, call.start);
  const paths = { tempPath: source, targetPath: target };
  ip.out.send(job, proc.pid, call.start, call.startLine, { event: 'rename.attempt', ...paths, attempt: 1 });
  if (call.result.value === 0) {
    ip.out.send(job, proc.pid, call.end, call.line,
      { event: 'rename.success', ...paths, attempt: 1, durationMs: Math.max(0, call.end - call.start) });
    release(source, job, call, ip);
  } else if (call.result.errno !== undefined) {
    ip.out.send(job, proc.pid, call.end, call.line, {
      event: 'rename.failure', ...paths, attempt: 1, errorCode: call.result.errno,
      ...(call.result.errText === undefined ? {} : { errorMessage: call.result.errText }),
      willRetry: false,
    });
  }
}

export function doUnlink(path: string, proc: Proc, call: Syscall, ip: Interp): void {
  const holders = ip.paths.holders.get(path);
  if (!holders || holders.size === 0) return; // an old file nobody in the trace wrote
  const job = proc.job!;
  // Deleting a file another job is still holding is itself a conflict: mention it for this job.
  if (!holders.has(job)) ip.out.send(job, proc.pid, call.end, call.line, { event: 'temp.delete', tempPath: path });
  release(path, undefined, call, ip);
}

/**
 * The file at `path` is gone (renamed away or deleted): every job that wrote it stops holding it.
 * `mover` itself needs no event (its rename.success already ends its hold).
 */
function release(path: string, mover: Job | undefined, call: Syscall, ip: Interp): void {
  const holders = ip.paths.holders.get(path);
  if (!holders) return;
  ip.paths.holders.delete(path);
  for (const job of holders) {
    const writer = job.held.get(path);
    job.held.delete(path);
    if (job !== mover && writer !== undefined && job.started) {
      ip.out.send(job, writer, call.end, call.line, { event: 'temp.delete', tempPath: path });
    }
  }
}

import type { Out } from './emit.js';
import { newJob, type Job, type Proc, type RunState, type SharedPaths } from './model.js';

/**
 * Jobs: the unit of work. A shell script that writes a temp file and the `mv` it forks are one
 * job handing a file over, not two racers (issue 4). With `groupBy: 'tree'` a direct child of the
 * traced root and all its descendants form one job; the root's own work is a job of its own.
 * With `groupBy: 'pid'` every process is a job.
 */

export type GroupBy = 'tree' | 'pid';

/** The job a newly forked `child` of `parent` belongs to. */
export function jobForChild(run: RunState, parent: Proc, child: Proc, groupBy: GroupBy, time: number, line: number): Job {
  const own = groupBy === 'pid' || parent.pid === run.root || parent.job === undefined;
  if (own) return newJob(child, groupBy, time, line);
  parent.job!.live.add(child.pid);
  return parent.job!;
}

/** Records a process's exit; when it was its job's last live process, the job ends. */
export function processExit(
  proc: Proc, code: number | 'killed', time: number, line: number, out: Out, paths: SharedPaths,
): void {
  const job = proc.job;
  proc.exited = true;
  if (!job) return;
  const status = code === 0 ? 'ok' : 'failed';
  if (proc.pid === job.rootPid) {
    job.rootStatus = status;
    job.killed = code === 'killed';
  }
  job.live.delete(proc.pid);
  if (job.live.size > 0) return;

  for (const [path, writer] of job.held) {
    paths.holders.get(path)?.delete(job);
    if (paths.holders.get(path)?.size === 0) paths.holders.delete(path);
    // The job ended with the file still in place: its output, not an orphan. A killed job's files
    // stay held, so orphaned-temp still reports what a crash left behind.
    if (!job.killed && job.started) out.send(job, writer, time, line, { event: 'temp.delete', tempPath: path });
  }
  job.held.clear();
  job.reads.clear();
  if (job.started) {
    out.send(job, proc.pid, time, line, {
      event: 'export.end',
      status: job.rootStatus ?? status,
      durationMs: Math.max(0, time - job.startTime),
    });
  }
}

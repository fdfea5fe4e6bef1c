import type { Out } from './emit.js';
import { newJob, type Job, type Proc, type RunState, type SharedPaths } from './model.js';

/**
 * Jobs: the unit of work. A shell script that writes a temp file and the `mv` it forks are one
 * job handing a file over, not two racers (issue 4). With `groupBy: 'tree'` a direct child of the
 * traced root and all its descendants form one job, and the root's own work is a job too. With
 * `groupBy: 'pid'` every process is a job.
 *
 * One refinement: a direct child the root runs in the foreground (the root waits for it before
 * doing anything else, and no sibling is running) belongs to the root's job. Otherwise tracing a
 * script directly (`strace ... ./export.sh`, or `sh -c 'until mv a b; do sleep 0.01; done'`) would
 * make each of its commands a job, and every handover between them would look like a race. The
 * root's next call after the fork decides: `wait4`/`waitid` means foreground.
 */

export type GroupBy = 'tree' | 'pid';

/** The job of a newly forked `child` of `parent`, or undefined while that is undecided. */
export function jobForChild(run: RunState, parent: Proc, child: Proc, groupBy: GroupBy, time: number, line: number): Job | undefined {
  if (groupBy === 'pid' || parent.job === undefined) return newJob(child, groupBy, time, line);
  if (parent.pid !== run.root) {
    parent.job.live.add(child.pid);
    return parent.job;
  }
  decideUndecided(run, false);
  const siblings = run.rootChildren.size > 0;
  run.rootChildren.add(child.pid);
  if (siblings) return newJob(child, groupBy, time, line);
  run.undecided = { child, time, line };
  return undefined;
}

/**
 * The root made its next call after forking a lone child: a wait means the child ran in the
 * foreground (it joins the root's job); anything else means it runs alongside (its own job).
 */
export function decideUndecided(run: RunState, foreground: boolean): void {
  const pending = run.undecided;
  if (!pending) return;
  delete run.undecided;
  const rootJob = run.root === undefined ? undefined : run.procs.get(run.root)?.job;
  if (pending.child.job) return;
  if (foreground && rootJob) {
    rootJob.live.add(pending.child.pid);
    pending.child.job = rootJob;
  } else {
    pending.child.job = newJob(pending.child, 'tree', pending.time, pending.line);
  }
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
  // -ff files are read one after another, so exits arrive out of time order: the job ends at
  // its latest exit, whichever file showed it.
  job.endTime = Math.max(job.endTime ?? time, time);
  if (job.live.size > 0) return;
  const end = job.endTime;

  for (const [path, writer] of job.held) {
    paths.holders.get(path)?.delete(job);
    if (paths.holders.get(path)?.size === 0) paths.holders.delete(path);
    // The job ended with the file still in place: its output, not an orphan. A killed job's files
    // stay held, so orphaned-temp still reports what a crash left behind.
    if (!job.killed && job.started) out.send(job, writer, end, line, { event: 'temp.delete', tempPath: path });
  }
  job.held.clear();
  job.reads.clear();
  if (job.started) {
    out.send(job, proc.pid, end, line, {
      event: 'export.end',
      status: job.rootStatus ?? status,
      durationMs: Math.max(0, end - job.startTime),
    });
  }
}

import type { AdapterContext } from '../adapter.js';
import type { Syscall } from './calls.js';

/**
 * The state one traced run keeps: its processes and jobs. With `-o` one input is one run; with
 * `-ff` the per-pid files of one run share it through `context.shared`, so that a child's file
 * finds the parent its parent's file named.
 */

export interface Proc {
  pid: number;
  /** From clone/fork/vfork results, else from a SIGCHLD's si_pid (a guess, said in a note). */
  parent?: number;
  parentFrom?: 'clone' | 'sigchld';
  /** Working folder; undefined until known (then the run's assumed start folder stands in). */
  cwd?: string;
  /** Command name: inherited at fork, replaced by execve. */
  comm: string;
  /** Directory descriptors (openat O_DIRECTORY/O_PATH results), for `*at` calls without `-y`. */
  fds: Map<number, string>;
  job?: Job;
  exited: boolean;
  /** A `renameat2(RENAME_NOREPLACE) = -1 EEXIST` held back: mv's probe, or a real failure. */
  probe?: Syscall;
  /** Time and line of the first line this process wrote. */
  firstTime?: number;
  firstLine?: number;
}

export interface Job {
  /** The correlationId, fixed when the job first emits: `job-<root pid>-<command>`. */
  id: string;
  rootPid: number;
  /** The root process's command name (from execve), readable in reports. */
  comm: string;
  prefix: 'job' | 'pid';
  started: boolean;
  startTime: number;
  /** The line export.start cites: the root process's first line. */
  startLine: number;
  live: Set<number>;
  /** The latest exit seen of the job's processes. */
  endTime?: number;
  /** Exit status of the job's root process, when it ended. */
  rootStatus?: 'ok' | 'failed';
  killed: boolean;
  /** Paths this job wrote and still holds (not renamed away, not deleted): path -> writer pid. */
  held: Map<string, number>;
  /** Files this job already mentioned as read (one read mention per file is enough). */
  reads: Set<string>;
}

export interface RunState {
  /** The traced root: the first pid of an `-o` trace; for `-ff`, the earliest file's pid. */
  root?: number;
  procs: Map<number, Proc>;
  /** Whether the trace shows clone/fork/vfork at all (`-e trace=%process`). */
  sawFork: boolean;
  /** The root's direct children still alive. */
  rootChildren: Set<number>;
  /** A child the root just forked while no sibling ran: foreground or background? See ./jobs.ts. */
  undecided?: { child: Proc; time: number; line: number };
}

/** Cross-run state: who holds which written path (for releasing a file another job moved). */
export interface SharedPaths {
  holders: Map<string, Set<Job>>;
}

export function runState(context: AdapterContext, key: string): RunState {
  const full = `strace:run:${key}`;
  let run = context.shared.get(full) as RunState | undefined;
  if (!run) {
    run = { procs: new Map(), sawFork: false, rootChildren: new Set() };
    context.shared.set(full, run);
  }
  return run;
}

export function sharedPaths(context: AdapterContext): SharedPaths {
  let paths = context.shared.get('strace:paths') as SharedPaths | undefined;
  if (!paths) {
    paths = { holders: new Map() };
    context.shared.set('strace:paths', paths);
  }
  return paths;
}

/** A new job rooted at `proc`; its id is settled when it first emits (after its execve). */
export function newJob(proc: Proc, groupBy: 'tree' | 'pid', time: number, line: number): Job {
  const prefix = groupBy === 'pid' ? 'pid' : 'job';
  return {
    id: '', rootPid: proc.pid, comm: proc.comm, prefix, started: false, startTime: time, startLine: line,
    live: new Set([proc.pid]), killed: false, held: new Map(), reads: new Set(),
  };
}

/** `job-4711-sed`: the pid keeps it unique, the command makes it readable. */
export function jobId(job: Job): string {
  const comm = job.comm.replace(/[^A-Za-z0-9._+-]/g, '_').slice(0, 40);
  return `${job.prefix}-${job.rootPid}${comm === '' ? '' : `-${comm}`}`;
}

export function getProc(run: RunState, pid: number): Proc {
  let proc = run.procs.get(pid);
  if (!proc) {
    proc = { pid, comm: '', fds: new Map(), exited: false };
    run.procs.set(pid, proc);
  }
  return proc;
}

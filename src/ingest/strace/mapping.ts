import { posix } from 'node:path';
import type { AdapterContext } from '../adapter.js';
import type { Syscall } from './calls.js';
import type { Out } from './emit.js';
import { jobForChild, type GroupBy } from './jobs.js';
import { getProc, type Proc, type RunState, type SharedPaths } from './model.js';
import { flagSet, isIgnoredPath, parseDirfd, parsePathArg, resolveAgainst } from './paths.js';
import { doRename, doUnlink, holdRead, holdWrite } from './holds.js';

/**
 * Syscalls -> racetrace events. Only successful calls change state, except renames, whose
 * failures are the point. Paths are made absolute (dirfd, then the process's working folder)
 * and ignored under /dev (but /dev/shm), /proc, /sys, libraries and locales (./paths.ts).
 *
 * | syscall                           | event(s)                                                    |
 * |-----------------------------------|-------------------------------------------------------------|
 * | open/openat/openat2/creat, writing| temp.create {tempPath, access:'write'}: held as written     |
 * |   (O_WRONLY/O_RDWR/O_CREAT/O_TRUNC; | until renamed away, deleted, or the job ends (then a       |
 * |   O_APPEND without O_TRUNC is a   |   temp.delete at the exit: an output left in place)         |
 * |   shared log, not a hold)         |                                                             |
 * | open..., O_RDONLY                 | temp.create {targetPath, access:'read'} once per job: a     |
 * |                                   |   read-only hold that conflicts with nobody unless the job  |
 * |                                   |   later renames onto the path (read-modify-replace: then it |
 * |                                   |   is a write hold from the read on; see ./holds.ts)         |
 * | open... O_DIRECTORY/O_PATH/TMPFILE| none (the descriptor is remembered for *at calls)           |
 * | rename/renameat/renameat2         | rename.attempt + rename.success | rename.failure{errorCode} |
 * |   (RENAME_NOREPLACE, _EXCHANGE)   |   attempt/willRetry/delayMs settled after the merge         |
 * |                                   |   (./retries.ts); mv's RENAME_NOREPLACE probe that fails    |
 * |                                   |   EEXIST and is followed by a plain rename is dropped       |
 * | link/linkat                       | as a rename (hard-link-then-unlink move; EEXIST = taken)    |
 * | unlink/unlinkat (not AT_REMOVEDIR)| temp.delete for every job holding the path as written       |
 * |                                   |   (and for the deleting job, when it deletes another's file)|
 * | mkdir/mkdirat, rmdir              | none: folders are never held                                |
 * | chdir/fchdir                      | none: the process's working folder                          |
 * | clone/clone3/fork/vfork           | none: the process tree (the child inherits cwd and job)     |
 * | execve/execveat                   | none: the command name used in the correlationId            |
 * | +++ exited/killed +++             | export.end {status} when the job's last process ends        |
 * | --- SIGCHLD {si_pid} ---          | none: the tree, when the trace lacks %process               |
 * | (first path event of a job)       | export.start, dated at the job's first line                 |
 */

export interface Interp {
  context: AdapterContext;
  run: RunState;
  paths: SharedPaths;
  out: Out;
  groupBy: GroupBy;
  /** The working folder of `proc` (the assumed start folder, with a note, when unknown). */
  cwdOf(proc: Proc): string;
}

const RENAMES = new Set(['rename', 'renameat', 'renameat2', 'link', 'linkat']);

/** Applies one completed syscall of a process whose job is known. */
export function interpret(call: Syscall, proc: Proc, ip: Interp): void {
  if (proc.probe && RENAMES.has(call.name)) {
    const probe = proc.probe;
    delete proc.probe;
    const same = renamePaths(probe, proc, ip)?.join('\0') === renamePaths(call, proc, ip)?.join('\0');
    if (!same) applyRename(probe, proc, ip);
  }
  const { name, args, result } = call;
  const ok = result.value !== undefined && result.value >= 0;
  switch (name) {
    case 'clone': case 'clone3': case 'fork': case 'vfork':
      if (ok && result.value! > 0) fork(proc, result.value!, call, ip);
      return;
    case 'execve': case 'execveat': {
      const path = parsePathArg(name === 'execve' ? args[0] : args[1]);
      if (result.value === 0 && path !== undefined) {
        proc.comm = posix.basename(path);
        if (proc.job && proc.job.rootPid === proc.pid && !proc.job.started) proc.job.comm = proc.comm;
      }
      return;
    }
    case 'chdir': {
      const path = parsePathArg(args[0]);
      if (ok && path !== undefined) proc.cwd = resolveAgainst(ip.cwdOf(proc), path);
      return;
    }
    case 'fchdir': {
      const ref = parseDirfd(args[0]);
      const folder = ref?.path ?? (typeof ref?.fd === 'number' ? proc.fds.get(ref.fd) : undefined);
      if (ok && folder !== undefined) proc.cwd = folder;
      return;
    }
    case 'open': case 'creat': case 'openat': case 'openat2':
      if (ok) open(call, proc, ip);
      return;
    case 'unlink': case 'unlinkat': {
      const at = name === 'unlinkat';
      if (at && flagSet(args[2]).has('AT_REMOVEDIR')) return;
      const path = ok ? resolvePath(proc, at ? args[0] : undefined, at ? args[1] : args[0], ip) : undefined;
      if (path !== undefined && !isIgnoredPath(path)) doUnlink(path, proc, call, ip);
      return;
    }
    default:
      if (RENAMES.has(name)) rename(call, proc, ip);
  }
}

function fork(parent: Proc, childPid: number, call: Syscall, ip: Interp): void {
  ip.run.sawFork = true;
  const child = getProc(ip.run, childPid);
  if (child.job) return;
  child.parent = parent.pid;
  child.parentFrom = 'clone';
  if (parent.cwd !== undefined) child.cwd = parent.cwd;
  child.comm = parent.comm;
  child.fds = new Map(parent.fds);
  const job = jobForChild(ip.run, parent, child, ip.groupBy, call.end, call.line);
  if (job) child.job = job;
}

function open(call: Syscall, proc: Proc, ip: Interp): void {
  const { name, args } = call;
  const at = name === 'openat' || name === 'openat2';
  const path = resolvePath(proc, at ? args[0] : undefined, at ? args[1] : args[0], ip);
  if (path === undefined) return;
  const flags = name === 'creat' ? flagSet('O_WRONLY|O_CREAT|O_TRUNC') : openFlags(name, args);
  if (flags.has('O_DIRECTORY') || flags.has('O_PATH') || flags.has('O_TMPFILE')) {
    if (call.result.value !== undefined) proc.fds.set(call.result.value, path);
    return;
  }
  if (isIgnoredPath(path)) return;
  const writes = flags.has('O_WRONLY') || flags.has('O_RDWR') || flags.has('O_CREAT') || flags.has('O_TRUNC');
  const appendOnly = flags.has('O_APPEND') && !flags.has('O_TRUNC');
  if (writes && !appendOnly) holdWrite(path, proc, call, ip);
  else if (!writes) holdRead(path, proc, call, ip);
}

function openFlags(name: string, args: string[]): Set<string> {
  if (name === 'openat2') return flagSet(/flags=([A-Z0-9_|]+)/.exec(args[2] ?? '')?.[1]);
  return flagSet(name === 'openat' ? args[2] : args[1]);
}

function rename(call: Syscall, proc: Proc, ip: Interp): void {
  const flags = call.name === 'renameat2' ? flagSet(call.args[4]) : new Set<string>();
  // coreutils mv first tries renameat2(RENAME_NOREPLACE); on EEXIST it checks and then replaces
  // with a plain rename. Hold the probe until the next rename shows whether it was one.
  if (flags.has('RENAME_NOREPLACE') && call.result.errno === 'EEXIST') {
    proc.probe = call;
    return;
  }
  applyRename(call, proc, ip);
}

/** Emits a held probe (the process ended or renamed something else next). */
export function flushProbe(proc: Proc, ip: Interp): void {
  if (!proc.probe) return;
  const probe = proc.probe;
  delete proc.probe;
  applyRename(probe, proc, ip);
}

function applyRename(call: Syscall, proc: Proc, ip: Interp): void {
  const paths = renamePaths(call, proc, ip);
  if (!paths || isIgnoredPath(paths[0]) || isIgnoredPath(paths[1])) return;
  doRename(paths[0], paths[1], proc, call, ip);
}

/** [source, target] of rename/renameat/renameat2/link/linkat, absolute. */
function renamePaths(call: Syscall, proc: Proc, ip: Interp): [string, string] | undefined {
  const plain = call.name === 'rename' || call.name === 'link';
  const a = plain ? resolvePath(proc, undefined, call.args[0], ip) : resolvePath(proc, call.args[0], call.args[1], ip);
  const b = plain ? resolvePath(proc, undefined, call.args[1], ip) : resolvePath(proc, call.args[2], call.args[3], ip);
  return a === undefined || b === undefined ? undefined : [a, b];
}

/**
 * An absolute path from a (dirfd, path) pair. A `-y` annotation on the dirfd is trusted first;
 * `AT_FDCWD</x>` also teaches the process's working folder. Undefined when unresolvable.
 */
export function resolvePath(proc: Proc, dirArg: string | undefined, pathArg: string | undefined, ip: Interp): string | undefined {
  const path = parsePathArg(pathArg);
  if (path === undefined) return undefined;
  const dir = dirArg === undefined ? { fd: 'cwd' as const } : parseDirfd(dirArg);
  if (dir === undefined) return undefined;
  if (dir.fd === 'cwd' && dir.path !== undefined) proc.cwd = dir.path;
  if (path.startsWith('/')) return posix.normalize(path);
  if (dir.fd === 'cwd') return resolveAgainst(ip.cwdOf(proc), path);
  const folder = dir.path ?? proc.fds.get(dir.fd);
  return folder === undefined ? undefined : resolveAgainst(folder, path);
}

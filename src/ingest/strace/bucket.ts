import type { Syscall } from './calls.js';
import { isIgnoredPath, parsePathArg } from './paths.js';

/**
 * Whether a completed call counts as an `event` line (one racetrace uses: file and process calls
 * that succeeded, renames whatever their outcome) or as `other` (library loads, /proc, stat calls,
 * failed lookups). Decided when the line is read, so the line counts add up even while a
 * process's calls wait for its job to be known.
 */
const PATH_CALLS = new Set(['open', 'creat', 'openat', 'openat2', 'unlink', 'unlinkat', 'chdir', 'fchdir',
  'execve', 'execveat']);
const PROCESS_CALLS = new Set(['clone', 'clone3', 'fork', 'vfork']);
const RENAME_CALLS = new Set(['rename', 'renameat', 'renameat2', 'link', 'linkat']);

export function lineBucket(call: Syscall): boolean {
  if (RENAME_CALLS.has(call.name)) return call.result.value !== undefined;
  const ok = call.result.value !== undefined && call.result.value >= 0;
  if (PROCESS_CALLS.has(call.name)) return ok;
  if (!PATH_CALLS.has(call.name) || !ok) return false;
  const at = call.name.endsWith('at') || call.name === 'openat2';
  const path = parsePathArg(at && call.name !== 'creat' ? call.args[1] : call.args[0]);
  return path === undefined || !path.startsWith('/') || !isIgnoredPath(path);
}

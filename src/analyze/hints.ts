/**
 * Every hint the detectors give, in one place: one line each, the likely cause and the fix.
 * Detectors pick one from the evidence with the choosers below; they never write hint text.
 */
export const HINTS = {
  sharedTemp:
    'Exports share a predictable temp name: give each export its own work folder and temp name (racetrace createWorkFolder/tempName).',
  sharedTarget:
    'The exports write the same output at the same time, so the last rename wins: serialise them (a lock or a queue) or give each export its own target.',
  reusedTemp:
    'The temp name is predictable, so runs that overlap will collide: create temps in a per-export work folder (racetrace createWorkFolder/tempName).',
  stolenTemp:
    'The temp was stolen: a concurrent export renamed the same temp name first; use unique temp names (racetrace tempName in a per-export work folder).',
  vanishedTemp:
    'The temp vanished before the rename and no other export renamed it: find what deletes it (a cleanup job, another program) with strace -f / Process Monitor.',
  externalHolder:
    'Another program (antivirus, indexer, backup) holds the path: capture it with a system tracer (strace -f / Process Monitor) and retry with backoff and full jitter.',
  contendedPath:
    'A concurrent export held the same path when the rename failed: give each export its own temp (work folder) and serialise writers of one target.',
  crossDevice:
    'Temp and target are on different filesystems, so rename cannot be atomic: keep temps on the target filesystem (a work folder inside the target folder).',
  targetExists:
    'The target already exists or is a folder: remove or rename it first, or let the rename replace it (no RENAME_NOREPLACE).',
  accessDenied:
    'The process may not write the target folder: check its permissions and owner, and that the filesystem is not read-only.',
  noSpace: 'The filesystem is full or over quota: free space or move the output elsewhere.',
  otherFailure:
    'The rename failed for a reason racetrace does not classify: look at the error message in the evidence lines.',
  noJitter:
    'Processes retried on the same schedule and will collide again: add full jitter to the backoff (wait a random time up to the exponential delay).',
  storm:
    'Many renames failed together: find what holds the paths (see the failed and recovered renames) and bound retries with a time budget.',
  longRetry:
    'Something held the path for a long time: find the holder (strace -f / Process Monitor) instead of retrying longer.',
  orphanedTemp:
    'The export ended without renaming or deleting its temp: delete the temp in a finally block when the move fails.',
  orphanedByCrash:
    'The export never ended (crash or kill) and left its temp behind: sweep stale work folders at startup.',
  orphanedAfterFailure:
    'The rename failed and the temp was left behind: delete the temp when giving up on the move.',
  incompleteExport:
    'The export never logged export.end, so it crashed or was killed: check exit codes and OOM kills, and log export.end in a finally block.',
} as const;

export type HintId = keyof typeof HINTS;

/** The evidence a rename hint is chosen from. */
export interface RenameEvidence {
  code: string;
  /** Another export held the temp or target when it failed. */
  contended: boolean;
  /** Another export renamed this temp away first. */
  stolen: boolean;
}

const HOLDER_CODES = new Set(['EBUSY', 'EPERM', 'EACCES', 'ETXTBSY']);

/** The hint for a rename that failed (or failed and recovered) with `code`. */
export function renameHint({ code, contended, stolen }: RenameEvidence): string {
  if (code === 'ENOENT') return stolen ? HINTS.stolenTemp : contended ? HINTS.contendedPath : HINTS.vanishedTemp;
  if (HOLDER_CODES.has(code)) {
    if (contended) return HINTS.contendedPath;
    // On Linux EACCES/EPERM without a holder is a permission problem, on Windows a lock: both
    // are worth a tracer capture, so the holder hint goes first.
    return HINTS.externalHolder;
  }
  if (code === 'EXDEV') return HINTS.crossDevice;
  if (code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'EISDIR') return HINTS.targetExists;
  if (code === 'EROFS') return HINTS.accessDenied;
  if (code === 'ENOSPC' || code === 'EDQUOT') return HINTS.noSpace;
  return contended ? HINTS.contendedPath : HINTS.otherFailure;
}

/** The hint for an overlap, by the role the exports shared. */
export function overlapHint(role: 'temp' | 'target'): string {
  return role === 'temp' ? HINTS.sharedTemp : HINTS.sharedTarget;
}

/** The hint for an orphaned temp, by how its export ended. */
export function orphanHint(ended: boolean, renameFailed: boolean): string {
  if (!ended) return HINTS.orphanedByCrash;
  return renameFailed ? HINTS.orphanedAfterFailure : HINTS.orphanedTemp;
}

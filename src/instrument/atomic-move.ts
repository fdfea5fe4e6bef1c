import { dirname } from 'node:path';
import { RacetraceError } from '../errors.js';
import { errorCode, errorMessage, nodeFs, systemClock, type Clock, type FileSystem, type Random } from './fs.js';
import { DEFAULT_RETRY_POLICY, backoffCeiling, backoffDelay, checkPolicy, isTransient, type RetryPolicy } from './retry-policy.js';
import type { Tracer } from './tracer.js';

/** What the atomic move works with; everything but the tracer has a real default. */
export interface MoveDeps {
  tracer: Tracer;
  fs?: FileSystem;
  clock?: Clock;
  random?: Random;
  /** Merged over DEFAULT_RETRY_POLICY. */
  retry?: Partial<RetryPolicy>;
}

/** How a move went: the attempt that succeeded and the time from the first attempt. */
export interface MoveResult {
  attempts: number;
  durationMs: number;
}

/** The bytes of a file, in chunks; async sources (a query cursor) are fine. */
export type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Writes `chunks` to a new temp file and fsyncs it, so a crash after the rename cannot leave a
 * target with missing bytes. The temp must not exist yet (`wx`): a clash means two exports share
 * a temp name, the very race racetrace exists to catch. When writing fails (a full disk), the
 * temp is removed (temp.delete) and RacetraceError('EXPORT_FAILED') says so; an error of `chunks`
 * itself is rethrown as it is, after the same clean-up. The target is never touched here.
 */
export async function writeTempFile(
  tempPath: string, chunks: Chunks, deps: { tracer: Tracer; fs?: FileSystem; targetPath?: string },
): Promise<void> {
  const fs = deps.fs ?? nodeFs;
  const file = await fs.open(tempPath, 'wx');
  deps.tracer.tempCreate(deps.targetPath === undefined ? { tempPath } : { tempPath, targetPath: deps.targetPath });
  // fromDisk: write, fsync or close failed, rather than the exporter's own source of chunks.
  let failure: { error: unknown; fromDisk: boolean } | undefined;
  try {
    for await (const chunk of chunks) {
      try {
        await file.write(chunk);
      } catch (error) {
        failure = { error, fromDisk: true };
        break;
      }
    }
  } catch (error) {
    failure = { error, fromDisk: false };
  }
  try {
    if (failure === undefined) await file.sync();
  } catch (error) {
    failure = { error, fromDisk: true };
  }
  try {
    await file.close();
  } catch (error) {
    // close() can fail too (NFS reports ENOSPC there); the first failure is the one to tell.
    failure ??= { error, fromDisk: true };
  }
  if (failure === undefined) return;
  await discardTemp(tempPath, fs, deps.tracer);
  if (!failure.fromDisk) throw failure.error;
  const code = errorCode(failure.error) ?? 'UNKNOWN';
  const target = deps.targetPath === undefined ? 'the target' : deps.targetPath;
  throw new RacetraceError(
    'EXPORT_FAILED',
    `Writing ${tempPath} failed (${errorMessage(failure.error)}); the temp file was removed and ${target} was left as it was: ${writeNextStep(code)}.`,
    { cause: failure.error, details: { tempPath, targetPath: deps.targetPath, code } },
  );
}

/** Removes a temp that will never be renamed; a failure to remove must not hide why. */
async function discardTemp(tempPath: string, fs: FileSystem, tracer: Tracer): Promise<void> {
  try {
    await fs.unlink(tempPath);
    tracer.tempDelete({ tempPath });
  } catch {
    // Already gone, or the disk refuses even that: a work folder's removal will try again.
  }
}

function writeNextStep(code: string): string {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'free space on that disk (or raise the quota), then export again';
  if (code === 'EIO') return 'the disk reported an I/O error: check it, then export again';
  if (code === 'EFBIG') return 'the file is larger than that filesystem allows: write it elsewhere';
  return 'fix the cause named above, then export again';
}

/** Next steps for the final error, by the last code seen. */
function nextStep(code: string): string {
  if (code === 'ENOENT') return 'the temp file is gone, so another process moved or deleted it: give every export its own work folder';
  if (code === 'EXDEV') return 'temp and target are on different filesystems: create the temp inside the target folder';
  return 'something keeps the target or temp locked (antivirus, indexer, another process): exclude the folder from scanning or raise the retry budget';
}

/**
 * Renames `tempPath` over `targetPath`, retrying transient errors with exponential backoff and
 * full jitter within the policy's attempt count and time budget, then fsyncs the target's folder
 * so the rename survives a power cut. Every attempt, failure and success is an event.
 * Throws RacetraceError('RENAME_FAILED') whose details hold attempts, elapsedMs and codes.
 */
export async function moveIntoPlace(tempPath: string, targetPath: string, deps: MoveDeps): Promise<MoveResult> {
  const { tracer } = deps;
  const fs = deps.fs ?? nodeFs;
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const policy = checkPolicy({ ...DEFAULT_RETRY_POLICY, ...deps.retry });
  const codes: Record<string, number> = {};
  const start = clock.now();

  for (let attempt = 1; ; attempt++) {
    tracer.renameAttempt({ tempPath, targetPath, attempt });
    try {
      await fs.rename(tempPath, targetPath);
    } catch (error) {
      const code = errorCode(error) ?? 'UNKNOWN';
      codes[code] = (codes[code] ?? 0) + 1;
      const elapsedMs = clock.now() - start;
      const remainingMs = policy.budgetMs - elapsedMs;
      const failure = { tempPath, targetPath, attempt, errorCode: code, errorMessage: errorMessage(error) };
      if (!isTransient(code, policy) || attempt >= policy.maxAttempts || remainingMs <= 0) {
        tracer.renameFailure({ ...failure, willRetry: false });
        const seen = Object.entries(codes).map(([c, n]) => `${c} x${n}`).join(', ');
        throw new RacetraceError(
          'RENAME_FAILED',
          `Renaming ${tempPath} to ${targetPath} failed after ${attempt} attempt${attempt === 1 ? '' : 's'} ` +
            `over ${Math.round(elapsedMs)} ms (${seen}); ${nextStep(code)}.`,
          { cause: error, details: { tempPath, targetPath, attempts: attempt, elapsedMs, codes, lastCode: code } },
        );
      }
      // The last wait is cut short so the final attempt still falls inside the budget.
      const delayMs = Math.min(backoffDelay(attempt, policy, random), remainingMs);
      tracer.renameFailure({ ...failure, willRetry: true, delayMs, backoffCeilingMs: backoffCeiling(attempt, policy) });
      await clock.sleep(delayMs);
      continue;
    }
    const durationMs = clock.now() - start;
    tracer.renameSuccess({ tempPath, targetPath, attempt, durationMs });
    await fs.syncDir(dirname(targetPath));
    return { attempts: attempt, durationMs };
  }
}

/** writeTempFile, then moveIntoPlace: the whole safe write of one file. */
export async function atomicWrite(tempPath: string, targetPath: string, chunks: Chunks, deps: MoveDeps): Promise<MoveResult> {
  await writeTempFile(tempPath, chunks, { tracer: deps.tracer, targetPath, fs: deps.fs });
  return moveIntoPlace(tempPath, targetPath, deps);
}

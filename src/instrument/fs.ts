import { mkdirSync, openSync, promises as fsp } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The one door to the filesystem for racetrace's instrumentation and the sample exporter.
 * Retry code takes a FileSystem, a Clock and a Random as parameters, so tests can inject
 * EBUSY/EPERM and control time without sleeping, and RACETRACE_FAULTS can wrap the real thing.
 */

/** An open file being written. */
export interface WritableFile {
  write(data: string | Uint8Array): Promise<void>;
  /** fsync: the bytes are on disk before the file is renamed into place. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** How a file is opened: `wx` creates it and fails if it exists, `w` truncates whatever is there. */
export type OpenFlags = 'w' | 'wx';

/** The filesystem operations racetrace needs; every method rejects with a Node error carrying `code`. */
export interface FileSystem {
  open(path: string, flags: OpenFlags): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Creates a unique folder whose name starts with `prefix`; returns its path. */
  mkdtemp(prefix: string): Promise<string>;
  readdir(path: string): Promise<string[]>;
  /** Removes a folder and everything in it; a missing folder is not an error. */
  rmdirRecursive(path: string): Promise<void>;
  /** Makes a rename inside `path` durable (the folder entry itself is flushed). */
  syncDir(path: string): Promise<void>;
}

/** Time for retry code: `now()` is monotonic milliseconds, `sleep` waits. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** A source of numbers in [0, 1), like Math.random. */
export type Random = () => number;

// Windows cannot open a folder for fsync (EISDIR/EPERM); NTFS journals the rename itself,
// so there is nothing more to flush there.
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL']);

/** The real filesystem (node:fs/promises). */
export const nodeFs: FileSystem = {
  async open(path, flags) {
    const handle = await fsp.open(path, flags, 0o644);
    return {
      async write(data) {
        if (typeof data === 'string') await handle.write(data);
        else await handle.write(data);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  mkdtemp: (prefix) => fsp.mkdtemp(prefix),
  readdir: (path) => fsp.readdir(path),
  rmdirRecursive: (path) => fsp.rm(path, { recursive: true, force: true }),
  async syncDir(path) {
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(path, 'r');
      await handle.sync();
    } catch (error) {
      if (!DIR_SYNC_UNSUPPORTED.has(errorCode(error) ?? '')) throw error;
    } finally {
      await handle?.close();
    }
  },
};

/** Wall-clock sleeping and a monotonic clock (performance.now, immune to clock steps). */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => sleep(ms),
};

/** The `code` of a Node error (`'EBUSY'`), or undefined when the value carries none. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** The message of any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens an event log for appending, synchronously, creating its folder. A log opened before the
 * first event is what lets an async destination be flushed by an exit that comes right away.
 */
export function openLogSync(path: string): number {
  mkdirSync(dirname(path), { recursive: true });
  return openSync(path, 'a', 0o644);
}

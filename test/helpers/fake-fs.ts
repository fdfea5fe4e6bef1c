import type { Clock, FileSystem, Random, WritableFile } from '../../src/instrument/fs.js';

/** A clock that never sleeps: sleep(ms) moves time forward and records the wait. */
export function fakeClock(start = 1000): Clock & { sleeps: number[]; time(): number } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    time: () => now,
    now: () => now,
    async sleep(ms: number) {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** A Random that replays `values` in a loop. */
export function scriptedRandom(values: readonly number[]): Random {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

/** A Node-style error with `code`. */
export function fsError(code: string, syscall = 'rename'): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: test error, ${syscall}`);
  error.code = code;
  error.syscall = syscall;
  return error;
}

/**
 * A filesystem whose rename fails with the listed codes, one per call, then succeeds; every
 * call is recorded. Only rename and syncDir are meant to be reached.
 */
export function scriptedRenameFs(codes: readonly string[]): FileSystem & { calls: string[] } {
  const calls: string[] = [];
  let renames = 0;
  const unexpected = (op: string) => async (): Promise<never> => {
    throw new Error(`unexpected ${op} in a rename test`);
  };
  return {
    calls,
    async rename(from, to) {
      calls.push(`rename ${from} ${to}`);
      const code = codes[renames++];
      if (code !== undefined) throw fsError(code);
    },
    async syncDir(path) {
      calls.push(`syncDir ${path}`);
    },
    open: unexpected('open') as (path: string) => Promise<WritableFile>,
    unlink: unexpected('unlink'),
    mkdtemp: unexpected('mkdtemp'),
    readdir: unexpected('readdir'),
    rmdirRecursive: unexpected('rmdirRecursive'),
  };
}

import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * `strace -ff -o trace` writes one file per process, `trace.<pid>`, none of which says which
 * process was the traced root (the one whose direct children are the jobs). Files can be read
 * in any order, so the root is found once per run from the files themselves: the sibling whose
 * first line is the earliest. Reads at most 256 bytes per sibling.
 */
export function findFfRoot(input: string): number | undefined {
  const suffix = /^(.*)\.(\d+)$/.exec(input);
  if (!suffix) return undefined;
  const folder = dirname(input);
  const prefix = `${basename(suffix[1]!)}.`;
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)));
  } catch {
    return undefined;
  }
  let best: { pid: number; time: number } | undefined;
  for (const name of names) {
    const time = firstTime(join(folder, name));
    const pid = Number(name.slice(prefix.length));
    if (time !== undefined && (!best || time < best.time || (time === best.time && pid < best.pid))) best = { pid, time };
  }
  return best?.pid;
}

function firstTime(path: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(256);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const m = /^\s*(\d+\.\d+)\s/.exec(buffer.subarray(0, n).toString('latin1'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

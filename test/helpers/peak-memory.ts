import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The peak resident set (VmHWM, in bytes) of a running process, read from /proc/<pid>/status
 * until it exits. VmHWM only grows, so the last reading is the peak up to a few milliseconds
 * before the end. Resolves undefined where /proc is missing (not Linux).
 */
export async function watchPeakRss(pid: number, exited: () => boolean, everyMs = 20): Promise<number | undefined> {
  let peak: number | undefined;
  while (!exited()) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
    const kib = status === undefined ? undefined : /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kib !== undefined) peak = Math.max(peak ?? 0, Number(kib) * 1024);
    await sleep(everyMs);
  }
  return peak;
}

import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * Cores at or below which racetrace's own threads keep every core busy. A large analysis runs two
 * (one reading, one analyzing); V8 would also run each young-generation collection (a scavenge)
 * as two or three parallel tasks on helper threads, which on two cores can only take turns with
 * racetrace's threads. Each scavenge then runs on the thread that needs it, alone.
 *
 * Measured on the 1 GB bench set, two cores, under `--max-old-space-size=128`, alternating runs,
 * medians of the pairs' ratios: set here, 0.87 of the time (5 pairs, 0.75-0.89) and 0.94 of the
 * CPU; given to node as a flag, 0.885 (12 pairs, 11 below 1) and 0.95 of the CPU, the same peak
 * (median 188.5 MiB against 187.5). On 20 MB, read on one thread: 1.04 (10 pairs, 0.85-1.22),
 * within the noise of sub-second runs.
 */
export const SERIAL_SCAVENGE_MAX_CORES = 2;

const FLAG = /--(no[-_])?parallel[-_]scavenge\b/;

/**
 * Makes V8 run scavenges without helper threads on machines of SERIAL_SCAVENGE_MAX_CORES cores or
 * fewer, unless the user chose (`node --parallel-scavenge` or `--no-parallel-scavenge`). V8 reads
 * the flag at every scavenge, so setting it at start-up is sound and applies to every thread.
 * For the CLI only, like setHeapGrowth. Returns whether it set it.
 */
export function setSerialScavenge(execArgv: readonly string[] = process.execArgv, cores: number = availableParallelism()): boolean {
  if (cores > SERIAL_SCAVENGE_MAX_CORES || execArgv.some((arg) => FLAG.test(arg))) return false;
  setFlagsFromString('--no-parallel-scavenge');
  return true;
}

import { setFlagsFromString } from 'node:v8';

/**
 * How far past what a full collection kept V8 lets a heap grow before the next one, in percent.
 *
 * V8 picks the factor from the heap's cap: 30% for a heap capped under 256 MiB, which is every
 * worker thread here (see workerLimits) and every thread under `node --max-old-space-size=128`,
 * and up to 300% for an uncapped heap. At 30%, the reading thread, whose reorder windows hold a
 * few MB of events for two seconds of log time, ran a full collection for every 5 MB it
 * promoted. Uncapped, at up to 300%, a 1 GB run peaked at 228-238 MiB.
 *
 * 100% for every heap, as first set (stop 13), on the 1 GB bench set (alternating runs, medians
 * of the pairs' ratios; the analysis thread then promoted four times what it does now):
 * - under `--max-old-space-size=128`: 0.88 of the time (16 pairs, 0.81-1.04) and 0.85 of the
 *   CPU, peak 182-193 MiB instead of 162-167 (100 MB: 159-169 instead of 150-153);
 * - uncapped: the same time (1.03, 4 pairs), peak 181-191 MiB instead of 228-238.
 * 70% then: 1.04 of the time (5 pairs), for a peak of 174-177 MiB.
 *
 * 85% since the analysis thread promotes a quarter of what it did (ChurnMap): the 1 GB peak is
 * 175-182 MiB instead of 180-192 (10 pairs) for 1.00 and 1.04 of the time (6 + 4 pairs), while
 * 100 MB peaks as before (149-153 MiB against 150-153), so the memory stays flat: the peak at
 * 1 GB had reached 1.21x the one at 100 MB. 70% took 1.07 of the time for 170-177 MiB.
 */
export const HEAP_GROWING_PERCENT = 85;

const FLAG = /--heap[-_]growing[-_]percent\b/;

/**
 * Sets V8's heap growing factor for this process and the threads it starts, unless the user chose
 * one (`node --heap-growing-percent=N`; NODE_OPTIONS may not carry it). V8 reads the flag each
 * time it sets a heap's next limit, so setting it at start-up applies to every collection after.
 * For the CLI only: a library must not change its host's V8 flags. Returns whether it set it.
 */
export function setHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => FLAG.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}

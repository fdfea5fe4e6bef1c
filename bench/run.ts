import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, parseSize, type GenerateOptions } from './generate.js';
import { measure, totalBytes } from './measure.js';
import { failed, mbps, ratio, timePair, type Contender, type Pair } from './pair.js';
import { goal, mib, printGoals, times, type Goal } from './goals.js';

/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the same run, rounds
 * alternating, because these machines are noisy. Sizes: --small (default 100MB) and --large
 * (default 1GB); --rounds per pair (default 5: a pair's ratio is the median of its rounds'
 * ratios); --only a comma list of analyze, interleaved, merge, tracer (analyze also times its
 * reading side alone, at the large size); --heap the analyzer's heap cap in MiB (default 128).
 * `--quick` is 20MB / 100MB, one round: a smoke run, not figures for the README.
 * Data sets are generated once into bench/data/ (seeded, so always the same) and reused.
 */
const { values } = parseArgs({
  options: {
    small: { type: 'string' },
    large: { type: 'string' },
    rounds: { type: 'string' },
    only: { type: 'string' },
    heap: { type: 'string', default: '128' },
    quick: { type: 'boolean', default: false },
  },
});
const small = values.small ?? (values.quick ? '20MB' : '100MB');
const large = values.large ?? (values.quick ? '100MB' : '1GB');
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
// The CLI of the build this runner belongs to (dist/, or a helper's dist-<name>/): measure what was built.
const cli = join(here, '..', 'src', 'cli', 'main.js');
const dataDir = join(root, 'bench', 'data');
const rounds = Number(values.rounds ?? (values.quick ? '1' : '5'));
const node = process.execPath;
const heapCap = `--max-old-space-size=${values.heap}`;
const only = values.only?.split(',');
const wants = (name: string) => !only || only.includes(name);

async function dataset(size: string, layout: GenerateOptions['layout']): Promise<string[]> {
  const dir = join(dataDir, `${layout}-${size}-20p`);
  const marker = join(dir, '.complete');
  if (!existsSync(marker)) {
    process.stderr.write(`generating ${size} (${layout}) in ${dir} ...\n`);
    await generate({ outDir: dir, bytes: parseSize(size), procs: 20, hosts: 4, collide: 0.02, seed: 42, layout });
    writeFileSync(marker, '');
  }
  return readdirSync(dir).filter((f) => f.endsWith('.log')).sort().map((f) => join(dir, f));
}

const analyzeArgs = (files: string[], cap: string[] = [heapCap]) => [...cap, cli, 'analyze', '--format', 'json', '--out', '/dev/null', ...files];
const bare = (files: string[]): Contender => ({ name: 'bare read+split2+JSON.parse', cmd: node, args: [join(here, 'bare-loop.js'), ...files] });
const analyzer = (files: string[]): Contender => ({ name: `racetrace analyze (heap ${values.heap} MiB)`, cmd: node, args: analyzeArgs(files) });
const readingSide = (files: string[]): Contender => ({ name: `reading side alone (heap ${values.heap} MiB)`, cmd: node, args: [heapCap, join(here, 'reading-side.js'), ...files] });
/** A figure of a pair: undefined when not measured, NaN when the run failed (the goal is not met). */
const failedOr = (p: Pair | undefined, value: (p: Pair) => number): number | undefined =>
  p === undefined ? undefined : p.failure !== undefined ? Number.NaN : value(p);
const goals: Goal[] = [];

if (wants('analyze')) {
  const pairs: Pair[] = [];
  const largeFiles = await dataset(large, 'per-process');
  for (const [size, files] of [[small, await dataset(small, 'per-process')], [large, largeFiles]] as const) {
    pairs.push(await timePair(`analyze, 20 processes, one file each, ${size}`, totalBytes(files), [bare(files), analyzer(files)], rounds));
  }
  const [atSmall, atLarge] = pairs;
  const growth = atSmall && atLarge ? failedOr(atLarge, (p) => p.subjectPeak / atSmall.subjectPeak) : undefined;
  if (growth !== undefined) process.stdout.write(`peak memory, analyze ${large} / ${small}: ${growth.toFixed(2)}x\n\n`);
  // As users run it, without a heap cap: V8 then sizes the heaps itself (once; only the peak counts).
  const free = await measure(node, analyzeArgs(largeFiles, []), 'ignore');
  const freePeak = failed(free) ? Number.NaN : free.peakRssMiB;
  process.stdout.write(`analyze ${large} without a heap cap: ${(free.ms / 1000).toFixed(1)} s, peak ${freePeak.toFixed(0)} MiB\n\n`);
  // Analyze without the detectors: the fastest analyze can be while one thread does all the
  // reading. The gap between the two is what the analysis costs, on its thread and in CPU the
  // two threads (and their garbage collectors) share.
  const side = await timePair(`reading side alone (no detectors), 20 processes, ${large}`, totalBytes(largeFiles), [bare(largeFiles), readingSide(largeFiles)], rounds);
  const ceiling = failedOr(side, ratio);
  const whole = failedOr(atLarge, ratio);
  if (ceiling !== undefined && whole !== undefined) {
    process.stdout.write(`analyze ${large}: ${times(whole)} of the bare loop; its reading side alone: ${times(ceiling)}\n\n`);
  }
  goals.push(
    goal(`analyze ${large} / bare loop >= 0.6x (stretch 0.75x)`, failedOr(atLarge, ratio), times, (v) => v >= 0.6),
    goal(`analyze peak memory at ${large} <= 200 MiB`, failedOr(atLarge, (p) => p.subjectPeak), mib, (v) => v <= 200),
    goal(`analyze peak memory at ${large}, no heap cap <= 200 MiB`, freePeak, mib, (v) => v <= 200),
    goal(`analyze peak memory ${large} / ${small} <= 1.2x`, growth, times, (v) => v <= 1.2),
  );
}
if (wants('interleaved')) {
  const files = await dataset(large, 'interleaved');
  const p = await timePair(`analyze, one interleaved file from 20 processes, ${large}`, totalBytes(files), [bare(files), analyzer(files)], rounds);
  goals.push(
    { name: `interleaved ${large} runs under --max-old-space-size=${values.heap}`, value: p.failure ? 'failed' : 'ran', met: !p.failure },
    goal(`interleaved peak memory at ${large} <= 200 MiB`, failedOr(p, (q) => q.subjectPeak), mib, (v) => v <= 200),
  );
}
if (wants('merge')) {
  const files = await dataset(small, 'per-process');
  const merge = (name: string, f: string[]): Contender => ({ name, cmd: node, args: [heapCap, cli, 'merge', ...f], ignoreStdout: true });
  const p = await timePair(`merge, 20 processes, ${small}`, totalBytes(files), [
    { name: "jq -c -s 'sort_by(.time)[]'", cmd: 'jq', args: ['-c', '-s', 'sort_by(.time)[]', ...files], ignoreStdout: true },
    merge(`racetrace merge (heap ${values.heap} MiB)`, files),
  ], rounds);
  goals.push(goal(`merge ${small} / jq -s sort_by >= 4x`, failedOr(p, ratio), times, (v) => v >= 4));
  // Flat memory: one merge of the large set, its peak against the small one's (jq cannot: it slurps).
  const largeFiles = await dataset(large, 'per-process');
  const m = await measure(node, merge('', largeFiles).args, 'ignore');
  const ok = m.code === 0;
  process.stdout.write(
    `merge, 20 processes, ${large} (no jq: it would hold ~5x the input)\n` +
      (ok
        ? `  racetrace merge (heap ${values.heap} MiB)  ${`${mbps(totalBytes(largeFiles), m.ms).toFixed(1)} MB/s`.padStart(12)}  peak ${m.peakRssMiB.toFixed(0)} MiB\n\n`
        : `  FAILED: exited ${m.code}: ${m.stderr.trim().split('\n').slice(-1)[0] ?? ''}\n\n`),
  );
  goals.push(goal(`merge peak memory ${large} / ${small} <= 1.2x (flat)`, ok ? failedOr(p, (q) => m.peakRssMiB / q.subjectPeak) : Number.NaN, times, (v) => v <= 1.2));
}
if (wants('tracer') && existsSync(join(here, 'tracer.js'))) {
  // Both sync destinations: a file (what an exporter writes) and /dev/null (CPU cost only).
  for (const dest of ['file', 'null']) {
    const m = await measure(node, [join(here, 'tracer.js'), '--dest', dest]);
    process.stdout.write(`tracer emission, --dest ${dest}\n${m.stdout}\n`);
    const found = /^ratio:\s+([\d.]+)x/m.exec(m.stdout);
    goals.push(goal(`tracer / plain pino, sync ${dest} destination <= 1.2x`, found ? Number(found[1]) : undefined, times, (v) => v <= 1.2));
  }
}
printGoals(goals);

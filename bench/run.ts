import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, parseSize, type GenerateOptions } from './generate.js';
import { measure, totalBytes, type Measurement } from './measure.js';

/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the same run, rounds
 * alternating, because these machines are noisy. Sizes: --small (default 100MB) and --large
 * (default 1GB); --rounds per pair (default 3, the median is kept).
 */
const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '100MB' },
    large: { type: 'string', default: '1GB' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
    heap: { type: 'string', default: '128' },
  },
});
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
// The CLI of the build this runner belongs to (dist/, or a helper's dist-<name>/): measure what was built.
const cli = join(here, '..', 'src', 'cli', 'main.js');
const dataDir = join(root, 'bench', 'data');
const rounds = Number(values.rounds);
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function check(m: Measurement, what: string): Measurement {
  // analyze exits 1 when it finds races, which the generated data has on purpose.
  if (m.code !== 0 && m.code !== 1) throw new Error(`${what} exited ${m.code}: ${m.stderr.slice(0, 500)}`);
  return m;
}

interface Pair {
  label: string;
  baseline: string;
  subject: string;
  bytes: number;
  baseMs: number;
  subjectMs: number;
  basePeak: number;
  subjectPeak: number;
}

async function pair(label: string, bytes: number, runs: { name: string; cmd: string; args: string[]; ignoreStdout?: boolean }[]): Promise<Pair> {
  const times: number[][] = [[], []];
  const peaks: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const [i, run] of runs.entries()) {
      const m = check(await measure(run.cmd, run.args, run.ignoreStdout ? 'ignore' : 'capture'), run.name);
      times[i]?.push(m.ms);
      peaks[i]?.push(m.peakRssMiB);
    }
  }
  const result: Pair = {
    label,
    baseline: runs[0]?.name ?? '',
    subject: runs[1]?.name ?? '',
    bytes,
    baseMs: median(times[0] ?? []),
    subjectMs: median(times[1] ?? []),
    basePeak: Math.max(...(peaks[0] ?? [])),
    subjectPeak: Math.max(...(peaks[1] ?? [])),
  };
  print(result);
  return result;
}

function mbps(bytes: number, ms: number): string {
  return `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
}

function print(p: Pair): void {
  process.stdout.write(
    `${p.label} (${(p.bytes / 1e6).toFixed(0)} MB)\n` +
      `  ${p.baseline.padEnd(34)} ${mbps(p.bytes, p.baseMs).padStart(12)}  peak ${p.basePeak.toFixed(0)} MiB\n` +
      `  ${p.subject.padEnd(34)} ${mbps(p.bytes, p.subjectMs).padStart(12)}  peak ${p.subjectPeak.toFixed(0)} MiB\n` +
      `  throughput ratio ${p.subject} / ${p.baseline}: ${(p.baseMs / p.subjectMs).toFixed(2)}x\n\n`,
  );
}

const analyzeArgs = (files: string[]) => [heapCap, cli, 'analyze', '--format', 'json', '--out', '/dev/null', ...files];
const bareArgs = (files: string[]) => [join(here, 'bare-loop.js'), ...files];

const results: Pair[] = [];
if (wants('analyze')) {
  for (const size of [values.small, values.large]) {
    const files = await dataset(size, 'per-process');
    results.push(
      await pair(`analyze, 20 processes, one file each, ${size}`, totalBytes(files), [
        { name: 'bare read+split2+JSON.parse', cmd: node, args: bareArgs(files) },
        { name: `racetrace analyze (heap ${values.heap} MiB)`, cmd: node, args: analyzeArgs(files) },
      ]),
    );
  }
  const [small, large] = results.slice(-2);
  if (small && large) {
    process.stdout.write(`peak memory, analyze ${values.large} / ${values.small}: ${(large.subjectPeak / small.subjectPeak).toFixed(2)}x\n\n`);
  }
}
if (wants('interleaved')) {
  const files = await dataset(values.large, 'interleaved');
  results.push(
    await pair(`analyze, one interleaved file from 20 processes, ${values.large}`, totalBytes(files), [
      { name: 'bare read+split2+JSON.parse', cmd: node, args: bareArgs(files) },
      { name: `racetrace analyze (heap ${values.heap} MiB)`, cmd: node, args: analyzeArgs(files) },
    ]),
  );
}
if (wants('merge')) {
  const files = await dataset(values.small, 'per-process');
  results.push(
    await pair(`merge, 20 processes, ${values.small}`, totalBytes(files), [
      { name: "jq -c -s 'sort_by(.time)[]'", cmd: 'jq', args: ['-c', '-s', 'sort_by(.time)[]', ...files], ignoreStdout: true },
      { name: `racetrace merge (heap ${values.heap} MiB)`, cmd: node, args: [heapCap, cli, 'merge', ...files], ignoreStdout: true },
    ]),
  );
}
if (wants('tracer') && existsSync(join(here, 'tracer.js'))) {
  const m = await measure(node, [join(here, 'tracer.js')]);
  process.stdout.write(`tracer emission\n${m.stdout}\n`);
}

import { measure, type Measurement } from './measure.js';

/** One program the runner times: a command line, and whether its stdout matters. */
export interface Contender {
  name: string;
  cmd: string;
  args: string[];
  ignoreStdout?: boolean;
}

/** A baseline and a subject timed on the same input, rounds alternating. */
export interface Pair {
  label: string;
  baseline: string;
  subject: string;
  bytes: number;
  baseMs: number;
  subjectMs: number;
  basePeak: number;
  subjectPeak: number;
  /** Each round's baseline time over its subject time: both ran back to back, on the same machine state. */
  roundRatios: number[];
  /** Why a side failed (exit code and the end of its stderr); its figures are then NaN. */
  failure?: string;
}

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * `top[i] / bottom[i]` for each round, and their median: each round timed both sides back to
 * back, so its ratio compares them on the same machine state, where the ratio of the two
 * sides' median times would mix rounds run at different speeds.
 */
export function roundRatios(top: readonly number[], bottom: readonly number[]): { median: number; rounds: number[] } {
  const rounds = top.map((t, i) => t / (bottom[i] ?? Number.NaN));
  return { median: median(rounds), rounds };
}

/** analyze exits 1 when it finds races, which the generated data has on purpose. */
export function failed(m: Measurement): boolean {
  return m.code !== 0 && m.code !== 1;
}

function describeFailure(name: string, m: Measurement): string {
  const oom = /heap out of memory|Reached heap limit/.test(m.stderr) ? ' (out of memory under the heap cap)' : '';
  const last = m.stderr.trim().split('\n').filter((l) => l.trim() !== '').slice(-1)[0] ?? '';
  return `${name} exited ${m.code ?? 'on a signal'}${oom}${oom ? '' : `: ${last.slice(0, 200)}`}`;
}

/**
 * Times `runs[0]` (the baseline) and `runs[1]` (the subject) `rounds` times each, alternating
 * which goes first so drift on a shared machine hits both alike; keeps the medians, the peaks and
 * each round's ratio.
 * A side that fails (an out-of-memory exit under the heap cap) is reported, not thrown: the other
 * figures of the run still matter.
 */
export async function timePair(
  label: string,
  bytes: number,
  runs: [Contender, Contender],
  rounds: number,
  print: (text: string) => void = (text) => process.stdout.write(text),
): Promise<Pair> {
  const times: number[][] = [[], []];
  const peaks: number[][] = [[], []];
  const roundRatios: number[] = [];
  let failure: string | undefined;
  for (let r = 0; r < rounds && failure === undefined; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const run = runs[i] as Contender;
      const m = await measure(run.cmd, run.args, run.ignoreStdout ? 'ignore' : 'capture');
      if (failed(m)) {
        failure = describeFailure(run.name, m);
        break;
      }
      times[i]?.push(m.ms);
      peaks[i]?.push(m.peakRssMiB);
    }
    if (failure === undefined) roundRatios.push((times[0]?.[r] as number) / (times[1]?.[r] as number));
  }
  const pair: Pair = {
    label,
    baseline: runs[0].name,
    subject: runs[1].name,
    bytes,
    baseMs: median(times[0] ?? []),
    subjectMs: median(times[1] ?? []),
    basePeak: Math.max(...(peaks[0] ?? [])),
    subjectPeak: Math.max(...(peaks[1] ?? [])),
    roundRatios,
    ...(failure ? { failure } : {}),
  };
  print(formatPair(pair));
  return pair;
}

/** Throughput of one side, in MB/s. */
export function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

/**
 * How many times faster the subject ran than the baseline (throughput ratio): the median of the
 * rounds' ratios. A shared machine's speed drifts by 15-20% between minutes; within one round
 * both sides see about the same machine, so the ratio of a round is steadier than either time.
 */
export function ratio(p: Pair): number {
  return p.roundRatios.length > 0 ? median(p.roundRatios) : p.baseMs / p.subjectMs;
}

function formatPair(p: Pair): string {
  const side = (name: string, ms: number, peak: number): string =>
    `  ${name.padEnd(40)} ${`${mbps(p.bytes, ms).toFixed(1)} MB/s`.padStart(12)}  peak ${peak.toFixed(0)} MiB\n`;
  return (
    `${p.label} (${(p.bytes / 1e6).toFixed(0)} MB)\n` +
    side(p.baseline, p.baseMs, p.basePeak) +
    (p.failure
      ? `  FAILED: ${p.failure}\n\n`
      : side(p.subject, p.subjectMs, p.subjectPeak) +
        `  throughput ratio ${p.subject} / ${p.baseline}: ${ratio(p).toFixed(2)}x` +
        ` (median of the rounds: ${p.roundRatios.map((r) => `${r.toFixed(2)}x`).join(', ')})\n\n`)
  );
}

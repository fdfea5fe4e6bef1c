/**
 * The goals of issue #5 ("Fast on a gigabyte"), judged on the figures of one bench run. A goal
 * whose figures were not measured in this run (`--only`) is listed as such; one whose run failed
 * (NaN: out of memory under the heap cap) is not met.
 */
export interface Goal {
  name: string;
  /** The measured value in words, e.g. `0.48x`; undefined when not measured. */
  value: string | undefined;
  met: boolean;
}

export function goal(name: string, value: number | undefined, format: (v: number) => string, met: (v: number) => boolean): Goal {
  if (value === undefined) return { name, value: undefined, met: false };
  if (!Number.isFinite(value)) return { name, value: 'failed', met: false };
  return { name, value: format(value), met: met(value) };
}

export function printGoals(goals: readonly Goal[]): void {
  if (goals.length === 0) return;
  const width = Math.max(...goals.map((g) => g.name.length));
  let out = 'goals (issue #5)\n';
  for (const g of goals) {
    const verdict = g.value === undefined ? 'not measured' : g.met ? 'met' : 'NOT MET';
    out += `  ${g.name.padEnd(width)}  ${(g.value ?? '-').padStart(10)}  ${verdict}\n`;
  }
  process.stdout.write(`${out}\n`);
}

/** `x` with two decimals and a trailing x. */
export const times = (v: number): string => `${v.toFixed(2)}x`;
export const mib = (v: number): string => `${v.toFixed(0)} MiB`;

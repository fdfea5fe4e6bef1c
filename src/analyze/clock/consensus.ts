/** An interval [lo, hi] one observation allows for one quantity; either end may be infinite. */
export interface Interval {
  lo: number;
  hi: number;
}

/** The intervals that agree, their common part, and how many had to be set aside. */
export interface Consensus {
  lo: number;
  hi: number;
  /** Indexes of the intervals that contain [lo, hi]. */
  kept: number[];
  contradictions: number;
}

/**
 * The largest group of intervals that share a point, and the part they all share. When every
 * interval agrees this is their intersection; when a few disagree (an effect paired with the
 * wrong cause, a clock that jumped) they are outvoted instead of emptying the answer. Among
 * equally large groups the one nearest `prefer` wins. Returns undefined for no intervals.
 */
export function consensus(intervals: readonly Interval[], prefer = 0): Consensus | undefined {
  if (intervals.length === 0) return undefined;
  // Sweep the ends: an opening before a closing at the same value, since intervals are closed.
  const ends: { at: number; step: 1 | -1 }[] = [];
  for (const { lo, hi } of intervals) ends.push({ at: lo, step: 1 }, { at: hi, step: -1 });
  // Compared, not subtracted: ends may be infinite, and -Infinity - -Infinity is NaN.
  ends.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : y.step - x.step));
  let depth = 0;
  let best = -1;
  let region: Interval = { lo: -Infinity, hi: Infinity };
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] as (typeof ends)[number];
    depth += end.step;
    if (end.step !== 1) continue;
    const next = ends[i + 1];
    if (next === undefined || next.step !== -1) continue;
    // The depth holds from end.at to next.at: a candidate region.
    const candidate = { lo: end.at, hi: next.at };
    if (depth > best || (depth === best && distance(candidate, prefer) < distance(region, prefer))) {
      best = depth;
      region = candidate;
    }
  }
  const kept: number[] = [];
  intervals.forEach((interval, index) => {
    if (interval.lo <= region.lo && interval.hi >= region.hi) kept.push(index);
  });
  return { lo: region.lo, hi: region.hi, kept, contradictions: intervals.length - kept.length };
}

function distance(interval: Interval, point: number): number {
  if (point < interval.lo) return interval.lo - point;
  if (point > interval.hi) return point - interval.hi;
  return 0;
}

import { pairBound, type Observation } from './model.js';
import type { Interval } from './consensus.js';
import { seededRandom } from '../../util/seeded-random.js';

/**
 * Point offsets that explain the most observations, for the observations whose possible causes
 * span several hosts (the sound passes cannot use those). An observation is explained when one
 * of its causes overlaps its window once the offsets are applied. Coordinate ascent: each host
 * in turn moves to the middle of the offsets that explain the most observations with the others
 * held, within `limits` (what the sound passes proved), until no host moves. Ascent can stop at
 * a local optimum, so it restarts from seeded random offsets within the limits (or within
 * `reach`) and keeps the best, stopping early once every observation is explained.
 */
export function voteOffsets(
  n: number, reference: number, observations: readonly Observation[], index: ReadonlyMap<string, number>,
  limits: readonly Interval[], start: Float64Array, reach: number, restarts = 40,
): Float64Array {
  const involving: number[][] = Array.from({ length: n }, () => []);
  observations.forEach((o, i) => {
    const hosts = new Set([o.effect.host, ...o.causes.map((c) => c.host)]);
    for (const host of hosts) {
      const h = index.get(host);
      if (h !== undefined) involving[h]?.push(i);
    }
  });
  const rand = seededRandom(n * 7919 + observations.length);
  let best = ascend(n, reference, observations, index, limits, involving, Float64Array.from(start));
  let bestScore = explained(best, observations, index);
  for (let r = 0; r < restarts && bestScore < observations.length; r++) {
    const from = Float64Array.from(limits, (limit, h) => {
      if (h === reference) return 0;
      const lo = Math.max(limit.lo, -reach);
      const hi = Math.min(limit.hi, reach);
      return lo + rand() * (hi - lo);
    });
    const x = ascend(n, reference, observations, index, limits, involving, from);
    const score = explained(x, observations, index);
    if (score > bestScore) {
      best = x;
      bestScore = score;
    }
  }
  return best;
}

function ascend(
  n: number, reference: number, observations: readonly Observation[], index: ReadonlyMap<string, number>,
  limits: readonly Interval[], involving: readonly number[][], x: Float64Array, sweeps = 30,
): Float64Array {
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let moved = false;
    for (let h = 0; h < n; h++) {
      if (h === reference) continue;
      const limit = limits[h] ?? { lo: -Infinity, hi: Infinity };
      const best = bestRegion(h, involving[h] ?? [], observations, index, x, limit);
      if (best === undefined) continue;
      const next = Number.isFinite(best.lo) && Number.isFinite(best.hi) ? (best.lo + best.hi) / 2 : clamp(x[h] ?? 0, best);
      if (Math.abs(next - (x[h] ?? 0)) > 1e-6) {
        x[h] = next;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return x;
}

/** How many observations the offsets explain. */
function explained(x: Float64Array, observations: readonly Observation[], index: ReadonlyMap<string, number>): number {
  let count = 0;
  for (const o of observations) {
    const e = index.get(o.effect.host) ?? -1;
    const fits = o.causes.some((cause) => {
      const { lo, hi } = pairBound(o.effect, cause);
      const d = (x[e] ?? 0) - (x[index.get(cause.host) ?? -1] ?? 0);
      return lo <= d && d <= hi;
    });
    if (fits) count++;
  }
  return count;
}


/** The values of x[h] that explain the most of `list`, the others held; nearest the current on ties. */
function bestRegion(
  h: number, list: readonly number[], observations: readonly Observation[], index: ReadonlyMap<string, number>,
  x: Float64Array, limit: Interval,
): Interval | undefined {
  const ends: { at: number; step: 1 | -1 }[] = [];
  for (const i of list) {
    const o = observations[i] as Observation;
    const e = index.get(o.effect.host) ?? -1;
    const allowed: Interval[] = [];
    let always = false;
    for (const cause of o.causes) {
      const c = index.get(cause.host) ?? -1;
      const { lo, hi } = pairBound(o.effect, cause);
      if (c === e) {
        if (lo <= 0 && hi >= 0) always = true;
      } else if (e === h) {
        allowed.push({ lo: lo + (x[c] ?? 0), hi: hi + (x[c] ?? 0) });
      } else if (c === h) {
        allowed.push({ lo: (x[e] ?? 0) - hi, hi: (x[e] ?? 0) - lo });
      } else {
        const d = (x[e] ?? 0) - (x[c] ?? 0);
        if (lo <= d && d <= hi) always = true;
      }
    }
    if (always) continue;
    for (const a of union(allowed)) ends.push({ at: a.lo, step: 1 }, { at: a.hi, step: -1 });
  }
  ends.push({ at: limit.lo, step: 1 }, { at: limit.hi, step: -1 });
  ends.sort((p, q) => (p.at < q.at ? -1 : p.at > q.at ? 1 : q.step - p.step));
  let depth = 0;
  let best: Interval | undefined;
  let bestDepth = 0;
  const here = x[h] ?? 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] as (typeof ends)[number];
    depth += end.step;
    const next = ends[i + 1];
    if (end.step !== 1 || next === undefined || next.step !== -1) continue;
    const region = { lo: end.at, hi: next.at };
    if (depth > bestDepth || (depth === bestDepth && best !== undefined && gap(region, here) < gap(best, here))) {
      bestDepth = depth;
      best = region;
    }
  }
  return best;
}

/** Overlapping intervals merged, so one observation votes once. */
function union(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && next.lo <= last.hi) last.hi = Math.max(last.hi, next.hi);
    else out.push({ ...next });
  }
  return out;
}

function gap(interval: Interval, point: number): number {
  return point < interval.lo ? interval.lo - point : point > interval.hi ? point - interval.hi : 0;
}

function clamp(value: number, { lo, hi }: Interval): number {
  return Math.min(Math.max(value, lo), hi);
}

import { consensus, type Interval } from './consensus.js';
import { voteOffsets } from './vote.js';
import { pairBound, type Bracket, type Observation, type PairBound } from './model.js';
import { between, solveDifferences, type Difference, type Solution } from './solve.js';

/** The estimate before it is shaped into the report. Offsets are relative to `reference`. */
export interface ClockEstimate {
  hosts: string[];
  reference: number;
  solution: Solution;
  /** The pair bounds used (agreeing with the rest). */
  kept: PairBound[];
  /** Observations set aside: outvoted, on a contradicting cycle, or with no cause left possible. */
  contradictions: number;
}

/**
 * Estimates every host's clock offset from the observations, relative to the host with the most
 * events, keeping every bound sound: an observation only bounds two hosts once its possible
 * causes all sit on one other host. A cause stays possible while its bound agrees with what is
 * already known (on the effect's own host: while the report's times let it overlap the window).
 * Each pass prunes candidates with the bounds of the pass before, which settles more
 * observations, which tightens the bounds; it stops when nothing changes. An observation whose
 * real cause lies beyond `maxOffsetMs` (or a clock that stepped) can still mislead it: the
 * per-pair consensus and the cycle check set such disagreement aside and count it.
 */
export function estimateClocks(
  hostEvents: ReadonlyMap<string, number>, observations: readonly Observation[], passes: number, reach: number, tolerance?: number,
): ClockEstimate {
  const hosts = [...hostEvents.keys()].sort();
  const index = new Map(hosts.map((host, i) => [host, i]));
  let reference = 0;
  hosts.forEach((host, i) => {
    if ((hostEvents.get(host) ?? 0) > (hostEvents.get(hosts[reference] as string) ?? 0)) reference = i;
  });
  const n = hosts.length;
  const within = (known: Solution) => (c: number, e: number): Interval => between(known, c, e);
  let result: ClockEstimate = { hosts, reference, solution: solveDifferences(n, []), kept: [], contradictions: 0 };
  for (let pass = 0; pass < Math.max(1, passes); pass++) {
    const next = solvePass(hosts, reference, observations, index, within(result.solution));
    const settled = sameDistances(next.solution, result.solution) && next.kept.length === result.kept.length;
    result = next;
    if (settled) break;
  }
  if (tolerance === undefined) return result;
  // The observations still open (causes on several hosts) are settled with the offsets that
  // explain the most of them, trusted to within `tolerance`.
  const proven = result.solution;
  const limits = hosts.map((_, h) => between(proven, reference, h));
  const start = Float64Array.from(limits, (l) => (Number.isFinite(l.lo) && Number.isFinite(l.hi) ? (l.lo + l.hi) / 2 : Math.min(Math.max(0, l.lo), l.hi)));
  const x = voteOffsets(n, reference, observations, index, limits, start, reach);
  const near = (c: number, e: number): Interval => {
    const sure = between(proven, c, e);
    const d = (x[e] ?? 0) - (x[c] ?? 0);
    const lo = Math.max(sure.lo, d - tolerance);
    const hi = Math.min(sure.hi, d + tolerance);
    return lo <= hi ? { lo, hi } : sure;
  };
  return solvePass(hosts, reference, observations, index, near);
}

function solvePass(
  hosts: string[], reference: number, observations: readonly Observation[], index: ReadonlyMap<string, number>,
  allowed: (c: number, e: number) => Interval,
): ClockEstimate {
  const n = hosts.length;
  const byPair = new Map<number, PairBound[]>();
  let impossible = 0;
  for (const observation of observations) {
    const bound = boundOf(observation, index, allowed);
    if (bound === 'impossible') impossible++;
    if (typeof bound !== 'object') continue;
    const key = bound.a * n + bound.b;
    const list = byPair.get(key);
    if (list) list.push(bound);
    else byPair.set(key, [bound]);
  }
  const kept: PairBound[] = [];
  const differences: Difference[] = [];
  let contradictions = impossible;
  for (const list of byPair.values()) {
    const agreed = consensus(list);
    if (agreed === undefined) continue;
    const first = list[0] as PairBound;
    contradictions += agreed.contradictions;
    const supported = agreed.kept.map((i) => list[i] as PairBound);
    differences.push({ a: first.a, b: first.b, lo: agreed.lo, hi: agreed.hi, weight: supported.length });
    kept.push(...supported);
  }
  const solution = solveDifferences(n, differences);
  for (const d of solution.dropped) contradictions += d.weight;
  const dropped = new Set(solution.dropped.map((d) => d.a * n + d.b));
  return { hosts, reference, solution, kept: kept.filter((k) => !dropped.has(k.a * n + k.b)), contradictions };
}

/**
 * The bound one observation gives under what is known: 'impossible' when no candidate cause
 * fits, 'open' when the possible causes span several hosts (no single pair is bounded).
 */
function boundOf(
  observation: Observation, index: ReadonlyMap<string, number>, known: (c: number, e: number) => Interval,
): PairBound | 'impossible' | 'open' {
  const { effect } = observation;
  const e = index.get(effect.host);
  if (e === undefined) return 'open';
  let host: number | undefined;
  let lo = Infinity;
  let hi = -Infinity;
  let latest: Bracket | undefined;
  let count = 0;
  for (const cause of observation.causes) {
    const c = index.get(cause.host);
    if (c === undefined) return 'open';
    const bound = pairBound(effect, cause);
    const allowed = c === e ? { lo: 0, hi: 0 } : known(c, e);
    if (bound.lo > allowed.hi || bound.hi < allowed.lo) continue;
    if (host !== undefined && host !== c) return 'open';
    host = c;
    count++;
    // The union of the possible causes' bounds lies within their hull: a sound bound.
    lo = Math.min(lo, bound.lo);
    hi = Math.max(hi, bound.hi);
    if (latest === undefined || cause.pre > latest.pre) latest = cause;
  }
  if (host === undefined || latest === undefined || count === 0) return 'impossible';
  if (host === e) return 'open';
  return e > host
    ? { a: host, b: e, lo, hi, observation, cause: latest }
    : { a: e, b: host, lo: -hi, hi: -lo, observation, cause: latest };
}

function sameDistances(x: Solution, y: Solution): boolean {
  if (x.dist.length !== y.dist.length) return false;
  for (let i = 0; i < x.dist.length; i++) if (x.dist[i] !== y.dist[i]) return false;
  return true;
}

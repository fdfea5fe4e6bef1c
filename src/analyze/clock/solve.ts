/** offset(b) - offset(a) lies in [lo, hi], supported by `weight` observations. */
export interface Difference {
  a: number;
  b: number;
  lo: number;
  hi: number;
  weight: number;
}

/** Every host's offset from the reference as an interval, and what had to be dropped. */
export interface Solution {
  /** dist[i * n + j]: the tightest upper bound on offset(j) - offset(i) (Infinity: none). */
  dist: Float64Array;
  n: number;
  /** Differences dropped because together with the others they allowed no offsets at all. */
  dropped: Difference[];
}

const EPSILON = 1e-9;

/**
 * Combines pairwise bounds into bounds between every two hosts: a system of difference
 * constraints, whose tightest implied bounds are shortest paths (Floyd-Warshall; hosts are few).
 * A negative cycle means the bounds contradict each other (a mispaired effect, a clock that
 * stepped); the least supported difference on such a cycle is dropped until none is left.
 */
export function solveDifferences(n: number, differences: readonly Difference[]): Solution {
  let active = [...differences];
  const dropped: Difference[] = [];
  for (;;) {
    const dist = shortestPaths(n, active);
    const onCycle = (i: number): boolean => (dist[i * n + i] as number) < -EPSILON;
    const suspects = active.filter((d) => onCycle(d.a) && onCycle(d.b));
    if (suspects.length === 0) return { dist, n, dropped };
    const weakest = suspects.reduce((x, y) => (y.weight < x.weight ? y : x));
    dropped.push(weakest);
    active = active.filter((d) => d !== weakest);
  }
}

function shortestPaths(n: number, differences: readonly Difference[]): Float64Array {
  const dist = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) dist[i * n + i] = 0;
  for (const { a, b, lo, hi } of differences) {
    // offset(b) - offset(a) <= hi is an edge a -> b; offset(a) - offset(b) <= -lo is b -> a.
    if (hi < (dist[a * n + b] as number)) dist[a * n + b] = hi;
    if (-lo < (dist[b * n + a] as number)) dist[b * n + a] = -lo;
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const ik = dist[i * n + k] as number;
      if (ik === Infinity) continue;
      for (let j = 0; j < n; j++) {
        const through = ik + (dist[k * n + j] as number);
        if (through < (dist[i * n + j] as number)) dist[i * n + j] = through;
      }
    }
  }
  return dist;
}

/** offset(j) - offset(i) as [lo, hi] (infinite ends when unbounded). */
export function between(solution: Solution, i: number, j: number): { lo: number; hi: number } {
  const { dist, n } = solution;
  return { lo: -(dist[j * n + i] as number), hi: dist[i * n + j] as number };
}

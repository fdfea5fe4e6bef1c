import type { Evidence } from '../../types.js';

/**
 * When one filesystem operation happened, on its own process's clock: after the log line stamped
 * `pre` and before the one stamped `post` (report times, after --skew). A logger stamps a line
 * when it writes it, so the operation itself is only known to lie between two stamps: the
 * process's line before the call (rename.attempt, or whatever it logged last) and the one after
 * it (temp.create, rename.success, rename.failure, temp.delete). `pre` is -Infinity when the
 * process logged nothing before.
 */
export interface Bracket {
  host: string;
  pid: number;
  pre: number;
  post: number;
  /** The line stamped `post`. */
  source: Evidence;
}

/**
 * One causal fact: a process's rename failed with ENOENT, so its temp was moved or deleted by
 * someone else between its creation and that rename (`effect` brackets that window), and one of
 * `causes` (another process's removal of the same path, near it in time) is the operation that
 * did it. Whichever cause it was, its operation and the window share an instant in true time,
 * which bounds the two hosts' clock offsets (see pairBound).
 */
export interface Observation {
  effect: Bracket;
  causes: Bracket[];
}

/** Bounds on offset(b) - offset(a) from one observation: lo <= offset(b) - offset(a) <= hi. */
export interface PairBound {
  a: number;
  b: number;
  lo: number;
  hi: number;
  observation: Observation;
  cause: Bracket;
}

/**
 * What the two brackets sharing an instant says about the clocks. With offset(h) the amount
 * host h's clock reads ahead of true time, an operation inside bracket X of host h happened at a
 * true time in [X.pre - offset(h), X.post - offset(h)]. Two such intervals overlap exactly when
 * effect.pre - cause.post <= offset(effect) - offset(cause) <= effect.post - cause.pre.
 */
export function pairBound(effect: Bracket, cause: Bracket): { lo: number; hi: number } {
  return { lo: effect.pre - cause.post, hi: effect.post - cause.pre };
}

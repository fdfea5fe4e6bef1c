/**
 * Bounds of the clock estimate (issue 8). Memory is bounded by the paths and processes active
 * within `memoryMs` and by `maxObservations`, whatever the input size.
 */
export interface ClockOptions {
  /**
   * The largest clock offset between two hosts looked for (ms): removals this far before or after
   * a failed rename's window, in the report's times, are its candidate causes. A larger offset
   * leaves the real cause out and shows up as contradictions; correct it roughly with --skew.
   */
  maxOffsetMs: number;
  /**
   * Removals, and a process's open temps, are remembered this long (report time). A failed
   * rename whose temp was created longer ago than this is not used (its cause may be forgotten).
   */
  memoryMs: number;
  /** Removals of one path kept for pairing, the most recent. */
  removalsPerPath: number;
  /** An effect with more candidate causes than this is too ambiguous to use, and is dropped. */
  causesPerObservation: number;
  /** Causal observations kept; later ones are counted only. */
  maxObservations: number;
  /** Hosts counted; events of further hosts are left out of the estimate. */
  maxHosts: number;
  /** Passes of pruning candidate causes with the bounds found so far. */
  passes: number;
  /**
   * How far (ms) the voted offsets are trusted when they settle the effects whose candidate
   * causes span several hosts (see vote.ts); undefined uses only what the sound passes prove.
   */
  voteToleranceMs: number | undefined;
}

export const DEFAULT_CLOCK_OPTIONS: ClockOptions = {
  maxOffsetMs: 250,
  memoryMs: 10_000,
  removalsPerPath: 256,
  causesPerObservation: 24,
  maxObservations: 10_000,
  maxHosts: 1000,
  passes: 20,
  voteToleranceMs: 2,
};

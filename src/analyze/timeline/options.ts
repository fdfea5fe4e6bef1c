/**
 * Bounds of the timeline, so that the HTML report of a run with 20 processes and millions of
 * events stays a few megabytes and draws in a browser without stalling (issue 6).
 */
export interface TimelineOptions {
  /** Processes drawn as lanes; holds and failures of further processes are only counted. */
  maxLanes: number;
  /** Conflicting or failed holds drawn one by one, all lanes together; the rest are bucketed. */
  maxSpecialBars: number;
  /** Ordinary holds one lane draws one by one; past this the lane is bucketed. */
  maxPlainBarsPerLane: number;
  /** Ordinary holds drawn one by one, all lanes together; the busiest lanes are bucketed first. */
  maxPlainBars: number;
  /** Time buckets per lane. */
  maxBucketsPerLane: number;
  /** Failure markers per lane; later failures are counted in the lane's buckets. */
  maxMarkersPerLane: number;
  /** Conflict windows and storm windows kept (each). */
  maxWindows: number;
  /** Closed holds kept waiting for a late conflict (strace read-to-write pairing) before they are settled as they are. */
  maxPending: number;
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = {
  maxLanes: 256,
  maxSpecialBars: 5000,
  maxPlainBarsPerLane: 300,
  maxPlainBars: 6000,
  maxBucketsPerLane: 200,
  maxMarkersPerLane: 200,
  maxWindows: 500,
  maxPending: 10_000,
};

import type { ClockReport, Finding, TraceEvent } from '../../types.js';
import { estimateClocks } from './estimate.js';
import { ClockObserver } from './observe.js';
import { DEFAULT_CLOCK_OPTIONS, type ClockOptions } from './options.js';
import { clockReport } from './report.js';

/** Fed the same merged events as the analysis; finished once, after the last event. */
export interface ClockCollector {
  event(e: TraceEvent): void;
  /**
   * The clock section (undefined when the events came from fewer than two hosts) and, when the
   * report's times show causal pairs in an impossible order, a `clock-skew` finding.
   * `skew` is the --skew correction that was applied, echoed per host.
   */
  finish(skew?: Readonly<Record<string, number>>): { clock?: ClockReport; findings: Finding[] };
}

/**
 * Estimates how far the hosts' clocks disagree from the events themselves (issue 8): each rename
 * that failed with ENOENT bounds the offset between its host and the host that moved its temp
 * (see model.ts), the bounds are combined per host pair by consensus and across pairs as
 * difference constraints (solve.ts). Memory: the paths and processes active within
 * `memoryMs`, plus at most `maxObservations` observations.
 */
export function createClockCollector(options: Partial<ClockOptions> = {}): ClockCollector {
  const opts: ClockOptions = { ...DEFAULT_CLOCK_OPTIONS, ...options };
  const observer = new ClockObserver(opts);
  return {
    event: (e) => observer.event(e),
    finish(skew) {
      observer.finish();
      if (observer.hostEvents.size < 2) return { findings: [] };
      const estimate = estimateClocks(observer.hostEvents, observer.observations, opts.passes, opts.maxOffsetMs, opts.voteToleranceMs);
      const omitted = { observations: observer.observationsOmitted, hosts: observer.hostsOmitted };
      const { clock, finding } = clockReport(estimate, observer.hostEvents, skew, omitted);
      return { clock, findings: finding ? [finding] : [] };
    },
  };
}

export { DEFAULT_CLOCK_OPTIONS, type ClockOptions } from './options.js';

import type { TimelineBar, TimelineMarker } from '../../types.js';
import { BucketHistogram } from './buckets.js';
import type { TimelineOptions } from './options.js';

/** Bars and markers of one lane before lanes are ordered; `lane` is filled in at the end. */
export type LaneBar = Omit<TimelineBar, 'lane'>;
export type LaneMarker = Omit<TimelineMarker, 'lane'>;

/**
 * One process's share of the timeline. Ordinary holds are kept one by one until there are more
 * than the lane may draw; from then on the lane is "aggregated": all of its ordinary holds, the
 * ones kept so far included, go to the histogram, so a lane is either drawn in full or in buckets,
 * never half and half. Holds that matter (conflicting, failed) are bounded globally by the caller.
 */
export class LaneState {
  holds = 0;
  failures = 0;
  aggregated = false;
  /** Conflicting or failed holds. */
  readonly special: LaneBar[] = [];
  private plain: LaneBar[] = [];
  readonly markers: LaneMarker[] = [];
  readonly histogram: BucketHistogram;

  constructor(
    readonly host: string,
    readonly pid: number,
    origin: number,
    private readonly options: TimelineOptions,
  ) {
    this.histogram = new BucketHistogram(origin, options.maxBucketsPerLane);
  }

  /** An ordinary hold (no conflict, no failure). */
  plainHold(bar: LaneBar): void {
    this.holds++;
    if (this.aggregated) {
      this.bucket(bar);
      return;
    }
    this.plain.push(bar);
    if (this.plain.length > this.options.maxPlainBarsPerLane) this.aggregate();
  }

  /** Ordinary holds drawn one by one so far. */
  get plainCount(): number {
    return this.plain.length;
  }

  /** From now on, and for the holds kept so far, bucket this lane's ordinary holds. */
  aggregate(): void {
    this.aggregated = true;
    for (const kept of this.plain) this.bucket(kept);
    this.plain = [];
  }

  /** A conflicting or failed hold: drawn when `room`, bucketed otherwise. */
  specialHold(bar: LaneBar, room: boolean): void {
    this.holds++;
    if (room) this.special.push(bar);
    else this.bucket(bar);
  }

  failure(marker: LaneMarker): void {
    this.failures++;
    if (this.markers.length < this.options.maxMarkersPerLane) this.markers.push(marker);
    else this.histogram.failure(marker.time, marker.errorCode);
  }

  bars(): LaneBar[] {
    return this.special.concat(this.plain).sort((a, b) => a.start - b.start || a.end - b.end);
  }

  private bucket(bar: LaneBar): void {
    this.histogram.hold(bar.start, bar.end, bar.role, bar.conflict);
  }
}

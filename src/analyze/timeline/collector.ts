import type { Finding, Timeline, TimelineBar, TimelineBucket, TimelineMarker, TraceEvent } from '../../types.js';
import { HoldTracker } from '../hold-tracker.js';
import type { Hold } from '../holds.js';
import { LaneState, type LaneBar } from './lane.js';
import { DEFAULT_TIMELINE_OPTIONS, type TimelineOptions } from './options.js';
import { windowsOf } from './windows.js';

/** Fed the same merged events as the analysis; finished with the analysis's findings. */
export interface TimelineCollector {
  event(e: TraceEvent): void;
  finish(findings: readonly Finding[]): Timeline;
}

/**
 * Collects the timeline the HTML report draws. Holds come from its own HoldTracker, the same
 * class the detectors read, so a bar starts and ends exactly where the findings say and a bar is
 * marked conflicting exactly when overlapping-path would pair it. Memory: the tracker's live holds,
 * plus the bounded bars, markers and buckets of each lane (see TimelineOptions).
 */
export function createTimelineCollector(options: Partial<TimelineOptions> = {}): TimelineCollector {
  const opts: TimelineOptions = { ...DEFAULT_TIMELINE_OPTIONS, ...options };
  const lanes = new Map<string, LaneState>();
  const extraLanes = new Set<string>();
  const conflicting = new WeakSet<Hold>();
  const failed = new WeakSet<Hold>();
  let pending: Hold[] = [];
  let special = 0;
  let omittedHolds = 0;
  let omittedFailures = 0;
  let origin = NaN;
  let first = Infinity;
  let last = -Infinity;
  let now = -Infinity;
  let flushedAt = -Infinity;
  let ord = 0;
  let done: Timeline | undefined;

  /**
   * Closed holds the tracker still keeps for pairing, by path. Their flag can only change when
   * another hold on the same path closes, so they are looked at again only then (or when the
   * path is dropped), never on every event.
   */
  const lingering = new Map<string, Hold[]>();
  let lingeringCount = 0;

  const tracker = new HoldTracker({
    opened() {},
    touched(hold, e) {
      if (e.event === 'rename.failure') failed.add(hold);
    },
    closed(hold) {
      pending.push(hold);
      const waiting = lingering.get(hold.path);
      if (waiting) {
        lingering.delete(hold.path);
        lingeringCount -= waiting.length;
        pending.push(...waiting);
      }
    },
    conflict(c) {
      conflicting.add(c.a);
      conflicting.add(c.b);
    },
    dropped(path) {
      const waiting = lingering.get(path);
      if (!waiting) return;
      lingering.delete(path);
      lingeringCount -= waiting.length;
      for (const hold of waiting) finalize(hold);
    },
  });

  let recent: LaneState | undefined;
  const laneOf = (host: string, pid: number): LaneState | undefined => {
    // Events come in runs from one process; skip building the key for those.
    if (recent && recent.pid === pid && recent.host === host) return recent;
    const key = `${host}\0${pid}`;
    let lane = lanes.get(key);
    if (lane) return (recent = lane);
    if (lanes.size >= opts.maxLanes) {
      extraLanes.add(key);
      return undefined;
    }
    lane = new LaneState(host, pid, origin, opts);
    lanes.set(key, lane);
    return lane;
  };

  function finalize(hold: Hold): void {
    const lane = laneOf(hold.host, hold.pid);
    if (!lane) {
      omittedHolds++;
      return;
    }
    const bar: LaneBar = {
      path: hold.path,
      role: hold.role,
      correlationId: hold.correlationId,
      start: hold.start,
      end: hold.end,
      conflict: conflicting.has(hold),
      failed: failed.has(hold),
      // Released only by the tracker's finish, at the end of the logs.
      ...(hold.closeSource === undefined ? { unreleased: true } : {}),
    };
    if (!bar.conflict && !bar.failed) lane.plainHold(bar);
    else {
      const room = special < opts.maxSpecialBars;
      if (room) special++;
      lane.specialHold(bar, room);
    }
  }

  /**
   * A closed hold may still be paired while the tracker keeps it (for the same instant, or for a
   * late read-to-write pairing); it is final once the tracker has let go of it.
   */
  const flush = (force: boolean): void => {
    const list = pending;
    pending = [];
    for (const hold of list) {
      if (force || !tracker.keeps(hold)) {
        finalize(hold);
        continue;
      }
      const waiting = lingering.get(hold.path);
      if (waiting) waiting.push(hold);
      else lingering.set(hold.path, [hold]);
      lingeringCount++;
    }
    // A bound for pathological traces (a read hold overlapping thousands of writes): settle now,
    // at the risk of missing a late conflict flag on these bars.
    if (force || lingeringCount > opts.maxPending) {
      for (const waiting of lingering.values()) for (const hold of waiting) finalize(hold);
      lingering.clear();
      lingeringCount = 0;
    }
  };

  return {
    event(e) {
      if (Number.isNaN(origin)) origin = e.time;
      if (e.time < first) first = e.time;
      if (e.time > last) last = e.time;
      // The stream's clock, as the analysis keeps it: late events count as happening now.
      if (e.time > now) now = e.time;
      ord++;
      const lane = laneOf(e.host, e.pid);
      tracker.event(e, now, ord);
      if (now > flushedAt && pending.length > 0) {
        flushedAt = now;
        flush(false);
      }
      if (e.event !== 'rename.failure') return;
      if (!lane) {
        omittedFailures++;
        return;
      }
      lane.failure({
        time: now,
        correlationId: e.correlationId,
        errorCode: e.errorCode ?? 'UNKNOWN',
        path: e.targetPath || e.tempPath || '',
        ...(e.attempt !== undefined ? { attempt: e.attempt } : {}),
        ...(e.willRetry !== undefined ? { willRetry: e.willRetry } : {}),
      });
    },
    finish(findings) {
      if (done) return done;
      tracker.finish();
      flush(true);
      boundPlainBars([...lanes.values()], opts.maxPlainBars);
      const ordered = [...lanes.values()].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.pid - b.pid));
      const bars: TimelineBar[] = [];
      const markers: TimelineMarker[] = [];
      const buckets: TimelineBucket[] = [];
      ordered.forEach((lane, index) => {
        for (const bar of lane.bars()) bars.push({ lane: index, ...bar });
        for (const marker of lane.markers) markers.push({ lane: index, ...marker });
        buckets.push(...lane.histogram.buckets(index));
      });
      const conflicts = windowsOf(findings, 'overlapping-path', opts.maxWindows);
      const storms = windowsOf(findings, 'retry-storm', opts.maxWindows);
      const omitted = Object.entries({
        lanes: extraLanes.size,
        holds: omittedHolds,
        failures: omittedFailures,
        conflicts: conflicts.omitted,
        storms: storms.omitted,
      }).filter(([, n]) => n > 0);
      done = {
        start: Number.isFinite(first) ? first : 0,
        end: Number.isFinite(last) ? last : 0,
        lanes: ordered.map((l) => ({ host: l.host, pid: l.pid, holds: l.holds, failures: l.failures, aggregated: l.aggregated })),
        bars,
        buckets,
        markers: markers.sort((a, b) => a.time - b.time),
        conflicts: conflicts.windows,
        storms: storms.windows,
        ...(omitted.length > 0 ? { omitted: Object.fromEntries(omitted) } : {}),
      };
      return done;
    },
  };
}

/** Many lanes each under their own bound can still be too many bars together: bucket the busiest. */
function boundPlainBars(lanes: LaneState[], max: number): void {
  let total = lanes.reduce((n, lane) => n + lane.plainCount, 0);
  const busiest = lanes.filter((lane) => lane.plainCount > 0).sort((a, b) => b.plainCount - a.plainCount);
  for (const lane of busiest) {
    if (total <= max) return;
    total -= lane.plainCount;
    lane.aggregate();
  }
}

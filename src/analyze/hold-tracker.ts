import type { PathRole, TraceEvent } from '../types.js';
import {
  NO_HOLDS,
  conflictOf,
  newPathState,
  stillNeeded,
  type Hold,
  type HoldListener,
  type HoldView,
  type PathState,
} from './holds.js';
import { ExportLists } from './export-lists.js';
import { ChurnMap } from '../util/churn-map.js';

/**
 * The path timeline: who holds which path from when to when, computed once for every detector.
 * Per-path state lives only while some export holds the path (plus the instant it let go, since
 * events with equal times count as overlapping), so memory follows the live holds, not the input.
 *
 * A pair of holds is judged exactly once: at the first close if both are write holds by then,
 * otherwise at the close of the one that was still read-only (strace read-modify-replace).
 */
export class HoldTracker implements HoldView {
  private readonly paths = new ChurnMap<string, PathState>();
  /** Each export's open holds. */
  private readonly byExport = new ExportLists<Hold[]>((list) => list.length === 0);
  /** Paths that let go of a hold at `settleTime`; settled once time moves past it. */
  private settleQueue: PathState[] = [];
  /** The queue's other array: settle() swaps the two instead of making a new one per instant. */
  private settling: PathState[] = [];
  private settleTime = -Infinity;
  private now = 0;
  private ord = 0;

  constructor(private readonly listener: HoldListener) {}

  /** Feed one event; `time` is the event's time clamped to never go backwards. */
  event(e: TraceEvent, time: number, ord: number): void {
    if (time > this.settleTime && this.settleQueue.length > 0) this.settle();
    this.now = time;
    this.ord = ord;
    switch (e.event) {
      case 'temp.create':
      case 'rename.attempt':
      case 'rename.failure':
        this.mention(e, e.tempPath, 'temp');
        this.mention(e, e.targetPath, 'target');
        break;
      case 'temp.delete':
        this.release(e, this.mention(e, e.tempPath, 'temp'), 'delete');
        break;
      case 'rename.success': {
        const temp = this.mention(e, e.tempPath, 'temp');
        const target = this.mention(e, e.targetPath, 'target');
        if (temp) {
          const state = this.paths.get(temp.path);
          if (state) {
            state.renamedAwayBy = e.correlationId;
            state.renamedAwayAt = time;
          }
        }
        this.release(e, temp, 'rename');
        this.release(e, target, 'rename');
        break;
      }
      case 'export.end': {
        const holds = this.byExport.get(e.correlationId);
        // Backwards: release() removes each hold from this very list.
        if (holds) {
          for (let i = holds.length - 1; i >= 0; i--) this.release(e, holds[i], 'export-end');
          if (holds.length === 0) this.byExport.delete(e.correlationId);
        }
        break;
      }
      case 'export.start':
        break;
    }
  }

  /** End of stream: holds still open close at the last event time, then every path settles. */
  finish(): void {
    for (const holds of this.byExport.values()) {
      for (let i = holds.length - 1; i >= 0; i--) this.release(undefined, holds[i], 'stream-end');
    }
    this.settle();
    for (const state of this.paths.values()) {
      state.closed = NO_HOLDS;
      this.listener.dropped(state.path);
    }
    this.paths.clear();
  }

  othersHold(path: string, correlationId: string): boolean {
    const state = this.paths.get(path);
    return state !== undefined && state.open.hasOther(correlationId);
  }

  renamedAway(path: string): { correlationId: string; time: number } | undefined {
    const state = this.paths.get(path);
    if (!state || state.renamedAwayBy === undefined) return undefined;
    return { correlationId: state.renamedAwayBy, time: state.renamedAwayAt };
  }

  heldBy(path: string, correlationId: string): Hold | undefined {
    return this.paths.get(path)?.open.of(correlationId);
  }

  /** Open holds and same-instant closed holds on `path` (the story needs them). */
  holdsOn(path: string): readonly Hold[] {
    const state = this.paths.get(path);
    return state ? state.open.holds.concat(state.closed) : [];
  }

  /** Is `hold`, closed, still kept because it may yet be paired? */
  keeps(hold: Hold): boolean {
    return this.paths.get(hold.path)?.closed.includes(hold) ?? false;
  }

  private mention(e: TraceEvent, path: string | undefined, role: PathRole): Hold | undefined {
    if (path === undefined || path === '') return undefined;
    let state = this.paths.get(path);
    let hold = state?.open.of(e.correlationId);
    if (!hold || !state) {
      hold = {
        path,
        role,
        correlationId: e.correlationId,
        pid: e.pid,
        host: e.host,
        start: this.now,
        end: Number.NaN,
        open: true,
        writeOrd: Infinity,
        closeOrd: Infinity,
        closedBy: undefined,
        created: e.event === 'temp.create' && role === 'temp',
        openSource: e.source,
        closeSource: undefined,
      };
      if (state) {
        state.open.add(hold);
      } else {
        state = newPathState(path, hold);
        this.paths.set(path, state);
      }
      state.readOnlyOpen++;
      const mine = this.byExport.get(e.correlationId);
      if (mine === undefined) this.byExport.set(e.correlationId, [hold]);
      else {
        if (mine.length === 0) this.byExport.refilling();
        mine.push(hold);
      }
      this.listener.opened(hold, e);
    }
    if (hold.writeOrd === Infinity && e.access !== 'read') {
      hold.writeOrd = this.ord;
      state.readOnlyOpen--;
      state.latestWriteOrd = this.ord;
    }
    this.listener.touched(hold, e);
    return hold;
  }

  private release(e: TraceEvent | undefined, hold: Hold | undefined, by: NonNullable<Hold['closedBy']>): void {
    if (!hold || !hold.open) return;
    const state = this.paths.get(hold.path);
    if (!state) return;
    hold.open = false;
    hold.end = this.now;
    hold.closeOrd = this.ord;
    hold.closeSource = e?.source;
    hold.closedBy = by;
    state.open.remove(hold);
    if (hold.writeOrd === Infinity) state.readOnlyOpen--;
    const mine = this.byExport.get(hold.correlationId);
    if (mine) {
      removeItem(mine, hold);
      if (mine.length === 0) this.byExport.emptied();
    }
    this.listener.closed(hold);
    if (hold.writeOrd !== Infinity) {
      if (state.open.crowded) {
        // A crowd: the earliest writer alone stands for all (same interval; see OpenHolds).
        const o = state.open.earliestOtherWriter(hold.correlationId);
        if (o) this.listener.conflict(conflictOf(hold.path, hold, o, this.now));
      } else {
        for (const o of state.open) {
          if (o.correlationId !== hold.correlationId && o.writeOrd !== Infinity) {
            this.listener.conflict(conflictOf(hold.path, hold, o, this.now));
          }
        }
      }
      // Pairs deferred because this hold was still read-only when the other one let go.
      for (const c of state.closed) {
        if (c.correlationId !== hold.correlationId && c.end >= hold.start && c.closeOrd < hold.writeOrd) {
          this.listener.conflict(conflictOf(hold.path, c, hold, this.now));
        }
      }
      if (state.closed === NO_HOLDS) state.closed = [hold];
      else (state.closed as Hold[]).push(hold);
    }
    if (!state.queued) {
      state.queued = true;
      this.settleQueue.push(state);
    }
    this.settleTime = this.now;
  }

  /** Time moved past the last closes: prune what can no longer overlap, drop idle paths. */
  private settle(): void {
    const queue = this.settleQueue;
    this.settleQueue = this.settling;
    for (const state of queue) {
      state.queued = false;
      if (state.open.size > 0 && state.closed.length > 0) {
        const kept = state.closed.filter((c) => stillNeeded(c, state));
        state.closed = kept.length === 0 ? NO_HOLDS : kept;
      }
      // With no open hold, nothing can pair with the closed ones any more: drop the whole state.
      if (state.open.size === 0 && this.paths.get(state.path) === state) {
        this.paths.delete(state.path);
        this.listener.dropped(state.path);
      }
    }
    queue.length = 0;
    this.settling = queue;
  }
}

/** Order-changing removal (swap with the last): cheaper than splice on these tiny lists. */
function removeItem<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i < 0) return;
  const last = list.pop() as T;
  if (i < list.length) list[i] = last;
}

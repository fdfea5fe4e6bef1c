import type { TraceEvent } from '../../types.js';
import type { Bracket, Observation } from './model.js';
import type { ClockOptions } from './options.js';

interface Pending {
  path: string;
  effect: Bracket;
  causes: Bracket[];
  /** More candidates than causesPerObservation: too ambiguous, dropped when settled. */
  ambiguous: boolean;
  /** Report time after which no cause can still arrive (events come in merged order). */
  deadline: number;
}

const SWEEP_EVERY = 4096;

/**
 * Collects causal observations from the merged event stream: every rename that failed with
 * ENOENT, with the removals (rename.success, temp.delete) of the same temp by other processes
 * within `maxOffsetMs` of its window, one of which took the temp. A cause on a host whose clock
 * runs ahead arrives after its effect in merged order, so an effect stays open for candidates
 * until the stream is `maxOffsetMs` past it.
 *
 * Why only ENOENT: it is the one outcome that proves another process acted on the path within a
 * known window. A temp.create after another host's temp.delete proves nothing (the create would
 * have worked anyway), and successful renames of one path do not say who went first.
 */
export class ClockObserver {
  readonly observations: Observation[] = [];
  observationsOmitted = 0;
  readonly hostEvents = new Map<string, number>();
  hostsOmitted = 0;
  private readonly lastStamp = new Map<string, number>();
  /** process + temp -> the stamp before its create, and when it was created (for the sweep). */
  private readonly created = new Map<string, { pre: number; at: number }>();
  private readonly attempts = new Map<string, number>();
  private readonly removals = new Map<string, Bracket[]>();
  private pending: Pending[] = [];
  private pendingHead = 0;
  /** Open effects by path, so that a removal arriving later joins their candidates. */
  private readonly openByPath = new Map<string, Pending[]>();
  private now = -Infinity;
  private seen = 0;

  constructor(private readonly options: ClockOptions) {}

  event(e: TraceEvent): void {
    if (!this.countHost(e.host)) return;
    if (e.time > this.now) this.now = e.time;
    const proc = `${e.host}\0${e.pid}`;
    const before = this.lastStamp.get(proc) ?? -Infinity;
    const path = e.tempPath;
    if (path !== undefined && e.access !== 'read') {
      const key = `${proc}\0${path}`;
      switch (e.event) {
        case 'temp.create':
          this.created.set(key, { pre: before, at: e.time });
          break;
        case 'rename.attempt':
          this.attempts.set(key, e.time);
          break;
        case 'rename.success':
          this.remove(path, { host: e.host, pid: e.pid, pre: this.attempts.get(key) ?? before, post: e.time, source: e.source });
          this.created.delete(key);
          this.attempts.delete(key);
          break;
        case 'temp.delete':
          this.remove(path, { host: e.host, pid: e.pid, pre: before, post: e.time, source: e.source });
          this.created.delete(key);
          break;
        case 'rename.failure':
          if (e.errorCode === 'ENOENT') {
            const effect = { host: e.host, pid: e.pid, pre: this.created.get(key)?.pre ?? -Infinity, post: e.time, source: e.source };
            this.open(path, effect);
          }
          this.attempts.delete(key);
          if (e.willRetry !== true) this.created.delete(key);
          break;
        default:
          break;
      }
    }
    this.lastStamp.set(proc, e.time);
    this.settle(false);
    if (++this.seen % SWEEP_EVERY === 0) this.sweep();
  }

  /** Settles every effect still waiting; call once, at the end of the stream. */
  finish(): void {
    this.settle(true);
  }

  private countHost(host: string): boolean {
    const count = this.hostEvents.get(host);
    if (count !== undefined) {
      this.hostEvents.set(host, count + 1);
      return true;
    }
    if (this.hostEvents.size >= this.options.maxHosts) {
      this.hostsOmitted++;
      return false;
    }
    this.hostEvents.set(host, 1);
    return true;
  }

  private open(path: string, effect: Bracket): void {
    const pending: Pending = { path, effect, causes: [], ambiguous: false, deadline: effect.post + this.options.maxOffsetMs };
    for (const removal of this.removals.get(path) ?? []) this.consider(pending, removal);
    this.pending.push(pending);
    const list = this.openByPath.get(path);
    if (list) list.push(pending);
    else this.openByPath.set(path, [pending]);
  }

  private remove(path: string, bracket: Bracket): void {
    let list = this.removals.get(path);
    if (list === undefined) this.removals.set(path, (list = []));
    list.push(bracket);
    if (list.length > this.options.removalsPerPath) list.shift();
    for (const pending of this.openByPath.get(path) ?? []) this.consider(pending, bracket);
  }

  /** A removal by another process within reach of the effect's window is a candidate cause. */
  private consider(pending: Pending, c: Bracket): void {
    const { effect } = pending;
    const reach = this.options.maxOffsetMs;
    if (c.host === effect.host && c.pid === effect.pid) return;
    if (c.pre > effect.post + reach || c.post < effect.pre - reach) return;
    if (pending.causes.length >= this.options.causesPerObservation) pending.ambiguous = true;
    else pending.causes.push(c);
  }

  private settle(all: boolean): void {
    const pending = this.pending;
    while (this.pendingHead < pending.length) {
      const next = pending[this.pendingHead] as Pending;
      if (!all && next.deadline >= this.now) break;
      this.pendingHead++;
      const open = this.openByPath.get(next.path);
      if (open !== undefined) {
        open.splice(open.indexOf(next), 1);
        if (open.length === 0) this.openByPath.delete(next.path);
      }
      this.record(next);
    }
    if (this.pendingHead === pending.length) {
      this.pending = [];
      this.pendingHead = 0;
    }
  }

  private record({ effect, causes, ambiguous }: Pending): void {
    // Causes on the effect's own host say nothing about clocks, but they may be the real cause.
    if (ambiguous || !causes.some((c) => c.host !== effect.host)) return;
    if (this.observations.length >= this.options.maxObservations) {
      this.observationsOmitted++;
      return;
    }
    this.observations.push({ effect, causes });
  }

  /** Forgets paths and processes unused for `memoryMs`: their removals can no longer pair. */
  private sweep(): void {
    const horizon = this.now - this.options.memoryMs;
    for (const [path, list] of this.removals) {
      const last = list[list.length - 1];
      if (last === undefined || last.post < horizon) this.removals.delete(path);
    }
    for (const [key, entry] of this.created) if (entry.at < horizon) this.created.delete(key);
    for (const [key, at] of this.attempts) if (at < horizon) this.attempts.delete(key);
    for (const [proc, at] of this.lastStamp) if (at < horizon) this.lastStamp.delete(proc);
  }
}

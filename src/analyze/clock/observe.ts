import type { TraceEvent } from '../../types.js';
import type { Bracket, Observation } from './model.js';
import type { ClockOptions } from './options.js';
import { RemovalMemory } from './removals.js';
import { ChurnMap } from '../../util/churn-map.js';

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
/** Removals remembered at most (about 10 MB): past it the oldest are forgotten early. */
const MAX_REMOVALS = 1 << 18;

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
/** One process's state: its last stamp and the temps it holds. */
interface Process {
  host: string;
  pid: number;
  /** The host's event counter, shared by its processes. */
  counter: { events: number };
  last: number;
  /** temp -> the stamp before its create, and when it was created (for the sweep). */
  created: ChurnMap<string, { pre: number; at: number }>;
  /** temp -> the stamp of the rename.attempt in flight. */
  attempts: ChurnMap<string, number>;
}

export class ClockObserver {
  readonly observations: Observation[] = [];
  observationsOmitted = 0;
  hostsOmitted = 0;
  private readonly hosts = new Map<string, { events: number }>();
  /** host -> pid -> process: no key string to build per event. */
  private readonly processes = new Map<string, Map<number, Process>>();
  private recent: Process | undefined;
  private readonly removals = new RemovalMemory(MAX_REMOVALS);
  private pending: Pending[] = [];
  private pendingHead = 0;
  /** Open effects by path, so that a removal arriving later joins their candidates. */
  private readonly openByPath = new ChurnMap<string, Pending[]>();
  private now = -Infinity;
  private seen = 0;

  constructor(private readonly options: ClockOptions) {}

  /** Events per host. */
  get hostEvents(): Map<string, number> {
    return new Map([...this.hosts].map(([host, counter]) => [host, counter.events]));
  }

  event(e: TraceEvent): void {
    // This runs for every event of every analysis: runs of one process skip the lookups.
    const proc = this.recent !== undefined && this.recent.pid === e.pid && this.recent.host === e.host
      ? this.recent : this.processOf(e.host, e.pid);
    if (proc === undefined) return;
    this.recent = proc;
    proc.counter.events++;
    if (e.time > this.now) this.now = e.time;
    const before = proc.last;
    const path = e.tempPath;
    if (path !== undefined && e.access !== 'read') {
      switch (e.event) {
        case 'temp.create':
          proc.created.set(path, { pre: before, at: e.time });
          break;
        case 'rename.attempt':
          proc.attempts.set(path, e.time);
          break;
        case 'rename.success':
          this.remove(path, { host: e.host, pid: e.pid, pre: proc.attempts.get(path) ?? before, post: e.time, source: e.source });
          proc.created.delete(path);
          proc.attempts.delete(path);
          break;
        case 'temp.delete':
          this.remove(path, { host: e.host, pid: e.pid, pre: before, post: e.time, source: e.source });
          proc.created.delete(path);
          break;
        case 'rename.failure':
          if (e.errorCode === 'ENOENT') {
            const effect = { host: e.host, pid: e.pid, pre: proc.created.get(path)?.pre ?? -Infinity, post: e.time, source: e.source };
            this.open(path, effect);
          }
          proc.attempts.delete(path);
          if (e.willRetry !== true) proc.created.delete(path);
          break;
        default:
          break;
      }
    }
    proc.last = e.time;
    if (this.pendingHead < this.pending.length) this.settle(false);
    if (++this.seen % SWEEP_EVERY === 0) this.sweep();
  }

  /** Settles every effect still waiting; call once, at the end of the stream. */
  finish(): void {
    this.settle(true);
  }

  private processOf(host: string, pid: number): Process | undefined {
    let pids = this.processes.get(host);
    const known = pids?.get(pid);
    if (known !== undefined) return known;
    let counter = this.hosts.get(host);
    if (counter === undefined) {
      if (this.hosts.size >= this.options.maxHosts) {
        this.hostsOmitted++;
        return undefined;
      }
      this.hosts.set(host, (counter = { events: 0 }));
    }
    if (pids === undefined) this.processes.set(host, (pids = new Map()));
    const proc: Process = { host, pid, counter, last: -Infinity, created: new ChurnMap(), attempts: new ChurnMap() };
    pids.set(pid, proc);
    return proc;
  }

  private open(path: string, effect: Bracket): void {
    // A window that began before the removals still remembered may have lost its real cause.
    if (effect.pre < this.now - this.options.memoryMs) return;
    const pending: Pending = { path, effect, causes: [], ambiguous: false, deadline: effect.post + this.options.maxOffsetMs };
    for (const removal of this.removals.removalsOf(path, this.horizon(), this.options.removalsPerPath)) {
      this.consider(pending, removal);
    }
    this.pending.push(pending);
    const list = this.openByPath.get(path);
    if (list) list.push(pending);
    else this.openByPath.set(path, [pending]);
  }

  private remove(path: string, bracket: Bracket): void {
    this.removals.add(path, bracket, this.horizon());
    const open = this.openByPath.get(path);
    if (open !== undefined) for (const pending of open) this.consider(pending, bracket);
  }

  /**
   * The oldest removal that can still pair: an effect is used only if its window began within
   * `memoryMs`, and a cause must end within `maxOffsetMs` of that window.
   */
  private horizon(): number {
    return this.now - this.options.memoryMs - this.options.maxOffsetMs;
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

  /** Forgets processes unused for `memoryMs`, and their temps: they can no longer pair. */
  private sweep(): void {
    const horizon = this.now - this.options.memoryMs;
    for (const pids of this.processes.values()) {
      for (const [pid, proc] of pids) {
        if (proc.last < horizon) {
          pids.delete(pid);
          if (this.recent === proc) this.recent = undefined;
          continue;
        }
        for (const [path, entry] of proc.created) if (entry.at < horizon) proc.created.delete(path);
        for (const [path, at] of proc.attempts) if (at < horizon) proc.attempts.delete(path);
      }
    }
  }
}

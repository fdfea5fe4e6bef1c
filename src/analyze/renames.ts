import type { Evidence, TraceEvent } from '../types.js';
import type { HoldView } from './holds.js';
import { ExportLists } from './export-lists.js';
import { ChurnMap } from '../util/churn-map.js';

/** One failed rename attempt, with what the path timeline said at that moment. */
export interface RenameFailure {
  time: number;
  pid: number;
  host: string;
  correlationId: string;
  tempPath: string;
  targetPath: string;
  code: string;
  willRetry: boolean | undefined;
  delayMs: number | undefined;
  source: Evidence;
  /** Another export held the temp or the target when it failed. */
  othersHeld: boolean;
  /** ENOENT after this other export renamed the same temp away: the temp was stolen. */
  stolenBy: string | undefined;
}

/** One rename: the attempts of one export to move one temp onto one target. */
export interface Rename {
  readonly correlationId: string;
  readonly tempPath: string;
  readonly targetPath: string;
  readonly pid: number;
  readonly host: string;
  readonly start: number;
  end: number;
  attemptEvents: number;
  outcomes: number;
  maxAttempt: number;
  failures: number;
  /** Error code -> failures with it. */
  errorCodes: ReadonlyMap<string, number>;
  succeeded: boolean;
  lastFailure: RenameFailure | undefined;
  /** Some failure happened while another export held the temp or the target. */
  contended: boolean;
  stolenBy: string | undefined;
  /** delayMs of each retried failure, in order (first 16). */
  delays: readonly number[];
  /** The failures' lines (bounded by maxEvidence). */
  evidence: readonly Evidence[];
}

// Most renames never fail: they share these empty values until their first failure.
const NO_CODES: ReadonlyMap<string, number> = new Map();
const NONE: readonly never[] = Object.freeze([]);

/** How many attempts a rename made, whichever way its source counts them. */
export function attemptsOf(r: Rename): number {
  return Math.max(r.attemptEvents, r.outcomes, r.maxAttempt);
}

export interface RenameListener {
  failed(rename: Rename, failure: RenameFailure): void;
  /** A failure known to have been retried; `time` is when that became known. */
  retried(failure: RenameFailure, time: number): void;
  /** The rename succeeded, or its export ended (or the stream did) without success. */
  ended(rename: Rename): void;
}

const MAX_DELAYS = 16;
/** An export with more open renames than this finds them by key, not by scanning its list. */
const INDEX_FROM = 16;

/**
 * The open renames of one export, in the order they began: a short list, or once there are
 * many, a Map by key (which keeps that order too, and removes in O(1) where splice was O(n)).
 */
interface OpenRenames {
  list: Rename[];
  byKey: Map<string, Rename> | undefined;
}

function openRenames(open: OpenRenames): Iterable<Rename> {
  return open.byKey ? open.byKey.values() : open.list;
}

const keyOf = (tempPath: string, targetPath: string): string => `${tempPath}\0${targetPath}`;
/** Failures without willRetry wait for a next attempt on the same paths; keep the wait bounded. */
const MAX_PENDING = 4096;

/**
 * Follows every rename through its attempts, shared by failed-rename, recovered-rename and
 * retry-storm. A rename is keyed by (export, temp, target); sources without `willRetry` (strace)
 * count a failure as retried when any export next touches the same temp and target.
 */
export class RenameTracker {
  /** Each export's open renames. */
  private readonly open = new ExportLists<OpenRenames>((open) => !open.byKey && open.list.length === 0);
  private readonly pending = new ChurnMap<string, RenameFailure>();

  constructor(
    private readonly holds: HoldView,
    private readonly listener: RenameListener,
    private readonly maxEvidence: number,
  ) {}

  event(e: TraceEvent, time: number): void {
    switch (e.event) {
      case 'rename.attempt':
      case 'rename.failure':
      case 'rename.success':
        this.rename(e, time);
        break;
      case 'export.end':
        this.endExport(e.correlationId);
        break;
      default:
        break;
    }
  }

  finish(): void {
    for (const id of this.open.ids()) this.endExport(id);
  }

  private rename(e: TraceEvent, time: number): void {
    const tempPath = e.tempPath ?? '';
    const targetPath = e.targetPath ?? '';
    if (this.pending.size > 0) {
      const key = `${tempPath}\0${targetPath}`;
      const waiting = this.pending.get(key);
      if (waiting) {
        this.pending.delete(key);
        this.listener.retried(waiting, time);
      }
    }
    const r = this.find(e, tempPath, targetPath, time);
    if (e.attempt !== undefined && e.attempt > r.maxAttempt) r.maxAttempt = e.attempt;
    r.end = time;
    if (e.event === 'rename.attempt') {
      r.attemptEvents++;
      return;
    }
    r.outcomes++;
    if (e.event === 'rename.success') {
      r.succeeded = true;
      this.close(r);
      return;
    }
    this.fail(r, e, time);
  }

  private fail(r: Rename, e: TraceEvent, time: number): void {
    const code = e.errorCode ?? 'UNKNOWN';
    const renamed = code === 'ENOENT' ? this.holds.renamedAway(r.tempPath) : undefined;
    const own = this.holds.heldBy(r.tempPath, r.correlationId);
    const stolenBy =
      renamed && renamed.correlationId !== r.correlationId && (!own || renamed.time >= own.start)
        ? renamed.correlationId
        : undefined;
    const failure: RenameFailure = {
      time,
      pid: e.pid,
      host: e.host,
      correlationId: r.correlationId,
      tempPath: r.tempPath,
      targetPath: r.targetPath,
      code,
      willRetry: e.willRetry,
      delayMs: e.delayMs,
      source: e.source,
      othersHeld:
        this.holds.othersHold(r.tempPath, r.correlationId) || this.holds.othersHold(r.targetPath, r.correlationId),
      stolenBy,
    };
    r.failures++;
    const codes = r.errorCodes === NO_CODES ? new Map<string, number>() : (r.errorCodes as Map<string, number>);
    codes.set(code, (codes.get(code) ?? 0) + 1);
    r.errorCodes = codes;
    r.lastFailure = failure;
    if (failure.othersHeld) r.contended = true;
    if (stolenBy !== undefined) r.stolenBy = stolenBy;
    if (e.delayMs !== undefined && e.willRetry !== false && r.delays.length < MAX_DELAYS) {
      r.delays = r.delays.concat(e.delayMs);
    }
    if (r.evidence.length < this.maxEvidence) r.evidence = r.evidence.concat(e.source);
    this.listener.failed(r, failure);
    if (e.willRetry === true) this.listener.retried(failure, time);
    else if (e.willRetry === undefined) this.wait(failure);
  }

  private wait(failure: RenameFailure): void {
    if (this.pending.size >= MAX_PENDING) {
      const oldest = this.pending.keys().next();
      if (!oldest.done) this.pending.delete(oldest.value);
    }
    this.pending.set(`${failure.tempPath}\0${failure.targetPath}`, failure);
  }

  private find(e: TraceEvent, tempPath: string, targetPath: string, time: number): Rename {
    const open = this.open.get(e.correlationId);
    if (open?.byKey) {
      const found = open.byKey.get(keyOf(tempPath, targetPath));
      if (found) return found;
    } else if (open) {
      for (const r of open.list) if (r.tempPath === tempPath && r.targetPath === targetPath) return r;
    }
    const r: Rename = {
      correlationId: e.correlationId,
      tempPath,
      targetPath,
      pid: e.pid,
      host: e.host,
      start: time,
      end: time,
      attemptEvents: 0,
      outcomes: 0,
      maxAttempt: 0,
      failures: 0,
      errorCodes: NO_CODES,
      succeeded: false,
      lastFailure: undefined,
      contended: false,
      stolenBy: undefined,
      delays: NONE,
      evidence: NONE,
    };
    // A scan per event and a splice per close were quadratic: one export with 20,000 renames in
    // flight took 4.7 s, with 50,000 about 30 s.
    if (open === undefined) {
      this.open.set(e.correlationId, { list: [r], byKey: undefined });
    } else if (open.byKey) {
      open.byKey.set(keyOf(tempPath, targetPath), r);
    } else {
      if (open.list.length === 0) this.open.refilling();
      open.list.push(r);
      if (open.list.length > INDEX_FROM) {
        open.byKey = new Map(open.list.map((o) => [keyOf(o.tempPath, o.targetPath), o]));
        open.list = [];
      }
    }
    return r;
  }

  private close(r: Rename): void {
    const open = this.open.get(r.correlationId);
    if (open?.byKey) {
      open.byKey.delete(keyOf(r.tempPath, r.targetPath));
      if (open.byKey.size === 0) this.open.delete(r.correlationId);
    } else if (open) {
      const i = open.list.indexOf(r);
      if (i >= 0) open.list.splice(i, 1);
      if (open.list.length === 0) this.open.emptied();
    }
    this.listener.ended(r);
  }

  private endExport(correlationId: string): void {
    const open = this.open.get(correlationId);
    if (!open) return;
    this.open.delete(correlationId);
    for (const r of openRenames(open)) this.listener.ended(r);
  }
}

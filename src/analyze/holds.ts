import type { Evidence, PathRole, TraceEvent } from '../types.js';
import { OpenHolds } from './open-holds.js';

/**
 * One export's claim on one path: from its first mention until it lets go (renamed away, deleted,
 * its rename into the target succeeded, or the export ended). Detectors read holds; only the
 * tracker writes them.
 */
export interface Hold {
  readonly path: string;
  readonly role: PathRole;
  readonly correlationId: string;
  /** The process and host of the first mention. */
  readonly pid: number;
  readonly host: string;
  readonly start: number;
  /** NaN while the hold is open. */
  end: number;
  open: boolean;
  /**
   * Event ordinal at which the hold became a write hold; Infinity while every mention was a read
   * (strace `access: 'read'`). A read that is later followed by a write (read-modify-replace)
   * counts as a write from its start.
   */
  writeOrd: number;
  closeOrd: number;
  /** Why it let go: renamed away or into its target, deleted, its export ended, or the stream did. */
  closedBy: 'rename' | 'delete' | 'export-end' | 'stream-end' | undefined;
  /** Opened by temp.create (a file this export made), not by a rename's mention. */
  readonly created: boolean;
  readonly openSource: Evidence;
  closeSource: Evidence | undefined;
}

/** Two write holds of different exports on one path that overlapped in [start, end]. */
export interface Conflict {
  path: string;
  a: Hold;
  b: Hold;
  start: number;
  end: number;
}

/** What the tracker tells the rest of the analysis, synchronously, as it happens. */
export interface HoldListener {
  opened(hold: Hold, event: TraceEvent): void;
  /** Every mention of a held path, including the one that opened it. */
  touched(hold: Hold, event: TraceEvent): void;
  closed(hold: Hold): void;
  conflict(conflict: Conflict): void;
  /** No export holds the path any more and nothing can still overlap it: its state is gone. */
  dropped(path: string): void;
}

/** Read-only questions detectors may ask about the present moment. */
export interface HoldView {
  /** Does an export other than `correlationId` hold `path` right now? */
  othersHold(path: string, correlationId: string): boolean;
  /** The last export that renamed `path` away as its temp, while someone still held the path. */
  renamedAway(path: string): { correlationId: string; time: number } | undefined;
  /** The open hold of `correlationId` on `path`, if any. */
  heldBy(path: string, correlationId: string): Hold | undefined;
}

export interface PathState {
  readonly path: string;
  readonly open: OpenHolds;
  /**
   * Write holds already closed that may still pair with a hold that is open (or opens at the same
   * instant): kept until time moves on and no read-only open hold that overlapped them remains.
   */
  closed: readonly Hold[];
  renamedAwayBy: string | undefined;
  renamedAwayAt: number;
  queued: boolean;
  /** Open holds that are still read-only (writeOrd Infinity). */
  readOnlyOpen: number;
  /** The latest ordinal at which a hold on this path became a write hold. */
  latestWriteOrd: number;
}

/** The `closed` list of a path that has none: shared, never written (a list is made on the first). */
export const NO_HOLDS: readonly Hold[] = Object.freeze([]);

/** The state of a path its first hold just opened. */
export function newPathState(path: string, first: Hold): PathState {
  return {
    path,
    open: new OpenHolds(first),
    closed: NO_HOLDS,
    renamedAwayBy: undefined,
    renamedAwayAt: 0,
    queued: false,
    readOnlyOpen: 0,
    latestWriteOrd: -Infinity,
  };
}

/** The interval two holds share; `end` of an open hold is taken as `now`. */
export function conflictOf(path: string, a: Hold, b: Hold, now: number): Conflict {
  const aEnd = a.open ? now : a.end;
  const bEnd = b.open ? now : b.end;
  return { path, a, b, start: Math.max(a.start, b.start), end: Math.min(aEnd, bEnd) };
}

/**
 * Should a closed write hold stay in its path's `closed` list? Only while an open hold of another
 * export overlapped it and still has to evaluate the pair at its own close (it was read-only when
 * the closed hold let go).
 */
export function stillNeeded(closed: Hold, state: PathState): boolean {
  // No open hold turned into a write after this one closed: none can pair with it later.
  if (state.readOnlyOpen === 0 && state.latestWriteOrd <= closed.closeOrd) return false;
  for (const o of state.open) {
    if (o.correlationId !== closed.correlationId && o.start <= closed.end && closed.closeOrd < o.writeOrd) {
      return true;
    }
  }
  return false;
}

import type { Evidence } from '../types.js';
import { StringTable } from '../util/string-table.js';
import { TwoGenerationMap } from '../util/two-generation-map.js';

/** One remembered use of a path, rebuilt from the ring on lookup. */
export interface PathUse {
  correlationId: string;
  pid: number;
  host: string;
  start: number;
  end: number;
  source: Evidence;
}

/** What `remember` reads: a Hold fits, so remembering allocates nothing. */
export interface UseLike {
  readonly correlationId: string;
  readonly pid: number;
  readonly host: string;
  readonly start: number;
  readonly end: number;
  readonly openSource: Evidence;
}

/**
 * Remembers the last use of up to `capacity` paths (the most recent ones) in flat typed arrays,
 * so remembering a use allocates nothing and keeps no event objects alive. Strings kept: the path
 * (the Map key), the correlation ID, and interned hosts and inputs.
 *
 * Why: reused-temp-path must remember paths after every hold on them ended; on a log where each
 * export uses a fresh temp name that is one entry per export, and a Map of paths to objects was
 * the analysis's largest per-event cost (allocation, promotion, GC). The path itself is the key,
 * not a hash of it computed here: V8 hashes a string once, natively, and caches the hash (the hold
 * tracker's Map already did), where two hashes in JavaScript cost about 2 µs per path.
 *
 * Path -> slot lives in a TwoGenerationMap instead of one Map with a delete per forgotten path:
 * deletes leave tombstones that made V8 rehash the big table again and again. An entry is trusted
 * only while its slot still holds its path; a generation is retired after `capacity` remembers,
 * when every slot it pointed at has been reused.
 */
export class PathMemory {
  private readonly slotOf = new TwoGenerationMap<number>();
  private readonly path: (string | undefined)[];
  private readonly pid: Float64Array;
  private readonly start: Float64Array;
  private readonly end: Float64Array;
  private readonly line: Float64Array;
  private readonly hostIndex: Int32Array;
  private readonly inputIndex: Int32Array;
  private readonly correlationId: (string | undefined)[];
  private readonly names = new StringTable();
  private next = 0;

  constructor(readonly capacity: number) {
    this.path = new Array<string | undefined>(capacity).fill(undefined);
    this.pid = new Float64Array(capacity);
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
    this.line = new Float64Array(capacity);
    this.hostIndex = new Int32Array(capacity);
    this.inputIndex = new Int32Array(capacity);
    this.correlationId = new Array<string | undefined>(capacity);
  }

  /** Remember `use` as the last use of `path`; returns the use it replaces, if remembered. */
  remember(path: string, use: UseLike): PathUse | undefined {
    const found = this.slotOf.get(path);
    // The slot may have been reused since: then the path was forgotten.
    const prev = found !== undefined && this.path[found] === path ? this.read(found) : undefined;
    const slot = this.next;
    this.next = slot + 1 === this.capacity ? 0 : slot + 1;
    this.path[slot] = path;
    this.pid[slot] = use.pid;
    this.start[slot] = use.start;
    this.end[slot] = use.end;
    this.line[slot] = use.openSource.line;
    this.hostIndex[slot] = this.names.indexOf(use.host);
    this.inputIndex[slot] = this.names.indexOf(use.openSource.input);
    this.correlationId[slot] = use.correlationId;
    this.slotOf.set(path, slot, this.capacity);
    return prev;
  }

  private read(slot: number): PathUse {
    return {
      correlationId: this.correlationId[slot] ?? '',
      pid: this.pid[slot] ?? 0,
      host: this.names.at(this.hostIndex[slot] ?? 0),
      start: this.start[slot] ?? 0,
      end: this.end[slot] ?? 0,
      source: { input: this.names.at(this.inputIndex[slot] ?? 0), line: this.line[slot] ?? 0 },
    };
  }
}

import type { Bracket } from './model.js';
import { StringTable } from '../../util/string-table.js';
import { TwoGenerationMap } from '../../util/two-generation-map.js';

const INITIAL_CAPACITY = 4096;
const NONE = -1;

/**
 * The removals (rename.success, temp.delete) of the last while, kept for pairing with a failed
 * rename that may come later, in flat typed arrays: remembering one allocates nothing and keeps
 * no object alive. A Bracket is built only when an effect asks for the removals of its path,
 * which is rare (ENOENT failures). Before, every removal was an object, an array per path and an
 * expiry entry, all alive for `memoryMs`: on a gigabyte of logs they were promoted by the
 * garbage collector by the million and the clock estimate took 40% of the analysis.
 *
 * Removals live in a ring addressed by their sequence number (slot = seq % capacity); each
 * links to the previous removal of its path. The ring grows (doubling, up to `maxCapacity`) when
 * the removal it would overwrite is still within the horizon; past that the oldest are forgotten.
 * Path -> latest removal lives in a TwoGenerationMap, as in ../path-memory.ts: no deletes
 * (tombstones made V8 rehash), and an entry is trusted only while its slot still holds it.
 */
export class RemovalMemory {
  private capacity = 0;
  private nextSeq = 0;
  private readonly latestOf = new TwoGenerationMap<number>();
  // One slot per removal (see `allocate`); `seqAt` is NONE in a slot never used.
  private path: (string | undefined)[] = [];
  private seqAt = new Float64Array(0);
  private previous = new Float64Array(0);
  private pid = new Float64Array(0);
  private pre = new Float64Array(0);
  private post = new Float64Array(0);
  private line = new Float64Array(0);
  private hostIndex = new Int32Array(0);
  private inputIndex = new Int32Array(0);
  private readonly names = new StringTable();
  /** Removals forgotten before the horizon because the ring was at `maxCapacity`. */
  forgotten = 0;

  constructor(private readonly maxCapacity: number) {
    this.allocate(INITIAL_CAPACITY);
  }

  /** Remembers a removal of `path`; `horizon` is the oldest `post` still worth keeping. */
  add(path: string, removal: Bracket, horizon: number): void {
    const seq = this.nextSeq;
    let slot = seq % this.capacity;
    if (this.seqAt[slot] !== NONE && (this.post[slot] as number) >= horizon) {
      if (this.capacity < this.maxCapacity) {
        this.grow();
        slot = seq % this.capacity;
      } else {
        this.forgotten++;
      }
    }
    this.nextSeq = seq + 1;
    this.path[slot] = path;
    this.seqAt[slot] = seq;
    this.previous[slot] = this.latest(path);
    this.pid[slot] = removal.pid;
    this.pre[slot] = removal.pre;
    this.post[slot] = removal.post;
    this.line[slot] = removal.source.line;
    this.hostIndex[slot] = this.names.indexOf(removal.host);
    this.inputIndex[slot] = this.names.indexOf(removal.source.input);
    this.latestOf.set(path, seq, this.capacity);
  }

  /** The removals of `path` with `post >= horizon`, at most the `limit` latest, oldest first. */
  removalsOf(path: string, horizon: number, limit: number): Bracket[] {
    const found: Bracket[] = [];
    for (let seq = this.latest(path); seq !== NONE && found.length < limit; ) {
      const slot = seq % this.capacity;
      if (this.seqAt[slot] !== seq || this.path[slot] !== path || (this.post[slot] as number) < horizon) break;
      found.push(this.read(slot));
      seq = this.previous[slot] as number;
    }
    return found.reverse();
  }

  /** The sequence number of the latest removal of `path` still held, or NONE. */
  private latest(path: string): number {
    const seq = this.latestOf.get(path);
    if (seq === undefined) return NONE;
    const slot = seq % this.capacity;
    return this.seqAt[slot] === seq && this.path[slot] === path ? seq : NONE;
  }

  private read(slot: number): Bracket {
    return {
      host: this.names.at(this.hostIndex[slot] as number),
      pid: this.pid[slot] as number,
      pre: this.pre[slot] as number,
      post: this.post[slot] as number,
      source: { input: this.names.at(this.inputIndex[slot] as number), line: this.line[slot] as number },
    };
  }

  /** Doubles the ring, moving every held removal to its slot in the larger one. */
  private grow(): void {
    const { capacity, path, seqAt, previous, pid, pre, post, line, hostIndex, inputIndex } = this;
    const old = { capacity, path, seqAt, previous, pid, pre, post, line, hostIndex, inputIndex };
    this.allocate(capacity * 2);
    for (let from = 0; from < old.capacity; from++) {
      const seq = old.seqAt[from] as number;
      if (seq === NONE) continue;
      const to = seq % this.capacity;
      this.path[to] = old.path[from];
      this.seqAt[to] = seq;
      this.previous[to] = old.previous[from] as number;
      this.pid[to] = old.pid[from] as number;
      this.pre[to] = old.pre[from] as number;
      this.post[to] = old.post[from] as number;
      this.line[to] = old.line[from] as number;
      this.hostIndex[to] = old.hostIndex[from] as number;
      this.inputIndex[to] = old.inputIndex[from] as number;
    }
  }

  private allocate(capacity: number): void {
    this.capacity = capacity;
    this.path = new Array<string | undefined>(capacity).fill(undefined);
    this.seqAt = new Float64Array(capacity).fill(NONE);
    this.previous = new Float64Array(capacity);
    this.pid = new Float64Array(capacity);
    this.pre = new Float64Array(capacity);
    this.post = new Float64Array(capacity);
    this.line = new Float64Array(capacity);
    this.hostIndex = new Int32Array(capacity);
    this.inputIndex = new Int32Array(capacity);
  }
}

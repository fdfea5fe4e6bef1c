import type { Evidence } from '../types.js';

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
 * so remembering a use allocates nothing and keeps no event objects alive. A path is known by two
 * independent 32-bit hashes (about 1 in 2^62 of a mix-up); only the correlation ID, host and input
 * name are kept as strings, and hosts and inputs are interned.
 *
 * Why: reused-temp-path must remember paths after every hold on them ended; on a log where each
 * export uses a fresh temp name that is one entry per export, and a Map of paths to objects was
 * the analysis's largest per-event cost (allocation, promotion, GC).
 */
export class PathMemory {
  private readonly slotOf = new Map<number, number>();
  private readonly key: Int32Array;
  private readonly check: Int32Array;
  private readonly pid: Float64Array;
  private readonly start: Float64Array;
  private readonly end: Float64Array;
  private readonly line: Float64Array;
  private readonly hostIndex: Int32Array;
  private readonly inputIndex: Int32Array;
  private readonly correlationId: (string | undefined)[];
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private next = 0;

  constructor(readonly capacity: number) {
    this.key = new Int32Array(capacity);
    this.check = new Int32Array(capacity);
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
    const key = fnv1a(path) >>> 1; // 31 bits: a small integer Map key, no boxing
    const check = murmurish(path);
    const found = this.slotOf.get(key);
    const prev = found !== undefined && this.check[found] === check ? this.read(found) : undefined;
    const slot = this.next;
    this.next = (slot + 1) % this.capacity;
    // The oldest use is forgotten, unless its path was used again since (another slot).
    if (this.correlationId[slot] !== undefined && this.slotOf.get(this.key[slot] ?? -1) === slot) {
      this.slotOf.delete(this.key[slot] ?? -1);
    }
    this.key[slot] = key;
    this.check[slot] = check;
    this.pid[slot] = use.pid;
    this.start[slot] = use.start;
    this.end[slot] = use.end;
    this.line[slot] = use.openSource.line;
    this.hostIndex[slot] = this.intern(use.host);
    this.inputIndex[slot] = this.intern(use.openSource.input);
    this.correlationId[slot] = use.correlationId;
    this.slotOf.set(key, slot);
    return prev;
  }

  private read(slot: number): PathUse {
    return {
      correlationId: this.correlationId[slot] ?? '',
      pid: this.pid[slot] ?? 0,
      host: this.names[this.hostIndex[slot] ?? 0] ?? '',
      start: this.start[slot] ?? 0,
      end: this.end[slot] ?? 0,
      source: { input: this.names[this.inputIndex[slot] ?? 0] ?? '', line: this.line[slot] ?? 0 },
    };
  }

  private intern(name: string): number {
    let i = this.nameIndex.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, i);
    }
    return i;
  }
}

/** FNV-1a over UTF-16 code units; 32-bit. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** A second, structurally different 32-bit hash (murmur-style multiply and shift per unit). */
function murmurish(text: string): number {
  let h = 0x9747b28c | 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return Math.imul(h ^ (h >>> 13), 0x5bd1e995) ^ text.length;
}

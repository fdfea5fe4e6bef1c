import { Heap } from './heap.js';
import { compareOrdered, type Ordered } from './order.js';

/** How far from the end of the in-order run an item may still be inserted (a bounded move). */
const NEAR = 128;

/**
 * Restores the order of one input within a time window. An item is held until the input has
 * shown an item more than `windowMs` later, then released in order. An item older than what was
 * already released is still released (at once) and counted in `late`.
 *
 * Memory is bounded by the window, and by `maxHeld` against a burst or a far-future time: past
 * it the oldest items are released early. Most inputs are already in order, so in-order items
 * go to a plain array (O(1)). An item a little out of order (one file that many processes
 * appended to) is inserted among the array's last NEAR items; only the rest pay for the heap
 * (heap pops took 14% of the interleaved benchmark's time when every such item went there).
 */
export class ReorderBuffer<T extends Ordered> {
  late = 0;
  /** Released slots are cleared: a consumed item must not stay alive until the next compact. */
  private run: (T | undefined)[] = [];
  private runHead = 0;
  private readonly heap = new Heap<T>(compareOrdered);
  private lastReleased: T | undefined;
  private maxTime = -Infinity;

  constructor(
    private readonly windowMs: number,
    private readonly maxHeld: number,
    private readonly since = -Infinity,
    private readonly until = Infinity,
  ) {}

  push(item: T): void {
    const run = this.run;
    const tail = run.length > this.runHead ? run[run.length - 1] : undefined;
    if (tail === undefined || compareOrdered(item, tail) >= 0) run.push(item);
    else if (!this.insertNearTail(item)) this.heap.push(item);
    if (item.time > this.maxTime) this.maxTime = item.time;
  }

  /** Inserts `item` (which sorts before the run's last item) if its place is among the last NEAR. */
  private insertNearTail(item: T): boolean {
    const run = this.run;
    let lo = Math.max(this.runHead, run.length - NEAR);
    if (compareOrdered(item, run[lo] as T) < 0) {
      // Before every held item of a short run: it goes first. Otherwise it is too far back.
      if (lo !== this.runHead) return false;
      run.splice(lo, 0, item);
      return true;
    }
    // run[lo] <= item < run[hi]: find the first item after it.
    let hi = run.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (compareOrdered(item, run[mid] as T) < 0) hi = mid;
      else lo = mid;
    }
    run.splice(hi, 0, item);
    return true;
  }

  /** Appends to `out` every item the window lets go (all of them when `final`), in order. */
  release(out: T[], final: boolean): void {
    const limit = final ? Infinity : this.maxTime - this.windowMs;
    const run = this.run;
    const heap = this.heap;
    for (;;) {
      const fromRun = this.runHead < run.length ? run[this.runHead] : undefined;
      const fromHeap = heap.peek();
      let next: T;
      if (fromHeap === undefined || (fromRun !== undefined && compareOrdered(fromRun, fromHeap) <= 0)) {
        if (fromRun === undefined) break;
        next = fromRun;
      } else {
        next = fromHeap;
      }
      const held = run.length - this.runHead + heap.size;
      if (!(next.time < limit) && held <= this.maxHeld) break;
      if (next === fromRun) run[this.runHead++] = undefined;
      else heap.pop();
      if (this.lastReleased !== undefined && compareOrdered(next, this.lastReleased) < 0) this.late++;
      this.lastReleased = next;
      if (next.time >= this.since && next.time < this.until) out.push(next);
    }
    this.compact();
  }

  /** Drops released items from the front of the run without shifting it item by item. */
  private compact(): void {
    if (this.runHead === this.run.length) {
      this.run.length = 0;
      this.runHead = 0;
    } else if (this.runHead > 4096 && this.runHead * 2 > this.run.length) {
      this.run = this.run.slice(this.runHead);
      this.runHead = 0;
    }
  }
}

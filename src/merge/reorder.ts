import { Heap } from './heap.js';
import { compareOrdered, type Ordered } from './order.js';

/**
 * Restores the order of one input within a time window. An item is held until the input has
 * shown an item more than `windowMs` later, then released in order. An item older than what was
 * already released is still released (at once) and counted in `late`.
 *
 * Memory is bounded by the window, and by `maxHeld` against a burst or a far-future time: past
 * it the oldest items are released early. Most inputs are already in order, so in-order items
 * go to a plain array (O(1)) and only out-of-order ones pay for the heap.
 */
export class ReorderBuffer<T extends Ordered> {
  late = 0;
  /** Released slots are cleared: a consumed item must not stay alive until the next compact. */
  private run: (T | undefined)[] = [];
  private runHead = 0;
  private readonly heap = new Heap<T>(compareOrdered);
  private lastAppended: T | undefined;
  private lastReleased: T | undefined;
  private maxTime = -Infinity;

  constructor(
    private readonly windowMs: number,
    private readonly maxHeld: number,
    private readonly since = -Infinity,
    private readonly until = Infinity,
  ) {}

  push(item: T): void {
    if (this.lastAppended === undefined || compareOrdered(item, this.lastAppended) >= 0) {
      this.run.push(item);
      this.lastAppended = item;
    } else {
      this.heap.push(item);
    }
    if (item.time > this.maxTime) this.maxTime = item.time;
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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReorderBuffer } from '../../src/merge/reorder.js';
import { compareOrdered, type Ordered } from '../../src/merge/order.js';

// ReorderBuffer keeps held items in three places (an in-order run, insertions near its end, a
// heap for the rest) for speed. Whatever the mix, it must behave like this plain model: on each
// release, every held item older than the window (or beyond maxHeld, oldest first) comes out in
// order, and an item older than one already released counts as late.
class Model {
  late = 0;
  private held: Ordered[] = [];
  private last: Ordered | undefined;
  private maxTime = -Infinity;

  constructor(
    private readonly windowMs: number,
    private readonly maxHeld: number,
  ) {}

  push(item: Ordered): void {
    this.held.push(item);
    this.maxTime = Math.max(this.maxTime, item.time);
  }

  release(out: Ordered[], final: boolean): void {
    const limit = final ? Infinity : this.maxTime - this.windowMs;
    this.held.sort(compareOrdered);
    while (this.held.length > 0) {
      const next = this.held[0] as Ordered;
      if (!(next.time < limit) && this.held.length <= this.maxHeld) break;
      this.held.shift();
      if (this.last !== undefined && compareOrdered(next, this.last) < 0) this.late++;
      this.last = next;
      out.push(next);
    }
  }
}

/** Times that drift forward with a chosen amount of disorder (interleaved, shuffled, bursts). */
const input = fc.record({
  steps: fc.array(fc.record({ dt: fc.integer({ min: -60, max: 20 }), host: fc.constantFrom('a', 'b'), release: fc.boolean() }), { maxLength: 400 }),
  windowMs: fc.integer({ min: 0, max: 80 }),
  maxHeld: fc.integer({ min: 1, max: 300 }),
});

test('the reorder window releases exactly what the plain model releases, in the same order', () => {
  fc.assert(
    fc.property(input, ({ steps, windowMs, maxHeld }) => {
      const buffer = new ReorderBuffer<Ordered>(windowMs, maxHeld);
      const model = new Model(windowMs, maxHeld);
      const got: Ordered[] = [];
      const want: Ordered[] = [];
      let time = 1000;
      steps.forEach(({ dt, host, release }, i) => {
        time += dt;
        const item: Ordered = { time, host, pid: 1, seq: i % 7, source: { line: i + 1 } };
        buffer.push(item);
        model.push(item);
        if (release) {
          buffer.release(got, false);
          model.release(want, false);
          assert.deepEqual(got.map((x) => x.source.line), want.map((x) => x.source.line));
        }
      });
      buffer.release(got, true);
      model.release(want, true);
      assert.deepEqual(got.map((x) => x.source.line), want.map((x) => x.source.line));
      assert.equal(buffer.late, model.late);
    }),
    { numRuns: 2000 },
  );
});

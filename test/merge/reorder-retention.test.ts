import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ReorderBuffer } from '../../src/merge/reorder.js';
import type { Ordered } from '../../src/merge/order.js';

// A regression test: released items stayed referenced by the window's in-order run until its next
// compaction (up to about 8,000 per input), so 20 inputs kept some 100,000 consumed events alive.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const item = (time: number, line: number): Ordered => ({ time, host: 'h', pid: 1, seq: line, source: { line } });

test('an item the window released is not kept alive by the window', async () => {
  const buffer = new ReorderBuffer<Ordered>(100, 100_000);
  const out: Ordered[] = [];
  const refs: WeakRef<Ordered>[] = [];
  for (let line = 1; line <= 3000; line++) {
    const it = item(line, line);
    if (line <= 1000) refs.push(new WeakRef(it));
    buffer.push(it);
  }
  buffer.release(out, false);
  // Everything older than 3000 - 100 is out; the caller drops what it consumed.
  assert.equal(out.length, 2899);
  out.length = 0;
  // WeakRef targets survive until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const alive = refs.filter((ref) => ref.deref() !== undefined).length;
  assert.equal(alive, 0, `${alive} of 1000 released items are still reachable`);
  buffer.release(out, true);
  assert.equal(out.length, 101);
});

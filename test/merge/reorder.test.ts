import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReorderBuffer } from '../../src/merge/reorder.js';
import type { Ordered } from '../../src/merge/order.js';
import { collect, eventLine, tempDir } from '../helpers/ingest.js';

const dir = tempDir();
const item = (time: number, line: number): Ordered => ({ time, host: 'h', pid: 1, seq: line, source: { line } });

test('items are held until the input is more than the window further on', () => {
  const buffer = new ReorderBuffer<Ordered>(100, 1000);
  const out: Ordered[] = [];
  buffer.push(item(10, 1));
  buffer.push(item(5, 2));
  buffer.push(item(110, 3));
  buffer.release(out, false);
  assert.deepEqual(out.map((i) => i.time), [5]); // 110 - 10 is not more than 100
  buffer.push(item(111, 4));
  buffer.release(out, false);
  assert.deepEqual(out.map((i) => i.time), [5, 10]);
  buffer.release(out, true);
  assert.deepEqual(out.map((i) => i.time), [5, 10, 110, 111]);
  assert.equal(buffer.late, 0);
});

test('an item older than what was released is passed on and counted late', () => {
  const buffer = new ReorderBuffer<Ordered>(100, 1000);
  const out: Ordered[] = [];
  for (const [time, line] of [[0, 1], [500, 2], [700, 3], [1, 4]] as const) {
    buffer.push(item(time, line));
    buffer.release(out, false);
  }
  buffer.release(out, true);
  assert.deepEqual(out.map((i) => i.time), [0, 500, 1, 700]);
  assert.equal(buffer.late, 1);
});

test('past maxHeld the oldest items are released early', () => {
  const buffer = new ReorderBuffer<Ordered>(1e9, 3);
  const out: Ordered[] = [];
  for (let i = 0; i < 10; i++) buffer.push(item(i, i));
  buffer.release(out, false);
  assert.deepEqual(out.map((i) => i.time), [0, 1, 2, 3, 4, 5, 6]);
});

test('since and until filter what is released', () => {
  const buffer = new ReorderBuffer<Ordered>(0, 1000, 3, 6);
  const out: Ordered[] = [];
  for (let i = 0; i < 10; i++) buffer.push(item(i, i));
  buffer.release(out, true);
  assert.deepEqual(out.map((i) => i.time), [3, 4, 5]);
});

test('a log appended to by several processes is put back in order within the window', async () => {
  const file = join(dir, 'interleaved.log');
  const times = [100, 103, 101, 102, 1500, 1200, 1499, 3000, 2999, 5000];
  writeFileSync(file, times.map((time, i) => eventLine({ time, pid: 100 + (i % 3), seq: i })).join('\n'));
  const { events, result } = await collect([file]);
  assert.deepEqual(events.map((e) => e.time), [...times].sort((a, b) => a - b));
  assert.equal(result.inputs[0]?.late, 0);
});

test('a line later than the window is still used, and counted late', async () => {
  const file = join(dir, 'late.log');
  const times = [0, 100, 2500, 2600, 50, 2700];
  // Lines are released per read chunk (128 KiB): padding puts the late line in a later chunk.
  const padding = Array.from({ length: 3000 }, () => `{"msg":"${'p'.repeat(60)}"}`);
  const lines = times.map((time, i) => eventLine({ time, seq: i }));
  writeFileSync(file, [...lines.slice(0, 4), ...padding, ...lines.slice(4)].join('\n'));
  const { events, result } = await collect([file], { reorderWindowMs: 2000 });
  // 0 and 100 were released once 2500 arrived (more than 2000 ms later); 50 came after them.
  assert.deepEqual(events.map((e) => e.time), [0, 100, 50, 2500, 2600, 2700]);
  assert.equal(result.inputs[0]?.late, 1);
  assert.equal(events.length, 6);
});

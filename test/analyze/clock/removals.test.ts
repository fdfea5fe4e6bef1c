import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RemovalMemory } from '../../../src/analyze/clock/removals.js';
import type { Bracket } from '../../../src/analyze/clock/model.js';

const removal = (pid: number, post: number, host = 'h1'): Bracket => ({ host, pid, pre: post - 1, post, source: { input: `${host}.log`, line: post } });

test('the removals of a path come back oldest first, the latest `limit` of them, none older than the horizon', () => {
  const memory = new RemovalMemory(1 << 10);
  for (let t = 1; t <= 10; t++) memory.add('/p', removal(t, t), 0);
  memory.add('/q', removal(99, 11), 0);
  assert.deepEqual(memory.removalsOf('/p', 0, 100).map((r) => r.post), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(memory.removalsOf('/p', 0, 3).map((r) => r.post), [8, 9, 10]);
  assert.deepEqual(memory.removalsOf('/p', 6, 100).map((r) => r.post), [6, 7, 8, 9, 10]);
  assert.deepEqual(memory.removalsOf('/q', 0, 100), [removal(99, 11)]);
  assert.deepEqual(memory.removalsOf('/nowhere', 0, 100), []);
});

test('the ring grows while what it holds is still within the horizon: nothing recent is lost', () => {
  const memory = new RemovalMemory(1 << 16);
  // 20,000 distinct paths, all within the horizon: past the initial 4096 slots and a rotation.
  for (let i = 0; i < 20_000; i++) memory.add(`/tmp/${i}`, removal(i, 1000 + i, `h${i % 3}`), 0);
  for (const i of [0, 1, 4095, 4096, 12_345, 19_999]) {
    assert.deepEqual(memory.removalsOf(`/tmp/${i}`, 0, 10), [removal(i, 1000 + i, `h${i % 3}`)], `path ${i}`);
  }
  assert.equal(memory.forgotten, 0);
});

test('past the horizon slots are reused instead, and a reused slot never answers for its old path', () => {
  const memory = new RemovalMemory(1 << 16);
  for (let i = 0; i < 50_000; i++) memory.add(`/tmp/${i}`, removal(i, i), i - 100);
  assert.deepEqual(memory.removalsOf('/tmp/49999', 0, 10).map((r) => r.pid), [49_999]);
  assert.deepEqual(memory.removalsOf('/tmp/10', 0, 10), [], 'overwritten long ago');
  assert.equal(memory.forgotten, 0);
});

test('at its largest the ring forgets the oldest removals and counts them', () => {
  const memory = new RemovalMemory(4096);
  for (let i = 0; i < 5000; i++) memory.add(`/tmp/${i}`, removal(i, i), 0);
  assert.equal(memory.forgotten, 5000 - 4096);
  assert.deepEqual(memory.removalsOf('/tmp/0', 0, 10), []);
  assert.equal(memory.removalsOf('/tmp/4999', 0, 10).length, 1);
});

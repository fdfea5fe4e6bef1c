import assert from 'node:assert/strict';
import { test } from 'node:test';
import { delaysIdentical } from '../../src/analyze/delays.js';
import { HINTS, renameHint } from '../../src/analyze/hints.js';
import { PathMemory, type UseLike } from '../../src/analyze/path-memory.js';

const use = (correlationId: string, line: number): UseLike => ({
  correlationId,
  pid: line,
  host: 'h',
  start: line,
  end: line + 1,
  openSource: { input: 'in', line },
});

test('path memory returns the previous use of a path and forgets the oldest beyond capacity', () => {
  const memory = new PathMemory(3);
  assert.equal(memory.remember('/a', use('e1', 1)), undefined);
  assert.deepEqual(memory.remember('/a', use('e2', 2)), {
    correlationId: 'e1', pid: 1, host: 'h', start: 1, end: 2, source: { input: 'in', line: 1 },
  });
  memory.remember('/b', use('e3', 3));
  memory.remember('/c', use('e4', 4));
  // The ring is full: /d lands in the slot of /a's latest use, so /a is forgotten.
  memory.remember('/d', use('e5', 5));
  assert.equal(memory.remember('/a', use('e6', 6)), undefined);
  assert.equal(memory.remember('/c', use('e7', 7))?.correlationId, 'e4');
});

test('path memory tells similar paths apart', () => {
  const memory = new PathMemory(100);
  for (let i = 0; i < 50; i++) assert.equal(memory.remember(`/out/.w-${i}/0001.tmp`, use(`e${i}`, i + 1)), undefined);
  assert.equal(memory.remember('/out/.w-7/0001.tmp', use('x', 99))?.correlationId, 'e7');
});

test('delays are identical when two processes waited the same schedule, prefixes included', () => {
  assert.equal(delaysIdentical([{ process: 'p1', delays: [10, 20, 40] }, { process: 'p2', delays: [10, 20] }]), true);
  assert.equal(delaysIdentical([{ process: 'p1', delays: [10, 20] }, { process: 'p2', delays: [11, 20] }]), false);
  // One process's own renames do not count as two processes agreeing.
  assert.equal(delaysIdentical([{ process: 'p1', delays: [10] }, { process: 'p1', delays: [10] }, { process: 'p2', delays: [7] }]), false);
  assert.equal(delaysIdentical([{ process: 'p1', delays: [10] }]), undefined);
});

test('rename hints follow the error code and what the timeline showed', () => {
  assert.equal(renameHint({ code: 'ENOENT', contended: true, stolen: true }), HINTS.stolenTemp);
  assert.equal(renameHint({ code: 'ENOENT', contended: false, stolen: false }), HINTS.vanishedTemp);
  assert.equal(renameHint({ code: 'EBUSY', contended: false, stolen: false }), HINTS.externalHolder);
  assert.equal(renameHint({ code: 'EACCES', contended: true, stolen: false }), HINTS.contendedPath);
  assert.equal(renameHint({ code: 'EXDEV', contended: false, stolen: false }), HINTS.crossDevice);
  assert.equal(renameHint({ code: 'EEXIST', contended: false, stolen: false }), HINTS.targetExists);
  assert.equal(renameHint({ code: 'EIO', contended: false, stolen: false }), HINTS.otherFailure);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HINTS } from '../../src/analyze/hints.js';
import { analyze, EventLog, findingsOf, onlyFinding } from '../helpers/event-log.js';

const A = { cid: 'export-a', pid: 101 };
const B = { cid: 'export-b', pid: 202 };

test('reused-temp-path: the same temp used sequentially is reused but no overlap', () => {
  const log = new EventLog().exportRun(0, A, '/out/data.tmp', '/out/a').exportRun(10, B, '/out/data.tmp', '/out/b');
  const result = analyze(log.events);
  const f = onlyFinding(result, 'reused-temp-path');
  assert.equal(f.path, '/out/data.tmp');
  assert.equal(f.count, 2);
  assert.deepEqual(f.pids, [101, 202]);
  assert.deepEqual([f.start, f.end], [1, 13]);
  assert.equal(f.hint, HINTS.reusedTemp);
  assert.deepEqual(findingsOf(result, 'overlapping-path'), []);
});

test('reused-temp-path: one export reusing its own temp, and distinct temps, are fine', () => {
  const log = new EventLog()
    .exportRun(0, A, '/out/a.tmp', '/out/a')
    .exportRun(10, A, '/out/a.tmp', '/out/a')
    .exportRun(20, B, '/out/b.tmp', '/out/b');
  assert.deepEqual(findingsOf(analyze(log.events), 'reused-temp-path'), []);
});

test('reused-temp-path: reads of a path are not uses', () => {
  const log = new EventLog()
    .create(0, A, '/in.tmp', undefined, { access: 'read' }).end(1, A)
    .create(2, B, '/in.tmp', undefined, { access: 'read' }).end(3, B);
  assert.deepEqual(analyze(log.events).findings, []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HINTS } from '../../src/analyze/hints.js';
import { analyze, EventLog, findingsOf, onlyFinding } from '../helpers/event-log.js';

const A = { cid: 'export-a', pid: 101 };
const B = { cid: 'export-b', pid: 202 };

test('incomplete-export: a start without an end', () => {
  const log = new EventLog().start(0, A).create(1, A, '/a.tmp', '/a').start(0, B).end(2, B);
  const f = onlyFinding(analyze(log.events), 'incomplete-export');
  assert.deepEqual([f.correlationIds, f.pids, f.start, f.end], [['export-a'], [101], 0, 1]);
  assert.equal(f.hint, HINTS.incompleteExport);
});

test('orphaned-temp: created and never renamed away nor deleted', () => {
  const log = new EventLog()
    .start(0, A).create(1, A, '/w/a.tmp', '/a').end(2, A)
    .start(0, B).create(1, B, '/w/b.tmp', '/b').remove(2, B, '/w/b.tmp').end(3, B);
  const f = onlyFinding(analyze(log.events), 'orphaned-temp');
  assert.equal(f.path, '/w/a.tmp');
  assert.equal(f.role, 'temp');
  assert.deepEqual(f.correlationIds, ['export-a']);
  assert.equal(f.hint, HINTS.orphanedTemp);
});

test('orphaned-temp: the hint follows how the export ended', () => {
  const crashed = new EventLog().start(0, A).create(1, A, '/w/a.tmp', '/a');
  assert.equal(onlyFinding(analyze(crashed.events), 'orphaned-temp').hint, HINTS.orphanedByCrash);
  const gaveUp = new EventLog()
    .create(1, A, '/w/a.tmp', '/a')
    .failure(2, A, '/w/a.tmp', '/a', 1, 'EBUSY', { willRetry: false })
    .end(3, A, 'failed');
  assert.equal(onlyFinding(analyze(gaveUp.events), 'orphaned-temp').hint, HINTS.orphanedAfterFailure);
});

test('orphaned-temp: a temp renamed away by anyone is gone from disk', () => {
  const log = new EventLog()
    .create(0, A, '/shared.tmp', '/a')
    .create(1, B, '/shared.tmp', '/b')
    .success(2, B, '/shared.tmp', '/b')
    .end(3, A).end(3, B);
  assert.deepEqual(findingsOf(analyze(log.events), 'orphaned-temp'), []);
});

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

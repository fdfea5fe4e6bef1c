import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HINTS } from '../../src/analyze/hints.js';
import { analyze, EventLog, findingsOf, onlyFinding } from '../helpers/event-log.js';

const A = { cid: 'export-a', pid: 101 };
const B = { cid: 'export-b', pid: 202 };

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

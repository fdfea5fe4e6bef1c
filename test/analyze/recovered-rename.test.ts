import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HINTS } from '../../src/analyze/hints.js';
import { analyze, EventLog, findingsOf } from '../helpers/event-log.js';

const A = { cid: 'export-a', pid: 101 };
const B = { cid: 'export-b', pid: 202 };

test('renames that failed then succeeded are aggregated by error code', () => {
  const log = new EventLog()
    .create(0, A, '/a.tmp', '/a').failure(1, A, '/a.tmp', '/a', 1, 'EBUSY').failure(2, A, '/a.tmp', '/a', 2, 'EBUSY')
    .success(3, A, '/a.tmp', '/a', 3)
    .create(0, B, '/b.tmp', '/b').failure(1, B, '/b.tmp', '/b', 1, 'EBUSY').failure(2, B, '/b.tmp', '/b', 2, 'EPERM')
    .success(4, B, '/b.tmp', '/b', 3);
  const found = findingsOf(analyze(log.events), 'recovered-rename');
  assert.deepEqual(found.map((f) => [f.errorCodes, f.count]), [
    [{ EBUSY: 3 }, 2],
    [{ EPERM: 1 }, 1],
  ]);
  const [ebusy] = found;
  assert.equal(ebusy?.severity, 'warning');
  assert.deepEqual(ebusy?.pids, [101, 202]);
  assert.deepEqual(ebusy?.correlationIds, ['export-a', 'export-b']);
  assert.deepEqual([ebusy?.start, ebusy?.end], [1, 4]);
  assert.equal(ebusy?.hint, HINTS.externalHolder);
  assert.match(ebusy?.message ?? '', /2 renames failed with EBUSY \(3 times\) and succeeded on retry/);
});

test('renames without failures and renames that never succeeded are not recovered', () => {
  const log = new EventLog()
    .exportRun(0, A, '/a.tmp', '/a')
    .failure(0, B, '/b.tmp', '/b', 1, 'EBUSY', { willRetry: false })
    .end(1, B);
  assert.deepEqual(findingsOf(analyze(log.events), 'recovered-rename'), []);
});

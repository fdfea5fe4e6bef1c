import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HINTS } from '../../src/analyze/hints.js';
import { analyze, EventLog, findingsOf, onlyFinding } from '../helpers/event-log.js';

const A = { cid: 'export-a', pid: 101 };
const B = { cid: 'export-b', pid: 202 };

test('ENOENT after another export renamed the same temp: failed-rename with the stolen hint', () => {
  const log = new EventLog()
    .start(0, A).create(1, A, '/out/data.tmp', '/out/a.csv')
    .start(1, B).create(2, B, '/out/data.tmp', '/out/b.csv')
    .success(3, B, '/out/data.tmp', '/out/b.csv').end(4, B)
    .attempt(5, A, '/out/data.tmp', '/out/a.csv', 1)
    .failure(5.5, A, '/out/data.tmp', '/out/a.csv', 1, 'ENOENT', { willRetry: false, delayMs: undefined })
    .end(6, A, 'failed');
  const f = onlyFinding(analyze(log.events), 'failed-rename');
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.errorCodes, { ENOENT: 1 });
  assert.equal(f.attempts, 1);
  assert.deepEqual(f.pids, [101]);
  assert.deepEqual(f.correlationIds, ['export-a']);
  assert.equal(f.tempPath, '/out/data.tmp');
  assert.equal(f.targetPath, '/out/a.csv');
  assert.equal(f.hint, HINTS.stolenTemp);
  assert.match(f.message, /never renamed \/out\/data\.tmp to \/out\/a\.csv/);
  assert.deepEqual([f.start, f.end], [5, 5.5]);
});

test('ENOENT with no other export around: the temp vanished', () => {
  const log = new EventLog().create(0, A, '/t', '/x').failure(1, A, '/t', '/x', 1, 'ENOENT', { willRetry: false }).end(2, A);
  assert.equal(onlyFinding(analyze(log.events), 'failed-rename').hint, HINTS.vanishedTemp);
});

test('a failure followed by a successful retry is not a failed rename', () => {
  const log = new EventLog()
    .create(0, A, '/t', '/x')
    .failure(1, A, '/t', '/x', 1, 'EBUSY')
    .success(2, A, '/t', '/x', 2)
    .end(3, A);
  assert.deepEqual(findingsOf(analyze(log.events), 'failed-rename'), []);
});

test('EBUSY on paths no other export held points at another program', () => {
  const log = new EventLog().create(0, A, '/t', '/x');
  for (let i = 1; i <= 3; i++) log.failure(i, A, '/t', '/x', i, 'EBUSY', { willRetry: i < 3 });
  log.end(4, A, 'failed');
  const f = onlyFinding(analyze(log.events), 'failed-rename');
  assert.deepEqual(f.errorCodes, { EBUSY: 3 });
  assert.equal(f.attempts, 3);
  assert.equal(f.hint, HINTS.externalHolder);
  assert.equal(f.evidence?.length, 3);
});

test('EPERM while another export held the target points at the concurrent export', () => {
  const log = new EventLog()
    .create(0, B, '/w/b', '/out/x')
    .create(1, A, '/w/a', '/out/x')
    .failure(2, A, '/w/a', '/out/x', 1, 'EPERM', { willRetry: false })
    .end(3, A).end(3, B);
  assert.equal(onlyFinding(analyze(log.events), 'failed-rename').hint, HINTS.contendedPath);
});

test('EXDEV gets the same-filesystem hint', () => {
  const log = new EventLog().create(0, A, '/dev/shm/t', '/tmp/x').failure(1, A, '/dev/shm/t', '/tmp/x', 1, 'EXDEV', { willRetry: false });
  const f = onlyFinding(analyze(log.events), 'failed-rename');
  assert.equal(f.hint, HINTS.crossDevice);
});

test('one finding per export, temp and target; a rename left without outcome is not a failure', () => {
  const log = new EventLog()
    .failure(0, A, '/t1', '/x', 1, 'EACCES', { willRetry: false })
    .failure(1, A, '/t2', '/x', 1, 'EACCES', { willRetry: false })
    .attempt(2, B, '/t3', '/y', 1);
  const found = findingsOf(analyze(log.events), 'failed-rename');
  assert.deepEqual(found.map((f) => f.tempPath), ['/t1', '/t2']);
});

test('a rename that succeeds, then fails again on a new temp, reports only the new one', () => {
  const log = new EventLog()
    .failure(0, A, '/t', '/x', 1, 'EBUSY')
    .success(1, A, '/t', '/x', 2)
    .failure(2, A, '/t', '/x', 1, 'EBUSY', { willRetry: false })
    .end(3, A);
  const f = onlyFinding(analyze(log.events), 'failed-rename');
  assert.deepEqual([f.start, f.attempts, f.errorCodes], [2, 1, { EBUSY: 1 }]);
});

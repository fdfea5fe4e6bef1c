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

test('an export with many renames in flight at once is followed like one with a few (the indexed path)', () => {
  // 40 renames open together (past the 16 that are scanned) against the same 40 one at a time.
  const together = new EventLog().start(0, A);
  const oneByOne = new EventLog().start(0, A);
  const renames = Array.from({ length: 40 }, (_, i) => ({ temp: `/w/${i}.tmp`, target: `/out/${i}.csv`, recovers: i % 2 === 0 }));
  for (const [i, r] of renames.entries()) together.attempt(1 + i / 100, A, r.temp, r.target, 1);
  for (const [i, r] of renames.entries()) {
    together.failure(2 + i / 100, A, r.temp, r.target, 1, r.recovers ? 'EBUSY' : 'EPERM', { willRetry: r.recovers, delayMs: 5 });
  }
  for (const [i, r] of renames.entries()) if (r.recovers) together.success(3 + i / 100, A, r.temp, r.target, 2);
  together.end(4, A, 'failed');
  for (const [i, r] of renames.entries()) {
    oneByOne.attempt(1 + i, A, r.temp, r.target, 1);
    oneByOne.failure(1.1 + i, A, r.temp, r.target, 1, r.recovers ? 'EBUSY' : 'EPERM', { willRetry: r.recovers, delayMs: 5 });
    if (r.recovers) oneByOne.success(1.2 + i, A, r.temp, r.target, 2);
  }
  oneByOne.end(50, A, 'failed');
  const summary = (log: EventLog) => {
    const report = analyze(log.events);
    const recovered = findingsOf(report, 'recovered-rename').map((f) => [f.errorCodes, f.count]);
    const failed = findingsOf(report, 'failed-rename').map((f) => [f.tempPath, f.errorCodes, f.attempts]);
    return { recovered, failed: failed.sort((a, b) => String(a[0]).localeCompare(String(b[0]))) };
  };
  const expected = summary(oneByOne);
  assert.deepEqual(expected.recovered, [[{ EBUSY: 20 }, 20]]);
  assert.equal(expected.failed.length, 20);
  assert.deepEqual(summary(together), expected);
});

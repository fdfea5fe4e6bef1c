import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateReport } from '../../src/schema/validators.js';
import type { Timeline } from '../../src/types.js';
import { EventLog, type Actor } from '../helpers/event-log.js';
import { collect } from '../helpers/html-report.js';
import { makeReport } from '../helpers/report.js';

const A: Actor = { cid: 'cid-a', pid: 101 };
const B: Actor = { cid: 'cid-b', pid: 102 };
const C: Actor = { cid: 'cid-c', pid: 103 };
const TMP = '/srv/shared/sales.csv.tmp';

/** Two exports share one temp at overlapping times; a third uses it later, alone. */
function sharedTempRun(): EventLog {
  const log = new EventLog();
  log.start(0, A).create(1, A, TMP, '/srv/out/a.csv');
  log.start(2, B).create(3, B, TMP, '/srv/out/b.csv');
  log.attempt(4, A, TMP, '/srv/out/a.csv').success(5, A, TMP, '/srv/out/a.csv').end(6, A);
  log.attempt(7, B, TMP, '/srv/out/b.csv', 1).failure(8, B, TMP, '/srv/out/b.csv', 1, 'ENOENT', { willRetry: false }).end(9, B, 'failed');
  log.exportRun(50, C, TMP, '/srv/out/c.csv');
  return log;
}

test('holds that overlap on one path are flagged as conflicts, the rest are not', () => {
  const { timeline, findings } = collect(sharedTempRun().events);
  const bar = (cid: string, role: string) => timeline.bars.find((b) => b.correlationId === cid && b.role === role);
  assert.equal(bar('cid-a', 'temp')?.conflict, true);
  assert.equal(bar('cid-b', 'temp')?.conflict, true);
  assert.equal(bar('cid-c', 'temp')?.conflict, false, 'a later, lone use of the same temp is no conflict');
  assert.equal(bar('cid-a', 'target')?.conflict, false, 'targets differ');
  // A's temp is held from its first mention until it was renamed away.
  assert.deepEqual([bar('cid-a', 'temp')?.start, bar('cid-a', 'temp')?.end], [1, 5]);
  assert.equal(bar('cid-b', 'temp')?.failed, true);
  assert.equal(bar('cid-a', 'temp')?.failed, false);
  // The conflict window is the overlapping-path finding's, pointing back at it by index.
  const overlap = findings.findIndex((f) => f.kind === 'overlapping-path');
  assert.ok(overlap >= 0);
  assert.deepEqual(timeline.conflicts.map((w) => [w.finding, w.path]), [[overlap, TMP]]);
});

test('a conflict found late (a read that turns into a write, as strace sees it) still flags the bar closed before', () => {
  const P = '/srv/out/config.json';
  const log = new EventLog();
  log.create(1, A, P, undefined, { access: 'read' });
  log.create(2, B, P).remove(3, B, P);
  for (let t = 4; t < 40; t++) log.add(t, C, 'export.start');
  log.create(40, A, P, undefined, { access: 'write' }).remove(41, A, P);
  const { timeline, findings } = collect(log.events);
  assert.ok(findings.some((f) => f.kind === 'overlapping-path' && f.path === P), 'the analysis pairs them');
  const bars = timeline.bars.filter((b) => b.path === P);
  assert.deepEqual(bars.map((b) => [b.correlationId, b.start, b.end, b.conflict]), [['cid-a', 1, 41, true], ['cid-b', 2, 3, true]]);
});

test('one lane per process, grouped by host then pid, including processes that held nothing', () => {
  const log = new EventLog();
  log.start(0, { cid: 'x', pid: 9, host: 'zeta' }).end(1, { cid: 'x', pid: 9, host: 'zeta' });
  log.exportRun(2, { cid: 'y', pid: 30, host: 'alpha' }, '/t/y.tmp', '/t/y');
  log.exportRun(3, { cid: 'z', pid: 4, host: 'alpha' }, '/t/z.tmp', '/t/z');
  const { timeline } = collect(log.events);
  assert.deepEqual(timeline.lanes.map((l) => [l.host, l.pid, l.holds]), [['alpha', 4, 2], ['alpha', 30, 2], ['zeta', 9, 0]]);
  assert.deepEqual(new Set(timeline.bars.map((b) => timeline.lanes[b.lane]?.pid)), new Set([4, 30]));
  assert.deepEqual([timeline.start, timeline.end], [0, 7]);
});

test('failed attempts become markers with code, attempt and retry intent', () => {
  const log = new EventLog();
  log.start(0, A).create(1, A, '/w/a.tmp', '/w/a');
  log.attempt(2, A, '/w/a.tmp', '/w/a', 1).failure(3, A, '/w/a.tmp', '/w/a', 1, 'EBUSY');
  log.attempt(4, A, '/w/a.tmp', '/w/a', 2).failure(5, A, '/w/a.tmp', '/w/a', 2, 'EPERM', { willRetry: false });
  const { timeline } = collect(log.events);
  assert.deepEqual(
    timeline.markers.map((m) => [m.lane, m.time, m.errorCode, m.attempt, m.willRetry, m.path, m.correlationId]),
    [[0, 3, 'EBUSY', 1, true, '/w/a', 'cid-a'], [0, 5, 'EPERM', 2, false, '/w/a', 'cid-a']],
  );
  assert.equal(timeline.lanes[0]?.failures, 2);
  // Never renamed and no export.end: held until the logs end.
  assert.ok(timeline.bars.every((b) => b.unreleased === true && b.end === 5));
});

/** `procs` processes, each running `exports` clean exports one after another. */
function busyRun(procs: number, exports: number): EventLog {
  const log = new EventLog();
  for (let p = 0; p < procs; p++) {
    for (let i = 0; i < exports; i++) {
      log.exportRun(i * 10 + p * 0.01, { cid: `p${p}-e${i}`, pid: 1000 + p, host: `h${p % 2}` }, `/w/p${p}/e${i}.tmp`, `/out/p${p}-e${i}.csv`);
    }
  }
  return log;
}

function drawnHolds(timeline: Timeline, lane: number): number {
  const bars = timeline.bars.filter((b) => b.lane === lane).length;
  const bucketed = timeline.buckets.filter((b) => b.lane === lane).reduce((n, b) => n + b.holds, 0);
  return bars + bucketed;
}

test('a busy run is bounded: lanes past the per-lane bound are bucketed, and every hold is still counted', () => {
  const { timeline } = collect(busyRun(20, 300).events, { maxPlainBarsPerLane: 100, maxBucketsPerLane: 50 });
  assert.equal(timeline.lanes.length, 20);
  for (const [i, lane] of timeline.lanes.entries()) {
    assert.equal(lane.holds, 600, 'a temp and a target per export');
    assert.equal(lane.aggregated, true);
    assert.equal(drawnHolds(timeline, i), lane.holds, `lane ${i}: bars + bucketed holds = holds`);
    assert.ok(timeline.buckets.filter((b) => b.lane === i).length <= 50);
  }
  assert.equal(timeline.bars.length, 0, 'no conflicts, no failures: nothing drawn one by one');
  // Buckets cover the run in time order without overlapping cells.
  const lane0 = timeline.buckets.filter((b) => b.lane === 0);
  for (let i = 1; i < lane0.length; i++) assert.ok((lane0[i]?.start ?? 0) >= (lane0[i - 1]?.start ?? 0));
  assert.ok(JSON.stringify(timeline).length < 400_000, 'output stays small');
});

test('a quiet lane is drawn in full while a busy one is bucketed', () => {
  const log = busyRun(1, 50);
  log.exportRun(3, { cid: 'quiet', pid: 7 }, '/w/q.tmp', '/out/q.csv');
  const { timeline } = collect(log.events, { maxPlainBarsPerLane: 20 });
  const quiet = timeline.lanes.findIndex((l) => l.pid === 7);
  assert.equal(timeline.lanes[quiet]?.aggregated, false);
  assert.equal(timeline.bars.filter((b) => b.lane === quiet).length, 2);
  assert.equal(timeline.lanes.find((l) => l.pid === 1000)?.aggregated, true);
});

test('conflicting holds past the global bound and markers past the lane bound go to buckets, counted', () => {
  const log = new EventLog();
  for (let i = 0; i < 30; i++) {
    const a: Actor = { cid: `a${i}`, pid: 1 };
    const b: Actor = { cid: `b${i}`, pid: 2 };
    const t = i * 100;
    log.create(t, a, '/shared/x.tmp', `/out/a${i}`).create(t + 1, b, '/shared/x.tmp', `/out/b${i}`);
    log.failure(t + 2, b, '/shared/x.tmp', `/out/b${i}`, 1, i % 2 ? 'EBUSY' : 'EPERM');
    log.success(t + 3, a, '/shared/x.tmp', `/out/a${i}`).end(t + 4, a).end(t + 5, b, 'failed');
  }
  const { timeline } = collect(log.events, { maxSpecialBars: 10, maxMarkersPerLane: 4 });
  const special = timeline.bars.filter((b) => b.conflict || b.failed);
  assert.equal(special.length, 10);
  const conflicting = 30 * 2;
  const drawnConflicts = timeline.bars.filter((b) => b.conflict).length;
  const bucketConflicts = timeline.buckets.reduce((n, b) => n + b.conflicts, 0);
  assert.equal(drawnConflicts + bucketConflicts, conflicting);
  assert.equal(timeline.markers.length, 4);
  const bucketFailures = timeline.buckets.reduce((n, b) => n + b.failures, 0);
  assert.equal(bucketFailures, 26);
  const codes: Record<string, number> = {};
  for (const b of timeline.buckets) for (const [code, n] of Object.entries(b.errorCodes ?? {})) codes[code] = (codes[code] ?? 0) + n;
  assert.equal((codes['EBUSY'] ?? 0) + (codes['EPERM'] ?? 0), 26);
  for (const [i, lane] of timeline.lanes.entries()) assert.equal(drawnHolds(timeline, i), lane.holds);
});

test('many quiet lanes together are bounded too: the busiest are bucketed first', () => {
  const log = busyRun(6, 10);
  log.exportRun(500, { cid: 'extra', pid: 1003, host: 'h1' }, '/w/extra.tmp', '/out/extra.csv');
  const { timeline } = collect(log.events, { maxPlainBarsPerLane: 100, maxPlainBars: 100 });
  const plain = timeline.bars.length;
  assert.ok(plain <= 100, `${plain} bars`);
  assert.deepEqual(timeline.lanes.filter((l) => l.aggregated).map((l) => l.pid), [1003], 'the one lane with most holds');
  for (const [i, lane] of timeline.lanes.entries()) assert.equal(drawnHolds(timeline, i), lane.holds);
});

test('processes beyond the lane bound are counted, not drawn', () => {
  const { timeline } = collect(busyRun(5, 2).events, { maxLanes: 3 });
  assert.equal(timeline.lanes.length, 3);
  assert.deepEqual(timeline.omitted, { lanes: 2, holds: 8 });
});

test('the timeline is the same for the same events, and a report carrying it passes the strict schema', () => {
  const events = sharedTempRun().events;
  const first = collect(events);
  assert.deepEqual(collect(events).timeline, first.timeline);
  const report = makeReport({ findings: first.findings, timeline: first.timeline });
  report.summary.findings = {};
  for (const f of first.findings) report.summary.findings[f.kind] = (report.summary.findings[f.kind] ?? 0) + 1;
  const result = validateReport(JSON.parse(JSON.stringify(report)));
  assert.equal(result.valid, true, result.errors);
  const extra = JSON.parse(JSON.stringify(report));
  extra.timeline.bars[0].colour = 'red';
  assert.equal(validateReport(extra).valid, false, 'timeline objects are closed too');
});

test('an empty stream gives an empty timeline', () => {
  const { timeline } = collect([]);
  assert.deepEqual(timeline, { start: 0, end: 0, lanes: [], bars: [], buckets: [], markers: [], conflicts: [], storms: [] });
});

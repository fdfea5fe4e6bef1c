import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/analyze/analysis.js';
import { createAnalysis } from '../../src/analyze/analyzer.js';
import { DETECTORS, type Detector } from '../../src/analyze/detectors/index.js';
import { validateReport } from '../../src/schema/validators.js';
import type { Report } from '../../src/types.js';
import { analyze, EventLog, type Actor } from '../helpers/event-log.js';

const A = { cid: 'export-a', pid: 101 };
const B = { cid: 'export-b', pid: 202, host: 'host-2' };
const C = { cid: 'export-c', pid: 303 };

/** A naive run: A and B share a temp and a target, B's rename steals A's temp, C is clean. */
function naive(): EventLog {
  return new EventLog()
    .start(0, A).create(1, A, '/out/x.tmp', '/out/x.csv')
    .start(1, B).create(2, B, '/out/x.tmp', '/out/x.csv')
    .attempt(3, B, '/out/x.tmp', '/out/x.csv').success(3.5, B, '/out/x.tmp', '/out/x.csv').end(4, B)
    .attempt(5, A, '/out/x.tmp', '/out/x.csv')
    .failure(5.5, A, '/out/x.tmp', '/out/x.csv', 1, 'ENOENT', { willRetry: false })
    .end(6, A, 'failed')
    .exportRun(20, C, '/out/.c/1.tmp', '/out/c.csv')
    .start(30, { cid: 'export-d', pid: 404 });
}

test('findings are sorted by severity, start, kind and path', () => {
  const { findings } = analyze(naive().events);
  assert.deepEqual(
    findings.map((f) => [f.severity, f.kind, f.path]),
    [
      ['error', 'overlapping-path', '/out/x.csv'],
      ['error', 'overlapping-path', '/out/x.tmp'],
      ['error', 'failed-rename', '/out/x.csv'],
      ['warning', 'reused-temp-path', '/out/x.tmp'],
      ['warning', 'incomplete-export', undefined],
    ],
  );
});

test('summary and exports describe every export with its status and finding count', () => {
  const result = analyze(naive().events);
  assert.deepEqual(result.summary, {
    events: 16,
    exports: 4,
    processes: 4,
    start: 0,
    end: 30,
    findings: { 'failed-rename': 1, 'incomplete-export': 1, 'overlapping-path': 2, 'reused-temp-path': 1 },
  });
  assert.equal(result.exportsOmitted, 0);
  assert.deepEqual(
    result.exports.map((e) => [e.correlationId, e.status, e.pids, e.hosts, e.start, e.end, e.events, e.findings]),
    [
      ['export-a', 'failed', [101], ['host-1'], 0, 6, 5, 4],
      ['export-b', 'ok', [202], ['host-2'], 1, 4, 5, 3],
      ['export-c', 'ok', [303], ['host-1'], 20, 24, 5, 0],
      ['export-d', 'incomplete', [404], ['host-1'], 30, 30, 1, 1],
    ],
  );
});

test('exports are bounded: findings first, then failed, then earliest', () => {
  const log = naive();
  for (let i = 0; i < 30; i++) log.exportRun(100 + i * 10, { cid: `clean-${String(i).padStart(2, '0')}`, pid: 1000 + i }, `/u/${i}.tmp`, `/u/${i}`);
  log.start(500, { cid: 'failed-1', pid: 7 }).end(501, { cid: 'failed-1', pid: 7 }, 'failed');
  const result = analyze(log.events, { maxExports: 5 });
  assert.equal(result.summary.exports, 35);
  assert.equal(result.exportsOmitted, 30);
  // Kept: the three named by findings, the failed one, then the earliest clean one; listed by start.
  assert.deepEqual(result.exports.map((e) => e.correlationId), ['export-a', 'export-b', 'export-c', 'export-d', 'failed-1']);
});

test('exports stay bounded while streaming many ended exports', () => {
  const log = new EventLog();
  for (let i = 0; i < 500; i++) log.exportRun(i * 10, { cid: `e${i}`, pid: i % 7 }, `/t/${i}`, `/o/${i}`);
  const result = analyze(log.events, { maxExports: 10 });
  assert.equal(result.summary.exports, 500);
  assert.equal(result.exports.length, 10);
  assert.equal(result.exportsOmitted, 490);
  assert.deepEqual(result.exports.map((e) => e.correlationId), ['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9']);
  assert.equal(result.summary.processes, 7);
});

test("a story interleaves the export's events with other exports' events on the same paths", () => {
  const result = analyze(naive().events, { correlationId: 'export-a' });
  assert.deepEqual(
    result.story?.events.map((e) => [e.time, e.correlationId, e.event, e.own]),
    [
      [0, 'export-a', 'export.start', true],
      [1, 'export-a', 'temp.create', true],
      [2, 'export-b', 'temp.create', false],
      [3, 'export-b', 'rename.attempt', false],
      [3.5, 'export-b', 'rename.success', false],
      [5, 'export-a', 'rename.attempt', true],
      [5.5, 'export-a', 'rename.failure', true],
      [6, 'export-a', 'export.end', true],
    ],
  );
  assert.equal(result.story?.correlationId, 'export-a');
});

test('a story includes events of an export that held the path before the story began', () => {
  const result = analyze(naive().events, { correlationId: 'export-b' });
  const others = result.story?.events.filter((e) => !e.own).map((e) => [e.time, e.event]);
  // A created the temp at 1, before B (at 2); A's later rename is after B let go.
  assert.deepEqual(others, [[1, 'temp.create']]);
  assert.equal(analyze(naive().events).story, undefined);
});

test('the result validates against the report schema and is deterministic', () => {
  const events = naive().events;
  const first = analyze(events, { correlationId: 'export-a' });
  assert.deepEqual(analyze(events, { correlationId: 'export-a' }), first);
  const report: Report = {
    tool: { name: 'racetrace', version: '0.0.0' },
    inputs: [{ name: 'test.ndjson', lines: 16, events: 16, other: 0, invalid: 0, late: 0 }],
    summary: first.summary,
    exports: first.exports,
    findings: first.findings,
    diagnostics: [],
    ...(first.story ? { story: first.story } : {}),
  };
  const { valid, errors } = validateReport(JSON.parse(JSON.stringify(report)));
  assert.equal(valid, true, errors);
});

test('per-path state is dropped once no export holds the path, before the stream ends', () => {
  const dropped: [string, number][] = [];
  let now = 0;
  const probe: Detector = {
    kind: 'probe',
    severity: 'info',
    description: 'records when paths are dropped',
    create: () => ({
      event: (_e, time) => {
        now = time;
      },
      pathDropped: (path) => {
        dropped.push([path, now]);
      },
      finish: () => [],
    }),
  };
  const log = new EventLog().exportRun(0, A, '/t/a', '/o/a').exportRun(10, C, '/t/c', '/o/c');
  analyze(log.events, {}, [...DETECTORS, probe]);
  // Dropped when the next event comes at a later time than the close (equal times still overlap).
  assert.deepEqual(dropped, [['/t/a', 3], ['/o/a', 3], ['/t/c', 13], ['/o/c', 13]]);
});

test('late events (earlier than the stream clock) do not move time backwards', () => {
  const log = new EventLog().create(10, A, '/p').remove(12, A, '/p');
  log.add(5, B as Actor, 'temp.create', { tempPath: '/p' });
  const analysis = createAnalysis(DEFAULT_ANALYSIS_OPTIONS);
  for (const e of log.events) analysis.event(e);
  const result = analysis.finish();
  // B's late create is placed at time 12, when A let go: an overlap at the instant 12.
  const f = result.findings.find((x) => x.kind === 'overlapping-path');
  assert.deepEqual([f?.start, f?.end], [12, 12]);
});

test('thousands of exports that never end do not stop an open export from letting go at its end', () => {
  // The trackers keep an export's emptied lists until export.end and sweep them once there are
  // many: a sweep must drop only empty ones. A holds its temp across 3,000 exports that finish
  // their renames but never log export.end; then A ends, and C creates the same temp after that.
  const log = new EventLog().create(0, A, '/t/a.tmp', '/out/a.csv').attempt(0.5, A, '/t/a.tmp', '/out/a.csv');
  for (let i = 0; i < 3000; i++) {
    const who = { cid: `quiet-${i}`, pid: 1000 + i };
    log.create(1 + i, who, `/t/q${i}.tmp`, `/out/q${i}.csv`).success(1 + i, who, `/t/q${i}.tmp`, `/out/q${i}.csv`);
  }
  log.end(4000, A, 'failed').create(4001, C, '/t/a.tmp', '/out/c.csv').success(4002, C, '/t/a.tmp', '/out/c.csv');
  const result = analyze(log.events);
  assert.deepEqual(result.findings.filter((f) => f.kind === 'overlapping-path'), []);
  // One after the other, not at once: A let go at its end.
  const reused = result.findings.filter((f) => f.kind === 'reused-temp-path');
  assert.deepEqual(reused.map((f) => f.correlationIds), [['export-a', 'export-c']]);
});

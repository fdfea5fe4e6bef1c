import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HINTS } from '../../src/analyze/hints.js';
import { analyze, EventLog, findingsOf, onlyFinding } from '../helpers/event-log.js';

const A = { cid: 'export-a', pid: 101 };
const B = { cid: 'export-b', pid: 202 };
const C = { cid: 'export-c', pid: 303 };

test('two exports with distinct temps and targets do not overlap', () => {
  const log = new EventLog().exportRun(0, A, '/out/.a.tmp', '/out/a.csv').exportRun(1, B, '/out/.b.tmp', '/out/b.csv');
  assert.deepEqual(findingsOf(analyze(log.events), 'overlapping-path'), []);
});

test('a shared temp held at overlapping times is one finding with both exports', () => {
  const log = new EventLog()
    .exportRun(0, A, '/out/report.tmp', '/out/a.csv')
    .exportRun(2, B, '/out/report.tmp', '/out/b.csv');
  const f = onlyFinding(analyze(log.events), 'overlapping-path');
  assert.equal(f.severity, 'error');
  assert.equal(f.path, '/out/report.tmp');
  assert.equal(f.role, 'temp');
  assert.deepEqual(f.pids, [101, 202]);
  assert.deepEqual(f.correlationIds, ['export-a', 'export-b']);
  assert.deepEqual(f.hosts, ['host-1']);
  // A holds [1, 3] (create to rename), B holds [3, 5]: they share the instant 3.
  assert.equal(f.start, 3);
  assert.equal(f.end, 3);
  assert.equal(f.count, 2);
  assert.equal(f.hint, HINTS.sharedTemp);
  assert.match(f.message, /2 exports held temp path \/out\/report\.tmp/);
  assert.ok(f.evidence && f.evidence.length > 0 && f.evidence.every((e) => e.input === 'test.ndjson'));
});

test('equal times count as overlapping, a later instant does not', () => {
  const touching = new EventLog()
    .create(1, A, '/t/x.tmp').success(5, A, '/t/x.tmp', '/t/a')
    .create(5, B, '/t/x.tmp').success(9, B, '/t/x.tmp', '/t/b');
  const f = onlyFinding(analyze(touching.events), 'overlapping-path');
  assert.equal(f.start, 5);
  assert.equal(f.end, 5);

  const apart = new EventLog()
    .create(1, A, '/t/x.tmp').success(5, A, '/t/x.tmp', '/t/a')
    .create(5.001, B, '/t/x.tmp').success(9, B, '/t/x.tmp', '/t/b');
  assert.deepEqual(findingsOf(analyze(apart.events), 'overlapping-path'), []);
});

test('a shared target overlaps as role target with the serialise hint', () => {
  const log = new EventLog()
    .create(0, A, '/w/a.tmp', '/out/sales.csv')
    .create(1, B, '/w/b.tmp', '/out/sales.csv')
    .success(2, A, '/w/a.tmp', '/out/sales.csv')
    .success(3, B, '/w/b.tmp', '/out/sales.csv');
  const f = onlyFinding(analyze(log.events), 'overlapping-path');
  assert.equal(f.role, 'target');
  assert.equal(f.path, '/out/sales.csv');
  assert.deepEqual([f.start, f.end], [1, 2]);
  assert.equal(f.hint, HINTS.sharedTarget);
});

test('overlapping conflict intervals on one path merge into one window', () => {
  // A [0,10], B [5,15], C [12,20]: A-B shares [5,10] and B-C [12,15], two disjoint windows;
  // D [9,13] overlaps both, which bridges them into one.
  const base = new EventLog()
    .create(0, A, '/p').remove(10, A, '/p')
    .create(5, B, '/p').remove(15, B, '/p')
    .create(12, C, '/p').remove(20, C, '/p');
  const two = findingsOf(analyze(base.events), 'overlapping-path');
  assert.deepEqual(two.map((f) => [f.start, f.end, f.count]), [[5, 10, 2], [12, 15, 2]]);

  const D = { cid: 'export-d', pid: 404 };
  base.create(9, D, '/p').remove(13, D, '/p');
  const one = onlyFinding(analyze(base.events), 'overlapping-path');
  assert.deepEqual([one.start, one.end, one.count], [5, 15, 4]);
  assert.deepEqual(one.pids, [101, 202, 303, 404]);
});

test('the same export mentioning a path twice is not an overlap with itself', () => {
  const A2 = { cid: 'export-a', pid: 102 };
  const log = new EventLog().create(0, A, '/p.tmp', '/t').attempt(1, A2, '/p.tmp', '/t').success(2, A2, '/p.tmp', '/t');
  assert.deepEqual(findingsOf(analyze(log.events), 'overlapping-path'), []);
});

test('reads alone never conflict; read-modify-replace on one target does', () => {
  const reads = new EventLog()
    .create(0, A, '/etc/conf', undefined, { access: 'read' })
    .create(1, B, '/etc/conf', undefined, { access: 'read' })
    .end(5, A).end(6, B);
  assert.deepEqual(findingsOf(analyze(reads.events), 'overlapping-path'), []);

  // Two `sed -i` style jobs: each reads the file, then renames its own temp over it.
  const sed = new EventLog()
    .attempt(0, A, '/w/sedA', '/data/f', 1, { access: 'read' })
    .attempt(1, B, '/w/sedB', '/data/f', 1, { access: 'read' })
    .success(2, A, '/w/sedA', '/data/f')
    .success(3, B, '/w/sedB', '/data/f');
  const f = onlyFinding(analyze(sed.events), 'overlapping-path');
  assert.equal(f.path, '/data/f');
  assert.equal(f.role, 'target');
  assert.deepEqual([f.start, f.end], [1, 2]);
});

test('a reader that later writes conflicts with a writer that let go while it was reading', () => {
  const log = new EventLog()
    .attempt(0, A, '/w/a', '/data/f', 1, { access: 'read' })
    .create(1, B, '/data/f')
    .remove(2, B, '/data/f')
    .success(10, A, '/w/a', '/data/f');
  const f = onlyFinding(analyze(log.events), 'overlapping-path');
  assert.deepEqual([f.start, f.end], [1, 2]);
  assert.deepEqual(f.correlationIds, ['export-a', 'export-b']);
});

test('evidence is bounded by maxEvidence', () => {
  const log = new EventLog();
  for (let i = 0; i < 20; i++) log.create(i, { cid: `e${i}`, pid: i }, '/shared.tmp').remove(i + 2, { cid: `e${i}`, pid: i }, '/shared.tmp');
  const f = onlyFinding(analyze(log.events, { maxEvidence: 3 }), 'overlapping-path');
  assert.equal(f.evidence?.length, 3);
  assert.equal(f.count, 20);
});

test('holds still open at the end of the stream close at the last event time', () => {
  const log = new EventLog().create(0, A, '/p.tmp').create(4, B, '/p.tmp').start(9, C);
  const f = onlyFinding(analyze(log.events), 'overlapping-path');
  assert.deepEqual([f.start, f.end], [4, 9]);
});

/** A crowd: `n` exports that all hold one target, each from its own start to its own end. */
function crowdLog(spans: readonly (readonly [number, number])[]): EventLog {
  const log = new EventLog();
  spans.forEach(([start, end], i) => {
    const who = { cid: `crowd-${String(i).padStart(5, '0')}`, pid: 1000 + i };
    log.create(start, who, `/out/.crowd-${i}.tmp`, '/out/latest.csv').success(end, who, `/out/.crowd-${i}.tmp`, '/out/latest.csv');
  });
  return log;
}

/** The windows of time two or more spans share (closed intervals), each with the spans in it. */
function expectedWindows(spans: readonly (readonly [number, number])[]): { start: number; end: number; count: number }[] {
  const shared: { start: number; end: number; members: number[] }[] = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const [a0, a1] = spans[i] as readonly [number, number];
      const [b0, b1] = spans[j] as readonly [number, number];
      const start = Math.max(a0, b0);
      const end = Math.min(a1, b1);
      if (start <= end) shared.push({ start, end, members: [i, j] });
    }
  }
  shared.sort((a, b) => a.start - b.start);
  const windows: { start: number; end: number; members: Set<number> }[] = [];
  for (const s of shared) {
    const last = windows[windows.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      for (const m of s.members) last.members.add(m);
    } else {
      windows.push({ start: s.start, end: s.end, members: new Set(s.members) });
    }
  }
  return windows.map((w) => ({ start: w.start, end: w.end, count: w.members.size }));
}

test('a crowd of 1,500 exports on one target is one finding that counts each export once', () => {
  // All open before any closes: past the 1,000 listed, the rest must still be counted once each.
  const n = 1500;
  const spans = Array.from({ length: n }, (_, i) => [i, n + i] as const);
  const f = onlyFinding(analyze(crowdLog(spans).events), 'overlapping-path');
  assert.equal(f.count, n);
  assert.match(f.message, /^1500 exports held target path \/out\/latest\.csv/);
  assert.deepEqual([f.start, f.end], [1, 2 * n - 2]);
  assert.equal(f.correlationIds?.length, 100);
});

test('crowds that come and go give the windows and counts of every pair, computed the slow way', () => {
  // Seeded: three crowds of 60 to 160 exports (up to about 70 at once, past the tracker's
  // indexing threshold) with gaps between them, integer times so that some holds touch.
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 5; round++) {
    const spans: [number, number][] = [];
    let base = 0;
    for (let crowd = 0; crowd < 3; crowd++) {
      const size = 60 + Math.floor(random() * 100);
      for (let i = 0; i < size; i++) {
        const start = base + Math.floor(random() * 100);
        spans.push([start, start + 1 + Math.floor(random() * 80)]);
      }
      base += 300;
    }
    const found = findingsOf(analyze(crowdLog(spans).events), 'overlapping-path')
      .map((f) => ({ start: f.start, end: f.end, count: f.count }))
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    assert.deepEqual(found, expectedWindows(spans), `round ${round}`);
  }
});

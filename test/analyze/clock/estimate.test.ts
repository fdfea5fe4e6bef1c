import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consensus } from '../../../src/analyze/clock/consensus.js';
import { between, solveDifferences } from '../../../src/analyze/clock/solve.js';
import { createClockCollector } from '../../../src/analyze/clock/index.js';
import type { TraceEvent } from '../../../src/types.js';

test('consensus: the intersection when all agree, the majority when one disagrees', () => {
  assert.deepEqual(consensus([{ lo: 0, hi: 10 }, { lo: 2, hi: 12 }, { lo: -Infinity, hi: 8 }]),
    { lo: 2, hi: 8, kept: [0, 1, 2], contradictions: 0 });
  const outvoted = consensus([{ lo: 0, hi: 10 }, { lo: 2, hi: 12 }, { lo: 20, hi: 30 }]);
  assert.deepEqual(outvoted, { lo: 2, hi: 10, kept: [0, 1], contradictions: 1 });
  assert.equal(consensus([]), undefined);
});

test('solveDifferences chains bounds through hosts and drops the weakest side of a contradicting cycle', () => {
  // b - a in [1, 3], c - b in [10, 12]: so c - a in [11, 15].
  const chained = solveDifferences(3, [{ a: 0, b: 1, lo: 1, hi: 3, weight: 5 }, { a: 1, b: 2, lo: 10, hi: 12, weight: 5 }]);
  assert.deepEqual(between(chained, 0, 2), { lo: 11, hi: 15 });
  assert.deepEqual(chained.dropped, []);
  // And c - a in [-5, -4] contradicts them; it has the least support, so it goes.
  const cycle = solveDifferences(3, [
    { a: 0, b: 1, lo: 1, hi: 3, weight: 5 }, { a: 1, b: 2, lo: 10, hi: 12, weight: 5 }, { a: 0, b: 2, lo: -5, hi: -4, weight: 1 },
  ]);
  assert.equal(cycle.dropped.length, 1);
  assert.equal(cycle.dropped[0]?.weight, 1);
  assert.deepEqual(between(cycle, 0, 2), { lo: 11, hi: 15 });
});

/** A rename race on one temp: `mover` renames it away, `loser` then fails with ENOENT. */
function race(base: number, mover: { host: string; pid: number; skew: number }, loser: { host: string; pid: number; skew: number }): TraceEvent[] {
  const temp = '/share/tmp/report.csv.tmp';
  const ev = (who: typeof mover, at: number, event: TraceEvent['event'], extra: Partial<TraceEvent> = {}): TraceEvent => ({
    time: at + who.skew, host: who.host, pid: who.pid, seq: 0, event, correlationId: `${who.host}-${who.pid}-${base}`,
    tempPath: temp, targetPath: `/share/out/${who.host}-${who.pid}.csv`, source: { input: who.host, line: 1 }, ...extra,
  });
  return [
    ev(loser, base, 'export.start'),
    ev(loser, base + 1, 'temp.create'),
    ev(mover, base + 4, 'rename.attempt', { attempt: 1 }),
    ev(mover, base + 6, 'rename.success', { attempt: 1 }),
    ev(loser, base + 9, 'rename.attempt', { attempt: 1 }),
    ev(loser, base + 10, 'rename.failure', { attempt: 1, errorCode: 'ENOENT', willRetry: false }),
  ];
}

function collect(skewB: number) {
  const a = { host: 'host-a', pid: 1, skew: 0 };
  const b = { host: 'host-b', pid: 2, skew: skewB };
  // Three cross-host races both ways, and one between two processes of host-a (no clock news).
  const events = [...race(1000, a, b), ...race(2000, b, a), ...race(3000, a, b), ...race(4000, a, { ...a, pid: 3 })]
    .sort((x, y) => x.time - y.time);
  const collector = createClockCollector();
  for (const e of events) collector.event(e);
  return collector.finish();
}

test('two hosts racing both ways: the interval holds the true offset; impossible order is a finding', () => {
  const { clock, findings } = collect(20);
  assert.ok(clock);
  assert.equal(clock.reference, 'host-a');
  const hostB = clock.hosts.find((h) => h.host === 'host-b');
  // Each race bounds b - a to [14, 26] (its window starts 14 ms after the move, ends 26 ms after).
  assert.deepEqual([hostB?.minMs, hostB?.offsetMs, hostB?.maxMs], [14, 20, 26]);
  assert.equal(clock.pairs, 3);
  // At +20 ms every race shows the loser creating its temp after the other host already moved it.
  assert.equal(clock.violations, 3);
  assert.equal(findings[0]?.kind, 'clock-skew');
  assert.deepEqual(findings[0]?.hosts, ['host-a', 'host-b']);
  assert.match(findings[0]?.hint ?? '', /--skew host-b=-20\.0ms/);
});

test('a small offset inside the race windows: no violation, no finding, the interval still holds it', () => {
  const { clock, findings } = collect(2);
  const hostB = clock?.hosts.find((h) => h.host === 'host-b');
  assert.ok(hostB?.minMs !== undefined && hostB.maxMs !== undefined && hostB.minMs <= 2 && 2 <= hostB.maxMs);
  assert.equal(clock?.violations, 0);
  assert.deepEqual(findings, []);
});

test('one host: no clock section', () => {
  const collector = createClockCollector();
  for (const e of race(1000, { host: 'h', pid: 1, skew: 0 }, { host: 'h', pid: 2, skew: 0 })) collector.event(e);
  assert.deepEqual(collector.finish(), { findings: [] });
});

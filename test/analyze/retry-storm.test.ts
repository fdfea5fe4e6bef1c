import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HINTS } from '../../src/analyze/hints.js';
import { analyze, EventLog, findingsOf, onlyFinding, type Actor } from '../helpers/event-log.js';

const actors: Actor[] = [1, 2, 3, 4, 5].map((n) => ({ cid: `export-${n}`, pid: 100 + n }));

/** Each of 5 processes fails its rename `rounds` times, waiting `delay(actor, round)` between. */
function storm(rounds: number, delay: (i: number, round: number) => number, start = 0): EventLog {
  const log = new EventLog();
  actors.forEach((a, i) => {
    let t = start + i * 0.1;
    for (let r = 1; r <= rounds; r++) {
      const d = delay(i, r);
      log.failure(t, a, `/w/${a.cid}.tmp`, '/out/shared.csv', r, 'EBUSY', { delayMs: d });
      t += d;
    }
  });
  return log;
}

test('10 retried failures within the window from processes waiting the same delays', () => {
  const log = storm(2, (_i, r) => 10 * 2 ** r);
  const f = onlyFinding(analyze(log.events), 'retry-storm');
  assert.equal(f.severity, 'warning');
  assert.equal(f.count, 10);
  assert.deepEqual(f.pids, [101, 102, 103, 104, 105]);
  assert.equal(f.identicalDelays, true);
  assert.equal(f.hint, HINTS.noJitter);
  assert.equal(f.path, '/out/shared.csv');
  assert.equal(f.start, 0);
  assert.equal(f.end, 20.4);
});

test('the same storm with jittered delays reports identicalDelays false', () => {
  const log = storm(2, (i, r) => 10 * 2 ** r * (0.31 + 0.13 * i));
  const f = onlyFinding(analyze(log.events), 'retry-storm');
  assert.equal(f.identicalDelays, false);
  assert.equal(f.hint, HINTS.storm);
});

test('fewer retried failures than the threshold within any window is no storm', () => {
  const log = storm(2, () => 10);
  assert.deepEqual(findingsOf(analyze(log.events, { stormThreshold: 11 }), 'retry-storm'), []);
  // The same 10 failures spread over 10 s never put 10 into one 1 s window.
  const spread = new EventLog();
  for (let i = 0; i < 10; i++) spread.failure(i * 1000, actors[i % 5] as Actor, `/w/${i}`, '/o', 1, 'EBUSY');
  assert.deepEqual(findingsOf(analyze(spread.events), 'retry-storm'), []);
});

test('failures that will not be retried do not count towards a storm', () => {
  const log = new EventLog();
  for (let i = 0; i < 12; i++) log.failure(i, actors[i % 5] as Actor, `/w/${i}`, '/o', 1, 'EBUSY', { willRetry: false });
  assert.deepEqual(findingsOf(analyze(log.events), 'retry-storm'), []);
});

test('one finding per maximal storm window, not one per event', () => {
  const log = storm(4, () => 10);
  log.events.push(...storm(4, () => 10, 10_000).events.map((e) => ({ ...e, source: { ...e.source, line: e.source.line + 100 } })));
  const found = findingsOf(analyze(log.events, { stormAttempts: 100 }), 'retry-storm');
  assert.deepEqual(found.map((f) => [f.start, f.count]), [[0, 20], [10_000, 20]]);
});

test('a rename with 8 attempts is a storm on its own; 7 is not', () => {
  const a = actors[0] as Actor;
  const make = (n: number): EventLog => {
    const log = new EventLog().create(0, a, '/t', '/x');
    for (let i = 1; i < n; i++) log.failure(i * 100, a, '/t', '/x', i, 'EBUSY', { delayMs: 100 });
    return log.success(n * 100, a, '/t', '/x', n).end(n * 100 + 1, a);
  };
  const f = onlyFinding(analyze(make(8).events), 'retry-storm');
  assert.equal(f.attempts, 8);
  assert.equal(f.count, 7);
  assert.deepEqual(f.correlationIds, ['export-1']);
  assert.equal(f.hint, HINTS.longRetry);
  assert.match(f.message, /made 8 attempts to rename \/t to \/x before it succeeded/);
  assert.deepEqual(findingsOf(analyze(make(7).events), 'retry-storm'), []);
});

test('without willRetry a failure counts as retried when the same paths are tried again (strace)', () => {
  const job = { cid: 'job-1', pid: 500 };
  const log = new EventLog();
  for (let i = 0; i < 11; i++) {
    log.failure(i * 10, { ...job, pid: 500 + i }, '/tmp/a', '/tmp/b', 1, 'EBUSY', { willRetry: undefined, delayMs: undefined });
  }
  const f = onlyFinding(analyze(log.events, { stormAttempts: 100 }), 'retry-storm');
  // The 11th failure is never retried within the stream.
  assert.equal(f.count, 10);
  assert.equal(f.identicalDelays, undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Action } from '../../samples/exporter/action.js';
import { runExporters } from '../../samples/exporter/spawn.js';
import { readAllEvents, scratchDir, type Line } from '../helpers/events.js';
import { assertFolderHolds, leftovers, ofKind, wrongOutputs } from '../helpers/exporter.js';

// RACETRACE_FAULTS makes real exporter processes meet EBUSY/EPERM/ENOENT on rename, as they
// would on Windows with antivirus; small retry budgets keep the runs short.

const manySheets: Action = {
  report: 'faults',
  sheets: Array.from({ length: 8 }, (_, i) => ({ name: `s${i + 1}`, rows: 100 })),
};
const quickRetry = { baseDelayMs: 2, maxDelayMs: 50 };

/** The failures of each rename (one temp), in attempt order. */
function failuresByTemp(events: readonly Line[]): Line[][] {
  const byTemp = new Map<unknown, Line[]>();
  for (const failure of ofKind(events, 'rename.failure')) {
    byTemp.set(failure['tempPath'], [...(byTemp.get(failure['tempPath']) ?? []), failure]);
  }
  return [...byTemp.values()];
}

test('30% transient EBUSY: every export succeeds, retries wait growing, jittered delays', { timeout: 120_000 }, async (t) => {
  // A rename needing two retries in a row is 9% likely; three batches of 40 renames make
  // missing it in all of them about 1 in 100,000.
  let multiRetry = false;
  const delays: number[] = [];
  for (let batch = 1; batch <= 3 && !multiRetry; batch++) {
    const dir = await scratchDir(t);
    const out = join(dir, 'out');
    const result = await runExporters({
      procs: 5, mode: 'safe', out, logDir: join(dir, 'logs'), action: manySheets, faults: 'rename=EBUSY:0.3', retry: quickRetry,
    });
    assert.deepEqual(result.exitCodes, [0, 0, 0, 0, 0], result.stderr.join(''));
    assert.deepEqual(await wrongOutputs(result, manySheets), []);
    assert.deepEqual(await leftovers(out), []);
    await assertFolderHolds(out, result.outputs);

    const events = await readAllEvents(result.logs);
    assert.ok(ofKind(events, 'rename.failure').length > 0, '30% EBUSY over 40 renames produced no failure');
    for (const failures of failuresByTemp(events)) {
      const ceilings = failures.map((f) => Number(f['backoffCeilingMs']));
      failures.forEach((failure, i) => {
        assert.equal(failure['errorCode'], 'EBUSY');
        assert.equal(failure['willRetry'], true);
        assert.equal(failure['attempt'], i + 1);
        assert.equal(ceilings[i], Math.min(quickRetry.maxDelayMs, quickRetry.baseDelayMs * 2 ** i), 'the ceiling doubles per retry');
        assert.ok(Number(failure['delayMs']) >= 0 && Number(failure['delayMs']) <= ceilings[i]!, 'full jitter stays under the ceiling');
        delays.push(Number(failure['delayMs']));
      });
      if (failures.length >= 2) multiRetry = true;
    }
  }
  assert.ok(multiRetry, 'no rename needed two retries in a row, so growth could not be seen');
  assert.ok(new Set(delays).size > delays.length / 2, `delays look unjittered: ${delays.join(', ')}`);
});

test('a permanent EPERM: the export fails after its budget, naming attempts, time and codes', { timeout: 120_000 }, async (t) => {
  const dir = await scratchDir(t);
  const out = join(dir, 'out');
  const result = await runExporters({
    procs: 2, mode: 'safe', out, logDir: join(dir, 'logs'), action: manySheets, faults: 'rename=EPERM:1',
    retry: { ...quickRetry, budgetMs: 120, maxAttempts: 1000 },
  });
  assert.deepEqual(result.exitCodes, [1, 1]);
  for (const [i, log] of result.logs.entries()) {
    const events = await readAllEvents([log]);
    const failures = ofKind(events, 'rename.failure');
    const attempts = failures.length;
    assert.ok(attempts > 1, 'EPERM is retried');
    assert.deepEqual(failures.map((f) => f['willRetry']), [...Array(attempts - 1).fill(true), false]);
    const stderr = result.stderr[i] ?? '';
    assert.match(stderr, new RegExp(`failed after ${attempts} attempts over \\d+ ms \\(EPERM x${attempts}\\)`));
    assert.equal(stderr.trim().split('\n').length, 1, 'one line on stderr');
    assert.equal(ofKind(events, 'export.end')[0]?.['status'], 'failed');
    assert.equal(ofKind(events, 'temp.delete').length, 1, 'the stuck temp is cleaned up with the work folder');
  }
  assert.deepEqual(await leftovers(out), []);
  await assertFolderHolds(out, []);
});

test('maxAttempts bounds the retries when the budget would allow more', { timeout: 120_000 }, async (t) => {
  const dir = await scratchDir(t);
  const result = await runExporters({
    procs: 1, mode: 'safe', out: join(dir, 'out'), logDir: join(dir, 'logs'), action: manySheets, faults: 'rename=EACCES:1',
    retry: { ...quickRetry, maxAttempts: 3 },
  });
  assert.deepEqual(result.exitCodes, [1]);
  assert.match(result.stderr[0] ?? '', /failed after 3 attempts over \d+ ms \(EACCES x3\)/);
});

for (const mode of ['safe', 'naive'] as const) {
  test(`${mode} mode: ENOENT on rename is not retried`, { timeout: 120_000 }, async (t) => {
    const dir = await scratchDir(t);
    const result = await runExporters({
      procs: 2, mode, out: join(dir, 'out'), logDir: join(dir, 'logs'), tempDir: join(dir, 'tmp'), action: manySheets,
      faults: 'rename=ENOENT:1', retry: quickRetry,
    });
    assert.deepEqual(result.exitCodes, [1, 1]);
    const events = await readAllEvents(result.logs);
    assert.equal(ofKind(events, 'rename.attempt').length, 2, 'one attempt per process');
    assert.deepEqual(ofKind(events, 'rename.failure').map((f) => [f['errorCode'], f['willRetry']]), [['ENOENT', false], ['ENOENT', false]]);
    if (mode === 'safe') assert.match(result.stderr[0] ?? '', /after 1 attempt over \d+ ms \(ENOENT x1\); the temp file is gone/);
  });
}

test('naive mode has no retry: one injected EBUSY fails the export', { timeout: 120_000 }, async (t) => {
  const dir = await scratchDir(t);
  const result = await runExporters({
    procs: 1, mode: 'naive', out: join(dir, 'out'), logDir: join(dir, 'logs'), tempDir: join(dir, 'tmp'), action: manySheets,
    faults: 'rename=EBUSY:1',
  });
  assert.deepEqual(result.exitCodes, [1]);
  const events = await readAllEvents(result.logs);
  assert.deepEqual(ofKind(events, 'rename.failure').map((f) => f['attempt']), [1]);
  assert.match(result.stderr[0] ?? '', /EBUSY: resource busy or locked, rename/);
});

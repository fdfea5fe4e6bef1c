import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { createTracer } from '../../src/instrument/tracer.js';
import { atomicWrite, moveIntoPlace } from '../../src/instrument/atomic-move.js';
import { RacetraceError } from '../../src/errors.js';
import { memorySink, scratchDir } from '../helpers/events.js';
import { fakeClock, scriptedRandom, scriptedRenameFs } from '../helpers/fake-fs.js';

function recorder() {
  const sink = memorySink();
  const tracer = createTracer({ logger: pino({}, sink), strict: true, correlationId: 'test-move' });
  const of = (event: string) => sink.lines.filter((line) => line['event'] === event);
  return { tracer, lines: sink.lines, of };
}

const retry = { baseDelayMs: 10, maxDelayMs: 1000, budgetMs: 60_000, maxAttempts: 10 };

test('transient failures are retried with growing, jittered delays and no real sleeping', async () => {
  const { tracer, of } = recorder();
  const fs = scriptedRenameFs(['EBUSY', 'EPERM', 'EACCES', 'EBUSY']);
  const clock = fakeClock();
  const random = scriptedRandom([0.75, 0.5, 0.625, 0.5]);
  const result = await moveIntoPlace('/w/0001-a.tmp', '/out/a.csv', { tracer, fs, clock, random, retry });

  assert.deepEqual(result, { attempts: 5, durationMs: 7.5 + 10 + 25 + 40 });
  assert.deepEqual(clock.sleeps, [7.5, 10, 25, 40]);
  const failures = of('rename.failure');
  assert.deepEqual(failures.map((f) => f['errorCode']), ['EBUSY', 'EPERM', 'EACCES', 'EBUSY']);
  assert.deepEqual(failures.map((f) => f['delayMs']), clock.sleeps);
  assert.deepEqual(failures.map((f) => f['backoffCeilingMs']), [10, 20, 40, 80]);
  assert.ok(failures.every((f) => f['willRetry'] === true));
  assert.deepEqual(of('rename.attempt').map((a) => a['attempt']), [1, 2, 3, 4, 5]);
  assert.equal(of('rename.success')[0]?.['attempt'], 5);
  assert.equal(fs.calls.at(-1), 'syncDir /out', 'the folder is fsynced after the rename');
});

test('the last delay is cut to what is left of the budget, then the move gives up', async () => {
  const { tracer, of } = recorder();
  const fs = scriptedRenameFs(Array(50).fill('EBUSY'));
  const clock = fakeClock();
  const error = await moveIntoPlace('/w/t', '/out/a.csv', {
    tracer, fs, clock, random: () => 0.999, retry: { ...retry, maxAttempts: 50, budgetMs: 100 },
  }).catch((e: unknown) => e);

  assert.ok(error instanceof RacetraceError);
  assert.equal(error.code, 'RENAME_FAILED');
  const total = clock.sleeps.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 100) < 1e-9, `slept ${total} ms in all, the budget is 100 ms`);
  assert.equal(error.details['attempts'], clock.sleeps.length + 1);
  assert.equal(of('rename.failure').at(-1)?.['willRetry'], false);
  assert.equal(of('rename.success').length, 0);
  assert.ok(!fs.calls.some((c) => c.startsWith('syncDir')));
});

test('a permanent EPERM fails after maxAttempts with an error naming attempts, time and codes', async () => {
  const { tracer } = recorder();
  const clock = fakeClock();
  const error = await moveIntoPlace('/w/t', '/out/a.csv', {
    tracer, fs: scriptedRenameFs(Array(20).fill('EPERM')), clock, random: () => 0.5, retry: { ...retry, maxAttempts: 4 },
  }).catch((e: unknown) => e);

  assert.ok(error instanceof RacetraceError);
  assert.match(error.message, /failed after 4 attempts over 35 ms \(EPERM x4\)/);
  assert.match(error.message, /antivirus/);
  assert.deepEqual(error.details['codes'], { EPERM: 4 });
  assert.equal(error.details['elapsedMs'], 35);
  assert.equal(clock.sleeps.length, 3);
});

for (const code of ['ENOENT', 'EXDEV']) {
  test(`${code} is never retried, even when listed as transient`, async () => {
    const { tracer, of } = recorder();
    const clock = fakeClock();
    const error = await moveIntoPlace('/w/t', '/out/a.csv', {
      tracer, fs: scriptedRenameFs([code]), clock, retry: { ...retry, transientCodes: ['EBUSY', code] },
    }).catch((e: unknown) => e);

    assert.ok(error instanceof RacetraceError);
    assert.equal(error.details['attempts'], 1);
    assert.match(error.message, /after 1 attempt over/);
    assert.deepEqual(clock.sleeps, []);
    assert.equal(of('rename.attempt').length, 1);
    assert.equal(of('rename.failure')[0]?.['willRetry'], false);
    assert.equal(of('rename.failure')[0]?.['errorCode'], code);
  });
}

test('an error code outside the transient list is not retried', async () => {
  const { tracer } = recorder();
  const clock = fakeClock();
  const error = await moveIntoPlace('/w/t', '/out/a.csv', {
    tracer, fs: scriptedRenameFs(['EBUSY']), clock, retry: { ...retry, transientCodes: ['EPERM'] },
  }).catch((e: unknown) => e);
  assert.ok(error instanceof RacetraceError);
  assert.deepEqual(clock.sleeps, []);
});

test('atomicWrite on the real filesystem: the target gets every byte, the temp is gone', async (t) => {
  const dir = await scratchDir(t);
  const { tracer, of } = recorder();
  const temp = join(dir, '0001-a.csv.tmp');
  const target = join(dir, 'a.csv');
  await writeFile(target, 'old content');
  async function* chunks() {
    yield 'a,b\n';
    yield Buffer.from('1,2\n');
  }
  await atomicWrite(temp, target, chunks(), { tracer });
  assert.equal(await readFile(target, 'utf8'), 'a,b\n1,2\n');
  await assert.rejects(readFile(temp), { code: 'ENOENT' });
  assert.deepEqual(of('temp.create').map((e) => e['targetPath']), [target]);
});

test('atomicWrite refuses a temp name that already exists: two exports must not share a temp', async (t) => {
  const dir = await scratchDir(t);
  const { tracer } = recorder();
  const temp = join(dir, '0001-a.csv.tmp');
  await writeFile(temp, 'someone else');
  await assert.rejects(atomicWrite(temp, join(dir, 'a.csv'), ['x'], { tracer }), { code: 'EEXIST' });
  assert.equal(await readFile(temp, 'utf8'), 'someone else');
});

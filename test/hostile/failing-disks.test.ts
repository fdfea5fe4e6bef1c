import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { atomicWrite } from '../../src/instrument/atomic-move.js';
import { nodeFs, type FileSystem } from '../../src/instrument/fs.js';
import { createTracer } from '../../src/instrument/tracer.js';
import { RacetraceError } from '../../src/errors.js';
import { exporterPath } from '../../samples/exporter/spawn.js';
import { memorySink, readEvents } from '../helpers/events.js';
import { fsError } from '../helpers/fake-fs.js';
import { buildRoot } from '../helpers/paths.js';
import { smallDisk } from '../helpers/small-disk.js';
import { tempFolder } from '../helpers/tmp.js';

// Issue 7: a full disk fails the export with a clear error, removes the temp and leaves the
// previous target alone; a log that cannot be written never fails the export.
const logFixture = join(buildRoot, 'test', 'fixtures', 'hostile', 'log-fails.js');
const OLD = 'the previous export, complete\n';
const rows = (count: number): string[] => Array.from({ length: count }, (_, i) => `${i},${'v'.repeat(60)}\n`);

function recorder() {
  const sink = memorySink();
  const tracer = createTracer({ logger: pino({}, sink), strict: true, correlationId: 'disk-full' });
  return { tracer, events: () => sink.lines.map((line) => line['event']) };
}

/** The real filesystem, except that one operation fails with `code` (write: from the Nth on). */
function failing(op: 'write' | 'sync' | 'close', code: string, fromWrite = 1): FileSystem {
  return {
    ...nodeFs,
    async open(path, flags) {
      const file = await nodeFs.open(path, flags);
      let writes = 0;
      return {
        async write(data) {
          if (op === 'write' && ++writes >= fromWrite) throw fsError(code, 'write');
          await file.write(data);
        },
        async sync() {
          if (op === 'sync') throw fsError(code, 'fsync');
          await file.sync();
        },
        async close() {
          await file.close();
          if (op === 'close') throw fsError(code, 'close');
        },
      };
    },
  };
}

/** The folder holds the untouched old target and nothing else. */
function assertOnlyOldTarget(dir: string, target: string): void {
  assert.equal(readFileSync(target, 'utf8'), OLD);
  assert.deepEqual(readdirSync(dir), ['report.csv']);
}

for (const [op, code, next] of [
  ['write', 'ENOSPC', /free space on that disk/],
  ['sync', 'ENOSPC', /free space on that disk/],
  ['write', 'EDQUOT', /raise the quota/],
  ['close', 'EIO', /check it, then export again/],
] as const) {
  test(`${code} on ${op} of the temp: EXPORT_FAILED saying so, the temp removed, the old target untouched`, async (t) => {
    const dir = tempFolder(t);
    const target = join(dir, 'report.csv');
    writeFileSync(target, OLD);
    const temp = join(dir, '.report.csv.tmp');
    const { tracer, events } = recorder();
    const error = await atomicWrite(temp, target, rows(50), { tracer, fs: failing(op, code, 3) }).catch((e: unknown) => e);
    assert.ok(error instanceof RacetraceError, String(error));
    assert.equal(error.code, 'EXPORT_FAILED');
    assert.equal(error.details['code'], code);
    assert.ok(error.message.startsWith(`Writing ${temp} failed (${code}: test error`), error.message);
    assert.ok(error.message.includes(`the temp file was removed and ${target} was left as it was`));
    assert.match(error.message, next);
    assertOnlyOldTarget(dir, target);
    assert.deepEqual(events(), ['temp.create', 'temp.delete']);
  });
}

test('the exporter\'s own source failing: its error as it is, and the same clean-up', async (t) => {
  const dir = tempFolder(t);
  const target = join(dir, 'report.csv');
  writeFileSync(target, OLD);
  async function* source(): AsyncGenerator<string> {
    yield 'id,value\n';
    throw new Error('the database went away');
  }
  const { tracer, events } = recorder();
  await assert.rejects(atomicWrite(join(dir, '.report.csv.tmp'), target, source(), { tracer }), /^Error: the database went away$/);
  assertOnlyOldTarget(dir, target);
  assert.deepEqual(events(), ['temp.create', 'temp.delete']);
});

test('a real full disk (64 KiB tmpfs): the kernel\'s ENOSPC, the temp removed, the old target untouched', async (t) => {
  const disk = smallDisk(t, 64 * 1024);
  if ('refused' in disk) {
    t.skip(disk.refused);
    return;
  }
  const target = join(disk.path, 'report.csv');
  writeFileSync(target, OLD);
  const { tracer, events } = recorder();
  const error = await atomicWrite(join(disk.path, '.report.csv.tmp'), target, rows(4000), { tracer }).catch((e: unknown) => e);
  assert.ok(error instanceof RacetraceError && error.code === 'EXPORT_FAILED', String(error));
  assert.match(error.message, /\(ENOSPC: no space left on device, write\); the temp file was removed/);
  assertOnlyOldTarget(disk.path, target);
  assert.deepEqual(events(), ['temp.create', 'temp.delete']);
});

test('the sample exporter on a full disk: exit 1, one line naming ENOSPC, no work folder left, old outputs untouched', async (t) => {
  const disk = smallDisk(t, 64 * 1024);
  if ('refused' in disk) {
    t.skip(disk.refused);
    return;
  }
  const scratch = tempFolder(t);
  const action = join(scratch, 'action.json');
  writeFileSync(action, JSON.stringify({ report: 'big', sheets: [{ name: 'sales', rows: 20_000 }] }));
  const old = join(disk.path, 'big-k-sales.csv');
  writeFileSync(old, OLD);
  const log = join(scratch, 'events.ndjson');
  const child = spawn(process.execPath, [exporterPath, '--action', action, '--out', disk.path, '--mode', 'safe', '--label', 'k', '--log', log], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  assert.equal(code, 1, stderr);
  assert.equal(stderr.trim().split('\n').length, 1, stderr);
  assert.match(stderr, /ENOSPC: no space left on device, write\); the temp file was removed and .*big-k-sales\.csv was left as it was: free space on that disk/);
  assert.equal(readFileSync(old, 'utf8'), OLD);
  assert.deepEqual(readdirSync(disk.path), ['big-k-sales.csv']);
  const events = await readEvents(log);
  assert.deepEqual(events.map((e) => e['event']), ['export.start', 'temp.create', 'temp.delete', 'export.end']);
});

/** Runs the failing-log fixture; the export must succeed whatever happens to its log. */
async function exportWithLog(
  t: Parameters<typeof tempFolder>[0], dest: string, mode: 'sync' | 'async', stdout: 'pipe' | 'closed' = 'pipe',
): Promise<{ stderr: string; out: string }> {
  const out = tempFolder(t);
  const child = spawn(process.execPath, [logFixture, out, dest, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (stdout === 'closed') child.stdout.destroy();
  else child.stdout.resume();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  assert.equal(code, 0, `${dest} ${mode}: the export failed: ${stderr}`);
  assert.equal(readFileSync(join(out, 'report.csv'), 'utf8'), 'id,value\n1,one\n2,two\n');
  return { stderr, out };
}

for (const mode of ['sync', 'async'] as const) {
  test(`the event log fails (${mode}): full disk, closed descriptor, closed pipe; the export succeeds, the loss is told once`, async (t) => {
    const cases: { dest: string; stdout?: 'closed'; says: RegExp }[] = [
      { dest: '/dev/full', says: /^racetrace: the event log \/dev\/full cannot be written \(ENOSPC: no space left on device, write\); the export goes on, but its events from here on are lost: free space on that disk, or log elsewhere\.$/ },
      { dest: 'fd:250', says: /^racetrace: the event log fd 250 cannot be written \(EBADF: bad file descriptor, write\); .*check that the log file or descriptor stays open and writable\.$/ },
      { dest: 'stdout', stdout: 'closed', says: /^racetrace: the event log fd 1 cannot be written \(EPIPE: broken pipe, write\); .*whatever read the log stopped reading/ },
    ];
    if (!existsSync('/dev/full')) cases.shift();
    for (const { dest, stdout, says } of cases) {
      const { stderr } = await exportWithLog(t, dest, mode, stdout);
      const lines = stderr.split('\n').filter((line) => line !== '');
      assert.equal(lines.length, 1, `${dest}: ${stderr}`);
      assert.match(lines[0] ?? '', says);
    }
  });
}

test('the exporter\'s own pino logger throws on a full disk: the tracer catches it, the export succeeds, told once', async (t) => {
  if (!existsSync('/dev/full')) {
    t.skip('no /dev/full on this system');
    return;
  }
  const { stderr } = await exportWithLog(t, 'pino:/dev/full', 'sync');
  assert.equal(stderr, "racetrace: the exporter's logger failed to write a racetrace event (ENOSPC: no space left on device, write); the export goes on, but events may be lost.\n");
});

test('the event log on a real full disk: the events that fit are whole, the export succeeds, told once', async (t) => {
  const disk = smallDisk(t, 64 * 1024);
  if ('refused' in disk) {
    t.skip(disk.refused);
    return;
  }
  const log = join(disk.path, 'events.ndjson');
  const { stderr } = await exportWithLog(t, log, 'sync');
  assert.match(stderr, /^racetrace: the event log .*events\.ndjson cannot be written \(ENOSPC: no space left on device, write\)[^\n]*\n$/);
  // Every line that reached the disk is whole and valid, in order (a partial last line is cut).
  const text = readFileSync(log, 'utf8');
  const copy = join(tempFolder(t), 'events.ndjson');
  writeFileSync(copy, text.slice(0, text.lastIndexOf('\n') + 1));
  const events = await readEvents(copy);
  assert.ok(events.length > 100, `only ${events.length} events fit`);
  assert.deepEqual(events.map((e) => e['event']).slice(0, 2), ['export.start', 'rename.attempt']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { readdir, readlink, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { DEFAULT_INGEST_OPTIONS, streamEvents } from '../../src/merge/index.js';
import type { Report } from '../../src/types.js';
import { assertNoStackTrace, runCli } from '../helpers/cli.js';
import { cliPath, samplesDir } from '../helpers/paths.js';
import { tempFolder } from '../helpers/tmp.js';
import { eventLine } from '../helpers/ingest.js';

// Issue 7: an input that cannot be read to its end gives one sentence on stderr, the others are
// still analysed, and the exit code (2) says the verdict lacks something.
const naiveDir = join(samplesDir, 'naive-5');
const naiveLogs = readdirSync(naiveDir).filter((f) => f.endsWith('.ndjson')).sort().map((f) => join(naiveDir, f));

/** The stderr lines of a run that skipped inputs: one per input, each a full sentence. */
function skipSentences(stderr: string): string[] {
  assertNoStackTrace(stderr);
  const lines = stderr.split('\n').filter((line) => line !== '');
  for (const line of lines) assert.match(line, /^racetrace: .+; the other inputs were analyzed\.$/);
  return lines;
}

/** The naive sample was analysed in full next to the broken inputs. */
function assertNaiveAnalysed(report: Report): void {
  for (const log of naiveLogs) {
    const stats = report.inputs.find((input) => input.name === log);
    assert.ok(stats !== undefined && stats.error === undefined && stats.invalid === 0 && stats.events === stats.lines, `${log} not read whole`);
  }
  assert.ok(report.findings.some((f) => f.kind === 'overlapping-path'));
  assert.ok(report.findings.some((f) => f.kind === 'failed-rename'));
}

test('a symlink loop, a read error (EIO) and a gzip cut short: one sentence each, the rest analysed, exit 2', async (t) => {
  const folder = tempFolder(t);
  const loop = join(folder, 'loop.log');
  symlinkSync('loop.log', loop);
  const cut = join(folder, 'cut.log.gz');
  const packed = gzipSync(Array.from({ length: 3000 }, (_, seq) => eventLine({ seq, time: 1000 + seq })).join('\n') + '\n');
  writeFileSync(cut, packed.subarray(0, packed.length >> 1));
  // Reading a process's own memory from offset 0 fails with a real EIO, even for root.
  const eio = '/proc/self/mem';
  const result = await runCli(['analyze', loop, eio, cut, ...naiveLogs, '--format', 'json']);
  assert.equal(result.code, 2, result.stderr);
  assert.deepEqual(skipSentences(result.stderr), [
    `racetrace: ${loop}: it is a loop of symbolic links (ELOOP); the other inputs were analyzed.`,
    `racetrace: ${eio}: the disk reported a read error (EIO); the other inputs were analyzed.`,
    `racetrace: ${cut}: the gzip data ends early (the file was cut short); the other inputs were analyzed.`,
  ]);
  const report = JSON.parse(result.stdout) as Report;
  assertNaiveAnalysed(report);
  const cutStats = report.inputs.find((input) => input.name === cut);
  assert.ok(cutStats !== undefined && cutStats.events > 0, 'the lines before the cut are used');
  assert.equal(cutStats.events + cutStats.other + cutStats.invalid, cutStats.lines);
});

test('a folder that loops back on itself through a symlink: each log read once, a note, nothing skipped', async (t) => {
  const folder = tempFolder(t);
  mkdirSync(join(folder, 'logs', 'deeper'), { recursive: true });
  for (const log of naiveLogs) copyFileSync(log, join(folder, 'logs', 'deeper', log.slice(naiveDir.length + 1)));
  symlinkSync('../..', join(folder, 'logs', 'deeper', 'up'));
  const result = await runCli(['analyze', join(folder, 'logs'), '--format', 'json']);
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.stderr, '');
  const report = JSON.parse(result.stdout) as Report;
  assert.equal(report.inputs.length, naiveLogs.length);
  assert.match((report.notes ?? []).join('\n'), /deeper\/up\/logs: skipped, it leads back to a folder already searched/);
});

test('stdin closed early (the writer wrote half, then exited): its lines are used, one sentence, exit 2', async () => {
  const first = naiveLogs[0] ?? '';
  const text = readFileSync(first);
  const half = text.subarray(0, text.length >> 1);
  assert.notEqual(half[half.length - 1], 0x0a, 'the cut must land inside a line');
  const writer = spawn(process.execPath, ['-e', `process.stdout.write(Buffer.from(${JSON.stringify(half.toString('base64'))}, 'base64')); process.exit(0)`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const cli = spawn(process.execPath, [cliPath, 'analyze', '-', ...naiveLogs.slice(1), '--format', 'json'], {
    stdio: [writer.stdout, 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  writer.stdout.destroy();
  let stdout = '';
  let stderr = '';
  cli.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  cli.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(cli, 'close')) as [number | null];
  assert.equal(code, 2, stderr);
  const report = JSON.parse(stdout) as Report;
  const stdin = report.inputs.find((input) => input.name === '(stdin)');
  const whole = half.toString('utf8').split('\n').length - 1;
  assert.deepEqual([stdin?.lines, stdin?.events, stdin?.invalid], [whole + 1, whole, 1]);
  assert.deepEqual(skipSentences(stderr), [
    `racetrace: (stdin): it ends in the middle of line ${whole + 1} (the writer stopped, or the input was cut short); the other inputs were analyzed.`,
  ]);
  assert.ok(report.findings.some((f) => f.kind === 'failed-rename'), 'the other inputs still show the race');
});

/** Many events, one per millisecond, as one big log (about 250 bytes a line). */
function bigLog(path: string, lines: number): void {
  const out: string[] = [];
  for (let seq = 0; seq < lines; seq++) {
    out.push(eventLine({ seq, time: 1_764_345_600_000 + seq, event: 'rename.attempt', tempPath: `/w/${seq}.tmp`, targetPath: '/o/x.csv', attempt: 1 }));
  }
  writeFileSync(path, out.join('\n') + '\n');
}

test('a file truncated by another process while it is read: what was read is used, the loss is named', async (t) => {
  const folder = tempFolder(t);
  const log = join(folder, 'rotating.log');
  bigLog(log, 80_000);
  let truncatedAt = -1;
  const result = await streamEvents([log], DEFAULT_INGEST_OPTIONS, (event) => {
    if (truncatedAt !== -1) return;
    // The first event is released once the reader is about a reorder window (2 s of events) in.
    truncatedAt = event.source.line;
    const run = spawnSync('truncate', ['-s', '100000', log]);
    assert.equal(run.status, 0, String(run.stderr));
  });
  const stats = result.inputs[0];
  assert.ok(stats !== undefined && truncatedAt === 1);
  assert.match(stats.error ?? '', /^it shrank from \d+ to 100000 bytes while it was read \(truncated or rotated\), so \d+ bytes were never read$/);
  assert.ok(stats.lines > 0 && stats.lines < 80_000, `read ${stats.lines} lines`);
  assert.equal(stats.events + stats.other + stats.invalid, stats.lines);
});

/** The offset at which process `pid` has `path` open, from /proc/<pid>/fdinfo. */
async function readOffset(pid: number, path: string): Promise<number | undefined> {
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    if (target !== path) continue;
    const info = await readFile(`/proc/${pid}/fdinfo/${fd}`, 'utf8').catch(() => '');
    const pos = /^pos:\s+(\d+)$/m.exec(info)?.[1];
    if (pos !== undefined) return Number(pos);
  }
  return undefined;
}

test('through the CLI: a log truncated mid-read gives one sentence and exit 2, the other logs still count', { timeout: 60_000 }, async (t) => {
  if (!existsSync('/proc/self/fdinfo')) {
    t.skip('no /proc/<pid>/fdinfo: the read offset of the CLI cannot be watched here');
    return;
  }
  const folder = tempFolder(t);
  const log = join(folder, 'rotating.log');
  bigLog(log, 300_000);
  const cli = spawn(process.execPath, [cliPath, 'analyze', log, ...naiveLogs, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  cli.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  cli.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let exited = false;
  const closed = once(cli, 'close').then(([code]) => ((exited = true), code as number | null));
  // Truncate once the CLI is a few MB into the file (well before its end).
  for (;;) {
    assert.ok(!exited, 'the CLI finished before the file could be truncated');
    const pos = await readOffset(cli.pid ?? -1, log);
    if (pos !== undefined && pos > 2_000_000) break;
    await sleep(2);
  }
  truncateSync(log, 0);
  const code = await closed;
  assert.equal(code, 2, stderr);
  assert.equal(skipSentences(stderr).length, 1);
  assert.match(stderr, new RegExp(`^racetrace: ${log}: it shrank from \\d+ to 0 bytes while it was read`));
  assertNaiveAnalysed(JSON.parse(stdout) as Report);
});

test('an unreadable file (EACCES, as a user without the permission): one sentence, exit 2', async (t) => {
  const folder = tempFolder(t);
  chmodSync(folder, 0o755);
  const locked = join(folder, 'locked.log');
  writeFileSync(locked, eventLine() + '\n');
  chmodSync(locked, 0);
  const fine = join(folder, 'fine.log');
  copyFileSync(naiveLogs[0] ?? '', fine);
  chmodSync(fine, 0o644);
  // root reads any file, so the CLI runs as `nobody` there; others are already unprivileged.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const child = spawn(process.execPath, [cliPath, 'analyze', locked, fine, '--format', 'json'], { ...asNobody, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 2 && /EACCES.*main\.js|Cannot find module/.test(stderr)) {
    t.skip(`the built CLI is not readable by an unprivileged user here: ${stderr.split('\n')[0]}`);
    return;
  }
  assert.equal(code, 2, stderr);
  assert.deepEqual(skipSentences(stderr), [`racetrace: ${locked}: permission denied (EACCES); the other inputs were analyzed.`]);
  const report = JSON.parse(stdout) as Report;
  assert.equal(report.inputs.find((input) => input.name === fine)?.events, report.inputs.find((input) => input.name === fine)?.lines);
});

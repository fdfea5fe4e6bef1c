import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoStackTrace } from '../helpers/cli.js';
import { cliPath, samplesDir } from '../helpers/paths.js';
import { tempFolder } from '../helpers/tmp.js';
import { eventLine } from '../helpers/ingest.js';

// Issue 7: `racetrace merge big.log | head` ends quietly; an output that cannot be written at
// all (a full disk) is one sentence and exit 2, never a stack trace.
const naive = join(samplesDir, 'naive-5');

/** A log far bigger than a pipe's buffer, so the writer is still writing when `head` leaves. */
function bigLog(folder: string): string {
  const path = join(folder, 'big.log');
  const lines: string[] = [];
  for (let seq = 0; seq < 50_000; seq++) {
    lines.push(eventLine({ seq, time: 1_764_345_600_000 + seq, event: 'rename.attempt', tempPath: `/w/${seq}.tmp`, targetPath: '/o/x.csv', attempt: 1 }));
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Runs `racetrace ARGS | READER` in a real shell; racetrace's exit code and stderr come back through files. */
async function pipeInto(folder: string, args: string[], reader: string): Promise<{ code: string; stderr: string; read: string }> {
  const codeFile = join(folder, 'code');
  const errFile = join(folder, 'err');
  const quoted = [process.execPath, cliPath, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const shell = spawn('sh', ['-c', `{ ${quoted} 2>'${errFile}'; echo $? >'${codeFile}'; } | ${reader}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let read = '';
  shell.stdout.setEncoding('utf8').on('data', (chunk: string) => (read += chunk));
  await once(shell, 'close');
  return { code: readFileSync(codeFile, 'utf8').trim(), stderr: readFileSync(errFile, 'utf8'), read };
}

test('racetrace merge big.log | head -1: the first line, then a quiet exit 0', async (t) => {
  const folder = tempFolder(t);
  const log = bigLog(folder);
  const { code, stderr, read } = await pipeInto(folder, ['merge', log], 'head -1');
  assert.equal(stderr, '');
  assert.equal(code, '0');
  assert.equal(read, `${readFileSync(log, 'utf8').split('\n')[0]}\n`);
});

test('analyze and validate into a pipe whose reader has already gone: a quiet exit 0', async (t) => {
  const folder = tempFolder(t);
  // `true` leaves at once, long before racetrace has its report: every write meets EPIPE.
  for (const args of [['analyze', naive], ['analyze', naive, '--format', 'json'], ['analyze', naive, '--format', 'html'], ['validate', naive]]) {
    const { code, stderr } = await pipeInto(folder, args, 'true');
    assert.equal(stderr, '', args.join(' '));
    assert.equal(code, '0', args.join(' '));
  }
});

test('an output on a full disk: one sentence naming ENOSPC, exit 2, no stack trace', async (t) => {
  if (!existsSync('/dev/full')) {
    t.skip('no /dev/full on this system');
    return;
  }
  const folder = tempFolder(t);
  const log = bigLog(folder);
  for (const args of [['merge', log], ['analyze', naive]]) {
    const full = await runCliTo('/dev/full', args);
    assertNoStackTrace(full.stderr);
    assert.equal(full.code, 2, full.stderr);
    assert.equal(full.stderr, 'racetrace: cannot write the output (ENOSPC: no space left on device, write), so it is incomplete: free space on that disk, or write elsewhere.\n');
  }
});

/** The built CLI with its stdout opened on `path`. */
async function runCliTo(path: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const fd = openSync(path, 'w');
  try {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = (await once(child, 'close')) as [number | null];
    return { code, stderr };
  } finally {
    closeSync(fd);
  }
}


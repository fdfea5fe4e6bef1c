import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildRoot, cliPath } from '../helpers/paths.js';
import { watchPeakRss } from '../helpers/peak-memory.js';
import { eventLine } from '../helpers/ingest.js';

// Issue 7: a line longer than --max-line-bytes is counted invalid without being held whole.
// 2 GB streams through a pipe in about 6 s here, so the full size is used; nothing touches disk.
const generator = join(buildRoot, 'test', 'fixtures', 'hostile', 'one-line.js');
const TWO_GB = 2_000_000_000;
const MiB = 1024 * 1024;

interface Streamed {
  code: number | null;
  stdout: string;
  stderr: string;
  peak: number | undefined;
}

/** `racetrace validate -` under a 64 MB heap, fed BYTES of one line by a generator process. */
async function streamThroughCli(bytes: number, args: string[] = []): Promise<Streamed> {
  const source = spawn(process.execPath, [generator, String(bytes), eventLine({ seq: 1 })], { stdio: ['ignore', 'pipe', 'inherit'] });
  const cli = spawn(process.execPath, ['--max-old-space-size=64', cliPath, 'validate', '-', ...args], {
    stdio: [source.stdout, 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  // The pipe now belongs to the CLI; this process must not hold (or read) its end.
  source.stdout?.destroy();
  let stdout = '';
  let stderr = '';
  cli.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  cli.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let exited = false;
  const closed = once(cli, 'close').then(([code]) => {
    exited = true;
    return code as number | null;
  });
  cli.once('exit', () => (exited = true));
  const peak = await watchPeakRss(cli.pid ?? -1, () => exited);
  const code = await closed;
  if (source.exitCode === null && source.signalCode === null) await once(source, 'exit');
  return { code, stdout, stderr, peak };
}

test('a 2 GB line through stdin: counted invalid, the next line still read, memory stays bounded', { timeout: 120_000 }, async (t) => {
  if (!existsSync('/proc/self/status')) {
    t.skip('no /proc: the peak memory of a child cannot be read on this system');
    return;
  }
  const small = await streamThroughCli(10);
  const huge = await streamThroughCli(TWO_GB);
  assert.equal(huge.code, 1, huge.stderr);
  assert.equal(huge.stderr, '');
  assert.match(huge.stdout, /^\(stdin\): 2 lines: 1 events, 0 other, 1 invalid$/m);
  assert.match(huge.stdout, /^\(stdin\):1: line longer than 1048576 bytes \(--max-line-bytes\)$/m);
  assert.ok(small.peak !== undefined && huge.peak !== undefined);
  console.log(`2 GB line: peak RSS ${(huge.peak / MiB).toFixed(0)} MiB (a 10-byte line: ${(small.peak / MiB).toFixed(0)} MiB)`);
  // Holding the line would take 2 GB as bytes, 4 GB as a string; the read chunks and split2's
  // bounded tail take tens of megabytes over what the same command needs for a short line.
  assert.ok(huge.peak < small.peak + 128 * MiB, `peak ${huge.peak} bytes against ${small.peak} for a short line`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { buildRoot } from '../helpers/paths.js';
import { eventLine, tempDir } from '../helpers/ingest.js';

const run = promisify(execFile);
const dir = tempDir();
const fixture = join(buildRoot, 'test', 'fixtures', 'ingest', 'stream-count.js');
const LINES = 300_000;

/** One interleaved log of 20 processes, times slightly out of order (within the window). */
async function writeBigLog(path: string): Promise<void> {
  const out = createWriteStream(path);
  let batch: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const pid = 1000 + (i % 20);
    const jitter = (i * 7919) % 11;
    batch.push(eventLine({
      time: 1_764_345_600_000 + i - jitter, pid, seq: i, event: 'temp.create', correlationId: `c-${pid}-${i >> 6}`,
      tempPath: `/srv/out/.racetrace-${pid}/${i}.tmp`, targetPath: `/srv/out/file-${i % 50}.csv`,
    }));
    if (batch.length === 5000) {
      if (!out.write(batch.join('\n') + '\n')) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.join('\n'));
  await once(out, 'finish');
}

/** One line of 64 MB: must be counted, never held. */
async function writeOneLongLine(path: string): Promise<void> {
  const out = createWriteStream(path);
  const piece = 'x'.repeat(1024 * 1024);
  out.write('{"pad":"');
  for (let i = 0; i < 64; i++) if (!out.write(piece)) await once(out, 'drain');
  out.end('"}\n' + eventLine({ seq: 1 }) + '\n');
  await once(out, 'finish');
}

test('memory stays flat: 300k lines and a 64 MB line under a 48 MB heap', async () => {
  const big = join(dir, 'big.log');
  const long = join(dir, 'long.log');
  await Promise.all([writeBigLog(big), writeOneLongLine(long)]);
  const args = ['--max-old-space-size=48', fixture];
  const events = JSON.parse((await run(process.execPath, [...args, 'events', big, long])).stdout);
  assert.equal(events.events, LINES + 1);
  assert.equal(events.outOfOrder, 0);
  assert.deepEqual(events.inputs[1], { name: long, lines: 2, events: 1, other: 0, invalid: 1, late: 0 });
  assert.ok(events.peak < 48 * 1024 * 1024, `peak heap ${events.peak}`);
  const lines = JSON.parse((await run(process.execPath, [...args, 'lines', big, long])).stdout);
  assert.equal(lines.written, LINES + 1);
  assert.ok(lines.peak < 48 * 1024 * 1024, `peak heap ${lines.peak}`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { mergeLines } from '../../src/merge/index.js';
import { eventLine, options, tempDir } from '../helpers/ingest.js';

const dir = tempDir();

/** A Writable that keeps what it is given; `delay` makes it slow so backpressure matters. */
function sink(delay = false): Writable & { text: () => string; maxQueued: number } {
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      if (delay) setImmediate(callback);
      else callback();
    },
  });
  const result = Object.assign(stream, { text: () => chunks.join(''), maxQueued: 0 });
  const write = stream.write.bind(stream) as (chunk: unknown, callback?: (error?: Error | null) => void) => boolean;
  result.write = ((chunk: unknown, callback?: (error?: Error | null) => void) => {
    const ok = write(chunk, callback);
    result.maxQueued = Math.max(result.maxQueued, stream.writableLength);
    return ok;
  }) as typeof stream.write;
  return result;
}

test('lines are merged by time with their original text, like sort -m', async () => {
  const a = join(dir, 'a.log');
  const b = join(dir, 'b.log');
  const aLines = [
    '{"note":"before any time"}',
    eventLine({ time: 10, seq: 0, pid: 1 }),
    '{"level":30,"time":"1970-01-01T00:00:00.030Z","pid":1,"hostname":"build-01","msg":"iso pino line"}',
    '{"untimed":"follows the iso line"}',
    'not json at all',
    '',
    eventLine({ time: 50, seq: 2, pid: 1, event: 'rename.attempt', attempt: 0, tempPath: '/t', targetPath: '/x' }),
  ];
  const bLines = [
    '{"level":30,"time":20,"pid":2,"hostname":"build-01","msg":"pino line, numeric time"}',
    eventLine({ time: 40, seq: 0, pid: 2 }),
  ];
  writeFileSync(a, aLines.join('\n') + '\n');
  writeFileSync(b, bLines.join('\r\n') + '\r\n');
  const out = sink();
  const result = await mergeLines([a, b], options(), out);
  assert.equal(out.text(), [aLines[0], aLines[1], bLines[0], aLines[2], aLines[3], bLines[1], aLines[6]].join('\n') + '\n');
  assert.equal(result.written, 7);
  assert.equal(result.outputClosed, false);
  assert.deepEqual(result.inputs.map((i) => [i.lines, i.events, i.other, i.invalid]), [[7, 1, 4, 2], [2, 1, 1, 0]]);
  assert.deepEqual(result.diagnostics.map((d) => d.line), [5, 7]);
});

test('since and until apply to merged lines', async () => {
  const file = join(dir, 'range.log');
  const lines = Array.from({ length: 6 }, (_, i) => `{"time":${i * 10},"msg":"m${i}"}`);
  writeFileSync(file, lines.join('\n'));
  const out = sink();
  await mergeLines([file], options({ since: 10, until: 40 }), out);
  assert.equal(out.text(), lines.slice(1, 4).join('\n') + '\n');
});

test('a slow output gets backpressure: little is queued at any time', async () => {
  const file = join(dir, 'big.log');
  const lines = Array.from({ length: 20_000 }, (_, i) => eventLine({ time: i, seq: i }));
  writeFileSync(file, lines.join('\n'));
  const out = sink(true);
  const result = await mergeLines([file], options(), out);
  assert.equal(result.written, 20_000);
  assert.equal(out.text(), lines.join('\n') + '\n');
  // Without backpressure the whole ~3 MB output would queue; one batch is at most ~64 KiB.
  assert.ok(out.maxQueued < 200 * 1024, `queued ${out.maxQueued} bytes`);
});

test('an output that closes early (merge | head) ends the merge quietly', async () => {
  const file = join(dir, 'pipe.log');
  writeFileSync(file, Array.from({ length: 50_000 }, (_, i) => eventLine({ time: i, seq: i })).join('\n'));
  let writes = 0;
  const out = new Writable({
    write(_chunk, _encoding, callback) {
      writes++;
      if (writes === 1) callback();
      else callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    },
  });
  const result = await mergeLines([file], options(), out);
  assert.equal(result.outputClosed, true);
  assert.ok(result.written < 50_000);
  assert.equal(result.inputs[0]?.error, undefined);
});

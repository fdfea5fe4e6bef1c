import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { resolveInputs, STDIN_NAME } from '../../src/ingest/inputs.js';
import { isRacetraceError } from '../../src/errors.js';
import { accounted, collect, eventLine, fakeStdin, tempDir } from '../helpers/ingest.js';

const dir = tempDir();
const lines = (...seqs: number[]): string => seqs.map((seq) => eventLine({ seq, time: 1000 + seq })).join('\n') + '\n';

test('a folder is searched recursively for log files, sorted, loops cut', async () => {
  const root = join(dir, 'tree');
  mkdirSync(join(root, 'b', 'deep'), { recursive: true });
  mkdirSync(join(root, 'a'));
  for (const name of ['a/x.log', 'b/deep/y.ndjson', 'b/z.jsonl.gz', 'top.log.gz', 'notes.txt', 'b/x.json']) {
    writeFileSync(join(root, name), '');
  }
  symlinkSync(root, join(root, 'b', 'loop'));
  const notes: string[] = [];
  const inputs = await resolveInputs([root], undefined, (note) => notes.push(note));
  assert.deepEqual(inputs.map((input) => input.name), [
    join(root, 'a/x.log'), join(root, 'b/deep/y.ndjson'), join(root, 'b/z.jsonl.gz'), join(root, 'top.log.gz'),
  ]);
  assert.equal(notes.length, 1);
  assert.match(notes[0] ?? '', /loop/);
});

test('a missing input is a RacetraceError that says what to do', async () => {
  await assert.rejects(collect([join(dir, 'nope.log')]), (error: unknown) => {
    assert.ok(isRacetraceError(error));
    assert.equal(error.code, 'INPUT_NOT_FOUND');
    assert.match(error.message, /nope\.log does not exist: check the path/);
    return true;
  });
});

test('gzip is recognised by its magic bytes, whatever the name', async () => {
  const file = join(dir, 'packed.log');
  writeFileSync(file, gzipSync(lines(0, 1, 2)));
  const { events, result } = await collect([file]);
  assert.equal(events.length, 3);
  assert.deepEqual(result.inputs[0], { name: file, lines: 3, events: 3, other: 0, invalid: 0, late: 0 });
});

test('a gzip file cut short keeps what was read, records why, and the other inputs are read', async () => {
  const whole = gzipSync(lines(...Array.from({ length: 2000 }, (_, i) => i)));
  const cut = join(dir, 'cut.log.gz');
  writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
  const fine = join(dir, 'fine.log');
  writeFileSync(fine, lines(5000));
  const { events, result } = await collect([cut, fine]);
  const [cutStats, fineStats] = result.inputs;
  assert.match(cutStats?.error ?? '', /gzip data ends early/);
  assert.ok((cutStats?.events ?? 0) > 0 && (cutStats?.events ?? 0) < 2000);
  assert.equal(fineStats?.error, undefined);
  assert.equal(fineStats?.events, 1);
  assert.equal(events.length, (cutStats?.events ?? 0) + 1);
  assert.ok(accounted(result));
});

test('- reads standard input, gzipped or not', async () => {
  const { events, result } = await collect(['-'], {}, fakeStdin([lines(0, 1)]));
  assert.equal(events.length, 2);
  assert.equal(result.inputs[0]?.name, STDIN_NAME);
  const packed = gzipSync(lines(0, 1, 2));
  const zipped = await collect(['-'], {}, fakeStdin([packed.subarray(0, 1), packed.subarray(1)]));
  assert.equal(zipped.events.length, 3);
});

test('with no inputs, a piped stdin is read; a terminal is a usage error', async () => {
  const { events } = await collect([], {}, fakeStdin([lines(0)]));
  assert.equal(events.length, 1);
  await assert.rejects(collect([], {}, fakeStdin([], true)), (error: unknown) => {
    assert.ok(isRacetraceError(error));
    assert.equal(error.code, 'USAGE');
    return true;
  });
});

test('an empty input, and a file given twice, are handled', async () => {
  const empty = join(dir, 'empty.log');
  writeFileSync(empty, '');
  const { result } = await collect([empty, empty]);
  assert.deepEqual(result.inputs, [{ name: empty, lines: 0, events: 0, other: 0, invalid: 0, late: 0 }]);
  assert.match(result.notes.join('\n'), /already given/);
});

test('an unreadable file records an error and the other inputs are read', async (t) => {
  if (process.getuid?.() === 0) {
    t.skip('root reads any file; EACCES cannot be produced');
    return;
  }
  const { chmodSync } = await import('node:fs');
  const locked = join(dir, 'locked.log');
  writeFileSync(locked, lines(0));
  chmodSync(locked, 0);
  const fine = join(dir, 'fine2.log');
  writeFileSync(fine, lines(1));
  const { events, result } = await collect([locked, fine]);
  assert.match(result.inputs[0]?.error ?? '', /permission denied/);
  assert.equal(events.length, 1);
});

test('an input that fails part-way (EIO) keeps its lines and records the error', async () => {
  async function* failing(): AsyncGenerator<Buffer> {
    yield Buffer.from(lines(0, 1) + eventLine({ seq: 2 }).slice(0, 20));
    throw Object.assign(new Error('i/o error'), { code: 'EIO' });
  }
  const stdin = Object.assign(Readable.from(failing(), { objectMode: false }), { isTTY: false });
  const fine = join(dir, 'fine3.log');
  writeFileSync(fine, lines(7));
  const { events, result } = await collect(['-', fine], {}, stdin);
  assert.equal(result.inputs[0]?.error, 'the disk reported a read error (EIO)');
  // The torn last line still counts, as invalid.
  assert.deepEqual(result.inputs[0], { ...result.inputs[0], lines: 3, events: 2, invalid: 1 });
  assert.equal(events.length, 3);
  assert.ok(accounted(result));
});

test('a format that is not recognised is read as NDJSON, with a note', async () => {
  const file = join(dir, 'plain.log');
  writeFileSync(file, '\n2026-11-28 17:00:00 INFO started\n' + lines(0));
  const { events, result } = await collect([file]);
  assert.deepEqual(result.inputs[0], { name: file, lines: 3, events: 1, other: 1, invalid: 1, late: 0 });
  assert.equal(events.length, 1);
  assert.match(result.notes.join('\n'), /plain\.log: the format was not recognised/);
});

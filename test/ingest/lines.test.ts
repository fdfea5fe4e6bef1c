import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLineSplitter, isOverlong } from '../../src/ingest/lines.js';
import { accounted, collect, eventLine, tempDir } from '../helpers/ingest.js';

const dir = tempDir();

/** Writes the chunks one by one (as a stream would) and returns the lines seen. */
async function split(chunks: string[], maxBytes: number): Promise<string[]> {
  const lines: string[] = [];
  const splitter = createLineSplitter(maxBytes, (line) => lines.push(isOverlong(line, maxBytes) ? '<overlong>' : line));
  for (const chunk of chunks) splitter.write(Buffer.from(chunk));
  await new Promise<void>((resolve) => splitter.end(() => resolve()));
  return lines;
}

test('LF and CRLF line ends, and a last line without one', async () => {
  assert.deepEqual(await split(['a\r\nb\n', 'c'], 100), ['a', 'b', 'c']);
  assert.deepEqual(await split(['a\r', '\nb\r\n'], 100), ['a', 'b']);
});

test('an over-long line is one line, however many chunks it spans', async () => {
  const long = 'x'.repeat(50);
  assert.deepEqual(await split(['ok\n' + long.slice(0, 20), long.slice(20, 40), long.slice(40) + '\nnext\n'], 16), [
    'ok', '<overlong>', 'next',
  ]);
  // Ends the input without a line end: still counted.
  assert.deepEqual(await split(['ok\n', long, long], 16), ['ok', '<overlong>']);
  // Completed within one chunk.
  assert.deepEqual(await split([`a\n${long}\nb`], 16), ['a', '<overlong>', 'b']);
  // Two in a row.
  assert.deepEqual(await split([long, '\n', long, '\nz'], 16), ['<overlong>', '<overlong>', 'z']);
});

test('the limit is in bytes: multi-byte text counts by its UTF-8 length', async () => {
  assert.deepEqual(await split(['é'.repeat(10) + '\n' + 'é'.repeat(7) + '\n'], 16), ['<overlong>', 'é'.repeat(7)]);
});

test('a UTF-8 character split across chunks is decoded whole', async () => {
  const bytes = Buffer.from('{"p":"ü"}\n');
  const splitter: string[] = [];
  const s = createLineSplitter(100, (line) => splitter.push(line));
  s.write(bytes.subarray(0, 7));
  s.write(bytes.subarray(7));
  await new Promise<void>((resolve) => s.end(() => resolve()));
  assert.deepEqual(splitter, ['{"p":"ü"}']);
});

test('an over-long line in a file is invalid, and the lines after it keep their numbers', async () => {
  const file = join(dir, 'long.log');
  // Longer than a read chunk (128 KiB), so it is never held whole.
  writeFileSync(file, [eventLine({ seq: 0 }), `{"pad":"${'p'.repeat(300_000)}"}`, eventLine({ seq: 2 })].join('\n'));
  const { events, result } = await collect([file], { maxLineBytes: 1000 });
  assert.deepEqual(result.inputs[0], { name: file, lines: 3, events: 2, other: 0, invalid: 1, late: 0 });
  assert.deepEqual(result.diagnostics, [{ input: file, line: 2, reason: 'line longer than 1000 bytes (--max-line-bytes)' }]);
  assert.deepEqual(events.map((e) => e.source.line), [1, 3]);
  assert.ok(accounted(result));
});

test('a file read in 128 KiB chunks and split in 16 KiB pieces keeps every line whole', async () => {
  // Events whose correlation IDs are multi-byte and whose line ends are CRLF, so that a piece
  // boundary falls inside characters and between CR and LF somewhere in the file.
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) lines.push(eventLine({ correlationId: `é€😀-${i}-${'ü'.repeat(i % 37)}`, seq: i }));
  const file = join(dir, 'pieces.ndjson');
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  const { events, result } = await collect([file]);
  assert.equal(result.inputs[0]?.lines, 3000);
  assert.equal(result.inputs[0]?.invalid, 0);
  assert.deepEqual(
    events.map((e) => e.correlationId),
    lines.map((_, i) => `é€😀-${i}-${'ü'.repeat(i % 37)}`),
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileChunks } from '../../src/ingest/file-chunks.js';
import { tempDir } from '../helpers/ingest.js';

const CHUNK = 8192;

async function readAll(path: string, chunkSize = CHUNK): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of fileChunks(path, chunkSize)) chunks.push(chunk);
  return chunks;
}

test('every byte of a file is read once, in order, in chunks no bigger than asked, whatever its size', async () => {
  const dir = tempDir();
  for (const size of [0, 1, 4095, 4096, 4097, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17]) {
    const path = join(dir, `f${size}.log`);
    const bytes = randomBytes(size);
    writeFileSync(path, bytes);
    const chunks = await readAll(path);
    assert.ok(Buffer.concat(chunks).equals(bytes), `a file of ${size} bytes`);
    for (const chunk of chunks) assert.ok(chunk.length > 0 && chunk.length <= CHUNK, `${size}: a chunk of ${chunk.length} bytes`);
  }
});

test('a small file is read into a buffer of about its size, not a whole chunk (thousands of small logs)', async () => {
  const path = join(tempDir(), 'small.log');
  writeFileSync(path, '{"msg":"one line"}\n');
  const chunks = await readAll(path, 128 * 1024);
  assert.equal(chunks.length, 1);
  assert.ok((chunks[0] as Buffer).buffer.byteLength < 16 * 1024, `its buffer is ${(chunks[0] as Buffer).buffer.byteLength} bytes`);
});

test('a file that grows while it is read is read to its new end, in whole chunks once it has grown', async () => {
  const path = join(tempDir(), 'growing.log');
  const first = randomBytes(CHUNK + 100);
  writeFileSync(path, first);
  const added = randomBytes(5 * CHUNK + 3);
  const chunks: Buffer[] = [];
  for await (const chunk of fileChunks(path, CHUNK)) {
    // The writer goes on after the reader opened the file and took its size.
    if (chunks.length === 0) appendFileSync(path, added);
    chunks.push(chunk);
  }
  assert.ok(Buffer.concat(chunks).equals(Buffer.concat([first, added])));
  assert.ok(chunks.filter((chunk) => chunk.length === CHUNK).length >= 5, `chunk sizes: ${chunks.map((c) => c.length).join(', ')}`);
});

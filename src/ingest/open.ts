import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { InputSpec } from './inputs.js';
import { fileChunks } from './file-chunks.js';
import type { IngestOptions } from './adapter.js';

const CHUNK = 128 * 1024;

/**
 * The bytes of one input as an async iterator of chunks, gunzipped when they start with the
 * gzip magic bytes (1f 8b) whatever the name. Read errors (EACCES, EIO, gzip cut short) are
 * thrown from `next()`; the chunks before them have been delivered. A spec with `open` (a log
 * store) is read from what it returns.
 */
export function openInput(
  spec: InputSpec,
  stdin: NodeJS.ReadableStream | undefined,
  progress?: { bytesRead: number },
  options?: IngestOptions,
): AsyncIterator<Buffer> {
  let source: AsyncIterable<unknown>;
  if (spec.open !== undefined) {
    // A log store (clickhouse://): the query is built from the options (time window, skew).
    source = spec.open(options);
  } else if (spec.path !== undefined) {
    source = fileChunks(spec.path, CHUNK);
  } else if (stdin !== undefined) {
    source = stdin;
  } else {
    source = Readable.from([]);
  }
  return decompressed(progress ? counted(source, progress) : source)[Symbol.asyncIterator]();
}

async function* decompressed(source: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  const chunks = source[Symbol.asyncIterator]();
  try {
    yield* plainOrGunzipped(chunks);
  } finally {
    // Stopping early (the merge was abandoned) must still close the file.
    await chunks.return?.();
  }
}

async function* plainOrGunzipped(chunks: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  // Peek until the two magic bytes are known (a pipe may deliver one byte at a time).
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 2) {
    const next = await chunks.next();
    if (next.done === true) {
      if (head.length > 0) yield head;
      return;
    }
    head = head.length === 0 ? toBuffer(next.value) : Buffer.concat([head, toBuffer(next.value)]);
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield head;
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) {
      yield toBuffer(next.value);
    }
    return;
  }
  const gunzip = createGunzip({ chunkSize: CHUNK });
  // Errors of either side surface through the iteration of `gunzip` below.
  pipeline(Readable.from(rest(head, chunks), { objectMode: false }), gunzip, () => {});
  for await (const chunk of gunzip) yield toBuffer(chunk);
}

async function* rest(head: Buffer, chunks: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  yield head;
  for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) {
    yield toBuffer(next.value);
  }
}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.from(String(value), 'utf8');
}

/** Counts the raw bytes as they come off the file or pipe, before any gunzip. */
async function* counted(source: AsyncIterable<unknown>, progress: { bytesRead: number }): AsyncGenerator<unknown> {
  for await (const chunk of source) {
    progress.bytesRead += (chunk as { length?: number }).length ?? 0;
    yield chunk;
  }
}

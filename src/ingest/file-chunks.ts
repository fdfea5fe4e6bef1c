import { open } from 'node:fs/promises';
import { RacetraceError } from '../errors.js';

/** Room past the size the file had when opened; under 4 KiB, Buffer takes it from its pool. */
const GROWTH = 4095;

/**
 * The bytes of a file, in chunks, read to its end. A file that ends before the size it had when
 * opened was truncated while being read (logrotate's copytruncate, a writer starting over): its
 * end looks like any other, so the sizes are compared and the loss is thrown (INPUT_UNREADABLE)
 * after the chunks that were read. A file that only grew is read to where it was at that moment.
 */
export async function* fileChunks(path: string, chunkSize: number): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const sizeAtOpen = (await handle.stat()).size;
    let read = 0;
    // One read at a time, no read-ahead: a stream would hold a chunk or more ahead per input,
    // and with twenty inputs those buffers were a tenth of the analyzer's peak memory.
    for (;;) {
      // No bigger than what is left, plus a little in case the file grew (a folder of thousands
      // of small logs took two 128 KiB buffers per file, most of its reading time); once it has
      // grown, whole chunks again.
      const left = sizeAtOpen - read;
      const size = left > 0 ? Math.min(chunkSize, left + GROWTH) : read > sizeAtOpen ? chunkSize : GROWTH;
      const chunk = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(chunk, 0, size, null);
      if (bytesRead === 0) break;
      read += bytesRead;
      yield bytesRead === size ? chunk : chunk.subarray(0, bytesRead);
    }
    // Some files (/proc, sysfs) report a size they do not have; only a size that fell is a loss.
    if (read < sizeAtOpen) {
      const sizeNow = (await handle.stat()).size;
      if (sizeNow < sizeAtOpen) {
        throw new RacetraceError(
          'INPUT_UNREADABLE',
          `it shrank from ${sizeAtOpen} to ${sizeNow} bytes while it was read (truncated or rotated), so ${sizeAtOpen - read} bytes were never read`,
          { details: { path, sizeAtOpen, sizeNow, read } },
        );
      }
    }
  } finally {
    await handle.close();
  }
}

import { readFileSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { RacetraceError } from '../errors.js';

/** Room past the size the file had when opened; under 4 KiB, Buffer takes it from its pool. */
const GROWTH = 4095;

/**
 * Files kept open at once, of all inputs. The merge reads every input before it writes anything,
 * so a folder of 3,000 logs had 3,000 files open and, past the process's limit (`ulimit -n`: 256
 * on macOS, 1,024 on most Linux systems), every other input failed with EMFILE. Inputs past
 * this many are opened for each read instead (see `reopenedSource`).
 */
export const KEEP_OPEN = Math.min(96, Math.floor(openFilesLimit() / 4));
/** Files opened for one read, at once at most. */
const READ_SLOTS = Math.max(1, Math.min(16, Math.floor(KEEP_OPEN / 2)));

/** How a file is held: open until it is read (`keep`), or opened for each read (`per-read`). */
export type OpenMode = 'auto' | 'keep' | 'per-read';

let keptOpen = 0;

/**
 * The bytes of a file, in chunks, read to its end. A file that ends before the size it had when
 * opened was truncated while being read (logrotate's copytruncate, a writer starting over): its
 * end looks like any other, so the sizes are compared and the loss is thrown (INPUT_UNREADABLE)
 * after the chunks that were read. A file that only grew is read to its new end.
 *
 * With `auto`, the first KEEP_OPEN files read at once stay open; later ones are opened per read.
 */
export async function* fileChunks(path: string, chunkSize: number, mode: OpenMode = 'auto'): AsyncGenerator<Buffer> {
  // Decided before the first await, so files started together are counted in turn.
  const keep = mode === 'keep' || (mode === 'auto' && keptOpen < KEEP_OPEN);
  if (keep) keptOpen++;
  let file: ChunkSource | undefined;
  try {
    file = keep ? await keptOpenSource(path) : await reopenedSource(path);
    const { sizeAtOpen } = file;
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
      const bytesRead = await file.read(chunk, read);
      if (bytesRead === 0) break;
      read += bytesRead;
      yield bytesRead === size ? chunk : chunk.subarray(0, bytesRead);
    }
    // Some files (/proc, sysfs) report a size they do not have; only a size that fell is a loss.
    if (read < sizeAtOpen) {
      const sizeNow = await file.size();
      if (sizeNow < sizeAtOpen) {
        throw new RacetraceError(
          'INPUT_UNREADABLE',
          `it shrank from ${sizeAtOpen} to ${sizeNow} bytes while it was read (truncated or rotated), so ${sizeAtOpen - read} bytes were never read`,
          { details: { path, sizeAtOpen, sizeNow, read } },
        );
      }
    }
  } finally {
    if (keep) keptOpen--;
    await file?.close();
  }
}

/**
 * One file as the loop above reads it: a read (at `position`, the bytes read so far, where the
 * file can seek), its size now, and closing.
 */
interface ChunkSource {
  readonly sizeAtOpen: number;
  read(buffer: Buffer, position: number): Promise<number>;
  size(): Promise<number>;
  close(): Promise<void>;
}

async function keptOpenSource(path: string): Promise<ChunkSource> {
  const handle = await open(path, 'r');
  try {
    const sizeAtOpen = (await handle.stat()).size;
    return {
      sizeAtOpen,
      // From the current position, not `position`: a named pipe or /dev/fd/N cannot seek.
      read: async (buffer) => (await handle.read(buffer, 0, buffer.length, null)).bytesRead,
      size: async () => (await handle.stat()).size,
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * A file opened for each read, within READ_SLOTS files at once. Each open checks that the path
 * still names the file first opened: a log rotated away (renamed, a new file in its place) would
 * otherwise be read on from the new file's middle.
 */
async function reopenedSource(path: string): Promise<ChunkSource> {
  // A pipe or a device cannot be reopened or read from a position: it stays open, past the
  // count. (Asked of the path: opening a named pipe would wait for, then lose, its writer.)
  const first = await stat(path);
  if (!first.isFile()) return keptOpenSource(path);
  const { dev, ino } = first;
  // Each read stats the file it opened: after the read that found the end, this is its size then.
  let lastSize = first.size;
  return {
    sizeAtOpen: first.size,
    read: (buffer, position) =>
      withFile(path, async (handle) => {
        const info = await handle.stat();
        if (info.dev !== dev || info.ino !== ino) {
          throw new RacetraceError(
            'INPUT_UNREADABLE',
            'it was replaced by another file while it was read (rotated?), so the rest of the original was not read',
            { details: { path } },
          );
        }
        lastSize = info.size;
        return (await handle.read(buffer, 0, buffer.length, position)).bytesRead;
      }),
    size: () => Promise.resolve(lastSize),
    close: () => Promise.resolve(),
  };
}

/** Opens `path`, runs `use`, closes it; at most READ_SLOTS of these at once. */
async function withFile<T>(path: string, use: (handle: FileHandle) => Promise<T>): Promise<T> {
  await readSlots.take();
  try {
    const handle = await open(path, 'r');
    try {
      return await use(handle);
    } finally {
      await handle.close();
    }
  } finally {
    readSlots.give();
  }
}

/** A counting semaphore: `take` waits while every slot is taken. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(count: number) {
    this.free = count;
  }

  take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.free++;
  }
}

const readSlots = new Slots(READ_SLOTS);

/**
 * The process's limit on open files where the system says (Linux: /proc/self/limits), else 256,
 * macOS's default: the budgets above take a quarter and an eighth of it at most, leaving the rest
 * to Node and to whatever else the process opens.
 */
function openFilesLimit(): number {
  try {
    const limit = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
    if (limit !== undefined) return Number(limit);
  } catch {
    // Not Linux: no /proc.
  }
  return 256;
}

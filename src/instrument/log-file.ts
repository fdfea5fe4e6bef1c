import { writeSync } from 'node:fs';
import { errorCode, errorMessage } from './fs.js';

// Buffered mode writes once this much is pending, and at exit.
const BUFFER_BYTES = 64 * 1024;
// A pipe whose reader stalls answers EAGAIN; waiting longer than this would stall the export.
const EAGAIN_BUDGET_MS = 5000;
const EAGAIN_PAUSE_MS = 5;
const pause = new Int32Array(new SharedArrayBuffer(4));

// Buffered logs still holding lines, flushed by one exit hook (a hook per log would pile up).
const buffered = new Set<LogFile>();
let exitHooked = false;

/**
 * The tracer's own event log: pino writes each line here and it goes to a file descriptor with
 * write(2), at once (`sync`) or batched and flushed at exit. It replaces pino.destination
 * (sonic-boom) because a failing log must never fail the export: sonic-boom throws ENOSPC out of
 * `logger.info` in sync mode, crashes the process with an unhandled 'error' in async mode, and
 * its flushSync retries ENOSPC or EBADF forever, so an exporter with a full log disk never exits.
 * Here the first failure is reported once on stderr and later lines are counted as lost.
 */
export class LogFile {
  /** Lines that could not be written. */
  lost = 0;
  /** Why the log stopped, once it has: `ENOSPC: no space left on device, write`. */
  failure: string | undefined;
  private pending = '';

  constructor(
    private readonly fd: number,
    private readonly sync: boolean,
    /** How the stderr sentence names the log: its path, or `fd 1`. */
    private readonly name: string,
  ) {}

  /** pino's stream interface: one complete line. */
  write(line: string): boolean {
    if (this.failure !== undefined) {
      this.lost++;
    } else if (this.sync) {
      this.writeAll(line);
    } else {
      this.pending += line;
      if (this.pending.length >= BUFFER_BYTES) this.flushSync();
      else if (!buffered.has(this)) hookExit(this);
    }
    return true;
  }

  /** Writes out what is buffered, synchronously. Never throws. */
  flushSync(): void {
    buffered.delete(this);
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    if (this.failure !== undefined) this.lost += countLines(text);
    else this.writeAll(text);
  }

  private writeAll(text: string): void {
    let data: string | Buffer = text;
    let waitedMs = 0;
    while (data.length > 0) {
      let written: number;
      try {
        written = typeof data === 'string' ? writeSync(this.fd, data) : writeSync(this.fd, data);
      } catch (error) {
        if (errorCode(error) === 'EAGAIN' && waitedMs < EAGAIN_BUDGET_MS) {
          Atomics.wait(pause, 0, 0, EAGAIN_PAUSE_MS);
          waitedMs += EAGAIN_PAUSE_MS;
          continue;
        }
        this.fail(error, typeof data === 'string' ? data : data.toString('utf8'));
        return;
      }
      // A pipe may take part of a write; the rest goes out as bytes.
      const buffer: Buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      data = written >= buffer.length ? '' : buffer.subarray(written);
    }
  }

  private fail(error: unknown, unwritten: string): void {
    this.failure = errorMessage(error);
    this.lost += Math.max(1, countLines(unwritten));
    warn(
      `racetrace: the event log ${this.name} cannot be written (${this.failure}); ` +
        `the export goes on, but its events from here on are lost: ${nextStep(errorCode(error))}.\n`,
    );
  }
}

function nextStep(code: string | undefined): string {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'free space on that disk, or log elsewhere';
  if (code === 'EPIPE') return 'whatever read the log stopped reading; keep it running, or log to a file';
  return 'check that the log file or descriptor stays open and writable';
}

/**
 * One sentence on stderr, written directly to fd 2: process.stderr could itself be a closed pipe,
 * and its 'error' event would crash the process the log failure must not stop.
 */
export function warn(sentence: string): void {
  try {
    writeSync(2, sentence);
  } catch {
    // Nowhere left to tell; the export still goes on.
  }
}

function hookExit(file: LogFile): void {
  buffered.add(file);
  if (exitHooked) return;
  exitHooked = true;
  // 'exit' also runs after an uncaught exception or process.exit(); only SIGKILL skips it.
  process.on('exit', () => {
    for (const log of [...buffered]) log.flushSync();
  });
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

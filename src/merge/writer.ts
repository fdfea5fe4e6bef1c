import type { Writable } from 'node:stream';

// One write per ~64 KiB instead of one per line: a stream write costs about a microsecond.
const BATCH = 64 * 1024;

/**
 * Writes lines to a stream in batches, honouring backpressure. A closed or failing output (a
 * pipe into `head`: EPIPE) is not an error here: `closed` turns true and the caller stops.
 */
export class LineWriter {
  written = 0;
  closed = false;
  private buffer = '';
  private readonly onError = (): void => {
    this.closed = true;
  };

  constructor(private readonly output: Writable) {
    output.on('error', this.onError);
    if (output.destroyed || output.writableEnded) this.closed = true;
  }

  /** Queues a line; false when the caller should await `drain()` before the next one. */
  add(line: string): boolean {
    if (this.closed) return false;
    this.buffer += line + '\n';
    this.written++;
    if (this.buffer.length < BATCH) return true;
    const chunk = this.buffer;
    this.buffer = '';
    return this.output.write(chunk);
  }

  /** Waits until the output takes more; false when it closed instead. */
  drain(): Promise<boolean> {
    if (this.closed || this.output.destroyed) {
      this.closed = true;
      return Promise.resolve(false);
    }
    if (!this.output.writableNeedDrain) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        this.output.off('drain', onDrain).off('close', onClose).off('error', onClose);
        if (!ok) this.closed = true;
        resolve(ok);
      };
      const onDrain = (): void => done(true);
      const onClose = (): void => done(false);
      this.output.on('drain', onDrain).on('close', onClose).on('error', onClose);
    });
  }

  /** Writes what is left and waits until the output has taken it. */
  async finish(): Promise<void> {
    if (!this.closed && this.buffer.length > 0) {
      const chunk = this.buffer;
      this.buffer = '';
      await new Promise<void>((resolve) => {
        this.output.write(chunk, (error) => {
          if (error) this.closed = true;
          resolve();
        });
      });
    }
    this.output.off('error', this.onError);
  }
}

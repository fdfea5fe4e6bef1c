import type { InputReader } from '../ingest/reader.js';
import { describeReadError } from '../ingest/read-error.js';
import type { Ordered } from './order.js';
import type { ReorderBuffer } from './reorder.js';

/**
 * One input as the k-way merge sees it: a batch of items already released by the reorder
 * window (`ready` from `pos` on). `fill` reads chunks until the batch is refilled or the input
 * ends, so the merge awaits once per chunk, not once per line.
 */
export class InputCursor<T extends Ordered> {
  ready: T[] = [];
  pos = 0;
  done = false;

  constructor(
    readonly index: number,
    readonly reader: InputReader,
    private readonly chunks: AsyncIterator<Buffer>,
    private readonly reorder: ReorderBuffer<T>,
  ) {}

  async fill(): Promise<void> {
    // The batch is refilled only once consumed, so it never keeps consumed items alive.
    this.ready.length = 0;
    this.pos = 0;
    while (!this.done && this.ready.length === 0) {
      let next: IteratorResult<Buffer>;
      try {
        next = await this.chunks.next();
      } catch (error) {
        // Keep what was read; the CLI reports the input as skipped from here on.
        this.reader.stats.error ??= describeReadError(error);
        next = { done: true, value: undefined };
      }
      if (next.done === true) {
        await this.reader.end();
        this.reorder.release(this.ready, true);
        this.done = true;
      } else {
        this.reader.write(next.value);
        this.reorder.release(this.ready, false);
      }
      this.reader.stats.late = this.reorder.late;
    }
  }

  /** Stops reading early (the output closed, or the consumer threw). */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.chunks.return?.().catch(() => undefined);
  }
}

import { Heap } from './heap.js';
import { compareKeys, type Ordered } from './order.js';
import type { InputCursor } from './cursor.js';

function compareCursors<T extends Ordered>(a: InputCursor<T>, b: InputCursor<T>): number {
  // Only cursors with a current item are in the heap.
  return compareKeys(a.ready[a.pos] as T, b.ready[b.pos] as T) || a.index - b.index;
}

/**
 * The k-way merge: calls `emit` with every item of every input, ordered by (time, host, pid,
 * seq), then input order. It runs synchronously while every input has a batch in hand and
 * awaits only to refill an empty one. When `emit` returns false, `drain` is awaited; if that
 * resolves false the merge stops early. All inputs are closed on return or throw.
 */
export async function mergeCursors<T extends Ordered>(
  cursors: readonly InputCursor<T>[],
  emit: (item: T) => boolean,
  drain: () => Promise<boolean>,
): Promise<void> {
  try {
    await Promise.all(cursors.map((cursor) => cursor.fill()));
    const heap = new Heap<InputCursor<T>>(compareCursors);
    for (const cursor of cursors) if (cursor.pos < cursor.ready.length) heap.push(cursor);
    let top = heap.peek();
    while (top !== undefined) {
      const item = top.ready[top.pos++] as T;
      if (!emit(item) && !(await drain())) return;
      if (top.pos === top.ready.length) {
        if (!top.done) await top.fill();
        if (top.pos === top.ready.length) {
          heap.pop();
          top = heap.peek();
          continue;
        }
      }
      heap.siftDown();
      top = heap.peek();
    }
  } finally {
    await Promise.all(cursors.map((cursor) => cursor.close()));
  }
}

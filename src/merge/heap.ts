/** A binary min-heap over an array; `compare` < 0 means "comes first". */
export class Heap<T> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    let index = items.push(item) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = items[parent] as T;
      if (this.compare(item, above) >= 0) break;
      items[index] = above;
      index = parent;
    }
    items[index] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      this.siftDown();
    }
    return top;
  }

  /** Restores order after the top item's key grew (the k-way merge advanced that input). */
  siftDown(): void {
    const items = this.items;
    const length = items.length;
    const item = items[0] as T;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= length) break;
      const right = child + 1;
      if (right < length && this.compare(items[right] as T, items[child] as T) < 0) child = right;
      const below = items[child] as T;
      if (this.compare(below, item) >= 0) break;
      items[index] = below;
      index = child;
    }
    items[index] = item;
  }
}

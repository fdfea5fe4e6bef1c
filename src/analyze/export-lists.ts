import { ChurnMap } from '../util/churn-map.js';

/** A sweep is due once more than this many emptied lists wait, and they are most of the Map. */
const SWEEP_FROM = 1024;

/**
 * Each export's list of what it has open (holds, renames), by correlation ID. A list that empties
 * stays in the Map, because the export's next sheet usually refills it: deleting and re-adding
 * the entry per sheet made V8 shrink and regrow the Map's table again and again. Emptied lists
 * go at export.end (`delete`), or in a sweep once they are most of the Map (exports that ended
 * without export.end), so memory still follows the open exports.
 *
 * The owner changes the lists and reports the transitions: `emptied` when a list becomes empty,
 * `refilling` just before adding to an empty one.
 */
export class ExportLists<L> {
  private readonly lists = new ChurnMap<string, L>();
  private emptyCount = 0;

  constructor(private readonly isEmpty: (list: L) => boolean) {}

  get(id: string): L | undefined {
    return this.lists.get(id);
  }

  /** A new, non-empty list. */
  set(id: string, list: L): void {
    this.lists.set(id, list);
  }

  delete(id: string): void {
    const list = this.lists.get(id);
    if (list === undefined) return;
    if (this.isEmpty(list)) this.emptyCount--;
    this.lists.delete(id);
  }

  emptied(): void {
    if (++this.emptyCount > SWEEP_FROM && this.emptyCount * 2 > this.lists.size) this.sweep();
  }

  refilling(): void {
    this.emptyCount--;
  }

  ids(): string[] {
    return [...this.lists.keys()];
  }

  values(): IterableIterator<L> {
    return this.lists.values();
  }

  private sweep(): void {
    for (const [id, list] of this.lists) if (this.isEmpty(list)) this.lists.delete(id);
    this.emptyCount = 0;
  }
}

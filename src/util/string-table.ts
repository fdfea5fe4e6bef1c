/**
 * Strings by number: each distinct string is stored once and named by its index, so that typed
 * arrays can refer to strings (hosts and inputs in the analyzer's memories).
 */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  /** The index of `text`, added if it is new. */
  indexOf(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  /** The string at `index` (from indexOf), or '' for one this table never gave. */
  at(index: number): string {
    return this.strings[index] ?? '';
  }
}

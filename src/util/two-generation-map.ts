/**
 * A Map that forgets by generations instead of by deletes: entries go into the current
 * generation, and after `generation` sets it becomes the older one (the previous older one is
 * dropped whole). Lookups try the current generation, then the older. Deleting from one big Map
 * leaves tombstones that made V8 rehash its table again and again; here nothing is deleted.
 *
 * An entry lives between `generation` and twice `generation` sets, so it suits a ring of that
 * many slots whose values the caller checks against the ring (a slot may have been reused).
 */
export class TwoGenerationMap<V> {
  private current = new Map<string, V>();
  private older = new Map<string, V>();
  private sets = 0;

  get(key: string): V | undefined {
    return this.current.get(key) ?? this.older.get(key);
  }

  /** Sets `key`; the set that makes `generation` since the last turnover turns it over. */
  set(key: string, value: V, generation: number): void {
    this.current.set(key, value);
    if (++this.sets >= generation) {
      this.sets = 0;
      this.older = this.current;
      this.current = new Map();
    }
  }
}

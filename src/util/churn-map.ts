/** Deletes before a renewal, at least (and at least as many as the entries a renewal copies). */
const RENEW_AFTER = 256;

/**
 * A Map for entries that come and go all the time while the Map lives on (open paths, open
 * exports): every so many deletes, the entries move to a fresh Map.
 *
 * Why: V8 allocates a Map's grown or shrunk table in the generation of the table it replaces, and
 * leaves the entries in the replaced one. Once a long-lived Map's table is old, every table after
 * it is old too, and each dead one still points at the values it held. The young-generation
 * collector takes those stale pointers as live until the next full collection, so each short-lived
 * value, and everything it points to, was copied into the old generation. The analysis thread
 * promoted 72 MB per 100 MB of logs; with its churning Maps made ChurnMaps, 18 MB. A fresh Map
 * starts young.
 *
 * A renewal happens in `set`, never in `delete`, so deleting while iterating stays safe.
 */
export class ChurnMap<K, V> {
  private map = new Map<K, V>();
  private deletes = 0;

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): this {
    if (this.deletes >= RENEW_AFTER && this.deletes >= this.map.size) {
      this.deletes = 0;
      this.map = new Map(this.map);
    }
    this.map.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    if (!this.map.delete(key)) return false;
    this.deletes++;
    return true;
  }

  clear(): void {
    this.map = new Map();
    this.deletes = 0;
  }

  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.map.entries();
  }
}

import type { Hold } from './holds.js';

/** Past this many open holds on one path, lookups use indexes instead of scanning the list. */
export const CROWD = 32;

/** The indexes of a crowded path, made and dropped together. */
interface CrowdIndex {
  byExport: Map<string, Hold>;
  position: Map<Hold, number>;
  /** Holds in start order (the tracker's clock never goes back); closed ones are skipped lazily. */
  byStart: Hold[];
  startHead: number;
}

/**
 * The open holds on one path. Usually one to a handful, scanned as a list. A crowd (thousands
 * of exports writing one shared path at once: a fleet all writing `latest.csv`) would make every
 * mention, release and question scan thousands of holds, quadratic over the crowd; past `CROWD`
 * holds the list gets indexes by export and by position, and a queue in start order.
 *
 * The list order is the same with or without the indexes (a removal swaps the last hold into the
 * gap), so a crowd that forms and disperses leaves the order the small case would have had.
 * An export has at most one open hold per path (the tracker looks it up before opening one).
 */
export class OpenHolds {
  private readonly list: Hold[];
  private crowd: CrowdIndex | undefined;

  /** Made with the path's first hold: a list of one, not an empty list that grows on the push. */
  constructor(first: Hold) {
    this.list = [first];
  }

  get size(): number {
    return this.list.length;
  }

  get crowded(): boolean {
    return this.crowd !== undefined;
  }

  [Symbol.iterator](): IterableIterator<Hold> {
    return this.list[Symbol.iterator]();
  }

  /** The list as it is (read-only). */
  get holds(): readonly Hold[] {
    return this.list;
  }

  add(hold: Hold): void {
    this.list.push(hold);
    const crowd = this.crowd;
    if (crowd !== undefined) {
      crowd.byExport.set(hold.correlationId, hold);
      crowd.position.set(hold, this.list.length - 1);
      crowd.byStart.push(hold);
    } else if (this.list.length > CROWD) {
      this.crowd = indexOf(this.list);
    }
  }

  /** Removes `hold` (the last hold takes its place in the list). */
  remove(hold: Hold): void {
    const list = this.list;
    const crowd = this.crowd;
    const i = crowd !== undefined ? (crowd.position.get(hold) ?? -1) : list.indexOf(hold);
    if (i < 0) return;
    const last = list.pop() as Hold;
    if (i < list.length) list[i] = last;
    if (crowd === undefined) return;
    crowd.position.delete(hold);
    if (last !== hold) crowd.position.set(last, i);
    if (crowd.byExport.get(hold.correlationId) === hold) crowd.byExport.delete(hold.correlationId);
    if (list.length === 0) this.crowd = undefined;
  }

  /** The open hold of `correlationId`, if any. */
  of(correlationId: string): Hold | undefined {
    if (this.crowd !== undefined) return this.crowd.byExport.get(correlationId);
    for (const h of this.list) if (h.correlationId === correlationId) return h;
    return undefined;
  }

  /** Does an export other than `correlationId` hold the path? */
  hasOther(correlationId: string): boolean {
    if (this.crowd !== undefined) return this.list.length > (this.crowd.byExport.has(correlationId) ? 1 : 0);
    for (const h of this.list) if (h.correlationId !== correlationId) return true;
    return false;
  }

  /**
   * The open write hold of another export that started first (only when crowded). Pairing a
   * closing hold with it alone covers the same overlap interval as pairing it with every other
   * open write hold: all those intervals end now, and this one starts earliest.
   */
  earliestOtherWriter(correlationId: string): Hold | undefined {
    const crowd = this.crowd;
    if (crowd === undefined) return undefined;
    const queue = crowd.byStart;
    while (crowd.startHead < queue.length && !(queue[crowd.startHead] as Hold).open) crowd.startHead++;
    if (crowd.startHead > 1024 && crowd.startHead * 2 > queue.length) {
      queue.splice(0, crowd.startHead);
      crowd.startHead = 0;
    }
    for (let i = crowd.startHead; i < queue.length; i++) {
      const h = queue[i] as Hold;
      if (h.open && h.correlationId !== correlationId && h.writeOrd !== Infinity) return h;
    }
    return undefined;
  }
}

function indexOf(list: readonly Hold[]): CrowdIndex {
  return {
    byExport: new Map(list.map((h) => [h.correlationId, h])),
    position: new Map(list.map((h, i) => [h, i])),
    byStart: list.slice().sort((a, b) => a.start - b.start),
    startHead: 0,
  };
}

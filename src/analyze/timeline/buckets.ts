import type { PathRole, TimelineBucket } from '../../types.js';

/** One cell of a lane's histogram: what happened in [start, end] of that lane. */
interface Cell {
  start: number;
  end: number;
  holds: number;
  temp: number;
  target: number;
  conflicts: number;
  failures: number;
  errorCodes: Map<string, number>;
}

/** Distinct error codes kept per cell; the rest are counted under OTHER_CODE. */
const MAX_CODES = 16;
const OTHER_CODE = 'other';

/**
 * A lane's holds and failures merged by time into at most `maxCells` cells. Cells are aligned on
 * `origin` with a power-of-two width in milliseconds that doubles (merging neighbours) whenever
 * one more cell would pass the bound, so memory stays fixed however long the run and however the
 * events are spread, and no total duration has to be known in advance.
 */
export class BucketHistogram {
  private width = 1;
  private cells = new Map<number, Cell>();

  constructor(
    private readonly origin: number,
    private readonly maxCells: number,
  ) {}

  hold(start: number, end: number, role: PathRole, conflict: boolean): void {
    const cell = this.cellAt(start);
    cell.start = Math.min(cell.start, start);
    cell.end = Math.max(cell.end, end);
    cell.holds++;
    if (role === 'temp') cell.temp++;
    else cell.target++;
    if (conflict) cell.conflicts++;
  }

  failure(time: number, code: string): void {
    const cell = this.cellAt(time);
    cell.start = Math.min(cell.start, time);
    cell.end = Math.max(cell.end, time);
    cell.failures++;
    addCode(cell.errorCodes, code, 1);
  }

  /** The cells in time order, as the report carries them. */
  buckets(lane: number): TimelineBucket[] {
    return [...this.cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, c]) => ({
        lane,
        start: c.start,
        end: c.end,
        holds: c.holds,
        temp: c.temp,
        target: c.target,
        conflicts: c.conflicts,
        failures: c.failures,
        ...(c.errorCodes.size > 0 ? { errorCodes: Object.fromEntries([...c.errorCodes].sort()) } : {}),
      }));
  }

  private cellAt(time: number): Cell {
    let index = this.indexOf(time);
    let cell = this.cells.get(index);
    if (cell) return cell;
    while (this.cells.size >= this.maxCells) {
      this.coarsen();
      index = this.indexOf(time);
      cell = this.cells.get(index);
      if (cell) return cell;
    }
    cell = { start: Infinity, end: -Infinity, holds: 0, temp: 0, target: 0, conflicts: 0, failures: 0, errorCodes: new Map() };
    this.cells.set(index, cell);
    return cell;
  }

  private indexOf(time: number): number {
    return Math.floor(Math.max(0, time - this.origin) / this.width);
  }

  /** Double the cell width: cells 2k and 2k+1 become one. */
  private coarsen(): void {
    this.width *= 2;
    const merged = new Map<number, Cell>();
    for (const [index, cell] of this.cells) {
      const into = merged.get(Math.floor(index / 2));
      if (!into) {
        merged.set(Math.floor(index / 2), cell);
        continue;
      }
      into.start = Math.min(into.start, cell.start);
      into.end = Math.max(into.end, cell.end);
      into.holds += cell.holds;
      into.temp += cell.temp;
      into.target += cell.target;
      into.conflicts += cell.conflicts;
      into.failures += cell.failures;
      for (const [code, n] of cell.errorCodes) addCode(into.errorCodes, code, n);
    }
    this.cells = merged;
  }
}

function addCode(codes: Map<string, number>, code: string, n: number): void {
  const key = codes.has(code) || codes.size < MAX_CODES ? code : OTHER_CODE;
  codes.set(key, (codes.get(key) ?? 0) + n);
}

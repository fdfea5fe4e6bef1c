/** Processes remembered; past it the memory starts afresh (its users are caches: only speed changes). */
const MAX_PROCESSES = 4096;

/** One row of state per process id, made on first use, for the caches that follow what a process repeats. */
export class PerProcess<R> {
  private readonly rows = new Map<number, R>();

  constructor(private readonly make: () => R) {}

  of(pid: number): R {
    let row = this.rows.get(pid);
    if (row === undefined) {
      if (this.rows.size >= MAX_PROCESSES) this.rows.clear();
      row = this.make();
      this.rows.set(pid, row);
    }
    return row;
  }
}

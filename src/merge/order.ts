/** What the merge orders by. TraceEvent has it, and so do `racetrace merge`'s line records. */
export interface Ordered {
  time: number;
  host: string;
  pid: number;
  seq: number;
  source: { line: number };
}

/** Orders by time, host, pid, seq; 0 when all four are equal. */
export function compareKeys(a: Ordered, b: Ordered): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.host !== b.host) return a.host < b.host ? -1 : 1;
  if (a.pid !== b.pid) return a.pid < b.pid ? -1 : 1;
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return 0;
}

/** Within one input: compareKeys, then line number (file order breaks the remaining ties). */
export function compareOrdered(a: Ordered, b: Ordered): number {
  return compareKeys(a, b) || a.source.line - b.source.line;
}

import { PerProcess } from '../util/per-process.js';

/** The string fields one process repeats from event to event, in slot order. */
export const HOST = 0;
export const CORRELATION_ID = 1;
export const TEMP_PATH = 2;
export const TARGET_PATH = 3;
export const ERROR_CODE = 4;
const FIELDS = 5;

/**
 * Hands out one shared copy of the strings a process repeats: its host on every line, an
 * export's correlation ID on each of its events, a path on its create, attempt and success.
 * JSON.parse makes a fresh copy each time, and the merge's reorder window keeps events alive long
 * enough to be copied by the garbage collector and promoted: with shared copies a held event is
 * about 45% smaller (237 instead of 436 bytes on the bench's logs), and later Map lookups on a
 * shared copy reuse its cached hash.
 *
 * Keyed by pid, so it works for one file per process and for one interleaved file alike. Not a
 * Map of strings: that hashes every character of every fresh string and cost more than it saved;
 * here a hit is one string comparison.
 */
export class RecentStrings extends PerProcess<string[]> {
  constructor() {
    // `of(pid)` gives the process's slots, for `reuse`.
    super(() => new Array<string>(FIELDS).fill(''));
  }
}

/** `text`, or the equal copy kept in `row[slot]` (which `text` replaces when they differ). */
export function reuse(row: string[], slot: number, text: string): string {
  const kept = row[slot] as string;
  if (kept === text) return kept;
  row[slot] = text;
  return text;
}

/**
 * Orders strings by UTF-16 code units: the same order on every machine. `localeCompare` follows
 * the process's locale (LANG), so a report's order could change with the machine it ran on.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

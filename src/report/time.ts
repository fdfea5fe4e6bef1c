import { format } from 'date-fns/format';

/**
 * Times in reports are shown in UTC: engineers compare logs from several hosts, often in other
 * zones, and a report attached to a ticket is read elsewhere. date-fns formats in the local zone,
 * so a Date whose local getters answer in UTC is handed to it (the idea of @date-fns/utc, which is
 * not a dependency). Shifting the epoch by the zone offset instead would be wrong around DST.
 */
class UtcDate extends Date {
  override getFullYear(): number { return this.getUTCFullYear(); }
  override getMonth(): number { return this.getUTCMonth(); }
  override getDate(): number { return this.getUTCDate(); }
  override getDay(): number { return this.getUTCDay(); }
  override getHours(): number { return this.getUTCHours(); }
  override getMinutes(): number { return this.getUTCMinutes(); }
  override getSeconds(): number { return this.getUTCSeconds(); }
  override getMilliseconds(): number { return this.getUTCMilliseconds(); }
  override getTimezoneOffset(): number { return 0; }
}

/** Formats epoch ms in UTC with a date-fns pattern; a time no Date can hold is shown as a number. */
export function formatUtc(ms: number, pattern: string): string {
  const date = new UtcDate(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime())) return String(ms);
  return format(date, pattern);
}

export const CLOCK = 'HH:mm:ss.SSS';
export const DATE_TIME = 'yyyy-MM-dd HH:mm:ss.SSS';

/**
 * A formatter for the times of one report: the clock alone when every time falls on one UTC day
 * (the date is then said once, in the span), the full date and time otherwise.
 */
export function timeFormatter(start: number | undefined, end: number | undefined): (ms: number) => string {
  const oneDay =
    start !== undefined && end !== undefined && formatUtc(start, 'yyyy-MM-dd') === formatUtc(end, 'yyyy-MM-dd');
  const pattern = oneDay ? CLOCK : DATE_TIME;
  return (ms) => formatUtc(ms, pattern);
}

/** `2025-11-28 16:00:00.000 – 16:00:00.912 UTC (912 ms)`: the span of a run, date said once. */
export function formatSpan(start: number | undefined, end: number | undefined): string {
  if (start === undefined) return 'no events';
  if (end === undefined || end === start) return `${formatUtc(start, DATE_TIME)} UTC`;
  const sameDay = formatUtc(start, 'yyyy-MM-dd') === formatUtc(end, 'yyyy-MM-dd');
  const to = formatUtc(end, sameDay ? CLOCK : DATE_TIME);
  return `${formatUtc(start, DATE_TIME)} – ${to} UTC (${formatDuration(end - start)})`;
}

/** A duration for people: `0.25 ms`, `41.875 ms`, `2.345 s`, `3 min 2.1 s`, `2 h 5 min`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${trim(abs, 3)} ms`;
  if (abs < 60_000) return `${sign}${trim(abs / 1000, 3)} s`;
  if (abs < 3_600_000) {
    const minutes = Math.floor(abs / 60_000);
    return `${sign}${minutes} min ${trim((abs - minutes * 60_000) / 1000, 1)} s`;
  }
  const hours = Math.floor(abs / 3_600_000);
  return `${sign}${hours} h ${Math.floor((abs - hours * 3_600_000) / 60_000)} min`;
}

/** A number with at most `digits` decimals and no trailing zeros. */
function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

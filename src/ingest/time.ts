import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

// Seconds with more than millisecond precision: date-fns truncates to whole milliseconds, and the
// tracer writes sub-millisecond times, so the digits past the third are added back by hand.
const FRACTION = /\d:?\d\d[.,](\d{4,})/;
const HAS_TIME = /\d[T ]\d\d/;
const HAS_ZONE = /(Z|[+-]\d\d(:?\d\d)?)$/i;

/**
 * Epoch milliseconds from a log line's `time`: a finite number as is, or an ISO-8601 string
 * (date-fns `parseISO`). A string without an offset is read as UTC, not as the analyst's local
 * time: the same log must give the same verdict on every machine.
 * Undefined for anything else.
 */
export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.length < 4 || value.length > 64) return undefined;
  const date = parseISO(HAS_ZONE.test(value) || !HAS_TIME.test(value) ? value : `${value}Z`);
  if (!isValid(date)) return undefined;
  const ms = date.getTime();
  const fraction = FRACTION.exec(value)?.[1];
  return fraction === undefined ? ms : ms + Number(`0.${fraction.slice(3)}`);
}

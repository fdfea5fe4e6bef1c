import { createRequire } from 'node:module';

// Seconds with more than millisecond precision: date-fns truncates to whole milliseconds, and the
// tracer writes sub-millisecond times, so the digits past the third are added back by hand.
const FRACTION = /\d:?\d\d[.,](\d{4,})/;
const HAS_TIME = /\d[T ]\d\d/;
const HAS_ZONE = /(Z|[+-]\d\d(:?\d\d)?)$/i;

interface DateFns {
  parseISO: (text: string) => Date;
  isValid: (date: unknown) => boolean;
}
let dateFns: DateFns | undefined;

/**
 * date-fns, loaded on the first ISO-8601 time: pino writes epoch milliseconds, so most runs never
 * need it, and loading it cost about 10 ms of every start-up.
 */
function loadDateFns(): DateFns {
  if (dateFns === undefined) {
    const require = createRequire(import.meta.url);
    const { parseISO } = require('date-fns/parseISO') as typeof import('date-fns/parseISO');
    const { isValid } = require('date-fns/isValid') as typeof import('date-fns/isValid');
    dateFns = { parseISO, isValid };
  }
  return dateFns;
}

/**
 * Epoch milliseconds from a log line's `time` (or a `--since`/`--until` flag): a finite number as
 * is, or an ISO-8601 string (date-fns `parseISO`). A string without an offset is read as UTC, a
 * date without a time as its UTC midnight, never as the analyst's local time: the same log and
 * the same flags must give the same verdict on every machine (the report shows UTC).
 * Undefined for anything else.
 */
export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.length < 4 || value.length > 64) return undefined;
  const { parseISO, isValid } = loadDateFns();
  // Only a time can carry an offset: in a bare date, `-28` is the day.
  const utc = !HAS_TIME.test(value) ? `${value}T00:00Z` : HAS_ZONE.test(value) ? value : `${value}Z`;
  const date = parseISO(utc);
  if (!isValid(date)) return undefined;
  const ms = date.getTime();
  const fraction = FRACTION.exec(value)?.[1];
  return fraction === undefined ? ms : ms + Number(`0.${fraction.slice(3)}`);
}

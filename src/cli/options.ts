import { RacetraceError } from '../errors.js';
import { toEpochMs } from '../ingest/time.js';

/**
 * Flag values that need more than yargs' own types: times given as ISO-8601 (UTC when they have
 * no offset) or epoch ms, and durations given as `2000`, `2000ms` or `2s`. Each bad value becomes
 * one sentence and exit 2.
 */
export function parseTimeFlag(flag: string, value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  // Read as log times are: without an offset, UTC (the report's times), on every machine.
  const ms = toEpochMs(text);
  if (ms !== undefined) return ms;
  throw new RacetraceError(
    'USAGE',
    `--${flag} got "${text}", which is not a time: give an ISO-8601 time such as 2026-11-28T17:00:00.000Z (UTC when it has no offset), or epoch milliseconds.`,
  );
}

export function parseDurationFlag(flag: string, value: unknown): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/.exec(String(value).trim());
  if (!match) {
    throw new RacetraceError(
      'USAGE',
      `--${flag} got "${String(value)}", which is not a duration: give milliseconds such as 2000, 2000ms or 2s.`,
    );
  }
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

export function parsePositiveInteger(flag: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new RacetraceError('USAGE', `--${flag} got "${String(value)}": give a whole number of at least 1.`);
  }
  return n;
}

export function parseRegexFlag(flag: string, value: string): RegExp {
  try {
    return new RegExp(value, 'g');
  } catch (error) {
    throw new RacetraceError('USAGE', `--${flag} got "${value}", which is not a valid regular expression (${(error as Error).message}).`);
  }
}

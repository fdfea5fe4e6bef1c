import { randomUUID } from 'node:crypto';
import { RacetraceError } from '../errors.js';

/** The environment variable that carries one export's correlation ID into child processes. */
export const CORRELATION_ENV = 'RACETRACE_CORRELATION_ID';

/** The schema's limit (schemas/event.schema.json, correlationId maxLength). */
const MAX_LENGTH = 200;

/**
 * A new correlation ID: compact UTC ISO time to the millisecond, then a random UUID, e.g.
 * `20261128T170000123Z-5f0c2a9e-8d7b-4c1e-9a52-0b7a1d2c3e4f`. The time prefix makes IDs sort by
 * start time; the UUID makes them unique across hosts that start in the same millisecond.
 */
export function newCorrelationId(now: Date = new Date()): string {
  // toISOString is already UTC and fixed-width, so stripping separators gives a sortable stamp.
  return `${now.toISOString().replace(/[-:.]/g, '')}-${randomUUID()}`;
}

/** The ID from `RACETRACE_CORRELATION_ID`, undefined when unset or empty; throws when it breaks the schema. */
export function correlationIdFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[CORRELATION_ENV];
  if (value === undefined || value === '') return undefined;
  checkCorrelationId(value, CORRELATION_ENV);
  return value;
}

/** Throws RacetraceError('USAGE') unless `id` is 1 to 200 characters, as the event schema requires. */
export function checkCorrelationId(id: string, source: string): void {
  if (id.length === 0 || id.length > MAX_LENGTH) {
    throw new RacetraceError(
      'USAGE',
      `${source} must be 1 to ${MAX_LENGTH} characters long (got ${id.length}); unset it to get a new ID.`,
      { details: { length: id.length } },
    );
  }
}

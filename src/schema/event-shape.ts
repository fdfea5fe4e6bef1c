import { createHash } from 'node:crypto';
import type { EventName } from '../types.js';
import { eventSchema } from './validators.js';

/**
 * The fingerprint of schemas/event.schema.json that `surelyValid` was written against: SHA-256 of
 * the schema without its prose (title, description, examples). When the schema changes, the check
 * below turns itself off (every event goes through ajv, slower but still right) and
 * test/schema/event-shape.test.ts fails until the check and this fingerprint are updated together.
 */
export const SHAPE_FINGERPRINT = '136d0e24077f039fcbd378808c2bc17d8cbf879679baf8933ba31d821b24bff9';

/** The schema's fingerprint as `SHAPE_FINGERPRINT` is computed. */
export function schemaFingerprint(schema: unknown): string {
  return createHash('sha256').update(JSON.stringify(schema, withoutProse)).digest('hex');
}

function withoutProse(key: string, value: unknown): unknown {
  return key === 'title' || key === 'description' || key === 'examples' ? undefined : value;
}

const enabled = schemaFingerprint(eventSchema) === SHAPE_FINGERPRINT;

/** True while `surelyValid` matches the schema this process loaded. */
export function shapeCheckEnabled(): boolean {
  return enabled;
}

/**
 * A hand-ordered check of an event against the schema, about ten times cheaper than the compiled
 * ajv validator (whose discriminator, if/then and code-point string lengths cost about a
 * microsecond per event, a third of JSON.parse). It is only ever a shortcut to "valid": true means
 * validateEvent would accept `obj` too; false means "ask validateEvent", which then gives the
 * verdict and the reason. So the schema stays the contract and the verdicts are the same.
 * `name` is obj.event, already known to be one of the seven event names.
 */
export function surelyValid(obj: Record<string, unknown>, name: EventName): boolean {
  if (!enabled) return false;
  const { time, pid, hostname, correlationId } = obj;
  if (typeof time !== 'number' || !(time >= 0) || time === Infinity) return false;
  if (!isCount(pid, 0) || typeof hostname !== 'string') return false;
  // Code points never outnumber UTF-16 units, so length <= 200 bounds the schema's maxLength.
  if (typeof correlationId !== 'string' || correlationId.length < 1 || correlationId.length > 200) return false;
  return surelyValidFields(obj, name);
}

/**
 * `surelyValid` without the stamps: for a tracer, which writes time, pid, hostname and
 * correlationId itself (valid by construction) and checks only what its caller passed, without
 * first copying it into a whole record. `obj` must not carry the stamps itself.
 */
export function surelyValidFields(obj: Record<string, unknown>, name: EventName): boolean {
  if (!enabled) return false;
  const { seq, level, msg } = obj;
  if (!isCount(seq, 0)) return false;
  if (level !== undefined && !Number.isInteger(level)) return false;
  if (msg !== undefined && typeof msg !== 'string') return false;
  if (obj['trace_id'] !== undefined && typeof obj['trace_id'] !== 'string') return false;
  if (obj['span_id'] !== undefined && typeof obj['span_id'] !== 'string') return false;
  switch (name) {
    case 'export.start':
      return true;
    case 'export.end':
      return (obj['status'] === 'ok' || obj['status'] === 'failed') && optionalDuration(obj['durationMs']);
    case 'temp.create': {
      const access = obj['access'];
      if (access !== undefined && access !== 'read' && access !== 'write') return false;
      if (!optionalPath(obj['tempPath']) || !optionalPath(obj['targetPath'])) return false;
      return access === 'read' ? obj['targetPath'] !== undefined : obj['tempPath'] !== undefined;
    }
    case 'temp.delete': {
      const access = obj['access'];
      if (access !== undefined && access !== 'read' && access !== 'write') return false;
      return isPath(obj['tempPath']) && optionalPath(obj['targetPath']);
    }
    case 'rename.attempt':
      return isPath(obj['tempPath']) && isPath(obj['targetPath']) && isCount(obj['attempt'], 1);
    case 'rename.success':
      return isPath(obj['tempPath']) && isPath(obj['targetPath']) && isCount(obj['attempt'], 1) && optionalDuration(obj['durationMs']);
    case 'rename.failure': {
      const { errorCode, errorMessage, willRetry, delayMs } = obj;
      if (!isPath(obj['tempPath']) || !isPath(obj['targetPath']) || !isCount(obj['attempt'], 1)) return false;
      if (typeof errorCode !== 'string' || errorCode.length < 1 || typeof willRetry !== 'boolean') return false;
      if (errorMessage !== undefined && typeof errorMessage !== 'string') return false;
      return willRetry ? isDuration(delayMs) : optionalDuration(delayMs);
    }
    default:
      return false;
  }
}

/** An integer at least `min` (Number.isInteger is false for NaN and the infinities). */
function isCount(value: unknown, min: number): boolean {
  return Number.isInteger(value) && (value as number) >= min;
}

function isPath(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function optionalPath(value: unknown): boolean {
  return value === undefined || isPath(value);
}

function isDuration(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value !== Infinity;
}

function optionalDuration(value: unknown): boolean {
  return value === undefined || isDuration(value);
}

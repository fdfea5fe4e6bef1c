import { createRequire } from 'node:module';
import type { Ajv as AjvType, ErrorObject, ValidateFunction } from 'ajv';
import { readSchema } from './paths.js';

/**
 * The compiled validators, built once per process, on first use. Everything that validates
 * events or reports imports them from here, so each schema is compiled exactly once. Compiling
 * at import cost every command about 80 ms of start-up, `racetrace merge` and `emit` included,
 * which rarely or never need it.
 */
let ajv: AjvType | undefined;
function compiler(): AjvType {
  if (ajv === undefined) {
    // ajv itself is loaded on first use too (about 30 ms of modules): `racetrace merge` of valid
    // events never needs it, since surelyValid (./event-shape.ts) answers first.
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    ajv = new Ajv({ discriminator: true, allErrors: false, strict: true, strictRequired: false });
  }
  return ajv;
}

export const eventSchema = readSchema('event.schema.json');

let eventValidator: ValidateFunction | undefined;

/** A compiled validator as callers use it: call it, then read `errors` when it said false. */
export interface Validator {
  (data: unknown): boolean;
  readonly errors: ErrorObject[] | null | undefined;
}

/** Validates one racetrace event (the emission contract, schemas/event.schema.json). */
export const validateEvent: Validator = Object.defineProperty(
  (data: unknown): boolean => (eventValidator ??= compiler().compile(eventSchema))(data),
  'errors',
  { get: () => eventValidator?.errors },
) as Validator;

let reportValidator: ValidateFunction | undefined;

/** Validates a JSON report (schemas/report.schema.json); compiled on first use. */
export function validateReport(data: unknown): { valid: boolean; errors: string } {
  reportValidator ??= compiler().compile(readSchema('report.schema.json'));
  const valid = reportValidator(data);
  return { valid, errors: valid ? '' : describeErrors(reportValidator.errors) };
}

/** One short sentence per error, e.g. `/attempt must be >= 1`. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return 'invalid';
  return errors
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`.trim())
    .join('; ');
}

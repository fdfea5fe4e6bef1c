import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { readSchema } from './paths.js';

/**
 * The compiled validators, built once per process. Everything that validates events or reports
 * imports them from here, so the schema is compiled exactly once.
 */
const ajv = new Ajv({ discriminator: true, allErrors: false, strict: true, strictRequired: false });

export const eventSchema = readSchema('event.schema.json');

/** Validates one racetrace event (the emission contract, schemas/event.schema.json). */
export const validateEvent: ValidateFunction = ajv.compile(eventSchema);

let reportValidator: ValidateFunction | undefined;

/** Validates a JSON report (schemas/report.schema.json); compiled on first use. */
export function validateReport(data: unknown): { valid: boolean; errors: string } {
  reportValidator ??= ajv.compile(readSchema('report.schema.json'));
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

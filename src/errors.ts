/**
 * The one error class racetrace throws for things a user can fix. `code` names the problem,
 * the message ends with what to do next, and the CLI maps it to exit code 2 without a stack trace.
 */
export type RacetraceErrorCode =
  | 'USAGE'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'SCHEMA_VIOLATION'
  | 'RENAME_FAILED'
  | 'EXPORT_FAILED';

export class RacetraceError extends Error {
  readonly code: RacetraceErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: RacetraceErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RacetraceError';
    this.code = code;
    this.details = options.details ?? {};
  }
}

export function isRacetraceError(value: unknown): value is RacetraceError {
  return value instanceof RacetraceError;
}

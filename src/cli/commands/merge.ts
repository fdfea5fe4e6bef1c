import type { Argv } from 'yargs';
import { RacetraceError } from '../../errors.js';
import { ingestOptionsFrom, inputsOrStdin, withIngestFlags, type IngestFlagValues } from '../flags.js';
import { reportInputErrors } from '../input-errors.js';

export const command = 'merge [inputs..]';
export const describe = 'merge the logs of many processes into one time-ordered NDJSON stream on stdout';

export function builder(yargs: Argv) {
  return withIngestFlags(yargs).example('$0 merge logs/ --since 2026-11-28T17:00:00Z > merged.ndjson', 'one file, like sort -m');
}

/** `racetrace merge`: original lines, in time order, to stdout. */
export async function mergeCommand(argv: IngestFlagValues): Promise<number> {
  const inputs = inputsOrStdin(argv.inputs);
  if (inputs.length === 0) {
    throw new RacetraceError('USAGE', 'No input given: name log files or folders, or pipe a log into racetrace merge.');
  }
  const { DEFAULT_INGEST_OPTIONS, mergeLines } = await import('../../merge/index.js');
  const result = await mergeLines(inputs, { ...DEFAULT_INGEST_OPTIONS, ...ingestOptionsFrom(argv) }, process.stdout);
  reportInputErrors(result.inputs);
  return result.inputs.some((input) => input.error !== undefined) ? 2 : 0;
}

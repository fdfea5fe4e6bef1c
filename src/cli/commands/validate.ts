import type { Argv } from 'yargs';
import { RacetraceError } from '../../errors.js';
import { neutralise } from '../../report/sanitize.js';
import { ingestOptionsFrom, inputsOrStdin, withIngestFlags, type IngestFlagValues } from '../flags.js';
import { writeStdout } from '../output.js';
import { reportInputErrors } from '../input-errors.js';

export const command = 'validate [inputs..]';
export const describe = 'check log lines against the event schema only';

export function builder(yargs: Argv) {
  return withIngestFlags(yargs);
}

/** `racetrace validate`: exit 0 when every line is an event or other, 1 when a line is invalid. */
export async function validateCommand(argv: IngestFlagValues): Promise<number> {
  const inputs = inputsOrStdin(argv.inputs);
  if (inputs.length === 0) {
    throw new RacetraceError('USAGE', 'No input given: name log files or folders, or pipe a log into racetrace validate.');
  }
  const { DEFAULT_INGEST_OPTIONS, streamEvents } = await import('../../merge/index.js');
  const result = await streamEvents(inputs, { ...DEFAULT_INGEST_OPTIONS, ...ingestOptionsFrom(argv) }, () => {});
  const lines: string[] = [];
  for (const input of result.inputs) {
    lines.push(
      `${neutralise(input.name)}: ${input.lines} lines: ${input.events} events, ${input.other} other, ${input.invalid} invalid`,
    );
  }
  for (const d of result.diagnostics) lines.push(`${neutralise(d.input)}:${d.line}: ${neutralise(d.reason)}`);
  if (result.diagnosticsOmitted > 0) lines.push(`and ${result.diagnosticsOmitted} more invalid lines`);
  await writeStdout(`${lines.join('\n')}\n`);
  reportInputErrors(result.inputs);
  if (result.inputs.some((input) => input.error !== undefined)) return 2;
  return result.inputs.some((input) => input.invalid > 0) ? 1 : 0;
}

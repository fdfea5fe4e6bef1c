import { writeFile } from 'node:fs/promises';
import { RacetraceError } from '../errors.js';
import { restoreDash } from './dash.js';

/**
 * Writes a finished report to --out or stdout. A closed stdout pipe (`racetrace ... | head`) is
 * not an error worth a stack trace: the reader has what it wanted.
 */
export async function writeReport(text: string, out: string | undefined): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  // `--out -` is stdout, as for the inputs.
  if (out && restoreDash(out) !== '-') {
    try {
      await writeFile(out, body);
    } catch (error) {
      throw new RacetraceError(
        'USAGE',
        `Cannot write the report to ${out} (${(error as NodeJS.ErrnoException).code ?? 'error'}): check that its folder exists and is writable.`,
        { cause: error },
      );
    }
    return;
  }
  await writeStdout(body);
}

export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (!process.stdout.write(text)) process.stdout.once('drain', resolve);
    else resolve();
  });
}

/**
 * Ends quietly on EPIPE (the reader has what it wanted). A stdout that cannot be written (a full
 * disk: `racetrace merge logs/ > merged.ndjson`) is one sentence and exit 2, since the output is
 * incomplete; an error without a system code is unexpected and rethrown.
 */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (error.code === undefined || !error.code.startsWith('E')) throw error;
    const next = error.code === 'ENOSPC' || error.code === 'EDQUOT' ? 'free space on that disk, or write elsewhere' : 'check where the output goes';
    process.stderr.write(`racetrace: cannot write the output (${error.message}), so it is incomplete: ${next}.\n`);
    process.exit(2);
  });
}

/** Colour only on a terminal, never with NO_COLOR, never into a file. */
export function useColor(out: string | undefined): boolean {
  if (out && restoreDash(out) !== '-') return false;
  if ('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '') return false;
  return process.stdout.isTTY === true;
}

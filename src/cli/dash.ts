/**
 * `-` names standard input (`cat new.log | racetrace analyze - old.log`), but yargs drops a lone
 * `-` from positional arguments (yargs/yargs#1312, yargs-parser#381), so stdin would be silently
 * skipped whenever a file is named too. run() swaps `-` for a stand-in before yargs sees it and
 * the commands swap it back. The stand-in holds a NUL, which no real argument can contain.
 */
const STAND_IN = '\u0000stdin';

/** The arguments with every lone `-` before `--` replaced by the stand-in. */
export function protectDash(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, i) => (arg === '-' && (end === -1 || i < end) ? STAND_IN : arg));
}

/** Undoes protectDash in parsed values (and in yargs' messages about them). */
export function restoreDash(value: string): string {
  return value.split(STAND_IN).join('-');
}

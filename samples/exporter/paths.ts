import { join, resolve } from 'node:path';

/** Where a sheet of one run ends up: `<out>/<report>-<label>-<sheet>.csv`; the label keeps concurrent runs apart. */
export function targetPath(out: string, report: string, label: string, sheet: string): string {
  return join(resolve(out), `${report}-${label}-${sheet}.csv`);
}

/**
 * Naive mode's temp file: a fixed name in a shared folder, the same for every process that
 * exports this report. This is the bug as reported: concurrent runs truncate, overwrite and
 * rename each other's temp files.
 */
export function naiveTempPath(tempDir: string, report: string, sheet: string): string {
  return join(resolve(tempDir), `${report}-${sheet}.csv.tmp`);
}

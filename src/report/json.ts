import type { Reporter } from './reporter.js';

/** The $id of schemas/report.schema.json, which `--format json` output follows. */
export const REPORT_SCHEMA_ID = 'https://racetrace.dev/schemas/report/1.0.0';

/**
 * `--format json`: the Report as it is, pretty-printed, with `$schema` first so a reader (or an
 * editor) knows the contract. No escaping is needed: JSON.stringify escapes control characters,
 * and a consumer that displays the strings must escape them for its own medium.
 */
export const jsonReporter: Reporter = (report) => {
  const { $schema, ...rest } = report;
  return `${JSON.stringify({ $schema: $schema ?? REPORT_SCHEMA_ID, ...rest }, null, 2)}\n`;
};

import { RacetraceError } from '../errors.js';
import type { Report } from '../types.js';
import type { RenderOptions, Reporter } from './reporter.js';
import { htmlReporter } from './html/index.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import { textReporter } from './text.js';
import { neutralise } from './sanitize.js';

/** Every reporter, keyed by its `--format` value. A new format is one file and one line here. */
export const reporters = {
  text: textReporter,
  json: jsonReporter,
  markdown: markdownReporter,
  html: htmlReporter,
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof reporters;

export function isReportFormat(format: string): format is ReportFormat {
  return Object.hasOwn(reporters, format);
}

/**
 * Renders a report in one format. The CLI restricts `--format` with yargs choices; this check
 * catches a format named there before its reporter is registered.
 */
export function render(report: Report, format: ReportFormat, options: RenderOptions): string {
  if (!isReportFormat(format)) {
    throw new RacetraceError(
      'USAGE',
      `Unknown report format "${neutralise(String(format))}": use one of ${Object.keys(reporters).join(', ')}.`,
    );
  }
  return reporters[format](report, options);
}

export type { RenderOptions, Reporter } from './reporter.js';

import type { Report } from '../types.js';
import type { Reporter } from './reporter.js';
import { paint } from './ansi.js';
import { kindTally, verdict } from './describe.js';
import { neutralise } from './sanitize.js';
import { findingsSection } from './text-findings.js';
import { clockSection, diagnosticsSection, exportsSection, inputsSection, storySection, type TextContext } from './text-sections.js';
import { formatSpan, timeFormatter } from './time.js';

/**
 * `--format text`, the default: a summary, the findings, the exports, the lines that could not
 * be used, notes and (with --correlation-id) one export's story. Every string from a log goes
 * through neutralise(); colour only when options.color is true.
 */
export const textReporter: Reporter = (report, options) => {
  const ctx: TextContext = {
    color: options.color,
    time: timeFormatter(report.summary.start, report.summary.end),
  };
  const heading = (title: string): string => paint(title, 'bold', ctx.color);
  const sections: string[] = [
    `${heading(`racetrace ${neutralise(report.tool.version)} report`)} (times in UTC)`,
    summary(report, ctx),
    `${heading('Inputs')}\n${inputsSection(report, ctx)}`,
  ];
  sections.push(
    report.findings.length > 0
      ? `${heading('Findings')}\n${findingsSection(report.findings, ctx)}`
      : `${heading('Findings')}\nNo findings.`,
  );
  if (report.exports.length > 0) sections.push(`${heading('Exports')}\n${exportsSection(report, ctx)}`);
  if (report.clock) sections.push(`${heading('Clocks')}\n${clockSection(report.clock)}`);
  if (report.diagnostics.length > 0 || report.diagnosticsOmitted) {
    sections.push(`${heading('Invalid lines')}\n${diagnosticsSection(report)}`);
  }
  if (report.story) {
    const title = `Story of export ${neutralise(report.story.correlationId)}`;
    const body = report.story.events.length > 0 ? storySection(report.story, ctx) : 'No events for this correlation id.';
    sections.push(`${heading(title)}\n${body}`);
  }
  if (report.notes && report.notes.length > 0) {
    sections.push(`${heading('Notes')}\n${report.notes.map((note) => `- ${neutralise(note)}`).join('\n')}`);
  }
  return `${sections.join('\n\n')}\n`;
};

function summary(report: Report, ctx: TextContext): string {
  const failed = report.findings.some((f) => f.severity === 'error');
  const style = failed ? 'red' : report.findings.length > 0 ? 'yellow' : 'green';
  const { summary: s } = report;
  return [
    paint(verdict(report), style, ctx.color),
    `Time span: ${formatSpan(s.start, s.end)}`,
    `Events: ${s.events} · exports: ${s.exports} · processes: ${s.processes}`,
    `Findings by kind: ${neutralise(kindTally(s.findings))}`,
  ].join('\n');
}

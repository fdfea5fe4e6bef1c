import type { Reporter } from './reporter.js';
import { verdict } from './describe.js';
import { ganttBlock } from './gantt.js';
import { mdCode, mdText } from './markdown-escape.js';
import { findingsMarkdown } from './markdown-findings.js';
import { clockMarkdown, diagnosticsMarkdown, exportsMarkdown, storyMarkdown, summaryMarkdown } from './markdown-sections.js';
import { timeFormatter } from './time.js';

/**
 * `--format markdown`, for a bug ticket: a one-line verdict, the summary, the findings with their
 * evidence folded away, a Mermaid chart of the conflicting holds, the exports and the invalid
 * lines. Everything from a log is escaped (mdText) or put in a code span (mdCode), so a hostile
 * path renders as text on GitHub.
 */
export const markdownReporter: Reporter = (report) => {
  const time = timeFormatter(report.summary.start, report.summary.end);
  const parts = [
    '## racetrace report',
    `**${mdText(verdict(report))}**`,
    `_racetrace ${mdText(report.tool.version)}; times in UTC._`,
    summaryMarkdown(report),
    '### Findings',
    report.findings.length > 0 ? findingsMarkdown(report.findings, time) : 'No findings.',
  ];
  const gantt = ganttBlock(report);
  if (gantt !== '') parts.push('### Conflicting holds', gantt);
  if (report.exports.length > 0) parts.push('### Exports', exportsMarkdown(report, time));
  if (report.clock) parts.push('### Clocks', clockMarkdown(report.clock));
  if (report.diagnostics.length > 0 || report.diagnosticsOmitted) {
    parts.push('### Invalid lines', diagnosticsMarkdown(report));
  }
  if (report.story) {
    parts.push(`### Story of export ${mdCode(report.story.correlationId)}`, storyMarkdown(report.story, time));
  }
  if (report.notes && report.notes.length > 0) {
    parts.push('### Notes', report.notes.map((note) => `- ${mdText(note)}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
};

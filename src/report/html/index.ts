import type { Reporter } from '../reporter.js';
import { findingTally, verdict } from '../describe.js';
import { timeFormatter } from '../time.js';
import { CLIENT_SCRIPT } from './client.js';
import { findingsHtml } from './findings.js';
import { section, text } from './markup.js';
import { page } from './page.js';
import { diagnosticsHtml, exportsHtml, notesHtml, storyHtml, summaryHtml } from './sections.js';
import { CSS } from './styles.js';
import { timelineHtml } from './timeline.js';

/**
 * `--format html`: one self-contained page to attach to a bug ticket. The verdict and summary,
 * the findings (each linked to its moment in the timeline), the timeline drawn as SVG by the
 * page's own script from data embedded in the page, then the exports, invalid lines and notes.
 * No network at all (a Content-Security-Policy forbids it); every string from a log is escaped,
 * or travels as JSON escaped for a script element and reaches the page as text.
 */
export const htmlReporter: Reporter = (report) => {
  const time = timeFormatter(report.summary.start, report.summary.end);
  const timeline = timelineHtml(report);
  const errors = report.findings.some((f) => f.severity === 'error');
  const body = [
    '<header>',
    '<h1>racetrace report</h1>',
    `<p class="verdict ${report.findings.length === 0 ? 'ok' : errors ? 'bad' : ''}">${text(verdict(report))}</p>`,
    `<p class="muted">racetrace ${text(report.tool.version)}; times in UTC.</p>`,
    '</header>',
    summaryHtml(report),
    section('findings', 'Findings', findingsHtml(report.findings, time)),
    timeline.html,
    exportsHtml(report, time),
    diagnosticsHtml(report),
    storyHtml(report, time),
    notesHtml(report),
  ].filter((part) => part !== '');
  return page({
    title: text(`racetrace: ${findingTally(report.findings)}`),
    body: body.join('\n'),
    css: CSS,
    script: CLIENT_SCRIPT,
    data: timeline.data,
  });
};

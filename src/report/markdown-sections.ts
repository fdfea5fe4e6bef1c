import type { ClockReport, Report, StoryEvent } from '../types.js';
import { clockText } from './describe-clock.js';
import { kindTally, plural } from './describe.js';
import { mdCode, mdText } from './markdown-escape.js';
import { mdTable } from './markdown-table.js';
import { formatDuration, formatSpan } from './time.js';

/** Exports listed in a ticket; the JSON report has them all. */
export const MARKDOWN_MAX_EXPORTS = 50;

export function summaryMarkdown(report: Report): string {
  const s = report.summary;
  const summary = mdTable(['Summary', ''], [
    ['Time span', mdText(formatSpan(s.start, s.end))],
    ['Events', String(s.events)],
    ['Exports', String(s.exports)],
    ['Processes', String(s.processes)],
    ['Findings', mdText(kindTally(s.findings))],
  ]);
  const withError = report.inputs.some((input) => input.error !== undefined);
  const head = ['Input', 'Lines', 'Events', 'Other', 'Invalid', 'Late', ...(withError ? ['Problem'] : [])];
  const rows = report.inputs.map((input) => [
    mdCode(input.name, true),
    ...[input.lines, input.events, input.other, input.invalid, input.late].map(String),
    ...(withError ? [input.error === undefined ? '' : mdText(`not read to the end: ${input.error}`)] : []),
  ]);
  const align = head.map((_, i) => (i >= 1 && i <= 5 ? 'right' : 'left') as 'left' | 'right');
  return `${summary}\n\n${mdTable(head, rows, align)}`;
}

/** Exports with findings first (they matter in a ticket), then the rest, up to a bound. */
export function exportsMarkdown(report: Report, time: (ms: number) => string): string {
  const ordered = [...report.exports].sort((a, b) => b.findings - a.findings || a.start - b.start);
  const shown = ordered.slice(0, MARKDOWN_MAX_EXPORTS);
  const rows = shown.map((run) => [
    mdCode(run.correlationId, true),
    `${run.hosts.map((host) => mdCode(host, true)).join(', ')} ${run.pids.join(', ')}`.trim(),
    time(run.start),
    formatDuration(run.end - run.start),
    run.status === 'ok' ? 'ok' : `**${run.status}**`,
    String(run.events),
    String(run.findings),
  ]);
  const table = mdTable(['Correlation ID', 'Processes', 'Start (UTC)', 'Duration', 'Status', 'Events', 'Findings'], rows,
    ['left', 'left', 'left', 'right', 'left', 'right', 'right']);
  const left = report.exports.length - shown.length + (report.exportsOmitted ?? 0);
  return left > 0 ? `${table}\n\n_and ${plural(left, 'more export')} (see \`--format json\`)._` : table;
}

export function diagnosticsMarkdown(report: Report): string {
  const lines = report.diagnostics.map((d) => `- ${mdCode(`${d.input}:${d.line}`)}: ${mdText(d.reason)}`);
  if (report.diagnosticsOmitted) lines.push(`- and ${plural(report.diagnosticsOmitted, 'more invalid line')}`);
  return lines.join('\n');
}

export function storyMarkdown(story: NonNullable<Report['story']>, time: (ms: number) => string): string {
  if (story.events.length === 0) return '_No events for this correlation ID._';
  const rows = story.events.map((event) => [
    time(event.time),
    event.own ? 'this' : `**other** ${mdCode(event.correlationId, true)}`,
    `${mdCode(event.host, true)} ${event.pid}`,
    event.event === 'rename.failure' ? `**${event.event}**` : event.event,
    storyDetail(event),
    mdCode(`${event.source.input}:${event.source.line}`, true),
  ]);
  return mdTable(['Time (UTC)', 'Export', 'Process', 'Event', 'Detail', 'Line'], rows);
}

function storyDetail(event: StoryEvent): string {
  const parts: string[] = [];
  const attempt = event.attempt !== undefined ? `attempt ${event.attempt}` : '';
  const code = event.errorCode !== undefined ? mdCode(event.errorCode, true) : '';
  if (attempt || code) parts.push(`${attempt} ${code}`.trim());
  if (event.tempPath !== undefined) parts.push(`temp ${mdCode(event.tempPath, true)}`);
  if (event.targetPath !== undefined) parts.push(`target ${mdCode(event.targetPath, true)}`);
  return parts.join('<br>');
}

/** The clock section as a paragraph and a list; host names are escaped. */
export function clockMarkdown(clock: ClockReport): string {
  const { lead, hosts, after } = clockText(clock);
  const list = hosts.map((line) => `- ${mdText(line)}`).join('\n');
  return [mdText(lead), list, after.map(mdText).join(' ')].filter((part) => part !== '').join('\n\n');
}

import type { Report, StoryEvent } from '../../types.js';
import { kindTally, plural } from '../describe.js';
import { formatDuration, formatSpan } from '../time.js';
import { code, section, table, text } from './markup.js';

/** Exports listed in the page, findings first; `--format json` has them all. */
export const HTML_MAX_EXPORTS = 500;

/** The run at a glance, then the line accounting of every input. */
export function summaryHtml(report: Report): string {
  const s = report.summary;
  const facts: [string, string][] = [
    ['Time span', text(formatSpan(s.start, s.end))],
    ['Events', String(s.events)],
    ['Exports', String(s.exports)],
    ['Processes', String(s.processes)],
    ['Findings', text(kindTally(s.findings))],
  ];
  const dl = `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
  const withError = report.inputs.some((input) => input.error !== undefined);
  const head = ['Input', 'Lines', 'Events', 'Other', 'Invalid', 'Late', ...(withError ? ['Problem'] : [])];
  const rows = report.inputs.map((input) => [
    code(input.name),
    ...[input.lines, input.events, input.other, input.invalid, input.late].map(String),
    ...(withError ? [input.error === undefined ? '' : `<span class="bad">not read to the end: ${text(input.error)}</span>`] : []),
  ]);
  const inputs = `<p class="muted">Every line of every input is accounted for: lines = events + other + invalid.</p>\n${table(head, rows, { numeric: [1, 2, 3, 4, 5] })}`;
  return section('summary', 'Summary', `${dl}\n${inputs}`);
}

export function exportsHtml(report: Report, time: (ms: number) => string): string {
  if (report.exports.length === 0) return '';
  const ordered = [...report.exports].sort((a, b) => b.findings - a.findings || a.start - b.start);
  const shown = ordered.slice(0, HTML_MAX_EXPORTS);
  const rows = shown.map((run) => [
    code(run.correlationId),
    `${run.hosts.map(code).join(', ')} ${run.pids.join(', ')}`.trim(),
    text(time(run.start)),
    text(formatDuration(run.end - run.start)),
    run.status === 'ok' ? 'ok' : `<span class="bad">${text(run.status)}</span>`,
    String(run.events),
    String(run.findings),
  ]);
  const left = report.exports.length - shown.length + (report.exportsOmitted ?? 0);
  const more = left > 0 ? `\n<p class="muted">and ${plural(left, 'more export')} (see <code>--format json</code>).</p>` : '';
  const head = ['Correlation ID', 'Processes', 'Start (UTC)', 'Duration', 'Status', 'Events', 'Findings'];
  return section('exports', 'Exports', table(head, rows, { numeric: [3, 5, 6] }) + more);
}

export function diagnosticsHtml(report: Report): string {
  if (report.diagnostics.length === 0 && !report.diagnosticsOmitted) return '';
  const items = report.diagnostics.map((d) => `<li>${code(`${d.input}:${d.line}`)}: ${text(d.reason)}</li>`);
  if (report.diagnosticsOmitted) items.push(`<li>and ${plural(report.diagnosticsOmitted, 'more invalid line')}</li>`);
  return section('diagnostics', 'Invalid lines', `<ul>\n${items.join('\n')}\n</ul>`);
}

export function notesHtml(report: Report): string {
  if (!report.notes || report.notes.length === 0) return '';
  return section('notes', 'Notes', `<ul>\n${report.notes.map((n) => `<li>${text(n)}</li>`).join('\n')}\n</ul>`);
}

export function storyHtml(report: Report, time: (ms: number) => string): string {
  const story = report.story;
  if (!story) return '';
  const title = `Story of export ${code(story.correlationId)}`;
  if (story.events.length === 0) return section('story', title, '<p>No events for this correlation ID.</p>');
  const rows = story.events.map((e) => [
    text(time(e.time)),
    e.own ? 'this' : `<strong>other</strong> ${code(e.correlationId)}`,
    `${code(e.host)} ${e.pid}`,
    e.event === 'rename.failure' ? `<strong class="bad">${e.event}</strong>` : e.event,
    storyDetail(e),
    code(`${e.source.input}:${e.source.line}`),
  ]);
  return section('story', title, table(['Time (UTC)', 'Export', 'Process', 'Event', 'Detail', 'Line'], rows));
}

function storyDetail(e: StoryEvent): string {
  const parts: string[] = [];
  const attempt = e.attempt !== undefined ? `attempt ${e.attempt}` : '';
  const err = e.errorCode !== undefined ? code(e.errorCode) : '';
  if (attempt || err) parts.push(`${attempt} ${err}`.trim());
  if (e.tempPath !== undefined) parts.push(`temp ${code(e.tempPath)}`);
  if (e.targetPath !== undefined) parts.push(`target ${code(e.targetPath)}`);
  return parts.join('<br>');
}

import type { ExportSummary, Finding, Report } from '../types.js';
import { plural } from './describe.js';

/**
 * A Mermaid `gantt` block of the conflicting holds, for Markdown tickets (issue 6): GitHub and
 * GitLab draw it. One section per contended path, one bar per export that held it, and a `crit`
 * bar for each window in which they held it together. Capped to the most contended paths so it
 * stays readable; the findings table has the rest.
 */
export const GANTT_MAX_PATHS = 5;
const MAX_EXPORTS_PER_PATH = 8;
const MAX_WINDOWS_PER_PATH = 3;
const MAX_NAME = 60;

interface PathGroup {
  label: string;
  windows: Finding[];
  correlationIds: string[];
}

/** The block, a legend and what was left out; '' when no finding is an overlapping hold. */
export function ganttBlock(report: Report, maxPaths = GANTT_MAX_PATHS): string {
  const groups = groupByPath(report.findings);
  if (groups.length === 0) return '';
  const shown = groups.slice(0, maxPaths);
  const exports = new Map(report.exports.map((run) => [run.correlationId, run]));
  const lines = ['```mermaid', 'gantt', '    title Conflicting holds', '    dateFormat x',
    '    axisFormat %H:%M:%S.%L', '    todayMarker off'];
  for (const group of shown) lines.push(...section(group, exports));
  lines.push('```', '');
  lines.push('_Bars: each export from its first to its last event; red: when they held the path at the same time. The axis is in your local time zone._');
  if (groups.length > shown.length) {
    lines.push('', `_${plural(groups.length - shown.length, 'more contended path')} in the findings table._`);
  }
  return lines.join('\n');
}

/** Overlapping-path findings by path, most contended first: most exports, longest overlap, earliest. */
function groupByPath(findings: readonly Finding[]): PathGroup[] {
  const groups = new Map<string, PathGroup>();
  for (const finding of findings) {
    if (finding.kind !== 'overlapping-path' || finding.path === undefined || finding.start === undefined) continue;
    const label = `${finding.role ?? 'path'} ${finding.path}`;
    const group = groups.get(label) ?? { label, windows: [], correlationIds: [] };
    group.windows.push(finding);
    for (const id of finding.correlationIds ?? []) if (!group.correlationIds.includes(id)) group.correlationIds.push(id);
    groups.set(label, group);
  }
  const overlap = (g: PathGroup): number => g.windows.reduce((sum, w) => sum + ((w.end ?? w.start ?? 0) - (w.start ?? 0)), 0);
  const first = (g: PathGroup): number => Math.min(...g.windows.map((w) => w.start ?? Infinity));
  return [...groups.values()].sort(
    (a, b) => b.correlationIds.length - a.correlationIds.length || overlap(b) - overlap(a) || first(a) - first(b),
  );
}

function section(group: PathGroup, exports: Map<string, ExportSummary>): string[] {
  const lines = [`    section ${mermaidText(group.label)}`];
  for (const id of group.correlationIds.slice(0, MAX_EXPORTS_PER_PATH)) {
    const run = exports.get(id);
    const mine = group.windows.filter((w) => w.correlationIds?.includes(id));
    // Without the export's summary (the list was bounded) its overlap windows stand in for it.
    const start = run?.start ?? Math.min(...mine.map((w) => w.start ?? Infinity));
    const end = run?.end ?? Math.max(...mine.map((w) => w.end ?? w.start ?? -Infinity));
    const who = run && run.pids.length > 0 ? `${run.pids.length === 1 ? 'pid' : 'pids'} ${run.pids.join(' ')} ` : '';
    lines.push(`    ${mermaidText(`${who}export ${shortId(id)}`)} :${bar(start, end)}`);
  }
  for (const window of group.windows.slice(0, MAX_WINDOWS_PER_PATH)) {
    lines.push(`    ${mermaidText(`together (${window.pids?.length ?? window.correlationIds?.length ?? 2} processes)`)} :crit, ${bar(window.start ?? 0, window.end ?? window.start ?? 0)}`);
  }
  return lines;
}

/** `start, end` in epoch ms (dateFormat x); at least 1 ms long, so the bar is drawn. */
function bar(start: number, end: number): string {
  const from = Math.floor(start);
  return ` ${from}, ${Math.max(Math.ceil(end), from + 1)}`;
}

/** The tail of a long correlation ID: its random part tells exports apart. */
function shortId(id: string): string {
  return id.length > 32 ? `…${id.slice(-31)}` : id;
}

/**
 * Mermaid text from untrusted input. Its gantt grammar ends a task name at `:`, a section at
 * `:` `#` `;`, starts comments with `%%`, and a backtick would end the Markdown fence: only
 * letters, digits and a few path characters are kept, the rest become `_`. Long names keep their
 * end (the file name), which is the part a reader recognises.
 */
export function mermaidText(text: string): string {
  const safe = text.replace(/[^\p{L}\p{N} ._\-/()+=@~…]/gu, '_').replace(/\s+/g, ' ').trim();
  const chars = [...safe];
  const short = chars.length > MAX_NAME ? `…${chars.slice(-(MAX_NAME - 1)).join('')}` : safe;
  return short === '' ? '_' : short;
}

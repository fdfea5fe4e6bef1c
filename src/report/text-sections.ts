import type { ClockReport, ExportSummary, Report, StoryEvent } from '../types.js';
import { clockText } from './describe-clock.js';
import { paint, type Style } from './ansi.js';
import { plural } from './describe.js';
import { neutralise } from './sanitize.js';
import { makeTable } from './text-table.js';
import { formatDuration } from './time.js';

/** What every text section needs: colour on or off, and the report's time format (UTC). */
export interface TextContext {
  color: boolean;
  time: (ms: number) => string;
}

/** Line accounting per input (events + other + invalid = lines), with a total for several. */
export function inputsSection(report: Report, ctx: TextContext): string {
  const table = makeTable(['input', 'lines', 'events', 'other', 'invalid', 'late'], ctx.color, {
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right'],
    compact: true,
  });
  const total = { lines: 0, events: 0, other: 0, invalid: 0, late: 0 };
  for (const input of report.inputs) {
    table.push([neutralise(input.name), input.lines, input.events, input.other,
      input.invalid > 0 ? paint(String(input.invalid), 'yellow', ctx.color) : 0, input.late]);
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += input[key];
  }
  if (report.inputs.length > 1) {
    table.push([paint('total', 'bold', ctx.color), total.lines, total.events, total.other, total.invalid, total.late]);
  }
  const errors = report.inputs
    .filter((input) => input.error !== undefined)
    .map((input) => paint(`${neutralise(input.name)}: not read to the end: ${neutralise(input.error ?? '')}`, 'red', ctx.color));
  return [table.toString(), ...errors].join('\n');
}

const STATUS_STYLE: Record<ExportSummary['status'], Style> = {
  ok: 'green', failed: 'red', incomplete: 'yellow', unknown: 'dim',
};

/** Every export: who ran it, when, how long, how it ended, and how many findings name it. */
export function exportsSection(report: Report, ctx: TextContext): string {
  const table = makeTable(['correlation id', 'processes', 'start', 'duration', 'status', 'events', 'findings'],
    ctx.color, { colAligns: ['left', 'left', 'left', 'right', 'left', 'right', 'right'], compact: true });
  for (const run of report.exports) {
    table.push([
      neutralise(run.correlationId),
      processes(run.hosts, run.pids),
      ctx.time(run.start),
      formatDuration(run.end - run.start),
      paint(run.status, STATUS_STYLE[run.status], ctx.color),
      run.events,
      run.findings > 0 ? paint(String(run.findings), 'bold', ctx.color) : 0,
    ]);
  }
  const omitted = report.exportsOmitted ? `\nand ${plural(report.exportsOmitted, 'more export')}` : '';
  return `${table.toString()}${omitted}`;
}

/** `build-01: 4242, 4243` (one host), or the pids alone when the host is unknown. */
function processes(hosts: string[], pids: number[]): string {
  const ids = pids.join(', ');
  if (hosts.length === 0) return ids;
  return `${hosts.map(neutralise).join(', ')}: ${ids}`;
}

/** The invalid lines kept, as `input:line: reason`, then how many more were counted. */
export function diagnosticsSection(report: Report): string {
  const lines = report.diagnostics.map((d) => `${neutralise(d.input)}:${d.line}: ${neutralise(d.reason)}`);
  if (report.diagnosticsOmitted) lines.push(`and ${plural(report.diagnosticsOmitted, 'more invalid line')}`);
  return lines.join('\n');
}

/** One export's story, one row per event; other exports' events on the same paths are marked. */
export function storySection(story: NonNullable<Report['story']>, ctx: TextContext): string {
  const table = makeTable(['time', 'export', 'process', 'event', 'detail', 'line'], ctx.color);
  for (const event of story.events) {
    // Another export's event is the interesting one: it is what this export raced with.
    const whose = event.own ? 'this' : paint(`other: ${neutralise(event.correlationId)}`, 'yellow', ctx.color);
    const style: Style | undefined = event.event === 'rename.failure' ? 'red' : undefined;
    const row = [ctx.time(event.time), `${neutralise(event.host)}:${event.pid}`, event.event, storyDetail(event),
      `${neutralise(event.source.input)}:${event.source.line}`].map((cell) => (style ? paint(cell, style, ctx.color) : cell));
    table.push([row[0] ?? '', whose, ...row.slice(1)]);
  }
  return table.toString();
}

function storyDetail(event: StoryEvent): string {
  const parts: string[] = [];
  const attempt = [event.attempt !== undefined ? `attempt ${event.attempt}` : '', neutralise(event.errorCode ?? '')];
  if (attempt.some((part) => part !== '')) parts.push(attempt.filter((part) => part !== '').join(' '));
  if (event.tempPath !== undefined) parts.push(`temp ${neutralise(event.tempPath)}`);
  if (event.targetPath !== undefined) parts.push(`target ${neutralise(event.targetPath)}`);
  return parts.join('\n');
}

/** How far the hosts' clocks disagree (issue 8), so a reader knows how far to trust cross-host order. */
export function clockSection(clock: ClockReport): string {
  const { lead, hosts, after } = clockText(clock);
  return [neutralise(lead), ...hosts.map((line) => `  ${neutralise(line)}`), ...after.map(neutralise)].join('\n');
}

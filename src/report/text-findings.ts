import type { Finding } from '../types.js';
import { SEVERITY_STYLE, paint } from './ansi.js';
import { findingFacts, findingPaths, sortFindings } from './describe.js';
import { neutralise } from './sanitize.js';
import type { TextContext } from './text-sections.js';
import { makeTable } from './text-table.js';
import { formatDuration } from './time.js';
import { wrap } from './wrap.js';

// Widths keep the table within about 110 columns; long paths wrap rather than being cut.
const WHERE_WIDTH = 44;
const PIDS_WIDTH = 14;
const DETAIL_WIDTH = 104;
const EVIDENCE_SHOWN = 3;
// A window can involve hundreds of exports; a terminal shows a few and the count (JSON has all).
const IDS_SHOWN = 4;
const PIDS_SHOWN = 10;
// A path of thousands of characters (hostile or broken logs) would stall cli-table3, which
// measures every line of a cell; the table shows its ends, the finding's block below shows it whole.
const WHERE_MAX = 4 * WHERE_WIDTH;

/**
 * All findings, worst first: an overview table (where, when, who), then one block per finding
 * with the message, the facts that apply, the hint and where the evidence is. Plain blocks, not
 * full-width table rows: cli-table3 lays a spanning cell out column by column, which cost minutes
 * for a few hundred findings.
 */
export function findingsSection(findings: readonly Finding[], ctx: TextContext): string {
  const sorted = sortFindings(findings);
  const table = makeTable(['#', 'severity', 'kind', 'where', 'when (UTC)', 'pids'], ctx.color);
  sorted.forEach((finding, index) => {
    table.push([
      String(index + 1),
      paint(finding.severity, SEVERITY_STYLE[finding.severity], ctx.color),
      neutralise(finding.kind),
      where(finding),
      when(finding, ctx),
      wrap(firstOf((finding.pids ?? []).map(String), PIDS_SHOWN), PIDS_WIDTH),
    ]);
  });
  const blocks = sorted.map((finding, index) => {
    const title = paint(`#${index + 1} ${finding.severity} ${neutralise(finding.kind)}`, SEVERITY_STYLE[finding.severity], ctx.color);
    return `${title}\n${indent(detail(finding, ctx))}`;
  });
  return `${table.toString()}\n\n${blocks.join('\n\n')}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function where(finding: Finding): string {
  const paths = findingPaths(finding);
  if (paths.length === 0) return '';
  return paths.map(({ label, path }) => wrap(`${label} ${elide(neutralise(path))}`, WHERE_WIDTH)).join('\n');
}

function when(finding: Finding, ctx: TextContext): string {
  if (finding.start === undefined) return '';
  if (finding.end === undefined || finding.end === finding.start) return ctx.time(finding.start);
  return `${ctx.time(finding.start)}\n– ${ctx.time(finding.end)}\n(${formatDuration(finding.end - finding.start)})`;
}

function detail(finding: Finding, ctx: TextContext): string {
  const lines = [wrap(neutralise(finding.message), DETAIL_WIDTH)];
  const facts = findingFacts(finding).map(({ label, value }) => `${label}: ${neutralise(value)}`);
  if (finding.correlationIds && finding.correlationIds.length > 0) {
    facts.unshift(`exports: ${firstOf(finding.correlationIds.map(neutralise), IDS_SHOWN)}`);
  }
  if (facts.length > 0) lines.push(wrap(facts.join(' · '), DETAIL_WIDTH));
  if (finding.hint !== '') lines.push(paint(wrap(`hint: ${neutralise(finding.hint)}`, DETAIL_WIDTH), 'cyan', ctx.color));
  const evidence = finding.evidence ?? [];
  if (evidence.length > 0) {
    const shown = evidence.slice(0, EVIDENCE_SHOWN).map((e) => `${neutralise(e.input)}:${e.line}`);
    const more = evidence.length > EVIDENCE_SHOWN ? ` and ${evidence.length - EVIDENCE_SHOWN} more` : '';
    lines.push(paint(wrap(`evidence: ${shown.join(', ')}${more}`, DETAIL_WIDTH), 'dim', ctx.color));
  }
  return lines.join('\n');
}

/** `a, b, c and 7 more`: the first few of a list that may be long. */
function firstOf(items: readonly string[], shown: number): string {
  if (items.length <= shown) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

/** Keeps a very long path's start and end: `/srv/a/b … (1234 more) … name.csv.tmp`. */
function elide(path: string): string {
  const chars = [...path];
  if (chars.length <= WHERE_MAX) return path;
  const keep = Math.floor(WHERE_MAX / 2) - 10;
  return `${chars.slice(0, keep).join('')} … (${chars.length - 2 * keep} more) … ${chars.slice(-keep).join('')}`;
}

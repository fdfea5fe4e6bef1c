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

/**
 * All findings in one table, worst first: one row of where/when/who, then a full-width row with
 * the message, the facts that apply, the hint and where the evidence is.
 */
export function findingsSection(findings: readonly Finding[], ctx: TextContext): string {
  const table = makeTable(['#', 'severity', 'kind', 'where', 'when (UTC)', 'pids'], ctx.color);
  sortFindings(findings).forEach((finding, index) => {
    table.push([
      String(index + 1),
      paint(finding.severity, SEVERITY_STYLE[finding.severity], ctx.color),
      neutralise(finding.kind),
      where(finding),
      when(finding, ctx),
      wrap((finding.pids ?? []).join(', '), PIDS_WIDTH),
    ]);
    table.push([{ colSpan: 6, content: detail(finding, ctx) }]);
  });
  return table.toString();
}

function where(finding: Finding): string {
  const paths = findingPaths(finding);
  if (paths.length === 0) return '';
  return paths.map(({ label, path }) => wrap(`${label} ${neutralise(path)}`, WHERE_WIDTH)).join('\n');
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
    facts.unshift(`exports: ${finding.correlationIds.map(neutralise).join(', ')}`);
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

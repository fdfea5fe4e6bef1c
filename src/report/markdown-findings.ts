import type { Finding } from '../types.js';
import { findingFacts, findingPaths, sortFindings } from './describe.js';
import { escapeHtml } from './html-escape.js';
import { mdCode, mdText } from './markdown-escape.js';
import { mdTable } from './markdown-table.js';
import { formatDuration } from './time.js';

/**
 * The findings table (one row each, worst first), then each finding's hint, facts and evidence
 * folded under `<details>` so the ticket stays short and the proof is one click away.
 */
export function findingsMarkdown(findings: readonly Finding[], time: (ms: number) => string): string {
  const sorted = sortFindings(findings);
  const rows = sorted.map((finding, index) => [
    String(index + 1),
    finding.severity === 'error' ? '**error**' : finding.severity,
    mdText(finding.kind),
    findingPaths(finding).map(({ label, path }) => `${label} ${mdCode(path, true)}`).join('<br>'),
    when(finding, time),
    (finding.pids ?? []).join(', '),
    mdText(finding.message),
  ]);
  const table = mdTable(['#', 'Severity', 'Kind', 'Where', 'When (UTC)', 'PIDs', 'Message'], rows);
  return [table, ...sorted.map((finding, index) => details(finding, index + 1))].join('\n\n');
}

function when(finding: Finding, time: (ms: number) => string): string {
  if (finding.start === undefined) return '';
  if (finding.end === undefined || finding.end === finding.start) return time(finding.start);
  return `${time(finding.start)} – ${time(finding.end)}<br>(${formatDuration(finding.end - finding.start)})`;
}

function details(finding: Finding, index: number): string {
  // <summary> is HTML, not Markdown: escape for HTML there. A blank line after it lets GitHub
  // render the Markdown inside <details>.
  const lines = ['<details>', `<summary>#${index} ${escapeHtml(finding.kind)}: hint and evidence</summary>`, ''];
  if (finding.hint !== '') lines.push(`**Hint:** ${mdText(finding.hint)}`, '');
  if (finding.correlationIds && finding.correlationIds.length > 0) {
    lines.push(`- Exports: ${finding.correlationIds.map((id) => mdCode(id)).join(', ')}`);
  }
  for (const { label, value } of findingFacts(finding)) lines.push(`- ${mdText(label)}: ${mdText(value)}`);
  const evidence = finding.evidence ?? [];
  if (evidence.length > 0) {
    lines.push(`- Evidence (input:line):`);
    for (const e of evidence) lines.push(`  - ${mdCode(`${e.input}:${e.line}`)}`);
  }
  lines.push('', '</details>');
  return lines.join('\n');
}

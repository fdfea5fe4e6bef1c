import type { Finding } from '../../types.js';
import { findingFacts, findingPaths, sortFindings } from '../describe.js';
import { formatDuration } from '../time.js';
import { code, table, text } from './markup.js';

/**
 * The findings table, worst first. Each row's time is a link that zooms the timeline to that
 * moment and outlines it; `data-finding` is the finding's index in `report.findings`, the index
 * the timeline's windows carry. Hint, facts and evidence fold under the message.
 */
export function findingsHtml(findings: readonly Finding[], time: (ms: number) => string): string {
  if (findings.length === 0) return '<p class="ok">No findings.</p>';
  const index = new Map(findings.map((f, i) => [f, i]));
  const ordered = sortFindings(findings);
  const rows = ordered.map((f, n) => [
    `<span class="num-id">${n + 1}</span>`,
    `<span class="sev sev-${severityClass(f)}">${text(f.severity)}</span>`,
    text(f.kind),
    findingPaths(f).map(({ label, path }) => `<span class="muted">${text(label)}</span> ${code(path)}`).join('<br>'),
    when(f, index.get(f) ?? n, time),
    text((f.pids ?? []).join(', ')),
    `${text(f.message)}${details(f)}`,
  ]);
  // Rows carry their finding index so the timeline can point back at them.
  const rowAttrs = ordered.map((f, n) => `id="finding-${index.get(f) ?? n}" class="finding-row"`);
  const html = table(['#', 'Severity', 'Kind', 'Where', 'When (UTC)', 'PIDs', 'What happened'], rows, { cls: 'findings', rowAttrs });
  // A long list scrolls in its own box so the timeline stays close below it.
  return `<div class="findings-wrap">${html}</div>`;
}

function when(f: Finding, i: number, time: (ms: number) => string): string {
  if (f.start === undefined) return '';
  const end = f.end ?? f.start;
  const label = end === f.start ? text(time(f.start)) : `${text(time(f.start))} – ${text(time(end))}<br><span class="muted">${text(formatDuration(end - f.start))}</span>`;
  // Numbers only in the data attributes: nothing from a log reaches them.
  return `<a href="#timeline-section" class="jump" data-finding="${i}" data-start="${f.start}" data-end="${end}" title="Show in the timeline">${label}</a>`;
}

function details(f: Finding): string {
  const items: string[] = [];
  if (f.hint !== '') items.push(`<p class="hint"><strong>Fix:</strong> ${text(f.hint)}</p>`);
  const facts: string[] = [];
  if (f.correlationIds && f.correlationIds.length > 0) facts.push(`<li>exports: ${f.correlationIds.map(code).join(', ')}</li>`);
  for (const { label, value } of findingFacts(f)) facts.push(`<li>${text(label)}: ${text(value)}</li>`);
  const evidence = f.evidence ?? [];
  if (evidence.length > 0) facts.push(`<li>evidence: ${evidence.map((e) => code(`${e.input}:${e.line}`)).join(' ')}</li>`);
  if (facts.length > 0) items.push(`<details><summary>details and evidence</summary><ul>${facts.join('')}</ul></details>`);
  return items.join('');
}

/** The class of a severity badge; only the three known words reach an attribute. */
function severityClass(f: Finding): string {
  return f.severity === 'error' || f.severity === 'warning' ? f.severity : 'info';
}

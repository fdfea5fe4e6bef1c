import type { Finding, Report, Severity } from '../types.js';
import { byCodeUnits } from '../util/text-order.js';

/**
 * Wording shared by the text and Markdown reporters, so both say the same thing. Everything here
 * returns raw (untrusted) strings: each reporter escapes them for its own medium.
 */

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings worst first, then by time, then by kind: the order a reader should look at them. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (a.start ?? Infinity) - (b.start ?? Infinity) ||
      byCodeUnits(a.kind, b.kind),
  );
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}

/** `2 errors, 1 warning` or `no findings`. */
export function findingTally(findings: readonly Finding[]): string {
  const counts = severityCounts(findings);
  const parts = (['error', 'warning', 'info'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => plural(counts[severity], severity, severity === 'info' ? 'info' : `${severity}s`));
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

/** One sentence that answers "did it race?", e.g. `2 errors, 1 warning in 5 exports across 5 processes.` */
export function verdict(report: Report): string {
  const scope = `${plural(report.summary.exports, 'export')} across ${plural(report.summary.processes, 'process', 'processes')}`;
  const unread = report.inputs.filter((input) => input.error !== undefined).length;
  const incomplete = unread > 0 ? ` Incomplete: ${plural(unread, 'input')} could not be read to the end.` : '';
  if (report.findings.length === 0) return `No races found in ${scope}.${incomplete}`;
  return `${findingTally(report.findings)} in ${scope}.${incomplete}`;
}

/** `overlapping-path 2, failed-rename 1` from the summary's kind -> count. */
export function kindTally(counts: Record<string, number>): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  return entries.length > 0 ? entries.map(([kind, n]) => `${kind} ${n}`).join(', ') : 'none';
}

/** The paths a finding is about, each with what it was: `temp`, `target` or plain `path`. */
export function findingPaths(finding: Finding): { label: string; path: string }[] {
  const paths: { label: string; path: string }[] = [];
  if (finding.path !== undefined) paths.push({ label: finding.role ?? 'path', path: finding.path });
  if (finding.tempPath !== undefined && finding.tempPath !== finding.path) {
    paths.push({ label: 'temp', path: finding.tempPath });
  }
  if (finding.targetPath !== undefined && finding.targetPath !== finding.path) {
    paths.push({ label: 'target', path: finding.targetPath });
  }
  return paths;
}

/** `EBUSY 3, EPERM 1`, most frequent first. */
export function errorTally(codes: Record<string, number>): string {
  return Object.entries(codes)
    .sort(([a, x], [b, y]) => y - x || byCodeUnits(a, b))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
}

/** Facts a finding carries besides where and when, as `label: value` pairs (raw strings). */
export function findingFacts(finding: Finding): { label: string; value: string }[] {
  const facts: { label: string; value: string }[] = [];
  if (finding.count !== undefined) facts.push({ label: 'count', value: String(finding.count) });
  if (finding.attempts !== undefined) facts.push({ label: 'attempts', value: String(finding.attempts) });
  if (finding.errorCodes && Object.keys(finding.errorCodes).length > 0) {
    facts.push({ label: 'errors', value: errorTally(finding.errorCodes) });
  }
  if (finding.identicalDelays !== undefined) {
    facts.push({ label: 'retry delays', value: finding.identicalDelays ? 'identical across processes (no jitter)' : 'jittered' });
  }
  if (finding.hosts && finding.hosts.length > 0) facts.push({ label: 'hosts', value: finding.hosts.join(', ') });
  return facts;
}

import type { Report, Severity } from '../types.js';

export type FailOn = Severity | 'none';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The one place the analyzer's outcome becomes an exit code: 2 when an input could not be read
 * to its end (the verdict is incomplete), 1 when a finding reaches --fail-on, 0 otherwise.
 */
export function exitCodeFor(report: Report, failOn: FailOn): 0 | 1 | 2 {
  if (report.inputs.some((input) => input.error !== undefined)) return 2;
  if (failOn === 'none') return 0;
  const bar = RANK[failOn];
  return report.findings.some((finding) => RANK[finding.severity] >= bar) ? 1 : 0;
}

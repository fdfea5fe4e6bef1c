import type { Evidence, Finding, Severity } from '../types.js';
import { byCodeUnits } from '../util/text-order.js';

/**
 * Small shared pieces for building findings: bounded collections, message wording and the one
 * output order. Lists in findings are capped so that one finding about a path shared by thousands
 * of exports stays small; `count` keeps the true total.
 */
export const LIST_CAP = 100;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Severity, then start time, then kind, then path: the order every report shows. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.start ?? Infinity) - (b.start ?? Infinity) ||
    byCodeUnits(a.kind, b.kind) ||
    byCodeUnits(pathOf(a), pathOf(b)) ||
    byCodeUnits(a.message, b.message)
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

function pathOf(f: Finding): string {
  return f.path ?? f.targetPath ?? f.tempPath ?? '';
}

/** Add to a set unless it is full; sets in findings stay bounded. */
export function addCapped<T>(set: Set<T>, value: T, cap = LIST_CAP): void {
  if (set.size < cap || set.has(value)) set.add(value);
}

export function sortedNumbers(values: Iterable<number>): number[] {
  return [...values].sort((a, b) => a - b);
}

export function sortedStrings(values: Iterable<string>): string[] {
  return [...values].sort(byCodeUnits);
}

/** Evidence in input order, then line order; bounded by the caller. */
export function sortedEvidence(evidence: Evidence[]): Evidence[] {
  return evidence.slice().sort((a, b) => byCodeUnits(a.input, b.input) || a.line - b.line);
}

/** `{EBUSY: 3}` from a map, keys sorted so output is stable. */
export function codeRecord(codes: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of sortedStrings(codes.keys())) out[key] = codes.get(key) ?? 0;
  return out;
}

/** `EBUSY x3, EPERM x1` for messages. */
export function describeCodes(codes: ReadonlyMap<string, number>): string {
  return sortedStrings(codes.keys())
    .map((code) => `${code} x${codes.get(code) ?? 0}`)
    .join(', ');
}

/** `1, 2 and 3` / `1, 2, 3 and 4 more` for messages. */
export function listWords(items: readonly (string | number)[], max = 5): string {
  const shown = items.slice(0, max).map(String);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** A duration for messages: `12.5 ms`, `3.2 s`. */
export function durationWords(ms: number): string {
  if (ms < 1000) return `${Number(ms.toFixed(3))} ms`;
  return `${Number((ms / 1000).toFixed(2))} s`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

import type { ClockHost, ClockReport, Evidence, Finding } from '../../types.js';
import type { ClockEstimate } from './estimate.js';
import { between } from './solve.js';

const EVIDENCE = 6;
const SUGGESTED = 5;

/** The report's clock section and, when its times put an effect before its cause, a finding. */
export function clockReport(
  estimate: ClockEstimate,
  hostEvents: ReadonlyMap<string, number>,
  skew: Readonly<Record<string, number>> | undefined,
  omitted: { observations: number; hosts: number },
): { clock: ClockReport; finding?: Finding } {
  const { hosts, reference, solution, kept } = estimate;
  const pairsOf = new Map<number, number>();
  for (const bound of kept) {
    pairsOf.set(bound.a, (pairsOf.get(bound.a) ?? 0) + 1);
    pairsOf.set(bound.b, (pairsOf.get(bound.b) ?? 0) + 1);
  }
  const entries: ClockHost[] = hosts.map((host, h) => {
    const entry: ClockHost = { host, events: hostEvents.get(host) ?? 0, pairs: pairsOf.get(h) ?? 0 };
    if (skew !== undefined && Object.hasOwn(skew, host) && skew[host] !== 0) entry.skewMs = round(skew[host] as number);
    if (h === reference) return { ...entry, offsetMs: 0, minMs: 0, maxMs: 0 };
    const { lo, hi } = between(solution, reference, h);
    if (Number.isFinite(lo)) entry.minMs = round(lo);
    if (Number.isFinite(hi)) entry.maxMs = round(hi);
    if (Number.isFinite(lo) && Number.isFinite(hi)) entry.offsetMs = round((lo + hi) / 2);
    return entry;
  });
  const order = (x: ClockHost, y: ClockHost): number =>
    Number(y.host === hosts[reference]) - Number(x.host === hosts[reference]) || (x.host < y.host ? -1 : 1);
  const clock: ClockReport = {
    reference: hosts[reference] as string,
    hosts: entries.sort(order),
    pairs: kept.length,
    contradictions: estimate.contradictions,
    violations: 0,
  };
  const uncertainty = widestUncertainty(estimate);
  if (uncertainty !== undefined) clock.uncertaintyMs = round(uncertainty);
  if (omitted.observations > 0 || omitted.hosts > 0) {
    clock.omitted = {};
    if (omitted.observations > 0) clock.omitted.observations = omitted.observations;
    if (omitted.hosts > 0) clock.omitted.hosts = omitted.hosts;
  }
  // A pair whose bound excludes 0 is shown out of causal order by the report's own times.
  const violating = kept.filter((bound) => bound.lo > 0 || bound.hi < 0);
  clock.violations = violating.length;
  if (violating.length === 0) return { clock };
  const evidence: Evidence[] = violating.slice(0, EVIDENCE / 2).flatMap((b) => [b.cause.source, b.observation.effect.source]);
  const involved = [...new Set(violating.flatMap((b) => [hosts[b.a] as string, hosts[b.b] as string]))].sort();
  return { clock, finding: skewFinding(clock, violating.length, involved, evidence, skew) };
}

function skewFinding(
  clock: ClockReport, count: number, involved: string[], evidence: Evidence[], skew: Readonly<Record<string, number>> | undefined,
): Finding {
  // Hosts whose interval excludes 0: a correction of their offset is known to be needed.
  const off = clock.hosts.filter((h) => (h.minMs !== undefined && h.minMs > 0) || (h.maxMs !== undefined && h.maxMs < 0));
  const worst = [...off].sort((x, y) => Math.abs(y.offsetMs ?? 0) - Math.abs(x.offsetMs ?? 0));
  const suggestion = worst.slice(0, SUGGESTED).filter((h) => h.offsetMs !== undefined)
    .map((h) => `--skew ${h.host}=${signed((h.skewMs ?? 0) - (h.offsetMs ?? 0))}ms`);
  const applied = skew !== undefined && Object.keys(skew).length > 0 ? ' even after the --skew corrections given' : '';
  const first = worst[0];
  const lead = first?.offsetMs !== undefined
    ? `; ${first.host} is ${signed(first.offsetMs)} ms from ${clock.reference}`
    : '';
  const finding: Finding = {
    kind: 'clock-skew',
    severity: 'warning',
    message: `${count} causal pair${count === 1 ? '' : 's'} across hosts appear in an impossible order${applied} ` +
      `(a rename that failed with ENOENT, and another host's removal of its temp that caused it)${lead}.`,
    hint: suggestion.length > 0
      ? `The hosts' clocks disagree, so cross-host order in this report is off: rerun with ${suggestion.join(' ')}, or sync the clocks (chrony/NTP).`
      : 'The hosts\' clocks disagree, so cross-host order in this report is off: sync the clocks (chrony/NTP) or correct them with --skew host=offset.',
    hosts: involved,
    count,
    evidence,
  };
  return finding;
}

/** Over every two linked hosts, the widest gap within which their events' order is unknown. */
function widestUncertainty({ hosts, solution }: ClockEstimate): number | undefined {
  let widest: number | undefined;
  for (let i = 0; i < hosts.length; i++) {
    for (let j = i + 1; j < hosts.length; j++) {
      const { lo, hi } = between(solution, i, j);
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) continue;
      const width = Math.max(Math.abs(lo), Math.abs(hi));
      if (widest === undefined || width > widest) widest = width;
    }
  }
  return widest;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** `+12.3` / `-0.5`: one decimal, signed. */
function signed(ms: number): string {
  const text = (Math.round(ms * 10) / 10).toFixed(1);
  return ms >= 0 && !text.startsWith('-') ? `+${text}` : text === '-0.0' ? '+0.0' : text;
}

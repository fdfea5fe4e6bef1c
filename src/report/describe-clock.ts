import type { ClockHost, ClockReport } from '../types.js';
import { plural } from './describe.js';

/** Hosts listed one by one; the JSON report has them all. */
export const CLOCK_HOSTS_SHOWN = 30;

/**
 * The clock section's wording, shared by the text and Markdown reporters: a lead sentence, one
 * line per host (raw, untrusted host names: each reporter escapes them), and what to make of it.
 */
export function clockText(clock: ClockReport): { lead: string; hosts: string[]; after: string[] } {
  const lead = clock.pairs > 0
    ? `Offsets from ${clock.reference} (the host with the most events), from ${plural(clock.pairs, 'causal pair')} ` +
      '(a rename that failed with ENOENT after another host moved its temp):'
    : `No causal pair links the hosts' clocks (no rename failed with ENOENT because another host moved its temp), ` +
      'so cross-host order rests on the clocks being in sync:';
  const others = clock.hosts.filter((h) => h.host !== clock.reference);
  const hosts = others.slice(0, CLOCK_HOSTS_SHOWN).map((h) => hostLine(h, clock.reference));
  if (others.length > CLOCK_HOSTS_SHOWN) hosts.push(`and ${plural(others.length - CLOCK_HOSTS_SHOWN, 'more host')} (see --format json)`);
  const after: string[] = [];
  if (clock.uncertaintyMs !== undefined) {
    after.push(`Cross-host order within ${ms(clock.uncertaintyMs)} ms is uncertain.`);
  }
  if (clock.violations > 0) {
    after.push(`${plural(clock.violations, 'causal pair')} ${clock.violations === 1 ? 'is' : 'are'} shown in an impossible order: see the clock-skew finding.`);
  }
  if (clock.contradictions > 0) {
    after.push(`${plural(clock.contradictions, 'causal pair')} disagreed with the rest and ${clock.contradictions === 1 ? 'was' : 'were'} set aside (a clock that stepped, or offsets beyond 250 ms).`);
  }
  if (clock.omitted?.observations) after.push(`${plural(clock.omitted.observations, 'more failed rename')} past the bound ${clock.omitted.observations === 1 ? 'was' : 'were'} not used.`);
  if (clock.omitted?.hosts) after.push(`${plural(clock.omitted.hosts, 'event')} of hosts past the bound ${clock.omitted.hosts === 1 ? 'was' : 'were'} left out.`);
  return { lead, hosts, after };
}

/** `build-02 is +11.8 ms (+9.0..+14.1) from build-01, from 37 causal pairs; --skew +0 applied`. */
function hostLine(h: ClockHost, reference: string): string {
  const applied = h.skewMs !== undefined ? ` (after --skew ${signed(h.skewMs)} ms)` : '';
  if (h.offsetMs !== undefined && h.minMs !== undefined && h.maxMs !== undefined) {
    return `${h.host} is ${signed(h.offsetMs)} ms (${signed(h.minMs)}..${signed(h.maxMs)}) from ${reference}, from ${plural(h.pairs, 'causal pair')}${applied}`;
  }
  if (h.minMs !== undefined) return `${h.host} is at least ${signed(h.minMs)} ms from ${reference}, from ${plural(h.pairs, 'causal pair')}${applied}`;
  if (h.maxMs !== undefined) return `${h.host} is at most ${signed(h.maxMs)} ms from ${reference}, from ${plural(h.pairs, 'causal pair')}${applied}`;
  return `${h.host}: unknown, no causal pair links it to ${reference}${applied}`;
}

/** `+12.3` / `-0.5`: one decimal, signed. */
function signed(value: number): string {
  const text = ms(value);
  return text.startsWith('-') ? text : `+${text}`;
}

function ms(value: number): string {
  const text = (Math.round(value * 10) / 10).toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}

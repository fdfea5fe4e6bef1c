import type { Report } from '../types.js';
import { TRUSTED_KEYS, findNames } from './redact-names.js';

/** What `--redact` and `--redact-pattern` ask for. */
export interface RedactOptions {
  /** Extra values to hide (`--redact-pattern`); every match becomes `redacted-N`. */
  patterns?: RegExp[];
}

const NOTE =
  'Redacted: user names, host names and pattern matches are replaced by placeholders (user-N, host-N, redacted-N); one value has one placeholder throughout.';

/**
 * Returns a copy of `report` safe to leave the machine: user names in home paths become `user-N`,
 * host names `host-N` and matches of `patterns` `redacted-N`, wherever they occur (paths,
 * messages, hints, input names, evidence, diagnostics, the story). The same value always gets the
 * same placeholder, so the race still reads. The report's own vocabulary (kinds, severities,
 * statuses, event names) is left alone.
 */
export function redactReport(report: Report, options: RedactOptions = {}): Report {
  const redact = createRedactor(report, options.patterns ?? []);
  const copy = mapStrings(report, undefined, redact) as Report;
  copy.notes = [...(copy.notes ?? []), NOTE];
  return copy;
}

function createRedactor(report: Report, patterns: RegExp[]): (text: string) => string {
  const { hosts, users } = findNames(report);
  const placeholders = new Map<string, string>();
  // Hosts first: a name that is both a host and a user keeps its host placeholder.
  hosts.forEach((host, i) => register(placeholders, host, `host-${i + 1}`));
  // A host's first label (build-01 of build-01.corp.example) is how messages often name it.
  hosts.forEach((host, i) => {
    const label = host.split('.')[0] ?? '';
    if (label !== host && /\p{L}/u.test(label) && label.length >= 2) register(placeholders, label, `host-${i + 1}`);
  });
  users.forEach((user, i) => register(placeholders, user, `user-${i + 1}`));

  // Names are replaced as whole tokens (not inside a longer word), case-insensitively, longest
  // first; one-character names only where they are a whole string (a `host` field).
  const tokens = [...placeholders.keys()].filter((name) => name.length >= 2).sort((a, b) => b.length - a.length);
  const names = tokens.length > 0
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${tokens.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : undefined;
  const global = patterns.map((p) => new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`));
  const matches = new Map<string, string>();

  return (text) => {
    const whole = placeholders.get(text.toLowerCase());
    if (whole !== undefined && text.length < 2) return whole;
    let out = text;
    // User patterns first, on the original text, so they see what the user saw in the log.
    for (const pattern of global) {
      out = out.replace(pattern, (match) => {
        if (match === '') return match;
        let placeholder = matches.get(match);
        if (placeholder === undefined) {
          placeholder = `redacted-${matches.size + 1}`;
          matches.set(match, placeholder);
        }
        return placeholder;
      });
    }
    return names ? out.replace(names, (match) => placeholders.get(match.toLowerCase()) ?? match) : out;
  };
}

function register(map: Map<string, string>, name: string, placeholder: string): void {
  const key = name.toLowerCase();
  if (!map.has(key)) map.set(key, placeholder);
}

function escapeRegExp(text: string): string {
  // No `-` here: the `u` flag rejects `\-` outside a class, and names are not inside one.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A deep copy of a JSON-like tree with every untrusted string passed through `redact`. */
function mapStrings(value: unknown, key: string | undefined, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return key !== undefined && TRUSTED_KEYS.has(key) ? value : redact(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, key, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, TRUSTED_KEYS.has(k) ? structuredClone(v) : mapStrings(v, k, redact)]),
    );
  }
  return value;
}

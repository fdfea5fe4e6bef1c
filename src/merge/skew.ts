import { RacetraceError } from '../errors.js';
import type { Ordered } from './order.js';

const UNIT_MS: Record<string, number> = { s: 1000, ms: 1, us: 0.001, 'µs': 0.001 };

/**
 * Parses `--skew` values: `host=+12ms`, `host=-1.5s`, `host=300us`, `host=12` (ms), several in one
 * value separated by commas, the flag repeatable. Returns host -> milliseconds to add to that
 * host's times. Throws RacetraceError USAGE with the bad value and the expected shape.
 */
export function parseSkew(values: readonly string[]): Record<string, number> {
  const skew: Record<string, number> = {};
  for (const value of values.flatMap((v) => v.split(','))) {
    const text = value.trim();
    if (text === '') continue;
    // The last `=` splits: a host name has none, and a value never does.
    const at = text.lastIndexOf('=');
    const host = at > 0 ? text.slice(0, at).trim() : '';
    const match = /^([+-]?\d+(?:\.\d+)?)\s*(s|ms|us|µs)?$/.exec(at > 0 ? text.slice(at + 1).trim() : '');
    if (host === '' || !match) {
      throw new RacetraceError(
        'USAGE',
        `--skew got "${text}": give host=offset, the milliseconds to add to that host's times, such as build-02=+12ms, build-03=-1.5s or build-04=300us.`,
      );
    }
    const ms = Number(match[1]) * (UNIT_MS[match[2] ?? 'ms'] ?? 1);
    if (Object.hasOwn(skew, host) && skew[host] !== ms) {
      throw new RacetraceError('USAGE', `--skew names ${host} twice with different offsets: give each host once.`);
    }
    skew[host] = ms;
  }
  return skew;
}

/**
 * Wraps the sink of one input's reorder window so that every item's time is corrected by its
 * host's skew before it is ordered. Corrections must come before the window: they move items
 * relative to other hosts' items, and ordering is what they are for. The item is corrected in
 * place (adapters hand over fresh objects). Returns `sink` itself when there is nothing to do.
 */
export function withSkew<T extends Ordered>(
  skew: Record<string, number> | undefined,
  sink: (item: T) => void,
): (item: T) => void {
  if (skew === undefined) return sink;
  // A Map, not the record: a host named `__proto__` or `constructor` must not hit Object.prototype.
  const byHost = new Map<string, number>();
  for (const [host, ms] of Object.entries(skew)) {
    if (!Number.isFinite(ms)) throw new RacetraceError('USAGE', `The skew of ${host} must be a finite number of milliseconds.`);
    if (ms !== 0) byHost.set(host, ms);
  }
  if (byHost.size === 0) return sink;
  return (item) => {
    const ms = byHost.get(item.host);
    if (ms !== undefined) item.time += ms;
    sink(item);
  };
}

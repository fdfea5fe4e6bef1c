import type { Finding, Timeline } from '../../types.js';

/**
 * The timeline as the page's script reads it: compact arrays instead of objects, every string
 * once in a table (paths and correlation IDs repeat on every bar), times relative to the start.
 * Layout of each tuple is documented next to its builder; the script in ./client-*.ts reads
 * the same positions.
 */
export interface TimelineData {
  /** Epoch ms of time 0. */
  t0: number;
  span: number;
  strings: string[];
  /** [host, pid, holds, failures, aggregated 0|1] */
  lanes: number[][];
  /** [lane, path, role 0 temp|1 target, correlationId, start, end, flags 1 conflict|2 failed|4 unreleased] */
  bars: number[][];
  /** [lane, start, end, holds, temp, target, conflicts, failures, error codes text] */
  buckets: number[][];
  /** [lane, time, correlationId, errorCode, path, attempt (0 unknown), willRetry (-1 unknown|0|1)] */
  markers: number[][];
  /** [finding, start, end, path (-1 none)] */
  conflicts: number[][];
  storms: number[][];
  /** Per finding with a time: [finding, start, end, path (-1 none), kind, severity 0|1|2, ...correlationIds] */
  findings: number[][];
  omitted: Record<string, number>;
}

export function timelineData(timeline: Timeline, findings: readonly Finding[]): TimelineData {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const s = (value: string): number => {
    let id = ids.get(value);
    if (id === undefined) {
      id = strings.length;
      strings.push(value);
      ids.set(value, id);
    }
    return id;
  };
  const t0 = timeline.start;
  // Microseconds are the finest a trace carries; rounding keeps the embedded numbers short.
  const t = (ms: number): number => Math.round((ms - t0) * 1000) / 1000;
  const windows = (list: Timeline['conflicts']): number[][] =>
    list.map((w) => [w.finding, t(w.start), t(w.end), w.path === undefined ? -1 : s(w.path)]);
  const severity = { error: 0, warning: 1, info: 2 } as const;
  return {
    t0,
    span: t(timeline.end),
    strings,
    lanes: timeline.lanes.map((l) => [s(l.host), l.pid, l.holds, l.failures, l.aggregated ? 1 : 0]),
    bars: timeline.bars.map((b) => [
      b.lane, s(b.path), b.role === 'target' ? 1 : 0, s(b.correlationId), t(b.start), t(b.end),
      (b.conflict ? 1 : 0) | (b.failed ? 2 : 0) | (b.unreleased ? 4 : 0),
    ]),
    buckets: timeline.buckets.map((b) => [
      b.lane, t(b.start), t(b.end), b.holds, b.temp, b.target, b.conflicts, b.failures,
      s(Object.entries(b.errorCodes ?? {}).map(([code, n]) => `${code} ${n}`).join(', ')),
    ]),
    markers: timeline.markers.map((m) => [
      m.lane, t(m.time), s(m.correlationId), s(m.errorCode), s(m.path), m.attempt ?? 0,
      m.willRetry === undefined ? -1 : m.willRetry ? 1 : 0,
    ]),
    conflicts: windows(timeline.conflicts),
    storms: windows(timeline.storms),
    findings: findings.flatMap((f, i) =>
      f.start === undefined
        ? []
        : [[i, t(f.start), t(f.end ?? f.start), f.path === undefined ? -1 : s(f.path), s(f.kind), severity[f.severity] ?? 2,
            ...(f.correlationIds ?? []).map(s)]],
    ),
    omitted: { ...(timeline.omitted ?? {}) },
  };
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&` become \u escapes,
 * so no string from a log can close the element (`</script`) or open a comment (`<!--`), and the
 * line and paragraph separators are escaped for older parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

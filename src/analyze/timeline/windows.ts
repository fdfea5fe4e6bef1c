import type { Finding, TimelineWindow } from '../../types.js';

/**
 * The windows of the findings of one kind that have a time, for shading the timeline. `finding`
 * is the index in `findings`, so the report can link a window to its row. Keeps the first `max`
 * (findings come worst first) and counts the rest.
 */
export function windowsOf(
  findings: readonly Finding[],
  kind: string,
  max: number,
): { windows: TimelineWindow[]; omitted: number } {
  const windows: TimelineWindow[] = [];
  let omitted = 0;
  findings.forEach((f, finding) => {
    if (f.kind !== kind || f.start === undefined) return;
    if (windows.length >= max) {
      omitted++;
      return;
    }
    windows.push({
      finding,
      start: f.start,
      end: Math.max(f.start, f.end ?? f.start),
      ...(f.path !== undefined ? { path: f.path } : {}),
      pids: f.pids ?? [],
      hosts: f.hosts ?? [],
    });
  });
  return { windows, omitted };
}

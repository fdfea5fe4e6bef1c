import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { createAnalysis } from '../../src/analyze/analyzer.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/analyze/analysis.js';
import { createTimelineCollector, type TimelineOptions } from '../../src/analyze/timeline/index.js';
import type { Finding, Timeline, TraceEvent } from '../../src/types.js';
import { runExporters } from '../../samples/exporter/spawn.js';
import { samplesDir } from './paths.js';
import { tempFolder } from './tmp.js';

/** Debian's chromium, as .ci/run installs it; the browser test is skipped without it. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a headless run that never reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Feeds events in merged order to an analysis and a timeline collector, as analyze() does. */
export function collect(
  events: readonly TraceEvent[],
  options: Partial<TimelineOptions> = {},
): { findings: Finding[]; timeline: Timeline } {
  const analysis = createAnalysis(DEFAULT_ANALYSIS_OPTIONS);
  const collector = createTimelineCollector(options);
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.time - b.e.time || a.i - b.i);
  for (const { e } of ordered) {
    analysis.event(e);
    collector.event(e);
  }
  const { findings } = analysis.finish();
  return { findings, timeline: collector.finish(findings) };
}

/**
 * The logs of five naive exporters racing: samples/naive-5 when it has been captured, otherwise
 * five real naive exporter processes run now into a temp folder (the same way capture.ts does).
 */
export async function naiveFiveLogs(t: TestContext): Promise<{ folder: string; captured: boolean }> {
  const sample = join(samplesDir, 'naive-5');
  if (existsSync(sample) && readdirSync(sample).some((name) => name.endsWith('.ndjson'))) {
    return { folder: sample, captured: true };
  }
  const folder = tempFolder(t, 'racetrace-html-naive-');
  await runExporters({
    procs: 5,
    mode: 'naive',
    out: join(folder, 'out'),
    logDir: join(folder, 'logs'),
    tempDir: join(folder, 'shared-tmp'),
    action: join(samplesDir, 'exporter', 'action.example.json'),
  });
  return { folder: join(folder, 'logs'), captured: false };
}

/** A correlation ID that tries to end the data script element and start a comment. */
export const SCRIPT_BREAKER = '</script><script>alert(1)</script><!--';
/** A host name that tries to leave an attribute. */
export const ATTR_BREAKER = 'evil"><svg onload=alert(1)>';

/** A timeline whose every log-derived string is an attack (paths, IDs, hosts, error codes). */
export function hostileTimeline(start: number, paths: readonly string[]): Timeline {
  const [first = '/p', second = '/q'] = paths;
  return {
    start,
    end: start + 900,
    lanes: [
      { host: ATTR_BREAKER, pid: 4242, holds: 2, failures: 1, aggregated: false },
      { host: 'build-01', pid: 4243, holds: 1, failures: 0, aggregated: true },
    ],
    bars: [
      { lane: 0, path: first, role: 'temp', correlationId: SCRIPT_BREAKER, start: start + 1, end: start + 40, conflict: true, failed: true },
      { lane: 0, path: second, role: 'target', correlationId: SCRIPT_BREAKER, start: start + 1, end: start + 41, conflict: false, failed: false, unreleased: true },
    ],
    buckets: [{ lane: 1, start: start + 2, end: start + 30, holds: 1, temp: 1, target: 0, conflicts: 1, failures: 2, errorCodes: { '<b>E</b>': 2 } }],
    markers: [{ lane: 0, time: start + 20, correlationId: SCRIPT_BREAKER, errorCode: '<img src=x onerror=alert(2)>', path: first, attempt: 1, willRetry: true }],
    conflicts: [{ finding: 0, start: start + 3.5, end: start + 40, path: first, pids: [4242, 4243], hosts: [ATTR_BREAKER] }],
    storms: [],
  };
}

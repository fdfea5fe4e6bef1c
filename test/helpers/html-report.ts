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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDurationText, progressLine } from '../../src/cli/progress.js';

test('the progress line shows bytes of total, share, time left, events and rate', async () => {
  const line = progressLine({ bytesRead: 312_400_000, bytesTotal: 1_000_000_000, events: 1_204_332, flagged: () => 12 }, 2000, await loadDurationText());
  assert.equal(line, 'read 312.4 MB of 1.0 GB (31%), about 4 seconds left · 1,204,332 events · 156.2 MB/s · 12 exports with findings so far');
});

test('the time left is at the rate so far, in hours, minutes and seconds, and only after a second', async () => {
  const words = await loadDurationText();
  const left = (bytesRead: number, elapsedMs: number, text = words): string =>
    /\(\d+%\)(.*?) ·/.exec(progressLine({ bytesRead, bytesTotal: 1_000_000_000, events: 0 }, elapsedMs, text))?.[1] ?? '';
  assert.equal(left(100_000_000, 6_500), ', about 59 seconds left');
  assert.equal(left(10_000_000, 2_000), ', about 3 minutes 18 seconds left');
  assert.equal(left(1_000_000, 5_000), ', about 1 hour 23 minutes 15 seconds left');
  assert.equal(left(999_800_000, 3_000), ', under a second left');
  assert.equal(left(100_000_000, 900), '', 'nothing in the first second');
  assert.equal(left(1_000_000_000, 5_000), '', 'nothing once everything is read');
  const before = progressLine({ bytesRead: 100_000_000, bytesTotal: 1_000_000_000, events: 0 }, 6_500);
  assert.ok(!before.includes('left'), `nothing until date-fns is loaded: ${before}`);
});

test('reading stdin has no total, so no share', () => {
  assert.equal(
    progressLine({ bytesRead: 2048, bytesTotal: 0, events: 3 }, 1000),
    'read 2.0 kB · 3 events · 2.0 kB/s · 0 exports with findings so far',
  );
});

test('the count of exports with findings grows while the analysis runs', async () => {
  const { analyze } = await import('../../src/analyze/index.js');
  const { samplesDir } = await import('../helpers/paths.js');
  const progress = { bytesRead: 0, bytesTotal: 0, events: 0 } as import('../../src/analyze/index.js').AnalyzeProgress;
  await analyze([`${samplesDir}/naive-5`], { progress });
  assert.ok((progress.flagged?.() ?? 0) >= 4, 'the naive capture has at least 4 failed exports');
  assert.ok(progress.bytesRead > 0 && progress.bytesRead === progress.bytesTotal);
  assert.equal(progress.events, 31);
});

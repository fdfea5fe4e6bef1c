import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressLine } from '../../src/cli/progress.js';

test('the progress line shows bytes of total, share, events and rate', () => {
  const line = progressLine({ bytesRead: 312_400_000, bytesTotal: 1_000_000_000, events: 1_204_332, flagged: () => 12 }, 2000);
  assert.equal(line, 'read 312.4 MB of 1.0 GB (31%) · 1,204,332 events · 156.2 MB/s · 12 exports with findings so far');
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

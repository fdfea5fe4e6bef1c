import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressLine } from '../../src/cli/progress.js';

test('the progress line shows bytes of total, share, events and rate', () => {
  const line = progressLine({ bytesRead: 312_400_000, bytesTotal: 1_000_000_000, events: 1_204_332 }, 2000);
  assert.equal(line, 'read 312.4 MB of 1.0 GB (31%) · 1,204,332 events · 156.2 MB/s');
});

test('reading stdin has no total, so no share', () => {
  assert.equal(progressLine({ bytesRead: 2048, bytesTotal: 0, events: 3 }, 1000), 'read 2.0 kB · 3 events · 2.0 kB/s');
});

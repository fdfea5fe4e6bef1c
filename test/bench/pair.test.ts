import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ratio, roundRatios, timePair, type Pair } from '../../bench/pair.js';

const pair = (over: Partial<Pair>): Pair => ({
  label: 'p',
  baseline: 'b',
  subject: 's',
  bytes: 1,
  baseMs: 100,
  subjectMs: 50,
  basePeak: 1,
  subjectPeak: 1,
  roundRatios: [],
  ...over,
});

test('a pair\'s ratio is the median of its rounds\' ratios, not the ratio of the median times', () => {
  // Round 2 ran on a slow minute for both sides: its times are far off, its ratio is not.
  assert.equal(ratio(pair({ baseMs: 300, subjectMs: 100, roundRatios: [4.1, 3.9, 4.4] })), 4.1);
  assert.equal(ratio(pair({ roundRatios: [] })), 2);
});

test('roundRatios divides round by round and takes the median of those ratios', () => {
  // The second round was slow for both: the median times give 100 / 55 = 1.82, the rounds say 2.
  const { median, rounds } = roundRatios([100, 300, 100], [50, 100, 55]);
  assert.deepEqual(rounds.map((r) => r.toFixed(2)), ['2.00', '3.00', '1.82']);
  assert.equal(median, 2);
});

test('timePair times both sides every round and keeps one ratio per round', async () => {
  const node = process.execPath;
  let printed = '';
  const p = await timePair('two sleeps', 1e6, [
    { name: 'short', cmd: node, args: ['-e', 'setTimeout(() => {}, 20)'] },
    { name: 'long', cmd: node, args: ['-e', 'setTimeout(() => {}, 400)'] },
  ], 3, (text) => (printed += text));
  assert.equal(p.roundRatios.length, 3);
  for (const r of p.roundRatios) assert.ok(r > 0 && r < 1, `the longer sleep is the slower side (${r})`);
  assert.equal(p.failure, undefined);
  assert.match(printed, /throughput ratio long \/ short: 0\.\d\dx \(median of the rounds: (0\.\d\dx, ){2}0\.\d\dx\)/);
});

test('a side that fails ends the pair with its reason, and no ratio for that round', async () => {
  const node = process.execPath;
  const p = await timePair('one fails', 1e6, [
    { name: 'fine', cmd: node, args: ['-e', '0'] },
    { name: 'broken', cmd: node, args: ['-e', 'console.error("boom"); process.exit(3)'] },
  ], 3, () => {});
  assert.match(p.failure ?? '', /broken exited 3: boom/);
  assert.deepEqual(p.roundRatios, []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseSkew, withSkew } from '../../src/merge/skew.js';
import { DEFAULT_INGEST_OPTIONS, mergeLines, streamEvents } from '../../src/ingest/index.js';
import { RacetraceError } from '../../src/errors.js';
import type { TraceEvent } from '../../src/types.js';
import { tempFolder } from '../helpers/tmp.js';

test('parseSkew reads units, signs, commas and repeats', () => {
  assert.deepEqual(parseSkew(['host-b=+12ms', 'host-c=-1.5s,host-d=300us', 'host-e=7', 'host-f=-2µs']), {
    'host-b': 12, 'host-c': -1500, 'host-d': 0.3, 'host-e': 7, 'host-f': -0.002,
  });
  assert.deepEqual(parseSkew(['a=1ms', 'a=1ms']), { a: 1 });
});

for (const bad of ['host-b', '=12ms', 'host-b=', 'host-b=12min', 'host-b=fast', 'host-b=1e3']) {
  test(`parseSkew rejects ${JSON.stringify(bad)} with the expected shape`, () => {
    assert.throws(() => parseSkew([bad]), (error: unknown) =>
      error instanceof RacetraceError && error.code === 'USAGE' && error.message.includes('host=offset'));
  });
}

test('parseSkew rejects one host given two different offsets', () => {
  assert.throws(() => parseSkew(['a=1ms', 'a=2ms']), /names a twice/);
});

test('withSkew corrects by host only, and a host named __proto__ is just a name', () => {
  const seen: number[] = [];
  const sink = withSkew<{ time: number; host: string; pid: number; seq: number; source: { line: number } }>(
    { b: 5, __proto__: 1 } as Record<string, number>, (item) => seen.push(item.time));
  for (const host of ['a', 'b', '__proto__', 'constructor']) sink({ time: 100, host, pid: 1, seq: 0, source: { line: 1 } });
  assert.deepEqual(seen, [100, 105, 100, 100]);
  assert.equal(withSkew(undefined, sink), sink);
});

// Two hosts whose lines are 10 ms apart, but host b's clock is 30 ms fast: corrected, b goes first.
function twoHosts(dir: string): string[] {
  const line = (time: number, host: string, seq: number): string =>
    `${JSON.stringify({ time, pid: 1, hostname: host, seq, event: 'export.start', correlationId: `c-${host}` })}\n`;
  const a = join(dir, 'a.log');
  const b = join(dir, 'b.log');
  writeFileSync(a, line(1000, 'a', 0) + line(1040, 'a', 1));
  writeFileSync(b, line(1010, 'b', 0) + line(1050, 'b', 1));
  return [a, b];
}

test('streamEvents applies --skew before the merge: order, times and --since use corrected times', async (t) => {
  const files = twoHosts(tempFolder(t));
  const order: string[] = [];
  await streamEvents(files, { ...DEFAULT_INGEST_OPTIONS, skew: { b: -30 }, since: 990 }, (e: TraceEvent) => order.push(`${e.host}@${e.time}`));
  assert.deepEqual(order, ['a@1000', 'b@1020', 'a@1040']);
});

test('mergeLines orders by corrected times and keeps each original line unchanged', async (t) => {
  const files = twoHosts(tempFolder(t));
  let text = '';
  const out = new Writable({ write(chunk, _encoding, done) { text += String(chunk); done(); } });
  await mergeLines(files, { ...DEFAULT_INGEST_OPTIONS, skew: { b: -30 } }, out);
  assert.deepEqual(text.trim().split('\n').map((l) => (JSON.parse(l) as { time: number }).time), [1010, 1000, 1050, 1040]);
});

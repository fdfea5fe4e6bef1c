import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ChurnMap } from '../../src/util/churn-map.js';

test('a ChurnMap answers as a Map does, through many renewals', () => {
  const churn = new ChurnMap<string, number>();
  const map = new Map<string, number>();
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 50;
  for (let i = 0; i < 20_000; i++) {
    const key = `k${next()}`;
    if (next() < 20) {
      assert.equal(churn.delete(key), map.delete(key));
    } else {
      churn.set(key, i);
      map.set(key, i);
    }
    assert.equal(churn.get(key), map.get(key));
    assert.equal(churn.has(key), map.has(key));
    assert.equal(churn.size, map.size);
  }
  // Insertion order survives the renewals.
  assert.deepEqual([...churn], [...map]);
  assert.deepEqual([...churn.keys()], [...map.keys()]);
  assert.deepEqual([...churn.values()], [...map.values()]);
  churn.clear();
  assert.equal(churn.size, 0);
  assert.equal(churn.get('k1'), undefined);
});

test('deleting while iterating visits every entry once', () => {
  const churn = new ChurnMap<number, number>();
  for (let i = 0; i < 1000; i++) churn.set(i, i);
  for (let i = 0; i < 1000; i++) churn.delete(i);
  for (let i = 0; i < 600; i++) churn.set(i, i); // renewed here: 1000 deletes
  const seen: number[] = [];
  for (const [key] of churn) {
    seen.push(key);
    churn.delete(key);
  }
  assert.deepEqual(seen, [...Array(600).keys()]);
  assert.equal(churn.size, 0);
});

/**
 * Bytes the young-generation collector promoted over a run of the churn fixture. V8's allocation
 * site pretenuring and its helper threads make some runs differ from others; without them the
 * figures repeat from run to run.
 */
function promoted(kind: 'map' | 'churn' | 'none'): number {
  const fixture = fileURLToPath(new URL('../fixtures/util/churn.js', import.meta.url));
  const flags = ['--trace-gc-nvp', '--max-semi-space-size=1', '--single-threaded-gc', '--no-allocation-site-pretenuring'];
  const result = spawnSync(process.execPath, [...flags, fixture, kind], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`"kind":"${kind}"`));
  let bytes = 0;
  for (const match of result.stdout.matchAll(/ gc=s .* promoted=(\d+)/g)) bytes += Number(match[1]);
  return bytes;
}

test('a long-lived ChurnMap does not drag the values it dropped into the old generation', () => {
  const noMap = promoted('none');
  const withChurnMap = Math.max(promoted('churn'), promoted('churn'));
  const withMap = promoted('map');
  // Measured: about 10 MB with no map and with a ChurnMap; 34 or 235 MB with a Map.
  assert.ok(withChurnMap < noMap * 1.5, `ChurnMap ${withChurnMap} bytes, no map ${noMap} bytes`);
  assert.ok(withMap > withChurnMap * 2, `a plain Map drags them along: ${withMap} bytes, ChurnMap ${withChurnMap}`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wrap } from '../../src/report/wrap.js';

test('prose wraps at spaces within the width', () => {
  assert.equal(wrap('one two three four', 9), 'one two\nthree\nfour');
});

test('a word longer than the width is split, never cut off', () => {
  assert.equal(wrap('target /srv/out/a-very-long-name.csv', 12), 'target\n/srv/out/a-v\nery-long-nam\ne.csv');
});

test('wrapping loses no character but the spaces it breaks at', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '/', 'é') }), fc.integer({ min: 1, max: 20 }), (text, width) => {
      const out = wrap(text, width);
      for (const line of out.split('\n')) assert.ok([...line].length <= width, `line too long: ${line}`);
      assert.equal(out.replace(/[\n ]/g, ''), text.replace(/ /g, ''));
    }),
    { numRuns: 300 },
  );
});

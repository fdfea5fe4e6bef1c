import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TwoGenerationMap } from '../../src/util/two-generation-map.js';

test('an entry is found for at least one generation of sets after it, and gone after two', () => {
  const map = new TwoGenerationMap<number>();
  map.set('kept', 1, 4);
  for (let i = 0; i < 3; i++) map.set(`other-${i}`, i, 4); // the 4th set turns the generation over
  assert.equal(map.get('kept'), 1);
  for (let i = 3; i < 7; i++) map.set(`other-${i}`, i, 4);
  assert.equal(map.get('kept'), undefined);
  // The newer value wins over the one in the older generation.
  map.set('again', 1, 4);
  for (let i = 0; i < 3; i++) map.set(`more-${i}`, i, 4);
  map.set('again', 2, 4);
  assert.equal(map.get('again'), 2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, nanosToMs, parseJson } from '../../../src/ingest/stores/lookup.js';

test('a dotted name is found flat, nested, or mixed', () => {
  assert.equal(field({ 'process.pid': 1 }, 'process.pid'), 1);
  assert.equal(field({ process: { pid: 2 } }, 'process.pid'), 2);
  assert.equal(field({ event: { 'outcome.x': 3 } }, 'event.outcome.x'), 3);
  assert.equal(field({ event: 'rename.attempt', 'event.dataset': 'x' }, 'event.action'), undefined);
  assert.equal(field({}, 'constructor.name'), undefined, 'never reads the prototype');
});

test('nanoseconds keep their sub-millisecond digits', () => {
  assert.equal(nanosToMs('1795888566515065000'), 1795888566515.065);
  assert.equal(nanosToMs('1500000'), 1.5);
  assert.equal(nanosToMs('0'), undefined);
  assert.equal(nanosToMs('12ab'), undefined);
  assert.equal(nanosToMs(2_000_000), 2);
});

test('a JSON error never quotes the line back', () => {
  for (const text of ['{"secret": nope}', ' * secret comment line', '{"a":1', 'secret']) {
    const { error } = parseJson(text);
    assert.match(error ?? '', /^not JSON \(/);
    assert.doesNotMatch(error ?? '', /secret/, text);
  }
});

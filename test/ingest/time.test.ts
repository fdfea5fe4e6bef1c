import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toEpochMs } from '../../src/ingest/time.js';

test('an ISO time without an offset is UTC, whatever the analyst\'s time zone', () => {
  assert.equal(toEpochMs('2026-11-28T17:00:00.250'), Date.UTC(2026, 10, 28, 17, 0, 0, 250));
  assert.equal(toEpochMs('2026-11-28 17:00:00'), Date.UTC(2026, 10, 28, 17, 0, 0));
});

test('an explicit offset is honoured and sub-millisecond digits are kept', () => {
  assert.equal(toEpochMs('2026-11-28T12:00:00-05:00'), Date.UTC(2026, 10, 28, 17));
  assert.equal(toEpochMs('2026-11-28T17:00:00.000250Z'), Date.UTC(2026, 10, 28, 17) + 0.25);
});

test('numbers pass through; garbage is undefined', () => {
  assert.equal(toEpochMs(1.5), 1.5);
  assert.equal(toEpochMs(Number.NaN), undefined);
  assert.equal(toEpochMs('yesterday'), undefined);
});

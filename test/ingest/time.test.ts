import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toEpochMs } from '../../src/ingest/time.js';

/** Runs `check` with the process in each of these time zones (Node applies a new TZ at once). */
function inTimeZones(check: () => void): void {
  const before = process.env['TZ'];
  try {
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/New_York', 'Pacific/Chatham']) {
      process.env['TZ'] = zone;
      check();
    }
  } finally {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  }
}

test('an ISO time without an offset is UTC, whatever the analyst\'s time zone', () => {
  inTimeZones(() => {
    assert.notEqual(new Date(Date.UTC(2026, 10, 28)).getTimezoneOffset() === 0, process.env['TZ'] !== 'UTC', `TZ ${process.env['TZ']} applies`);
    assert.equal(toEpochMs('2026-11-28T17:00:00.250'), Date.UTC(2026, 10, 28, 17, 0, 0, 250));
    assert.equal(toEpochMs('2026-11-28 17:00:00'), Date.UTC(2026, 10, 28, 17, 0, 0));
  });
});

test('a date without a time is its UTC midnight, whatever the time zone (its -28 is a day, not an offset)', () => {
  inTimeZones(() => {
    assert.equal(toEpochMs('2026-11-28'), Date.UTC(2026, 10, 28));
    assert.equal(toEpochMs('2026-11'), Date.UTC(2026, 10, 1));
  });
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

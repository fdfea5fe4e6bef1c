import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DATE_TIME, formatDuration, formatSpan, formatUtc, timeFormatter } from '../../src/report/time.js';

/** The same instant from the platform's own UTC formatter, as `yyyy-MM-dd HH:mm:ss.SSS`. */
function iso(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

// Zones with DST: formatting by shifting the epoch by the offset goes wrong around the switch.
for (const zone of ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe']) {
  test(`times are formatted in UTC whatever the local zone (${zone})`, () => {
    const saved = process.env['TZ'];
    process.env['TZ'] = zone;
    try {
      // 2025-03-30 01:30 UTC is inside Berlin's spring-forward gap in local terms.
      for (const ms of [Date.UTC(2025, 2, 30, 1, 30, 0, 5), Date.UTC(2025, 2, 9, 2, 30), Date.UTC(2025, 9, 26, 1, 0, 0, 999)]) {
        assert.equal(formatUtc(ms, DATE_TIME), iso(ms));
      }
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 4102444800000 }), (ms) => {
          assert.equal(formatUtc(ms, DATE_TIME), iso(ms));
        }),
        { numRuns: 300 },
      );
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });
}

test('a time no Date can hold is shown as a number, not thrown', () => {
  assert.equal(formatUtc(Number.NaN, DATE_TIME), 'NaN');
  assert.equal(formatUtc(1e20, DATE_TIME), '100000000000000000000');
});

test('within one UTC day only the clock is shown, with milliseconds', () => {
  const t0 = Date.UTC(2025, 10, 28, 16, 0, 0, 0);
  assert.equal(timeFormatter(t0, t0 + 1000)(t0 + 41.875), '16:00:00.041');
  assert.equal(timeFormatter(t0, t0 + 9 * 3600_000)(t0 + 9 * 3600_000), '2025-11-29 01:00:00.000');
});

test('a span says the date once and the duration', () => {
  const t0 = Date.UTC(2025, 10, 28, 16, 0, 0, 0);
  assert.equal(formatSpan(t0, t0 + 912.375), '2025-11-28 16:00:00.000 – 16:00:00.912 UTC (912.375 ms)');
  assert.equal(formatSpan(undefined, undefined), 'no events');
});

test('durations read naturally', () => {
  assert.equal(formatDuration(0.25), '0.25 ms');
  assert.equal(formatDuration(41.875), '41.875 ms');
  assert.equal(formatDuration(2345), '2.345 s');
  assert.equal(formatDuration(182_100), '3 min 2.1 s');
  assert.equal(formatDuration(7_500_000), '2 h 5 min');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SHAPE_FINGERPRINT, schemaFingerprint, shapeCheckEnabled, surelyValid } from '../../src/schema/event-shape.js';
import { eventSchema, validateEvent } from '../../src/schema/validators.js';
import { EVENT_NAMES, type EventName } from '../../src/types.js';

// The fast check may only ever say "valid" where the schema (ajv) says so too; everything else
// goes to ajv, which then gives the verdict. These tests hold it to that.

const PATH = '/srv/out/.racetrace-1/0001-sales.csv.tmp';

/** A valid event of each kind, as the tracer writes it. */
function valid(name: EventName): Record<string, unknown> {
  const base = { level: 30, time: 1_764_345_600_000.125, pid: 4242, hostname: 'build-01', seq: 3, event: name, correlationId: 'c-1', msg: name };
  switch (name) {
    case 'export.start':
      return base;
    case 'export.end':
      return { ...base, status: 'ok', durationMs: 41.5 };
    case 'temp.create':
      return { ...base, tempPath: PATH, targetPath: '/srv/out/sales.csv' };
    case 'temp.delete':
      return { ...base, tempPath: PATH };
    case 'rename.attempt':
      return { ...base, tempPath: PATH, targetPath: '/srv/out/sales.csv', attempt: 1 };
    case 'rename.success':
      return { ...base, tempPath: PATH, targetPath: '/srv/out/sales.csv', attempt: 2, durationMs: 1.25 };
    case 'rename.failure':
      return { ...base, tempPath: PATH, targetPath: '/srv/out/sales.csv', attempt: 1, errorCode: 'EBUSY', errorMessage: 'busy', willRetry: true, delayMs: 7.25 };
  }
}

const FIELDS = [
  'level', 'time', 'pid', 'hostname', 'seq', 'correlationId', 'msg', 'trace_id', 'span_id', 'tempPath', 'targetPath',
  'attempt', 'errorCode', 'errorMessage', 'willRetry', 'delayMs', 'durationMs', 'status', 'access',
];

/** Values at and around every boundary the schema draws. */
const VALUES: unknown[] = [
  undefined, null, true, false, 0, -0, 1, 2, -1, 0.5, 1.5, -0.001, 1e21, Infinity, -Infinity, Number.NaN,
  '', 'x', 'ok', 'failed', 'read', 'write', 'EBUSY', '1', [], {}, ['x'], 'x'.repeat(200), 'x'.repeat(201),
  '\u{1F600}'.repeat(100), '\u{1F600}'.repeat(101), '\u{1F600}'.repeat(150),
];

const mutated = fc
  .record({
    name: fc.constantFrom(...EVENT_NAMES),
    edits: fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...VALUES), fc.boolean()), { maxLength: 4 }),
  })
  .map(({ name, edits }) => {
    const obj = valid(name);
    for (const [field, value, remove] of edits) {
      if (remove) delete obj[field];
      else obj[field] = value;
    }
    return { name, obj };
  });

test('the fast check was written for the schema this build loads', () => {
  assert.equal(
    schemaFingerprint(eventSchema),
    SHAPE_FINGERPRINT,
    'schemas/event.schema.json changed: update surelyValid in src/schema/event-shape.ts to the new rules, then SHAPE_FINGERPRINT',
  );
  assert.equal(shapeCheckEnabled(), true);
});

test('the fast check never accepts what the schema rejects', () => {
  fc.assert(
    fc.property(mutated, ({ name, obj }) => {
      if (surelyValid(obj, name)) assert.equal(validateEvent(obj), true, JSON.stringify(obj));
    }),
    { numRuns: 20_000 },
  );
});

test('the fast check accepts the events the tracer writes, so they skip ajv', () => {
  for (const name of EVENT_NAMES) {
    const obj = valid(name);
    assert.equal(validateEvent(obj), true, name);
    assert.equal(surelyValid(obj, name), true, name);
  }
  const rest = { level: 30, time: 1, pid: 1, hostname: 'h', seq: 0, correlationId: 'c', msg: 'm' };
  const alsoValid: [EventName, Record<string, unknown>][] = [
    ['temp.create', { ...rest, event: 'temp.create', targetPath: '/a', access: 'read' }],
    ['temp.create', { ...rest, event: 'temp.create', tempPath: '/t', access: 'write' }],
    ['temp.delete', { ...rest, event: 'temp.delete', tempPath: '/t', access: 'read' }],
    ['rename.failure', { ...rest, event: 'rename.failure', tempPath: '/t', targetPath: '/a', attempt: 3, errorCode: 'EPERM', willRetry: false }],
    ['export.end', { ...rest, event: 'export.end', status: 'failed', trace_id: 'ab', span_id: 'cd' }],
  ];
  for (const [name, obj] of alsoValid) {
    assert.equal(validateEvent(obj), true, JSON.stringify(obj));
    assert.equal(surelyValid(obj, name), true, JSON.stringify(obj));
  }
});

test('on the mutated events, the fast check and the schema agree nearly always', () => {
  // Not required for correctness (a "no" only costs an ajv call), but a fast path that declines
  // most valid events would be no fast path: keep the misses to the documented corner cases.
  let valid = 0;
  let fast = 0;
  fc.assert(
    fc.property(mutated, ({ name, obj }) => {
      if (!validateEvent(obj)) return;
      valid++;
      if (surelyValid(obj, name)) fast++;
    }),
    { numRuns: 5_000 },
  );
  assert.ok(valid > 500, `only ${valid} valid events generated`);
  assert.ok(fast / valid > 0.95, `the fast check took ${fast} of ${valid} valid events`);
});

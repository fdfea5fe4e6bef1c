import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventSchema, validateEvent, describeErrors } from '../src/schema/validators.js';

test('every example in the event schema validates', () => {
  const examples = eventSchema['examples'];
  assert.ok(Array.isArray(examples) && examples.length >= 7);
  for (const example of examples) {
    assert.equal(validateEvent(example), true, describeErrors(validateEvent.errors));
  }
});

test('the event schema has a versioned $id', () => {
  assert.match(String(eventSchema['$id']), /\/event\/\d+\.\d+\.\d+$/);
});

test('a rename.failure that will retry must say how long it waits', () => {
  const line = {
    time: 1, pid: 1, hostname: 'h', seq: 0, event: 'rename.failure', correlationId: 'c',
    tempPath: '/t', targetPath: '/x', attempt: 1, errorCode: 'EBUSY', willRetry: true,
  };
  assert.equal(validateEvent(line), false);
  assert.equal(validateEvent({ ...line, delayMs: 10 }), true);
});

test('an unknown event name is rejected, unknown extra fields are allowed', () => {
  const base = { time: 1, pid: 1, hostname: 'h', seq: 0, correlationId: 'c' };
  assert.equal(validateEvent({ ...base, event: 'export.begin' }), false);
  assert.equal(validateEvent({ ...base, event: 'export.start', extra: { any: 1 } }), true);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BatchWriter, readBatch } from '../../src/merge/event-batch.js';
import { EVENT_NAMES, type TraceEvent } from '../../src/types.js';

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const count = fc.integer({ min: 0, max: 2 ** 31 });
const ms = fc.double({ min: 0, max: 4e12, noNaN: true });

/** Any event the analyzer can be given: every optional field present or absent. */
const traceEvent: fc.Arbitrary<TraceEvent> = fc
  .record(
    {
      time: ms,
      host: text,
      pid: count,
      seq: count,
      event: fc.constantFrom(...EVENT_NAMES),
      correlationId: text,
      source: fc.record({ input: text, line: fc.integer({ min: 1, max: 2 ** 40 }) }),
      tempPath: text,
      targetPath: text,
      attempt: fc.integer({ min: 1, max: 1000 }),
      errorCode: fc.constantFrom('ENOENT', 'EBUSY', 'EPERM'),
      errorMessage: text,
      willRetry: fc.boolean(),
      delayMs: ms,
      durationMs: ms,
      status: fc.constantFrom('ok' as const, 'failed' as const),
      access: fc.constantFrom('read' as const, 'write' as const),
    },
    { requiredKeys: ['time', 'host', 'pid', 'seq', 'event', 'correlationId', 'source'] },
  )
  // fast-check builds records without a prototype; events are plain objects.
  .map((e) => ({ ...e, source: { ...e.source } }));

/** The optional fields: an event read back from a batch has each of them, undefined if absent. */
const OPTIONAL = ['tempPath', 'targetPath', 'attempt', 'errorCode', 'errorMessage', 'willRetry', 'delayMs', 'durationMs', 'status', 'access'] as const;

function withEveryField(e: TraceEvent): TraceEvent {
  const out = { ...e };
  for (const field of OPTIONAL) if (!(field in out)) out[field] = undefined;
  return out;
}

function roundTrip(events: readonly TraceEvent[], capacity: number): TraceEvent[] {
  const writer = new BatchWriter(capacity);
  const out: TraceEvent[] = [];
  for (const e of events) {
    writer.add(e);
    if (writer.full) readBatch(structuredClone(writer.take()), (x) => out.push(x));
  }
  if (writer.count > 0) readBatch(structuredClone(writer.take()), (x) => out.push(x));
  return out;
}

test('every event comes back from a batch as it went in, through a structured clone like postMessage', () => {
  fc.assert(
    fc.property(fc.array(traceEvent, { maxLength: 60 }), fc.integer({ min: 1, max: 16 }), (events, capacity) => {
      assert.deepEqual(roundTrip(events, capacity), events.map(withEveryField));
    }),
    { numRuns: 300 },
  );
});

test('a few processes repeating a few strings across many small batches come back as they went in', () => {
  // The writer remembers each process's last strings per batch: repeats, changes and batch
  // boundaries must all resolve to the right string.
  const few = fc.constantFrom('a', 'b', '/out/x.csv');
  const repeating = traceEvent.chain((e) =>
    fc.record({ pid: fc.constantFrom(1, 2, 3), host: few, correlationId: few, tempPath: few, targetPath: few, input: few })
      .map(({ input, ...fields }) => ({ ...e, ...fields, source: { input, line: e.source.line } })),
  );
  fc.assert(
    fc.property(fc.array(repeating, { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (events, capacity) => {
      assert.deepEqual(roundTrip(events, capacity), events.map(withEveryField));
    }),
    { numRuns: 300 },
  );
});

test('a batch holds each string a process repeats once, however many events repeat it', () => {
  const writer = new BatchWriter(100);
  for (let i = 0; i < 100; i++) {
    writer.add({ time: i, host: 'h', pid: 1, seq: i, event: 'rename.attempt', correlationId: 'c', tempPath: '/t', targetPath: '/o', attempt: 1, source: { input: 'a.log', line: i + 1 } });
  }
  assert.equal(writer.full, true);
  const batch = writer.take();
  assert.deepEqual(batch.table.sort(), ['/o', '/t', 'a.log', 'c', 'h']);
  assert.equal(writer.count, 0, 'take starts a new batch');
  // Two processes that share a string each store it: no Map hashes every fresh string to find it.
  writer.add({ time: 0, host: 'h', pid: 1, seq: 0, event: 'export.start', correlationId: 'c1', source: { input: 'a.log', line: 1 } });
  writer.add({ time: 0, host: 'h', pid: 2, seq: 0, event: 'export.start', correlationId: 'c2', source: { input: 'b.log', line: 1 } });
  assert.deepEqual(writer.take().table.sort(), ['a.log', 'b.log', 'c1', 'c2', 'h', 'h']);
});

test('absent fields come back undefined, every event with the same fields in the same order, and -0 and fractions survive', () => {
  const e: TraceEvent = { time: 1795885200030.888, host: 'h', pid: 0, seq: -0, event: 'export.start', correlationId: 'c', source: { input: 'x', line: 1 } };
  const failure: TraceEvent = { ...e, event: 'rename.failure', tempPath: '/t', targetPath: '/o', attempt: 2, errorCode: 'EBUSY', willRetry: true, delayMs: 5 };
  const [back, failed] = roundTrip([e, failure], 4);
  assert.deepEqual(back, withEveryField(e));
  assert.equal(Object.keys(back ?? {}).join(), Object.keys(failed ?? {}).join());
  assert.ok(Object.is(back?.seq, -0));
  assert.equal(back?.time, 1795885200030.888);
});

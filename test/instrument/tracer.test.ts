import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { createTracer } from '../../src/instrument/tracer.js';
import { CORRELATION_ENV } from '../../src/instrument/correlation.js';
import { RacetraceError } from '../../src/errors.js';
import { memorySink, readEvents, scratchDir } from '../helpers/events.js';

const rename = { tempPath: '/out/.racetrace-x/0001-a.csv.tmp', targetPath: '/out/a.csv', attempt: 1 };

function emitAll(tracer: ReturnType<typeof createTracer>): void {
  tracer.exportStart();
  tracer.tempCreate({ tempPath: rename.tempPath, targetPath: rename.targetPath });
  tracer.renameAttempt(rename);
  tracer.renameFailure({ ...rename, errorCode: 'EBUSY', errorMessage: 'busy', willRetry: true, delayMs: 3.5 });
  tracer.renameSuccess({ ...rename, attempt: 2, durationMs: 4 });
  tracer.tempDelete({ tempPath: rename.tempPath });
  tracer.exportEnd({ status: 'ok', durationMs: 9 });
}

test('every event method writes a valid line: msg is the event, rename.failure is a warning', () => {
  const sink = memorySink();
  emitAll(createTracer({ logger: pino({}, sink), strict: true, correlationId: 'c-1' }));
  assert.deepEqual(sink.lines.map((l) => l['msg']), [
    'export.start', 'temp.create', 'rename.attempt', 'rename.failure', 'rename.success', 'temp.delete', 'export.end',
  ]);
  assert.deepEqual(sink.lines.map((l) => l['event']), sink.lines.map((l) => l['msg']));
  assert.deepEqual(sink.lines.map((l) => l['level']), [30, 30, 30, 40, 30, 30, 30]);
  assert.ok(sink.lines.every((l) => l['correlationId'] === 'c-1' && l['pid'] === process.pid));
});

test('seq is strictly increasing across all tracers of the process', () => {
  const sink = memorySink();
  const a = createTracer({ logger: pino({}, sink), strict: true });
  const b = createTracer({ logger: pino({}, sink), strict: true });
  for (let i = 0; i < 50; i++) (i % 3 === 0 ? b : a).exportStart();
  const seqs = sink.lines.map((l) => Number(l['seq']));
  for (let i = 1; i < seqs.length; i++) assert.ok(seqs[i]! > seqs[i - 1]!, `seq ${seqs[i]} after ${seqs[i - 1]}`);
});

test('time is epoch ms written as a number with a fraction, even under a parent with default timestamps', () => {
  const raw: string[] = [];
  const parent = pino({}, { write: (s: string) => raw.push(s) });
  const tracer = createTracer({ logger: parent, strict: true });
  const before = Date.now();
  for (let i = 0; i < 200; i++) tracer.renameAttempt(rename);
  const after = Date.now();
  for (const line of raw) {
    assert.match(line, /"time":\d+\.\d+,/);
    const time = Number(JSON.parse(line).time);
    assert.ok(time >= before - 1 && time <= after + 1, `${time} outside ${before}..${after}`);
  }
});

test('a parent with base: null and level error still gets complete events', () => {
  const sink = memorySink();
  const tracer = createTracer({ logger: pino({ base: null, level: 'error' }, sink), strict: true });
  tracer.exportStart();
  assert.equal(sink.lines.length, 1);
  assert.equal(sink.lines[0]?.['pid'], process.pid);
  assert.equal(typeof sink.lines[0]?.['hostname'], 'string');
});

test('trace_id and span_id pass through unchanged', () => {
  const sink = memorySink();
  const tracer = createTracer({ logger: pino({}, sink), strict: true, bindings: { trace_id: '4bf92f35', span_id: '00f067aa' } });
  tracer.exportStart();
  assert.equal(sink.lines[0]?.['trace_id'], '4bf92f35');
  assert.equal(sink.lines[0]?.['span_id'], '00f067aa');
});

test('extra fields cannot replace seq or event', () => {
  const sink = memorySink();
  const tracer = createTracer({ logger: pino({}, sink), strict: true });
  tracer.exportStart({ event: 'export.end', seq: -5, report: 'q3' });
  assert.equal(sink.lines[0]?.['event'], 'export.start');
  assert.ok(Number(sink.lines[0]?.['seq']) >= 0);
  assert.equal(sink.lines[0]?.['report'], 'q3');
});

test('strict mode throws SCHEMA_VIOLATION and writes nothing', () => {
  const sink = memorySink();
  const tracer = createTracer({ logger: pino({}, sink), strict: true });
  const bad = { ...rename, errorCode: 'EBUSY', willRetry: true }; // a retry must say its delay
  assert.throws(() => tracer.renameFailure(bad), (error: unknown) =>
    error instanceof RacetraceError && error.code === 'SCHEMA_VIOLATION' && /delayMs/.test(error.message));
  assert.equal(sink.lines.length, 0);
});

test('a field named like a stamp is checked as the line will read it', () => {
  // pino writes the caller's field after its own, so a reader sees the caller's value.
  const tracer = createTracer({ logger: pino({}, memorySink()), strict: true });
  for (const stamp of [{ pid: -1 }, { time: 'soon' }, { hostname: 7 }, { correlationId: '' }]) {
    assert.throws(() => tracer.renameAttempt({ ...rename, ...stamp }), (error: unknown) =>
      error instanceof RacetraceError && error.code === 'SCHEMA_VIOLATION', JSON.stringify(stamp));
  }
  // A valid one passes.
  tracer.renameAttempt({ ...rename, pid: 42 });
});

test('outside strict mode an invalid event is still written, with its schema errors, and the export goes on', () => {
  const sink = memorySink();
  const tracer = createTracer({ logger: pino({}, sink) });
  tracer.renameAttempt({ ...rename, attempt: 0 });
  tracer.exportEnd({ status: 'ok' });
  assert.equal(sink.lines.length, 2);
  assert.match(String(sink.lines[0]?.['schemaErrors']), /attempt must be >= 1/);
  assert.equal(sink.lines[1]?.['schemaErrors'], undefined);
});

test('the correlation ID comes from RACETRACE_CORRELATION_ID and childEnv hands it on', () => {
  const env = { [CORRELATION_ENV]: 'from-parent-42', PATH: '/bin' };
  const tracer = createTracer({ logger: pino({}, memorySink()), env });
  assert.equal(tracer.correlationId, 'from-parent-42');
  const child = tracer.childEnv({ PATH: '/usr/bin' });
  assert.deepEqual(child, { PATH: '/usr/bin', [CORRELATION_ENV]: 'from-parent-42' });
  assert.equal(createTracer({ logger: pino({}, memorySink()), env: child }).correlationId, 'from-parent-42');
});

test('without the variable a new ID is made: compact UTC time, then a UUID', () => {
  const a = createTracer({ logger: pino({}, memorySink()), env: {} });
  const b = createTracer({ logger: pino({}, memorySink()), env: {} });
  const form = /^\d{8}T\d{9}Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  assert.match(a.correlationId, form);
  assert.notEqual(a.correlationId, b.correlationId);
});

test('a correlation ID longer than the schema allows is refused with what to do', () => {
  assert.throws(() => createTracer({ env: { [CORRELATION_ENV]: 'x'.repeat(201) } }),
    (error: unknown) => error instanceof RacetraceError && error.code === 'USAGE' && /unset it/.test(error.message));
});

for (const sync of [true, false]) {
  test(`a destination path gets every event (${sync ? 'sync' : 'async'})`, async (t) => {
    const log = join(await scratchDir(t), 'logs', 'events.ndjson');
    const tracer = createTracer({ destination: log, sync, strict: true });
    emitAll(tracer);
    tracer.flush();
    const events = await readEvents(log);
    assert.equal(events.length, 7);
    assert.equal(readFileSync(log, 'utf8').split('\n').length, 8);
  });
}

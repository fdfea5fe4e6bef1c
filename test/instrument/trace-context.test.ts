import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { createTracer } from '../../src/instrument/tracer.js';
import { parseTraceparent, traceFieldsSource } from '../../src/instrument/trace-context.js';
import { validateEvent } from '../../src/schema/validators.js';
import { memorySink } from '../helpers/events.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const PARENT = `00-${TRACE}-${SPAN}-01`;

test('TRACEPARENT: the W3C examples parse; what the spec says to ignore is ignored', () => {
  assert.deepEqual(parseTraceparent(PARENT), { traceId: TRACE, spanId: SPAN });
  assert.deepEqual(parseTraceparent(`  ${PARENT}\n`), { traceId: TRACE, spanId: SPAN });
  assert.deepEqual(parseTraceparent(`cc-${TRACE}-${SPAN}-01-future-field`), { traceId: TRACE, spanId: SPAN }, 'a later version may add fields');
  for (const bad of [
    undefined, '', 'garbage',
    `00-${TRACE.toUpperCase()}-${SPAN}-01`, // uppercase hex
    `00-${'0'.repeat(32)}-${SPAN}-01`, // all-zero trace id
    `00-${TRACE}-${'0'.repeat(16)}-01`, // all-zero parent id
    `ff-${TRACE}-${SPAN}-01`, // version ff is invalid
    `00-${TRACE}-${SPAN}-01-extra`, // version 00 has exactly four fields
    `00-${TRACE.slice(1)}-${SPAN}-01`, // short trace id
    `00-${TRACE}-${SPAN}-1`, // short flags
  ]) {
    assert.equal(parseTraceparent(bad), undefined, String(bad));
  }
});

test('trace fields: an explicit option beats the active span, which beats TRACEPARENT', () => {
  const other = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) };
  let active: { traceId: string; spanId: string } | undefined = other;
  const api = { trace: { getActiveSpan: () => (active === undefined ? undefined : { spanContext: () => active! }) } };
  const env = { TRACEPARENT: PARENT };
  const auto = traceFieldsSource(undefined, env, () => api);
  assert.deepEqual(auto(), { trace_id: other.traceId, span_id: other.spanId });
  active = undefined;
  assert.deepEqual(auto(), { trace_id: TRACE, span_id: SPAN }, 'outside a span: the parent from the environment');
  active = { traceId: '0'.repeat(32), spanId: '0'.repeat(16) };
  assert.deepEqual(auto(), { trace_id: TRACE, span_id: SPAN }, 'an invalid (non-recording) span context is ignored');
  assert.deepEqual(traceFieldsSource(other, env, () => api)(), { trace_id: other.traceId, span_id: other.spanId });
  assert.equal(traceFieldsSource(false, env, () => api)(), undefined);
  assert.equal(traceFieldsSource(undefined, {}, () => undefined)(), undefined, 'no OpenTelemetry, no TRACEPARENT: nothing');
  const throwing = { trace: { getActiveSpan: () => { throw new Error('broken tracing setup'); } } };
  assert.deepEqual(traceFieldsSource(undefined, env, () => throwing)(), { trace_id: TRACE, span_id: SPAN });
});

test('tracer: events carry trace_id and span_id from TRACEPARENT, and still validate', () => {
  const sink = memorySink();
  const tracer = createTracer({ logger: pino({}, sink), strict: true, correlationId: 'c-1', env: { TRACEPARENT: PARENT } });
  tracer.exportStart();
  tracer.renameAttempt({ tempPath: '/t', targetPath: '/x', attempt: 1 });
  assert.equal(sink.lines.length, 2);
  for (const line of sink.lines) {
    assert.equal(line['trace_id'], TRACE);
    assert.equal(line['span_id'], SPAN);
    assert.ok(validateEvent(line));
  }
});

test('tracer: a traceContext function is asked at every event; bindings with a trace_id win', () => {
  const sink = memorySink();
  let span = 1;
  const traceContext = () => ({ traceId: TRACE, spanId: String(span++).padStart(16, '0') });
  const tracer = createTracer({ logger: pino({}, sink), strict: true, correlationId: 'c-1', env: {}, traceContext });
  tracer.exportStart();
  tracer.exportStart();
  assert.deepEqual(sink.lines.map((l) => l['span_id']), ['0000000000000001', '0000000000000002']);

  const bound = memorySink();
  createTracer({ logger: pino({}, bound), correlationId: 'c-1', env: { TRACEPARENT: PARENT }, bindings: { trace_id: 'mine' } }).exportStart();
  const raw = bound.lines[0];
  assert.equal(raw?.['trace_id'], 'mine');
  assert.equal(raw?.['span_id'], undefined);

  const none = memorySink();
  createTracer({ logger: pino({}, none), correlationId: 'c-1', env: { TRACEPARENT: PARENT }, traceContext: false }).exportStart();
  assert.equal(none.lines[0]?.['trace_id'], undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFormat } from '../../../src/ingest/adapter.js';
import { accounted, collect, eventRecord, tempDir } from '../../helpers/ingest.js';

const dir = tempDir('racetrace-stores-');
let n = 0;

/** Writes `rows` (objects or raw strings) as lines of a new file and reads it. */
async function read(rows: unknown[], inputFormat: InputFormat = 'auto') {
  const path = join(dir, `input-${++n}.log`);
  writeFileSync(path, `${rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`);
  const out = await collect([path], { inputFormat });
  assert.ok(accounted(out.result));
  const [stats] = out.result.inputs;
  assert.ok(stats);
  return { ...out, stats, reasons: out.result.diagnostics.map((d) => d.reason) };
}

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const attempt = { event: 'rename.attempt', tempPath: '/o/a.tmp', targetPath: '/o/a', attempt: 1, msg: 'rename.attempt' };
const attrs = (obj: Record<string, unknown>) =>
  Object.entries(obj).map(([key, v]) => ({
    key,
    value: typeof v === 'string' ? { stringValue: v } : typeof v === 'boolean' ? { boolValue: v } : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v },
  }));
const otlp = (records: unknown[], resource: Record<string, unknown> = { 'host.name': 'h1', 'process.pid': 7 }) => ({
  resourceLogs: [{ resource: { attributes: attrs(resource) }, scopeLogs: [{ scope: {}, logRecords: records }] }],
});

test('loki: labels fill what pino-loki moved out of the line; other and torn lines are told apart', async () => {
  const { hostname: _h, ...line } = eventRecord({ seq: 3 });
  const { events, stats, reasons } = await read([
    { labels: { hostname: 'from-label', level: 'info' }, line: JSON.stringify(line), timestamp: '2026-11-28T17:00:00.000000001Z' },
    { labels: { level: 'info' }, line: '{"level":30,"msg":"an ordinary pino line"}', timestamp: '2026-11-28T17:00:00Z' },
    { labels: {}, line: '{"event":"export.st', timestamp: '2026-11-28T17:00:00Z' },
    { line: JSON.stringify(line), timestamp: '2026-11-28T17:00:00Z' },
  ]);
  assert.deepEqual([stats.events, stats.other, stats.invalid], [1, 1, 2]);
  assert.equal(events[0]?.host, 'from-label');
  assert.equal(events[0]?.seq, 3);
  assert.match(reasons[0] ?? '', /^the line inside is not JSON/);
  assert.match(reasons[1] ?? '', /hostname/, 'no label, no hostname: the schema says what is missing');
});

test('loki: a line without its own time takes the entry timestamp, offsets and nanoseconds kept', async () => {
  const { time: _t, ...line } = eventRecord();
  const { events } = await read([{ labels: {}, line: JSON.stringify(line), timestamp: '2026-11-28T18:00:00.000250000+01:00' }]);
  assert.equal(events[0]?.time, Date.UTC(2026, 10, 28, 17) + 0.25);
});

test('loki: logs sent through the OTLP endpoint carry the fields as labels, numbers as strings', async () => {
  const labels = { event: 'rename.failure', correlationId: 'c-9', hostname: 'h', pid: '12', seq: '4', tempPath: '/t', targetPath: '/x', attempt: '2', errorCode: 'EBUSY', willRetry: 'true', delayMs: '12.5' };
  const { events } = await read([{ labels, line: 'rename.failure', timestamp: '2026-11-28T17:00:00Z' }]);
  assert.deepEqual(
    [events[0]?.pid, events[0]?.seq, events[0]?.attempt, events[0]?.willRetry, events[0]?.delayMs],
    [12, 4, 2, true, 12.5],
  );
});

test('otlp: attributes are typed back, resource gives host and pid, record gives time', async () => {
  const record = {
    timeUnixNano: '1764345600000250000', body: { stringValue: 'rename.failure' },
    attributes: attrs({ seq: 5, event: 'rename.failure', correlationId: 'c-1', tempPath: '/t', targetPath: '/x', attempt: 1, errorCode: 'EPERM', willRetry: true, delayMs: 3.5 }),
  };
  const { events } = await read([otlp([record])]);
  const e = events[0];
  assert.deepEqual([e?.host, e?.pid, e?.seq, e?.time, e?.willRetry, e?.delayMs, e?.errorCode], ['h1', 7, 5, 1_764_345_600_000.25, true, 3.5, 'EPERM']);
});

test('otlp: no correlationId but a trace id: grouped by the trace, and the report says so', async () => {
  const record = { timeUnixNano: '1764345600000000000', traceId: TRACE.toUpperCase(), spanId: '00f067aa0ba902b7', attributes: attrs({ event: 'export.start', seq: 0 }) };
  const { events, result } = await read([otlp([record])]);
  assert.equal(events[0]?.correlationId, TRACE);
  assert.ok(result.notes.some((note) => /1 event had no correlationId and was grouped by OpenTelemetry trace id/.test(note)));
});

test('otlp: a batch is an event line when any record is an event; the bad records are counted in a note', async () => {
  const good = { timeUnixNano: '1764345600000000000', body: { stringValue: JSON.stringify(eventRecord()) } };
  const bad = { timeUnixNano: '1764345600000000000', body: { kvlistValue: { values: attrs({ ...eventRecord(), ...attempt, attempt: 0 }) } } };
  const ordinary = { timeUnixNano: '1764345600000000000', body: { stringValue: 'GET /health 200' } };
  const { stats, result, reasons } = await read([otlp([good, bad, ordinary]), otlp([bad, ordinary]), otlp([ordinary])]);
  assert.deepEqual([stats.events, stats.other, stats.invalid], [1, 1, 1]);
  assert.equal(reasons[0], 'record 1 of 2: /attempt must be >= 1');
  assert.ok(result.notes.some((note) => /1 record inside lines that also held valid events broke the event schema .*line 1, record 2 of 3: \/attempt must be >= 1/.test(note)));
});

test('elasticsearch: a search response yields every hit; `fields` hits are unwrapped', async () => {
  const response = { took: 1, hits: { hits: [{ _index: 'i', _source: eventRecord({ time: '2026-11-28T17:00:00.123Z' }) }, { _index: 'i', _source: { msg: 'other' } }] } };
  const viaFields = { _index: 'i', _id: '1', fields: Object.fromEntries(Object.entries(eventRecord({ pid: 9 })).map(([k, v]) => [k, [v]])) };
  const { events, stats } = await read([response, viaFields]);
  assert.equal(stats.events, 2);
  assert.deepEqual(events.map((e) => e.pid).sort(), [100, 9]);
  assert.equal(events.find((e) => e.pid === 100)?.time, Date.UTC(2026, 10, 28, 17, 0, 0, 123));
});

test('ecs: nested or dotted, event.outcome is the status, event.duration (ns) the duration, trace.id the fallback', async () => {
  const { events } = await read([
    { '@timestamp': '2026-11-28T17:00:00.0000005Z', 'ecs.version': '8.11.0', 'host.name': 'h', 'process.pid': 3, 'event.action': 'export.start', 'event.sequence': 0, 'trace.id': TRACE },
    { '@timestamp': '2026-11-28T17:00:01Z', host: { hostname: 'h' }, process: { pid: 3 }, event: { action: 'export.end', sequence: 1, outcome: 'failure', duration: 1_500_000 }, racetrace: { correlationId: 'c-2' } },
    { '@timestamp': '2026-11-28T17:00:02Z', 'host.name': 'h', 'process.pid': 3, 'event.action': 'rename.failure', 'event.sequence': 2, 'racetrace.correlationId': 'c-2', 'file.path': '/t', 'racetrace.targetPath': '/x', 'racetrace.attempt': 1, 'error.code': 'EBUSY', 'error.message': 'busy', 'racetrace.willRetry': false },
  ]);
  assert.deepEqual(events.map((e) => [e.correlationId, e.event, e.status, e.durationMs, e.tempPath, e.errorCode]), [
    [TRACE, 'export.start', undefined, undefined, undefined, undefined],
    ['c-2', 'export.end', 'failed', 1.5, undefined, undefined],
    ['c-2', 'rename.failure', undefined, undefined, '/t', 'EBUSY'],
  ]);
  assert.equal(events[0]?.time, Date.UTC(2026, 10, 28, 17) + 0.0005);
});

test('ecs: the racetrace tracer under an @elastic/ecs-pino-format logger', async () => {
  // The tracer's child keeps its own sub-ms `time`; ecs-pino-format renames pid, hostname, msg.
  const line = { 'log.level': 'warn', time: 1_764_345_600_002.75, 'process.pid': 4242, 'host.hostname': 'build-01', 'ecs.version': '8.10.0', 'event.dataset': 'exporter', correlationId: 'c-1', seq: 3, event: 'rename.failure', tempPath: '/t', targetPath: '/x', attempt: 1, errorCode: 'EBUSY', willRetry: true, delayMs: 37.2, message: 'rename.failure' };
  const { events, stats } = await read([line]);
  assert.equal(stats.events, 1);
  assert.deepEqual([events[0]?.time, events[0]?.pid, events[0]?.host, events[0]?.event, events[0]?.delayMs], [1_764_345_600_002.75, 4242, 'build-01', 'rename.failure', 37.2]);
});

test('an explicit --input-format ecs reads plain racetrace lines as well', async () => {
  const { stats } = await read([eventRecord(), eventRecord({ seq: 1, ...attempt })], 'ecs');
  assert.equal(stats.events, 2);
});

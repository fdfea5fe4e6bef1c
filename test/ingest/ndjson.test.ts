import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NdjsonReader, ndjson } from '../../src/ingest/ndjson.js';
import { accounted, collect, eventLine, eventRecord, tempDir } from '../helpers/ingest.js';

const dir = tempDir();

test('each kind of line lands in its bucket', () => {
  const reader = new NdjsonReader('a.log');
  const cases: [string, string, RegExp?][] = [
    [eventLine(), 'event'],
    ['', 'other'],
    ['   \t ', 'other'],
    ['{"level":30,"time":1,"pid":1,"hostname":"h","msg":"ordinary pino line"}', 'other'],
    ['[1,2,3]', 'other'],
    ['42', 'other'],
    [JSON.stringify({ ...eventRecord(), event: 'export.begin' }), 'other'],
    [JSON.stringify({ ...eventRecord(), correlationId: undefined }), 'other'],
    [eventLine().slice(0, 40), 'invalid', /^not JSON \(/],
    ['hello world', 'invalid', /^not JSON \(/],
    [eventLine({ event: 'rename.attempt', tempPath: '/t', targetPath: '/x', attempt: 0 }), 'invalid', /^\/attempt must be >= 1$/],
    [eventLine({ event: 'temp.create' }), 'invalid', /tempPath/],
    [eventLine({ pid: 'x' }), 'invalid', /\/pid must be integer/],
    [eventLine({ time: -5 }), 'invalid', /\/time must be >= 0/],
    [eventLine({ time: 'yesterday' }), 'invalid', /\/time must be epoch milliseconds or an ISO-8601 date/],
    ['{"time":1e999,"pid":1,"hostname":"h","seq":0,"event":"export.start","correlationId":"c"}', 'invalid', /\/time/],
  ];
  for (const [line, bucket, reason] of cases) {
    const result = reader.read(line, 7);
    assert.equal(result.bucket, bucket, line);
    if (reason) assert.match(result.reason ?? '', reason, line);
    assert.equal(reader.event !== undefined, bucket === 'event', line);
  }
});

test('a diagnostic does not echo the line back', () => {
  const reason = new NdjsonReader('a.log').read('{"secret": nope}', 1).reason ?? '';
  assert.match(reason, /^not JSON \(/);
  assert.doesNotMatch(reason, /secret/);
});

test('an event is mapped to a TraceEvent with its evidence', () => {
  const reader = new NdjsonReader('logs/a.log');
  const line = eventLine({
    event: 'rename.failure', seq: 3, tempPath: '/t', targetPath: '/x', attempt: 2,
    errorCode: 'EBUSY', errorMessage: 'busy', willRetry: true, delayMs: 12.5, extra: { a: 1 },
  });
  assert.equal(reader.read(line, 12).bucket, 'event');
  assert.deepEqual(reader.event, {
    time: 1_764_345_600_000, host: 'build-01', pid: 100, seq: 3, event: 'rename.failure',
    correlationId: 'c-1', tempPath: '/t', targetPath: '/x', attempt: 2, errorCode: 'EBUSY',
    errorMessage: 'busy', willRetry: true, delayMs: 12.5, source: { input: 'logs/a.log', line: 12 },
    durationMs: undefined, status: undefined, access: undefined,
  });
});

test('events of every kind have the same fields in the same order (one hidden class for V8)', () => {
  const reader = new NdjsonReader('a');
  const keys = new Set<string>();
  for (const fields of [{ event: 'export.start' }, { event: 'rename.failure', tempPath: '/t', targetPath: '/x', attempt: 1, errorCode: 'EBUSY', willRetry: false }, { event: 'export.end', status: 'ok' }]) {
    assert.equal(reader.read(eventLine(fields), 1).bucket, 'event');
    keys.add(Object.keys(reader.event ?? {}).join());
  }
  assert.equal(keys.size, 1, [...keys].join('\n'));
});

test('an ISO-8601 time becomes epoch milliseconds, sub-millisecond digits kept', () => {
  const reader = new NdjsonReader('a');
  reader.read(eventLine({ time: '2026-11-28T17:00:00.000125Z' }), 1);
  assert.equal(reader.event?.time, Date.UTC(2026, 10, 28, 17) + 0.125);
  reader.read(eventLine({ time: '2026-11-28T19:00:00.5+02:00' }), 2);
  assert.equal(reader.event?.time, Date.UTC(2026, 10, 28, 17) + 500);
});

test('a missing seq is filled with the line number', () => {
  const reader = new NdjsonReader('a');
  const record = eventRecord();
  delete record['seq'];
  assert.equal(reader.read(JSON.stringify(record), 41).bucket, 'event');
  assert.equal(reader.event?.seq, 41);
});

test('auto-detection recognises a JSON object line', () => {
  assert.equal(ndjson.recognises('  {"a":1}'), true);
  assert.equal(ndjson.recognises('1234 execve("/bin/true", ...) = 0'), false);
});

test('every line of a file is accounted for, with a BOM, CRLF and blank lines', async () => {
  const file = join(dir, 'mixed.log');
  const lines = [
    '\uFEFF' + eventLine({ seq: 0 }),
    '',
    '{"time":5,"msg":"pino"}',
    eventLine({ seq: 1 }).slice(0, 30),
    eventLine({ seq: 2, event: 'rename.success', tempPath: '/t', targetPath: '/x', attempt: 1 }),
    eventLine({ seq: 3, event: 'export.end', status: 'maybe' }),
    eventLine({ seq: 4, event: 'export.end', status: 'ok' }),
  ];
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  const { events, result } = await collect([file]);
  assert.deepEqual(result.inputs, [{ name: file, lines: 7, events: 3, other: 2, invalid: 2, late: 0 }]);
  assert.ok(accounted(result));
  assert.deepEqual(events.map((e) => e.source.line), [1, 5, 7]);
  assert.deepEqual(result.diagnostics.map((d) => d.line), [4, 6]);
});

test('diagnostics: the first few per input are kept, the rest counted', async () => {
  const file = join(dir, 'bad.log');
  writeFileSync(file, Array.from({ length: 9 }, (_, i) => `garbage ${i}`).join('\n'));
  const { result } = await collect([file], { maxDiagnosticsPerInput: 3 });
  assert.equal(result.inputs[0]?.invalid, 9);
  assert.deepEqual(result.diagnostics.map((d) => `${d.input}:${d.line}`), [`${file}:1`, `${file}:2`, `${file}:3`]);
  assert.equal(result.diagnosticsOmitted, 6);
});

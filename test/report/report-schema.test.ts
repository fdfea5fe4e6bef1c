import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSchema } from '../../src/schema/paths.js';
import { validateReport } from '../../src/schema/validators.js';
import { REPORT_SCHEMA_ID } from '../../src/report/json.js';
import { finding, hostileReport, makeReport } from '../helpers/report.js';

const schema = readSchema('report.schema.json');

test('every example in the report schema validates', () => {
  const examples = schema['examples'];
  assert.ok(Array.isArray(examples) && examples.length >= 2);
  for (const example of examples) {
    const result = validateReport(example);
    assert.equal(result.valid, true, result.errors);
  }
});

test('the report schema has a versioned $id, and the JSON reporter names it', () => {
  assert.match(String(schema['$id']), /\/report\/\d+\.\d+\.\d+$/);
  assert.equal(schema['$id'], REPORT_SCHEMA_ID);
});

test('the reports the tests build are valid reports', () => {
  for (const report of [makeReport(), hostileReport()]) {
    const result = validateReport(report);
    assert.equal(result.valid, true, result.errors);
  }
});

// Each case breaks one known field; the schema must say no.
const broken: [string, (r: ReturnType<typeof makeReport>) => unknown][] = [
  ['a pid given as a string', (r) => ({ ...r, findings: [finding({ pids: ['4242' as unknown as number] })] })],
  ['an unknown severity', (r) => ({ ...r, findings: [{ ...finding(), severity: 'fatal' }] })],
  ['an unknown role', (r) => ({ ...r, findings: [{ ...finding(), role: 'lock' }] })],
  ['a finding without a hint', (r) => {
    const { hint: _hint, ...rest } = finding();
    return { ...r, findings: [rest] };
  }],
  ['an unknown field on a finding', (r) => ({ ...r, findings: [{ ...finding(), pathList: ['/a'] }] })],
  ['evidence line 0', (r) => ({ ...r, findings: [finding({ evidence: [{ input: 'a', line: 0 }] })] })],
  ['a time given as an ISO string', (r) => ({ ...r, summary: { ...r.summary, start: '2025-11-28T16:00:00Z' } })],
  ['a negative line count', (r) => ({ ...r, inputs: [{ ...r.inputs[0], lines: -1 }] })],
  ['a fractional event count', (r) => ({ ...r, summary: { ...r.summary, events: 2.5 } })],
  ['an unknown export status', (r) => ({ ...r, exports: [{ ...r.exports[0], status: 'crashed' }] })],
  ['an error count that is not a number', (r) => ({ ...r, findings: [finding({ errorCodes: { EBUSY: 'many' as unknown as number } })] })],
  ['another tool name', (r) => ({ ...r, tool: { name: 'other', version: '1' } })],
  ['a missing diagnostics list', (r) => {
    const { diagnostics: _d, ...rest } = r;
    return rest;
  }],
  ['a story event with an unknown event name', (r) => ({
    ...r,
    story: { correlationId: 'c', events: [{ time: 1, host: 'h', pid: 1, correlationId: 'c', event: 'export.begin', own: true, source: { input: 'a', line: 1 } }] },
  })],
  ['notes that are not strings', (r) => ({ ...r, notes: [1] })],
];

for (const [name, breakIt] of broken) {
  test(`a report with ${name} is rejected`, () => {
    const result = validateReport(breakIt(makeReport()));
    assert.equal(result.valid, false, `${name} was accepted`);
    assert.notEqual(result.errors, '');
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonReporter, REPORT_SCHEMA_ID } from '../../src/report/json.js';
import { validateReport } from '../../src/schema/validators.js';
import { hostileReport, makeReport } from '../helpers/report.js';

test('the JSON report validates against the report schema and round-trips', () => {
  for (const report of [makeReport(), hostileReport()]) {
    const out = jsonReporter(report, { color: false });
    const parsed: unknown = JSON.parse(out);
    const result = validateReport(parsed);
    assert.equal(result.valid, true, result.errors);
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(report)));
  }
});

test('the JSON report is pretty, names its schema, and carries no raw control characters', () => {
  const { $schema: _drop, ...report } = hostileReport();
  const out = jsonReporter(report, { color: true });
  assert.ok(out.startsWith('{\n  "$schema": '));
  assert.equal((JSON.parse(out) as { $schema: string }).$schema, REPORT_SCHEMA_ID);
  assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(out));
  assert.ok(out.includes('\\u001b[31mred'));
  assert.ok(out.endsWith('}\n'));
});

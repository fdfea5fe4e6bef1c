import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReportFormat, render, reporters, type ReportFormat } from '../../src/report/index.js';
import { isRacetraceError } from '../../src/errors.js';
import { makeReport } from '../helpers/report.js';

test('the registry is keyed by --format', () => {
  assert.deepEqual(Object.keys(reporters).sort(), ['html', 'json', 'markdown', 'text']);
  assert.equal(isReportFormat('json'), true);
  assert.equal(isReportFormat('toString'), false);
});

test('render dispatches to the reporter of the format', () => {
  const report = makeReport();
  assert.equal(render(report, 'json', { color: false }), reporters.json(report, { color: false }));
  assert.match(render(report, 'markdown', { color: false }), /^## racetrace report/);
  assert.match(render(report, 'text', { color: false }), /^racetrace 0\.1\.0 report/);
});

test('a format with no reporter is a usage error that names the ones there are', () => {
  assert.throws(
    () => render(makeReport(), 'pdf' as ReportFormat, { color: false }),
    (error: unknown) => isRacetraceError(error) && error.code === 'USAGE' && /text, json, markdown, html/.test(error.message),
  );
});

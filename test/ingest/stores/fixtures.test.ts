import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/analyze/index.js';
import { detectFormat } from '../../../src/ingest/formats.js';
import type { Report } from '../../../src/types.js';
import { projectRoot, samplesDir } from '../../helpers/paths.js';

const fixtures = join(projectRoot, 'test', 'fixtures', 'stores');

/** Each fixture: the naive-5 capture as a log store gives it back (see generate.ts). */
const CASES: [file: string, format: string, lines: number][] = [
  ['loki-logcli.jsonl', 'loki', 31],
  ['loki-query-range.json', 'loki', 1],
  ['elasticsearch-search.json', 'elasticsearch', 1],
  ['elasticsearch-hits.ndjson', 'elasticsearch', 31],
  ['otlp-pino-transport.jsonl', 'otlp', 2],
  ['otlp-filelog.jsonl', 'otlp', 5],
  ['ecs.ndjson', 'ecs', 31],
];

function verdict(report: Report): string[] {
  return report.findings.map((f) => `${f.kind} ${f.path ?? ''}`).sort();
}

function exportsOf(report: Report): string[] {
  return report.exports.map((e) => `${e.correlationId} ${e.pids.join(',')} ${e.status} ${e.events}`).sort();
}

const plain = analyze([join(samplesDir, 'naive-5')]);

for (const [file, format, lines] of CASES) {
  test(`${file}: recognised as ${format}, same findings and exports as the plain NDJSON files`, async () => {
    const path = join(fixtures, file);
    const first = readFileSync(path, 'utf8').split('\n')[0] ?? '';
    assert.equal(detectFormat(first).definition.format, format);
    const expected = await plain;
    const report = await analyze([path]);
    assert.deepEqual(report.inputs.map((i) => [i.lines, i.events, i.other, i.invalid]), [[lines, lines, 0, 0]]);
    assert.equal(report.summary.events, expected.summary.events);
    assert.ok(expected.findings.length > 0, 'the plain files have findings to compare');
    assert.deepEqual(verdict(report), verdict(expected));
    assert.deepEqual(exportsOf(report), exportsOf(expected));
    assert.equal(report.notes, undefined);
  });
}

test('the sample NDJSON itself is still read as ndjson, not claimed by a store format', () => {
  const first = readFileSync(join(samplesDir, 'naive-5', 'exporter-p01.ndjson'), 'utf8').split('\n')[0] ?? '';
  assert.equal(detectFormat(first).definition.format, 'ndjson');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analyze/index.js';
import { validateEvent } from '../../src/schema/validators.js';
import { buildRoot, cliPath, projectRoot } from '../helpers/paths.js';
import { tempFolder } from '../helpers/tmp.js';

const exporterScript = join(projectRoot, 'docs', 'examples', 'export.sh');

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

/** Runs five copies of the documented shell exporter at once, all logging to one file. */
async function fiveExporters(folder: string, mode: 'naive' | 'safe'): Promise<{ log: string; codes: (number | null)[] }> {
  const bin = join(folder, 'bin');
  const out = join(folder, 'out');
  mkdirSync(bin, { recursive: true });
  mkdirSync(out, { recursive: true });
  // `racetrace` on PATH, as after `npm install -g`, pointing at this build.
  writeFileSync(join(bin, 'racetrace'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
  chmodSync(join(bin, 'racetrace'), 0o755);
  const log = join(folder, `${mode}.log`);
  const env = { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, RACETRACE_LOG: log, EXPORT_WRITE_SECONDS: '1', RACETRACE_CORRELATION_ID: '', TRACEPARENT: '' };
  const codes = await Promise.all([1, 2, 3, 4, 5].map((i) => run('sh', [exporterScript, join(out, `report-${i}.csv`), mode], env)));
  return { log, codes };
}

test('five shell exporters sharing one temp name: racetrace emit logs show the race', async (t) => {
  const { log, codes } = await fiveExporters(tempFolder(t), 'naive');
  const report = await analyze([log]);
  assert.deepEqual(report.inputs.map((i) => [i.lines, i.events, i.invalid]), [[25, 25, 0]]);
  assert.equal(report.summary.exports, 5);
  assert.equal(report.summary.processes, 5);
  const kinds = new Set(report.findings.map((f) => f.kind));
  assert.ok(kinds.has('overlapping-path') && kinds.has('reused-temp-path'), [...kinds].join(', '));
  assert.ok(report.findings.every((f) => f.path === undefined || f.path.includes('report-') || f.path.endsWith('export.tmp')));
  // Only one mv can win the shared temp; the others fail and say so.
  assert.equal(codes.filter((c) => c === 0).length, report.exports.filter((e) => e.status === 'ok').length);
});

test('five shell exporters with mktemp: no findings', async (t) => {
  const { log, codes } = await fiveExporters(tempFolder(t), 'safe');
  assert.deepEqual(codes, [0, 0, 0, 0, 0]);
  const report = await analyze([log]);
  assert.equal(report.summary.events, 25);
  assert.deepEqual(report.findings, []);
  assert.ok(report.exports.every((e) => e.status === 'ok'));
});

test('concurrent appends never tear lines, even lines larger than a pipe buffer', async (t) => {
  const log = join(tempFolder(t), 'shared.log');
  const fixture = join(buildRoot, 'test', 'fixtures', 'emit', 'append.js');
  const writers = 6;
  const count = 150;
  const codes = await Promise.all(Array.from({ length: writers }, () => run(process.execPath, [fixture, log, String(count), '16384'], process.env)));
  assert.deepEqual(codes, Array(writers).fill(0));
  const lines = readFileSync(log, 'utf8').split('\n');
  assert.equal(lines.pop(), '', 'the log ends with a line end');
  assert.equal(lines.length, writers * count);
  const perWriter = new Map<string, number[]>();
  for (const line of lines) {
    const event = JSON.parse(line) as Record<string, unknown>;
    assert.ok(validateEvent(event));
    const seqs = perWriter.get(String(event['correlationId'])) ?? [];
    seqs.push(Number(event['seq']));
    perWriter.set(String(event['correlationId']), seqs);
  }
  // Each writer's lines are all there, in its own order.
  assert.equal(perWriter.size, writers);
  for (const seqs of perWriter.values()) assert.deepEqual(seqs, Array.from({ length: count }, (_, i) => i));
});

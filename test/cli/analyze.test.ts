import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCli } from '../helpers/cli.js';
import { samplesDir } from '../helpers/paths.js';
import { tempFolder } from '../helpers/tmp.js';
import { validateReport } from '../../src/schema/validators.js';
import type { Report } from '../../src/types.js';

const naive = join(samplesDir, 'naive-5');
const safe = join(samplesDir, 'safe-5');
const naiveLogs = readdirSync(naive).filter((f) => f.endsWith('.ndjson')).map((f) => join(naive, f));
const naiveText = naiveLogs.map((f) => readFileSync(f, 'utf8')).join('');

test('analyze samples/naive-5: the race in a table, exit 1, nothing on stderr off a terminal', async () => {
  const result = await runCli(['analyze', naive]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /overlapping-path/);
  assert.match(result.stdout, /failed-rename/);
  assert.match(result.stdout, /times in UTC/);
  assert.equal(result.stderr, '');
});

test('analyze samples/safe-5: no finding, exit 0', async () => {
  const result = await runCli(['analyze', safe, '--format', 'json']);
  assert.equal(result.code, 0);
  const report = JSON.parse(result.stdout) as Report;
  assert.deepEqual(report.findings, []);
  assert.equal(report.summary.exports, 5);
});

test('--fail-on none reports the race but exits 0; --fail-on warning is stricter', async () => {
  assert.equal((await runCli(['analyze', naive, '--fail-on', 'none'])).code, 0);
  assert.equal((await runCli(['analyze', safe, '--fail-on', 'warning'])).code, 0);
});

test('--format json --out FILE writes a report that validates against the schema', async (t) => {
  const out = join(tempFolder(t), 'report.json');
  const result = await runCli(['analyze', naive, '--format', 'json', '--out', out]);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, '');
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  assert.ok(validateReport(report).valid, validateReport(report).errors);
  assert.equal(report.inputs.length, 5);
  for (const input of report.inputs) assert.equal(input.events + input.other + input.invalid, input.lines);
});

test('--format markdown gives tables, details and a Mermaid gantt for a ticket', async () => {
  const result = await runCli(['analyze', naive, '--format', 'markdown']);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^\|.*\|$/m);
  assert.match(result.stdout, /<details>/);
  assert.match(result.stdout, /```mermaid\ngantt/);
});

test('logs piped on stdin give the same findings as the files', async () => {
  const fromFiles = JSON.parse((await runCli(['analyze', naive, '--format', 'json'])).stdout) as Report;
  const fromStdin = JSON.parse((await runCli(['analyze', '--format', 'json'], { stdin: naiveText })).stdout) as Report;
  assert.deepEqual(fromStdin.summary, fromFiles.summary);
  assert.deepEqual(
    fromStdin.findings.map((f) => [f.kind, f.path]),
    fromFiles.findings.map((f) => [f.kind, f.path]),
  );
});

test('a gzipped log is recognised by its bytes, whatever its name', async (t) => {
  const folder = tempFolder(t);
  writeFileSync(join(folder, 'all.log'), gzipSync(naiveText));
  const report = JSON.parse((await runCli(['analyze', join(folder, 'all.log'), '--format', 'json'])).stdout) as Report;
  assert.equal(report.summary.events, naiveText.trim().split('\n').length);
});

test('--correlation-id tells one export\'s story, with the other exports on its paths', async () => {
  const full = JSON.parse((await runCli(['analyze', naive, '--format', 'json'])).stdout) as Report;
  const failed = full.findings.find((f) => f.kind === 'failed-rename');
  const id = failed?.correlationIds?.[0];
  assert.ok(id);
  const result = await runCli(['analyze', naive, '--format', 'json', '--correlation-id', id]);
  const story = (JSON.parse(result.stdout) as Report).story;
  assert.equal(story?.correlationId, id);
  assert.ok(story.events.some((e) => e.own && e.event === 'rename.failure'));
  assert.ok(story.events.some((e) => !e.own), 'the exports it raced with are interleaved');
  const times = story.events.map((e) => e.time);
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
});

test('a malformed line is reported as input:line and skipped; the rest is still analyzed', async (t) => {
  const folder = tempFolder(t);
  for (const log of naiveLogs) copyFileSync(log, join(folder, log.slice(naive.length + 1)));
  const broken = join(folder, 'broken.log');
  writeFileSync(broken, '{"level":30,"time":1,"pid":1,"hostname":"h","msg":"ordinary"}\n{"torn": \n\n');
  const report = JSON.parse((await runCli(['analyze', folder, '--format', 'json'])).stdout) as Report;
  const stats = report.inputs.find((i) => i.name.endsWith('broken.log'));
  assert.deepEqual([stats?.lines, stats?.events, stats?.other, stats?.invalid], [3, 0, 2, 1]);
  assert.equal(report.diagnostics[0]?.line, 2);
  assert.ok(report.findings.some((f) => f.kind === 'failed-rename'));
});

test('validate: exit 0 on the samples, exit 1 naming file and line of a bad event', async (t) => {
  const ok = await runCli(['validate', naive]);
  assert.equal(ok.code, 0);
  assert.match(ok.stdout, /0 invalid/);
  const bad = join(tempFolder(t), 'bad.log');
  writeFileSync(bad, `${naiveText.split('\n')[0]}\n{"time":1,"pid":1,"hostname":"h","seq":0,"event":"rename.attempt","correlationId":"c","tempPath":"/t","targetPath":"/x","attempt":0}\n`);
  const result = await runCli(['validate', bad]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /bad\.log:2: .*attempt/);
});

test('merge: every line once, in time order, original text unchanged', async () => {
  const result = await runCli(['merge', naive]);
  assert.equal(result.code, 0);
  const lines = result.stdout.trim().split('\n');
  assert.deepEqual([...lines].sort(), naiveText.trim().split('\n').sort());
  const times = lines.map((l) => (JSON.parse(l) as { time: number }).time);
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
});

test('merge --since keeps only what came at or after that time', async () => {
  const all = (await runCli(['merge', naive])).stdout.trim().split('\n');
  const middle = (JSON.parse(all[Math.floor(all.length / 2)] ?? '{}') as { time: number }).time;
  const since = (await runCli(['merge', naive, '--since', String(middle)])).stdout.trim().split('\n');
  assert.ok(since.length > 0 && since.length < all.length);
  assert.ok(since.every((l) => (JSON.parse(l) as { time: number }).time >= middle));
});

test('--since without an offset means UTC, as the report shows times: the same events in every time zone', async () => {
  // The sample's events span 17:56:06.515-.587 UTC; from .530 on, 28 of its 31 events remain.
  const counts: number[] = [];
  for (const zone of ['UTC', 'Asia/Tokyo', 'America/New_York']) {
    const result = await runCli(['analyze', naive, '--format', 'json', '--since', '2026-11-28T17:56:06.530'], { env: { TZ: zone } });
    counts.push((JSON.parse(result.stdout) as { summary: { events: number } }).summary.events);
  }
  assert.deepEqual(counts, [28, 28, 28]);
});

test('--redact leaves no host name in the report, and the race still reads', async () => {
  const host = (JSON.parse(naiveText.split('\n')[0] ?? '{}') as { hostname: string }).hostname;
  const result = await runCli(['analyze', naive, '--format', 'markdown', '--redact']);
  assert.equal(result.code, 1);
  assert.ok(host.length > 0 && host === hostname());
  assert.doesNotMatch(result.stdout, new RegExp(`\\b${host}\\b`));
  assert.match(result.stdout, /overlapping-path/);
});

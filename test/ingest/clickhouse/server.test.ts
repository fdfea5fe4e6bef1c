import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Report } from '../../../src/types.js';
import { assertNoStackTrace, runCli } from '../../helpers/cli.js';
import { clickHouseBinary, freePort, startClickHouse, type ClickHouseServer } from '../../helpers/clickhouse.js';
import { samplesDir } from '../../helpers/paths.js';

// The table layout docs/log-stores.md documents: the event fields as columns, the optional ones
// Nullable, booleans as UInt8 (ClickHouse 18 has no Bool), sorted like the analyzer merges.
const TABLE = `CREATE TABLE racetrace.events (
  time Float64, hostname String, pid UInt32, seq UInt64, event String, correlationId String,
  tempPath Nullable(String), targetPath Nullable(String), attempt Nullable(UInt32),
  errorCode Nullable(String), errorMessage Nullable(String), willRetry Nullable(UInt8),
  delayMs Nullable(Float64), durationMs Nullable(Float64), status Nullable(String), access Nullable(String),
  level Nullable(UInt8), msg Nullable(String)
) ENGINE = MergeTree ORDER BY (time, hostname, pid, seq)`;

const binary = clickHouseBinary();
const skip = binary === undefined ? 'clickhouse-server is not installed (apt-get install clickhouse-server)' : false;
const naive = join(samplesDir, 'naive-5');
const naiveLines = readdirSync(naive).filter((f) => f.endsWith('.ndjson')).flatMap((f) =>
  readFileSync(join(naive, f), 'utf8').split('\n').filter((line) => line.trim() !== ''));

/** Findings without evidence (which names the input and its line numbers, not the same here). */
function comparable(report: Report): Omit<Finding, 'evidence'>[] {
  return report.findings.map(({ evidence: _evidence, ...rest }) => rest);
}

async function load(server: ClickHouseServer): Promise<void> {
  await server.query('CREATE DATABASE racetrace');
  await server.query(TABLE);
  // Other rows in the same table: application lines that are no racetrace event.
  const others = [
    { time: 1795888566500, hostname: 'vm', pid: 20888, seq: 99, event: 'app.start', correlationId: 'not-an-export', msg: 'starting' },
    { time: 1795888566600, hostname: 'vm', pid: 20888, seq: 100, event: 'http.request', correlationId: 'req-1', msg: 'GET /' },
  ].map((row) => JSON.stringify(row));
  await server.query('INSERT INTO racetrace.events FORMAT JSONEachRow', [...naiveLines, ...others].join('\n'));
}

async function analyzeJson(args: string[]): Promise<{ code: number | null; report: Report; stderr: string }> {
  const result = await runCli(['analyze', ...args, '--format', 'json']);
  assert.equal(result.stderr, '');
  return { code: result.code, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

test('analyze clickhouse://: the same findings as the same events read from files', { skip }, async (t) => {
  const server = await startClickHouse(t, binary as string);
  await load(server);
  const table = `clickhouse://127.0.0.1:${server.httpPort}/racetrace.events`;

  const fromFiles = await analyzeJson([naive]);
  const fromStore = await analyzeJson([table]);
  assert.equal(fromStore.code, fromFiles.code);
  assert.ok(fromFiles.report.findings.length > 0);
  assert.deepEqual(comparable(fromStore.report), comparable(fromFiles.report));
  assert.deepEqual(fromStore.report.summary, fromFiles.report.summary);
  assert.deepEqual(fromStore.report.exports, fromFiles.report.exports);
  // The filter ran in the server: only the racetrace events came back, in order, all valid.
  assert.deepEqual(fromStore.report.inputs, [
    { name: 'clickhouse:racetrace.events', lines: naiveLines.length, events: naiveLines.length, other: 0, invalid: 0, late: 0 },
  ]);
  assert.match(JSON.stringify(fromStore.report.findings[0]?.evidence), /"input":"clickhouse:racetrace\.events"/);

  // The time window is pushed down too, and cuts where the files' window cuts.
  const start = fromFiles.report.summary.start ?? 0;
  const window = ['--since', String(start + 20), '--until', String(start + 45)];
  const filesWindow = await analyzeJson([naive, ...window]);
  const storeWindow = await analyzeJson([table, ...window]);
  assert.deepEqual(comparable(storeWindow.report), comparable(filesWindow.report));
  assert.equal(storeWindow.report.inputs[0]?.lines, filesWindow.report.summary.events);
  assert.ok(filesWindow.report.summary.events < naiveLines.length);

  // --skew applies to a store's rows as to a file's.
  const skewed = await analyzeJson([table, '--skew', 'vm=+5ms']);
  assert.equal(skewed.report.summary.start, start + 5);
});

test('clickhouse:// errors are one sentence with what to do, exit 2', { skip }, async (t) => {
  const server = await startClickHouse(t, binary as string);
  await server.query('CREATE DATABASE racetrace');
  await server.query('CREATE TABLE racetrace.thin (time Float64, hostname String) ENGINE = MergeTree ORDER BY time');
  const cases: [string, RegExp][] = [
    [`clickhouse://127.0.0.1:${server.httpPort}/racetrace.nope`,
      /^racetrace: ClickHouse has no table racetrace\.nope \(Table racetrace\.nope doesn't exist\): check the name, or create it as docs\/log-stores\.md shows\.\n$/],
    [`clickhouse://127.0.0.1:${server.httpPort}/racetrace.thin`,
      /^racetrace: ClickHouse table racetrace\.thin has no column pid, event, correlationId: store the event fields as columns, as docs\/log-stores\.md shows\.\n$/],
    [`clickhouse://nobody:secret@127.0.0.1:${server.httpPort}/racetrace.thin`,
      /^racetrace: ClickHouse refused the user for clickhouse:racetrace\.thin \(.*nobody.*\): give clickhouse:\/\/user:password@host:port\/database\.table\.\n$/],
  ];
  for (const [spec, expected] of cases) {
    const result = await runCli(['analyze', spec]);
    assert.equal(result.code, 2, spec);
    assert.match(result.stderr, expected);
    assert.doesNotMatch(result.stderr, /secret/);
    assertNoStackTrace(result.stderr);
  }
});

test('clickhouse:// with no server listening: one sentence, exit 2', async () => {
  const port = await freePort();
  const result = await runCli(['analyze', `clickhouse://127.0.0.1:${port}/racetrace.events`]);
  assert.equal(result.code, 2);
  assert.equal(result.stderr,
    `racetrace: Cannot reach ClickHouse at http://127.0.0.1:${port}/ for clickhouse:racetrace.events (ECONNREFUSED): start the server, or check the host and port (the HTTP interface, 8123 by default).\n`);
});

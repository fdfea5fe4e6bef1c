import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateEvent } from '../../src/schema/validators.js';
import { assertNoStackTrace, runCli } from '../helpers/cli.js';
import { cliPath } from '../helpers/paths.js';
import { tempFolder } from '../helpers/tmp.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
// A clean environment: no correlation ID or trace context from whoever runs the tests.
const env = { RACETRACE_CORRELATION_ID: '', TRACEPARENT: '' };
const rename = ['--temp', '/out/a.csv.tmp', '--target', '/out/a.csv'];

function parseLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('emit writes one valid pino-shaped line to stdout', async () => {
  const r = await runCli(['emit', 'rename.failure', '--correlation-id', 'c-1', ...rename, '--attempt', '2', '--error-code', 'EBUSY',
    '--error-message', 'resource busy', '--will-retry', '--delay-ms', '37.5', '--pid', '4242', '--hostname', 'build-01'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^\{"level":40,"time":\d+\.\d{3},"pid":4242,"hostname":"build-01","correlationId":"c-1","seq":\d+,"event":"rename.failure",/);
  const [line, ...rest] = parseLines(r.stdout);
  assert.equal(rest.length, 0);
  assert.ok(validateEvent(line));
  assert.deepEqual(
    [line?.['tempPath'], line?.['targetPath'], line?.['attempt'], line?.['errorCode'], line?.['errorMessage'], line?.['willRetry'], line?.['delayMs'], line?.['msg']],
    ['/out/a.csv.tmp', '/out/a.csv', 2, 'EBUSY', 'resource busy', true, 37.5, 'rename.failure'],
  );
});

test('the pid defaults to the calling process: the shell script is the exporter', () => {
  const script = `"${process.execPath}" "${cliPath}" emit export.start --correlation-id c-1; echo "$$"`;
  const r = spawnSync('sh', ['-c', script], { env: { ...process.env, ...env }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [json, shellPid] = r.stdout.trim().split('\n');
  assert.equal((JSON.parse(json ?? '') as { pid: number }).pid, Number(shellPid));
});

test('the correlation ID comes from the flag, else RACETRACE_CORRELATION_ID, else the TRACEPARENT trace', async () => {
  const fromEnv = await runCli(['emit', 'export.start'], { env: { ...env, RACETRACE_CORRELATION_ID: 'from-env' } });
  assert.equal(parseLines(fromEnv.stdout)[0]?.['correlationId'], 'from-env');
  const fromTrace = await runCli(['emit', 'export.start'], { env: { ...env, TRACEPARENT: `00-${TRACE}-${SPAN}-01` } });
  const line = parseLines(fromTrace.stdout)[0];
  assert.deepEqual([line?.['correlationId'], line?.['trace_id'], line?.['span_id']], [TRACE, TRACE, SPAN]);
  const flagWins = await runCli(['emit', 'export.start', '--correlation-id', 'flag'], { env: { ...env, RACETRACE_CORRELATION_ID: 'from-env' } });
  assert.equal(parseLines(flagWins.stdout)[0]?.['correlationId'], 'flag');
});

const USER_ERRORS: [string, string[], RegExp][] = [
  ['no correlation ID', ['export.start'], /^racetrace: Give --correlation-id or set RACETRACE_CORRELATION_ID: /],
  ['a missing field', ['temp.create', '--correlation-id', 'c'], /^racetrace: The temp\.create event needs --temp \(/],
  ['an out-of-range field', ['rename.attempt', '--correlation-id', 'c', ...rename, '--attempt', '0'], /^racetrace: --attempt does not fit the rename\.attempt event: it must be >= 1\.$/],
  ['a fractional attempt', ['rename.attempt', '--correlation-id', 'c', ...rename, '--attempt', '1.5'], /^racetrace: --attempt does not fit .*integer/],
  ['a number that is not one', ['rename.attempt', '--correlation-id', 'c', ...rename, '--attempt', 'two'], /^racetrace: --attempt got "two", which is not a number\.$/],
  ['no --will-retry', ['rename.failure', '--correlation-id', 'c', ...rename, '--attempt', '1', '--error-code', 'EBUSY'], /needs --will-retry or --no-will-retry/],
  ['a retry without its delay', ['rename.failure', '--correlation-id', 'c', ...rename, '--attempt', '1', '--error-code', 'EBUSY', '--will-retry'], /needs --delay-ms/],
  ['export.end without --status', ['export.end', '--correlation-id', 'c'], /needs --status/],
  ['an unknown event', ['export.begin', '--correlation-id', 'c'], /^racetrace: Invalid values: .*export\.begin/],
];

test('emit refuses a bad event with one sentence naming the flag, exit 2, nothing written', { concurrency: 3 }, async (t) => {
  const folder = tempFolder(t);
  // Subtests run side by side: each is a process start, and they share nothing but the folder.
  await Promise.all(USER_ERRORS.map(([what, args, message], i) => t.test(what, async () => {
    const log = join(folder, `events-${i}.log`);
    const r = await runCli(['emit', ...args, '--log', log], { env });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr.trim(), message);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assertNoStackTrace(r.stderr);
    assert.equal(existsSync(log), false);
  })));
});

test('--log appends; seq grows across calls of one script', async (t) => {
  const log = join(tempFolder(t), 'logs', 'events.log');
  for (const event of ['export.start', 'export.end']) {
    const r = await runCli(['emit', event, '--correlation-id', 'c', '--status', 'ok', '--log', log], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  }
  const lines = parseLines(readFileSync(log, 'utf8'));
  assert.deepEqual(lines.map((l) => l['event']), ['export.start', 'export.end']);
  assert.ok(Number(lines[1]?.['seq']) > Number(lines[0]?.['seq']));
  assert.ok(lines.every((l) => validateEvent(l)));
});

test('a log that cannot be appended to is one sentence and exit 2', async (t) => {
  const r = await runCli(['emit', 'export.start', '--correlation-id', 'c', '--log', tempFolder(t)], { env });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^racetrace: Cannot append to .* \(EISDIR\): check that the path is a writable file\.\n$/);
});

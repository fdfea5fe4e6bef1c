import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventSchema, validateEvent } from '../../src/schema/validators.js';
import { projectRoot, samplesDir } from '../helpers/paths.js';
import { tempFolder } from '../helpers/tmp.js';

interface LnavFormat {
  'opid-field': string;
  'timestamp-field': string;
  level: Record<string, number>;
  value: Record<string, { kind: string }>;
  sample: { line: string }[];
}

const formatFile = join(projectRoot, 'lnav', 'racetrace.json');
const format = (JSON.parse(readFileSync(formatFile, 'utf8')) as { racetrace_log: LnavFormat }).racetrace_log;
const samples = format.sample.map((s) => s.line);

test('the lnav format carries the event schema\'s examples as its samples, and they validate', () => {
  const examples = (eventSchema as { examples: unknown[] }).examples;
  assert.deepEqual(samples.map((line) => JSON.parse(line) as unknown), examples);
  for (const line of samples) assert.ok(validateEvent(JSON.parse(line)), line);
});

test('the lnav format describes the schema\'s fields with its own names', () => {
  assert.equal(format['opid-field'], 'correlationId');
  assert.equal(format['timestamp-field'], 'time');
  assert.deepEqual(format.level, { fatal: 60, error: 50, warning: 40, info: 30, debug: 20, trace: 10 });
  const props = Object.keys((eventSchema as { properties: Record<string, unknown> }).properties);
  for (const name of props.filter((p) => p !== 'time')) assert.ok(format.value[name], `value definition for ${name}`);
});

// lnav itself, when installed (Debian: apt-get install lnav; .ci/run installs it).
const lnav = spawnSync('lnav', ['-V'], { encoding: 'utf8' });
const hasLnav = lnav.status === 0;

/** Runs lnav headless with a private HOME, so the user's own formats and config play no part. */
function runLnav(home: string, args: string[]): string {
  const r = spawnSync('lnav', args, { env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), TZ: 'UTC' }, encoding: 'utf8', input: '' });
  assert.equal(r.status, 0, `lnav ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function query(home: string, sql: string, file: string): Record<string, unknown>[] {
  return JSON.parse(runLnav(home, ['-n', '-c', `;${sql}`, '-c', ':write-json-to -', file])) as Record<string, unknown>[];
}

test('lnav installs the format and reads every sample as a racetrace event', { skip: hasLnav ? false : 'lnav is not installed' }, (t) => {
  const home = tempFolder(t, 'racetrace-lnav-');
  runLnav(home, ['-i', formatFile]);
  const log = join(home, 'samples.log');
  writeFileSync(log, `${samples.join('\n')}\n`);
  const rows = query(home, 'SELECT log_level, log_opid, event, pid, seq FROM racetrace_log ORDER BY log_line', log);
  assert.deepEqual(rows, samples.map((line) => {
    const e = JSON.parse(line) as Record<string, unknown>;
    return { log_level: e['level'] === 40 ? 'warning' : 'info', log_opid: e['correlationId'], event: e['event'], pid: e['pid'], seq: e['seq'] };
  }));
  const [first] = query(home, 'SELECT log_time FROM racetrace_log LIMIT 1', log);
  assert.equal(first?.['log_time'], '2025-11-28 16:00:00.000', 'epoch milliseconds read as time');
});

test('lnav reads a captured run: every line, five exports', { skip: hasLnav ? false : 'lnav is not installed' }, (t) => {
  const home = tempFolder(t, 'racetrace-lnav-');
  runLnav(home, ['-i', formatFile]);
  const rows = query(home, 'SELECT count(*) AS lines, count(DISTINCT log_opid) AS exports FROM racetrace_log', join(samplesDir, 'naive-5'));
  assert.deepEqual(rows, [{ lines: 31, exports: 5 }]);
});

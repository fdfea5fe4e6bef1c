import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analyze/index.js';
import { validateEvent } from '../../src/schema/validators.js';
import { projectRoot } from '../helpers/paths.js';
import { tempFolder } from '../helpers/tmp.js';

const example = join(projectRoot, 'docs', 'examples', 'racetrace_events.py');
const hasPython = spawnSync('python3', ['--version']).status === 0;

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

test('the documented Python emitter writes valid events that analyze cleanly', { skip: hasPython ? false : 'python3 is not installed' }, async (t) => {
  const folder = tempFolder(t);
  const log = join(folder, 'python.log');
  const env = { ...process.env, RACETRACE_LOG: log, RACETRACE_CORRELATION_ID: '' };
  const codes = await Promise.all([1, 2, 3].map((i) => run([example, join(folder, `report-${i}.csv`)], env)));
  assert.deepEqual(codes, [0, 0, 0]);
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  assert.equal(lines.length, 15);
  for (const line of lines) assert.ok(validateEvent(JSON.parse(line)), line);
  const report = await analyze([log]);
  assert.equal(report.summary.exports, 3);
  assert.deepEqual(report.findings, []);
  assert.ok(report.exports.every((e) => e.status === 'ok'));
});

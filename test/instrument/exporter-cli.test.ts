import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exporterPath } from '../../samples/exporter/spawn.js';
import { targetPath } from '../../samples/exporter/paths.js';
import { projectRoot } from '../helpers/paths.js';
import { assertValidEvent, scratchDir } from '../helpers/events.js';
import { expectedBytes } from '../helpers/exporter.js';
import { readAction } from '../../samples/exporter/action.js';

const example = join(projectRoot, 'samples', 'exporter', 'action.example.json');

function exporter(args: string[], env: NodeJS.ProcessEnv = {}) {
  const clean = { ...process.env, ...env };
  if (!('RACETRACE_FAULTS' in env)) delete clean['RACETRACE_FAULTS'];
  return spawnSync(process.execPath, [exporterPath, ...args], { encoding: 'utf8', env: clean, timeout: 30_000 });
}

test('one naive run on its own works: the bug needs company', async (t) => {
  const dir = await scratchDir(t);
  const run = exporter(['--action', example, '--out', join(dir, 'out'), '--mode', 'naive', '--label', 'solo', '--temp-dir', join(dir, 'tmp')]);
  assert.equal(run.status, 0, run.stderr);
  const action = await readAction(example);
  for (const sheet of action.sheets) {
    assert.equal(await readFile(targetPath(join(dir, 'out'), action.report, 'solo', sheet.name), 'utf8'), expectedBytes(action, 'solo', sheet.name));
  }
  // Without --log the events go to stdout, one valid event per line.
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 2 + 3 * action.sheets.length);
  lines.forEach((line, i) => assertValidEvent(JSON.parse(line), `stdout:${i + 1}`));
});

const usageCases: [string, string[], RegExp, NodeJS.ProcessEnv?][] = [
  ['a missing --action', ['--out', '/tmp/x'], /^exporter: --action is required; usage: exporter --action FILE/],
  ['an unknown mode', ['--action', example, '--out', '/tmp/x', '--mode', 'fast'], /--mode must be naive or safe \(got "fast"\)/],
  ['an unknown flag', ['--action', example, '--out', '/tmp/x', '--speed', '3'], /Unknown option '--speed'/],
  ['a bad number', ['--action', example, '--out', '/tmp/x', '--budget-ms', 'soon'], /--budget-ms must be a number >= 0 \(got "soon"\)/],
  ['a missing action file', ['--action', '/nonexistent/a.json', '--out', '/tmp/x'], /\/nonexistent\/a\.json: cannot read the action file/],
  ['a bad RACETRACE_FAULTS', ['--action', example, '--out', '/tmp/x'], /RACETRACE_FAULTS entry "rename=EBUSY" is not valid: expected/, { RACETRACE_FAULTS: 'rename=EBUSY' }],
];
for (const [name, args, message, env] of usageCases) {
  test(`${name} exits 2 with one line saying what to fix`, () => {
    const run = exporter(args, env);
    assert.equal(run.status, 2);
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });
}

test('an --out that cannot be created exits 2 with one line naming the folder', async (t) => {
  const dir = await scratchDir(t);
  // A path under a regular file fails at once with ENOTDIR. (Not /proc: Node 20's recursive
  // mkdir loops forever there.)
  await writeFile(join(dir, 'file'), '');
  const run = exporter(['--action', example, '--out', join(dir, 'file', 'out')]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^exporter: cannot prepare the export: ENOTDIR: not a directory, mkdir '.*file\/out'; check the --out/);
  assert.equal(run.stderr.trim().split('\n').length, 1);
});

test('a bad action file is named with what is wrong and the expected shape', async (t) => {
  const dir = await scratchDir(t);
  const file = join(dir, 'action.json');
  await writeFile(file, JSON.stringify({ report: 'q3', sheets: [{ name: 'a/b', rows: 1 }] }));
  const run = exporter(['--action', file, '--out', join(dir, 'out')]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /action\.json: sheets\[0\]\.name must be a name .* \(expected \{"report": "q3"/);
});

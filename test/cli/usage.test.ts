import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoStackTrace, runCli } from '../helpers/cli.js';

test('racetrace --help lists the commands and exits 0', async () => {
  const result = await runCli(['--help']);
  assert.equal(result.code, 0);
  for (const command of ['analyze', 'merge', 'validate', 'demo']) assert.match(result.stdout, new RegExp(command));
});

test('help is wrapped to at most 100 columns, for the tool and for a command', async () => {
  for (const args of [['--help'], ['analyze', '--help'], ['merge', '-h']]) {
    const result = await runCli(args);
    assert.equal(result.code, 0);
    const widest = Math.max(...result.stdout.split('\n').map((line) => line.length));
    assert.ok(widest <= 100 && widest > 60, `${args.join(' ')}: widest line ${widest}`);
  }
});

test('no command: one sentence naming the commands, exit 2', async () => {
  const result = await runCli([]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^racetrace: Name a command: analyze, merge, validate, demo or emit\./);
  assertNoStackTrace(result.stderr);
});

test('an unknown flag: one sentence pointing at --help, exit 2', async () => {
  const result = await runCli(['analyze', '--bogus-flag', 'x.log']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /bogus-flag/);
  assert.match(result.stderr, /Run `racetrace --help`/);
  assert.equal(result.stderr.trim().split('\n').length, 1);
  assertNoStackTrace(result.stderr);
});

for (const threads of ['off', 'on']) {
  test(`a missing input file: one sentence saying what to do, exit 2 (--threads ${threads})`, async () => {
    const result = await runCli(['analyze', '--threads', threads, '/nonexistent/racetrace/x.log']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^racetrace: .*\/nonexistent\/racetrace\/x\.log/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assertNoStackTrace(result.stderr);
  });
}

test('a bad --since: one sentence with the expected form, exit 2', async () => {
  const result = await runCli(['analyze', '--since', 'yesterday-ish', '-'], { stdin: '' });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--since got "yesterday-ish".*ISO-8601/);
  assertNoStackTrace(result.stderr);
});

test('a bad --format choice is a usage error, exit 2', async () => {
  const result = await runCli(['analyze', '--format', 'pdf', '-'], { stdin: '' });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /pdf/);
  assertNoStackTrace(result.stderr);
});

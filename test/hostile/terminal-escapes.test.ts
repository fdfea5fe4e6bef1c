import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assertNoStackTrace, runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/tmp.js';

// Issue 7: whoever can write a log must not be able to drive the reader's terminal. Every
// control character from a log (or a file name) reaches text output, validate output and
// stderr as a visible escape.
const EVIL = '\u001b]0;pwned\u0007\u001b[2J\r\u009b';
const SHOWN = '\\x1B]0;pwned\\x07\\x1B[2J\\r\\x9B';
// Anything a terminal acts on, except the line ends and tabs the reports write themselves.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function assertInert(text: string, where: string): void {
  const found = RAW_CONTROL.exec(text);
  assert.equal(found, null, `${where}: raw U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${found?.index}`);
}

/** An export whose every string field carries the escapes, one failed rename, and junk lines. */
function evilLog(): string {
  const base = { level: 30, pid: 7, hostname: `host${EVIL}`, correlationId: `c${EVIL}` };
  const temp = `/out/${EVIL}.tmp`;
  const target = `/out/${EVIL}.csv`;
  const events = [
    { ...base, time: 1, seq: 0, event: 'export.start' },
    { ...base, time: 2, seq: 1, event: 'temp.create', tempPath: temp, targetPath: target },
    { ...base, time: 3, seq: 2, event: 'rename.attempt', tempPath: temp, targetPath: target, attempt: 1 },
    { ...base, time: 4, seq: 3, event: 'rename.failure', tempPath: temp, targetPath: target, attempt: 1, errorCode: `EPERM${EVIL}`, errorMessage: `denied ${EVIL} \u202e`, willRetry: false },
    { ...base, time: 5, seq: 4, event: 'export.end', status: 'failed' },
  ];
  // Raw control characters outside a JSON string: the line is invalid and its reason quotes them.
  const junk = [`${EVIL}{"event":"export.start"}`, `{"time":"${EVIL}","event":"export.start","correlationId":"x"}`];
  return [...events.map((e) => JSON.stringify(e)), ...junk].join('\n') + '\n';
}

test('text reports, validate output and stderr sentences show escapes, never raw controls', async (t) => {
  const folder = tempFolder(t);
  const log = join(folder, `evil${EVIL}.log`);
  writeFileSync(log, evilLog());
  const cut = join(folder, `cut${EVIL}.log.gz`);
  writeFileSync(cut, gzipSync(evilLog()).subarray(0, 40));

  const text = await runCli(['analyze', log, cut]);
  assert.equal(text.code, 2, text.stderr);
  assertInert(text.stdout, 'analyze (text)');
  assertInert(text.stderr, 'analyze stderr');
  assertNoStackTrace(text.stderr);
  assert.ok(text.stdout.includes(SHOWN), 'the escapes are shown, visibly');
  assert.ok(text.stderr.includes(`cut${SHOWN}.log.gz: the gzip data ends early`), text.stderr);

  const markdown = await runCli(['analyze', log, '--format', 'markdown']);
  assertInert(markdown.stdout, 'analyze (markdown)');

  const validate = await runCli(['validate', log, cut]);
  assert.equal(validate.code, 2);
  assertInert(validate.stdout, 'validate');
  assertInert(validate.stderr, 'validate stderr');
  assert.ok(validate.stdout.includes(`evil${SHOWN}.log: 7 lines: 5 events, 0 other, 2 invalid`), validate.stdout);
  assert.match(validate.stdout, /:6: not JSON/);
});

test('usage errors quote what was typed without its control characters', async () => {
  const missing = await runCli(['analyze', `/nowhere/${EVIL}.log`]);
  assert.equal(missing.code, 2);
  assertInert(missing.stderr, 'missing input');
  assert.ok(missing.stderr.includes(`/nowhere/${SHOWN}.log does not exist`), missing.stderr);

  const badFlag = await runCli(['analyze', '--since', EVIL, '-']);
  assert.equal(badFlag.code, 2);
  assertInert(badFlag.stderr, 'bad --since');

  const unknown = await runCli(['analyze', `--${EVIL}`]);
  assert.equal(unknown.code, 2);
  assertInert(unknown.stderr, 'unknown flag');
  assertNoStackTrace(unknown.stderr);
});

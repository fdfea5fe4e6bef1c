import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLine } from '../../../src/ingest/strace/line.js';
import { CallJoiner, parseResult } from '../../../src/ingest/strace/calls.js';
import { decodeQuoted, splitArgs } from '../../../src/ingest/strace/strings.js';
import { isIgnoredPath, parseDirfd, parsePathArg } from '../../../src/ingest/strace/paths.js';
import { straceFormat } from '../../../src/ingest/strace/index.js';

test('a complete call with a pid column and an epoch timestamp', () => {
  const line = parseLine('5572  1795887775.135588 rename("./sedCzdA6s", "f") = 0');
  assert.deepEqual(line, {
    kind: 'call', pid: 5572, time: 1795887775135.588, name: 'rename', args: '"./sedCzdA6s", "f"', result: '0',
  });
});

test('-ff files have no pid column; stderr output has [pid N]', () => {
  const ff = parseLine('1795887775.135588 unlink("a") = 0');
  assert.equal(ff.kind, 'call');
  assert.equal('pid' in ff, false);
  const stderr = parseLine('[pid  4711] 1795887775.000001 unlink("a") = 0');
  assert.equal(stderr.kind === 'call' && stderr.pid, 4711);
});

test('microseconds are kept as the millisecond fraction', () => {
  const line = parseLine('1 1700000000.000001 chdir("/") = 0');
  assert.equal(line.kind === 'call' && line.time, 1700000000000.001);
});

test('errors: = -1 ENOENT (No such file or directory)', () => {
  const line = parseLine('9 1795887775.149314 renameat2(AT_FDCWD, "nothere", AT_FDCWD, "out2", RENAME_NOREPLACE) = -1 ENOENT (No such file or directory)');
  assert.equal(line.kind, 'call');
  if (line.kind !== 'call') return;
  assert.deepEqual(parseResult(line.result), { value: -1, errno: 'ENOENT', errText: 'No such file or directory' });
  assert.deepEqual(splitArgs(line.args), ['AT_FDCWD', '"nothere"', 'AT_FDCWD', '"out2"', 'RENAME_NOREPLACE']);
});

test('results: descriptors with -y annotations, ?, hex, and restarts', () => {
  assert.deepEqual(parseResult('3</tmp/st/we\\"ird\\nna\\tme\\\\x>'), { value: 3, annotation: '/tmp/st/we"ird\nna\tme\\x' });
  assert.deepEqual(parseResult('?'), {});
  assert.deepEqual(parseResult('0x7f00'), { value: 0x7f00 });
  assert.deepEqual(parseResult('? ERESTARTSYS (To be restarted if SA_RESTART is set)'), {
    errno: 'ERESTARTSYS', errText: 'To be restarted if SA_RESTART is set',
  });
});

test('a call split across lines and interleaved with other pids is joined per pid', () => {
  const lines = [
    '5571  1795887775.128808 vfork( <unfinished ...>',
    '5573  1795887775.128900 rename("a", "b" <unfinished ...>',
    '5572  1795887775.128969 execve("/usr/bin/sed", ["sed", "-i", "s/h/j/", "f"], 0x559e7292ff28 /* 35 vars */ <unfinished ...>',
    '5571  1795887775.129122 <... vfork resumed>) = 5572',
    '5572  1795887775.129228 <... execve resumed>) = 0',
    '5573  1795887775.130000 <... rename resumed>) = -1 EXDEV (Invalid cross-device link)',
  ];
  const joiner = new CallJoiner();
  const calls = lines.map((text, i) => {
    const parsed = parseLine(text);
    return parsed.kind === 'other' || parsed.kind === 'untimed' ? undefined : joiner.accept(parsed.pid!, parsed, i + 1);
  });
  assert.deepEqual(calls.slice(0, 3), [undefined, undefined, undefined]);
  assert.equal(calls[3]?.name, 'vfork');
  assert.equal(calls[3]?.result.value, 5572);
  assert.equal(calls[3]?.startLine, 1);
  assert.deepEqual(calls[4]?.args.slice(0, 1), ['"/usr/bin/sed"']);
  const rename = calls[5]!;
  assert.deepEqual(rename.args, ['"a"', '"b"']);
  assert.equal(rename.result.errno, 'EXDEV');
  assert.equal(rename.start, 1795887775128.9);
  assert.equal(rename.end, 1795887775130);
  assert.deepEqual([rename.startLine, rename.line], [2, 6]);
});

test('a resumed half keeps the arguments printed after the split (wait4)', () => {
  const joiner = new CallJoiner();
  const first = parseLine('5571  1795887775.129153 wait4(-1,  <unfinished ...>');
  const second = parseLine('5571  1795887775.135962 <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 5572');
  joiner.accept(5571, first, 1);
  const call = joiner.accept(5571, second, 2);
  assert.deepEqual(call?.args, ['-1', '[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]', '0', 'NULL']);
});

test('a resumed half with no matching first half is not a call', () => {
  const joiner = new CallJoiner();
  assert.equal(joiner.accept(1, parseLine('1 1795887775.1 <... rename resumed>) = 0'), 3), undefined);
});

test('exits, kills and signals', () => {
  assert.deepEqual(parseLine('5572  1795887775.135940 +++ exited with 0 +++'), { kind: 'exit', pid: 5572, time: 1795887775135.94, code: 0 });
  assert.deepEqual(parseLine('7 1795887775.000000 +++ exited with 1 +++'), { kind: 'exit', pid: 7, time: 1795887775000, code: 1 });
  assert.deepEqual(parseLine('7 1795887775.000000 +++ killed by SIGKILL +++'), { kind: 'killed', pid: 7, time: 1795887775000, signal: 'SIGKILL' });
  assert.equal(parseLine('7 1795887775.000000 +++ killed by SIGSEGV (core dumped) +++').kind, 'killed');
  assert.deepEqual(
    parseLine('5571  1795887775.135980 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5572, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---'),
    { kind: 'signal', pid: 5571, time: 1795887775135.98, signal: 'SIGCHLD', siPid: 5572 },
  );
  const term = parseLine('5571  1795887775.135980 --- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=1, si_uid=0} ---');
  assert.equal(term.kind === 'signal' && term.signal, 'SIGTERM');
});

test('lines it cannot use are other, never a crash', () => {
  for (const text of [
    '', 'garbage', '{"level":30}', 'strace: Process 4711 attached', '5571  1795887775.1', '5571  1795887775.135980 rename("a", "b"',
    '5571  1795887775.135980 rename("a\\', '12 1795887775.000001 ???( <detached ...>', '\u0000\u001b[31m', '9'.repeat(5000),
  ]) {
    const kind = parseLine(text).kind;
    assert.ok(kind === 'other' || kind === 'untimed', `${JSON.stringify(text.slice(0, 40))} gave ${kind}`);
  }
  assert.equal(parseLine('5571  17:43:01.512534 rename("a", "b") = 0').kind, 'untimed');
});

test('strace string escapes: quotes, backslashes, \\n \\t, octal and hex', () => {
  assert.deepEqual(decodeQuoted('"we\\"ird\\nna\\tme\\\\x"'), { value: 'we"ird\nna\tme\\x', truncated: false });
  assert.equal(decodeQuoted('"\\123\\x41\\0"')?.value, 'SA\u0000');
  assert.equal(decodeQuoted('"caf\\303\\251"')?.value, 'café');
  assert.equal(decodeQuoted('"\\x2f\\x74\\x6d\\x70\\x2f\\x6f\\x75\\x74"')?.value, '/tmp/out'); // -xx
  assert.equal(decodeQuoted('"\\x2F\\x61"')?.value, '/a');
  assert.deepEqual(decodeQuoted('"abc"...'), { value: 'abc', truncated: true });
  assert.equal(decodeQuoted('"unterminated'), undefined);
  assert.equal(decodeQuoted('NULL'), undefined);
});

test('a truncated string is no usable path; an empty one neither', () => {
  assert.equal(parsePathArg('"/tmp/very/long"...'), undefined);
  assert.equal(parsePathArg('""'), undefined);
  assert.equal(parsePathArg('"/tmp/x"'), '/tmp/x');
});

test('arguments split at top-level commas only', () => {
  assert.deepEqual(splitArgs('"a,b", {st_mode=S_IFREG|0644, st_size=6, ...}, [1, 2], f(x, y), 3</t,x>'), [
    '"a,b"', '{st_mode=S_IFREG|0644, st_size=6, ...}', '[1, 2]', 'f(x, y)', '3</t,x>',
  ]);
  assert.deepEqual(splitArgs(''), []);
});

test('dirfd arguments: AT_FDCWD and descriptors, with and without -y', () => {
  assert.deepEqual(parseDirfd('AT_FDCWD'), { fd: 'cwd' });
  assert.deepEqual(parseDirfd('AT_FDCWD</tmp/st>'), { fd: 'cwd', path: '/tmp/st' });
  assert.deepEqual(parseDirfd('3</tmp/out>'), { fd: 3, path: '/tmp/out' });
  assert.deepEqual(parseDirfd('3'), { fd: 3 });
  assert.equal(parseDirfd('"x"'), undefined);
});

test('paths no race can involve are ignored; /dev/shm and ordinary files are not', () => {
  for (const p of ['/dev/null', '/dev/tty', '/proc/filesystems', '/sys/fs/selinux', '/etc/ld.so.cache',
    '/lib/x86_64-linux-gnu/libc.so.6', '/usr/lib/locale/C.utf8/LC_CTYPE', '/opt/app/libfoo.so.1.2',
    '/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache', '/usr/share/locale/locale.alias']) {
    assert.equal(isIgnoredPath(p), true, p);
  }
  for (const p of ['/dev/shm/x', '/tmp/out.csv', '/srv/data/so', '/home/u/libfoo.so.txt', '/etc/app.conf']) {
    assert.equal(isIgnoredPath(p), false, p);
  }
});

test('--input-format auto recognises strace lines (and strace lines without -ttt, to explain)', () => {
  assert.equal(straceFormat.recognises('5571  1795887775.126070 execve("/usr/bin/sh", ["sh"], 0x7ffd /* 35 vars */) = 0'), true);
  assert.equal(straceFormat.recognises('1795887775.126070 execve("/usr/bin/sh", ["sh"], 0x7ffd /* 35 vars */) = 0'), true);
  assert.equal(straceFormat.recognises('[pid  12] 1795887775.126070 +++ exited with 0 +++'), true);
  assert.equal(straceFormat.recognises('execve("/usr/bin/sh", ["sh"], 0x7ffd /* 35 vars */) = 0'), true);
  assert.equal(straceFormat.recognises('{"level":30,"time":1764345600000,"event":"export.start"}'), false);
  assert.equal(straceFormat.recognises('hello world'), false);
});

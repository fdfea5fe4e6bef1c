import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brief, runStrace } from './driver.js';
import { validateEvent, describeErrors } from '../../../src/schema/validators.js';
import type { TraceEvent } from '../../../src/types.js';
import fc from 'fast-check';

const trace = (...lines: string[]): string => lines.join('\n') + '\n';
const one = (text: string, options = {}) => runStrace([{ name: 'trace.txt', text }], { cwd: '/w', ...options });
const names = (events: TraceEvent[]): string[] => events.map(brief);

/**
 * Every emitted event must be one the NDJSON contract accepts (with hostname for host), except
 * read mentions: `temp.create {targetPath, access: 'read'}` has no temp path, which the analyzer
 * reads as a read-only hold but schema 1.0.0 does not yet allow (see the strace README section).
 */
function assertSchemaValid(events: TraceEvent[]): void {
  for (const e of events) {
    if (e.access === 'read') {
      assert.equal(e.event, 'temp.create');
      assert.equal(e.tempPath, undefined);
      assert.equal(typeof e.targetPath, 'string');
      continue;
    }
    const { host, source: _source, access: _access, ...rest } = e;
    assert.equal(validateEvent({ ...rest, hostname: host }), true, `${brief(e)}: ${describeErrors(validateEvent.errors)}`);
  }
}

// Two sed -i jobs under one launcher; the vfork children write before the launcher's
// `<... vfork resumed>` names them, and their calls are split and interleaved.
const SED_TWO = trace(
  '100 1700000000.000000 execve("/usr/bin/sh", ["sh", "-c", "sed -i s/a/b/ f & sed -i s/a/c/ f & wait"], 0x7ffd /* 35 vars */) = 0',
  '100 1700000000.000100 openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3',
  '100 1700000000.000200 openat(AT_FDCWD, "/lib/x86_64-linux-gnu/libc.so.6", O_RDONLY|O_CLOEXEC) = 3',
  '100 1700000000.001000 vfork( <unfinished ...>',
  '101 1700000000.001100 execve("/usr/bin/sed", ["sed", "-i", "s/a/b/", "f"], 0x559e /* 35 vars */ <unfinished ...>',
  '100 1700000000.001200 <... vfork resumed>) = 101',
  '101 1700000000.001300 <... execve resumed>) = 0',
  '100 1700000000.001400 vfork( <unfinished ...>',
  '102 1700000000.001500 execve("/usr/bin/sed", ["sed", "-i", "s/a/c/", "f"], 0x559e /* 35 vars */ <unfinished ...>',
  '100 1700000000.001600 <... vfork resumed>) = 102',
  '102 1700000000.001700 <... execve resumed>) = 0',
  '100 1700000000.001800 wait4(-1,  <unfinished ...>',
  '101 1700000000.002000 openat(AT_FDCWD, "/proc/filesystems", O_RDONLY|O_CLOEXEC) = 3',
  '101 1700000000.002100 openat(AT_FDCWD, "f", O_RDONLY) = 3',
  '102 1700000000.002200 openat(AT_FDCWD, "f", O_RDONLY) = 3',
  '101 1700000000.002300 openat(AT_FDCWD, "./sedAAAAAA", O_RDWR|O_CREAT|O_EXCL, 0600) = 4',
  '102 1700000000.002400 openat(AT_FDCWD, "./sedBBBBBB", O_RDWR|O_CREAT|O_EXCL, 0600) = 4',
  '101 1700000000.002500 rename("./sedAAAAAA", "f" <unfinished ...>',
  '102 1700000000.002600 rename("./sedBBBBBB", "f" <unfinished ...>',
  '101 1700000000.002700 <... rename resumed>) = 0',
  '102 1700000000.002800 <... rename resumed>) = 0',
  '101 1700000000.002900 +++ exited with 0 +++',
  '100 1700000000.003000 <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 101',
  '100 1700000000.003100 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=101, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---',
  '102 1700000000.003200 +++ exited with 0 +++',
  '100 1700000000.003300 +++ exited with 0 +++',
);

test('two sed -i jobs: each reads, writes a temp and renames it over the file, one job per child', () => {
  const run = one(SED_TWO);
  assert.deepEqual(names(run.events), [
    'job-101-sed export.start',
    'job-102-sed export.start',
    'job-101-sed temp.create /w/f read',
    'job-102-sed temp.create /w/f read',
    'job-101-sed temp.create /w/sedAAAAAA write',
    'job-102-sed temp.create /w/sedBBBBBB write',
    'job-101-sed rename.attempt /w/sedAAAAAA->/w/f #1',
    'job-102-sed rename.attempt /w/sedBBBBBB->/w/f #1',
    'job-101-sed rename.success /w/sedAAAAAA->/w/f #1',
    'job-102-sed rename.success /w/sedBBBBBB->/w/f #1',
    'job-101-sed export.end ok',
    'job-102-sed export.end ok',
  ]);
  assertSchemaValid(run.events);
  const attempt = run.events.find((e) => e.event === 'rename.attempt')!;
  assert.deepEqual(attempt.source, { input: 'trace.txt', line: 18 });
  assert.equal(attempt.time, 1700000000002.5);
  assert.equal(attempt.pid, 101);
  const success = run.events.find((e) => e.event === 'rename.success')!;
  assert.deepEqual(success.source, { input: 'trace.txt', line: 20 });
  assert.equal(success.host, 'strace');
});

test('every line lands in one bucket: used calls are events, the rest other', () => {
  const run = one(SED_TWO);
  const buckets = run.buckets[0]!;
  assert.equal(buckets.length, 26);
  assert.equal(buckets.filter((b) => b === 'invalid').length, 0);
  // library loads, /proc and unfinished halves are other; the resumed halves are events.
  assert.deepEqual([buckets[1], buckets[2], buckets[3], buckets[12], buckets[17], buckets[19]],
    ['other', 'other', 'other', 'other', 'other', 'event']);
});

test('--group-by pid makes every process its own unit', () => {
  const run = one(SED_TWO, { groupBy: 'pid' });
  const ids = new Set(run.events.map((e) => e.correlationId));
  assert.deepEqual([...ids].sort(), ['pid-101-sed', 'pid-102-sed']);
});

// A job script: a subshell writes a temp, forks mv, which probes with RENAME_NOREPLACE, gets
// EEXIST and replaces with a plain rename (coreutils mv). One job: a handover, not a race.
const HANDOVER = trace(
  '200 1700000001.000000 execve("/usr/bin/sh", ["sh", "-c", "(echo x > t; mv t out) & wait"], 0x7ffd /* 35 vars */) = 0',
  '200 1700000001.000100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 201',
  '201 1700000001.000200 openat(AT_FDCWD, "t", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
  '201 1700000001.000300 openat(AT_FDCWD, "log", O_WRONLY|O_CREAT|O_APPEND, 0666) = 3',
  '201 1700000001.000400 vfork() = 202',
  '202 1700000001.000500 execve("/usr/bin/mv", ["mv", "t", "out"], 0x559e /* 35 vars */) = 0',
  '202 1700000001.000600 renameat2(AT_FDCWD, "t", AT_FDCWD, "out", RENAME_NOREPLACE) = -1 EEXIST (File exists)',
  '202 1700000001.000700 newfstatat(AT_FDCWD, "out", {st_mode=S_IFREG|0644, st_size=2, ...}, AT_SYMLINK_NOFOLLOW) = 0',
  '202 1700000001.000800 renameat(AT_FDCWD, "t", AT_FDCWD, "out") = 0',
  '202 1700000001.000900 +++ exited with 0 +++',
  '201 1700000001.001000 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=202, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---',
  '201 1700000001.001100 +++ exited with 0 +++',
  '200 1700000001.001200 +++ exited with 0 +++',
);

test('a subshell and the mv it forks are one job; mv\'s EEXIST probe is not a failed attempt; appends are no hold', () => {
  const run = one(HANDOVER);
  assert.deepEqual(names(run.events), [
    'job-201-sh export.start',
    'job-201-sh temp.create /w/t write',
    'job-201-sh rename.attempt /w/t->/w/out #1',
    'job-201-sh rename.success /w/t->/w/out #1',
    'job-201-sh export.end ok',
  ]);
  assert.equal(run.events[2]!.pid, 202);
  assert.equal(run.notes.some((n) => n.includes('resolved against /w')), true);
});

test('a RENAME_NOREPLACE EEXIST that is not followed by a replacing rename is a real failure', () => {
  const run = one(trace(
    '300 1700000002.000000 renameat2(AT_FDCWD, "/w/a", AT_FDCWD, "/w/b", RENAME_NOREPLACE) = -1 EEXIST (File exists)',
    '300 1700000002.000100 +++ exited with 1 +++',
  ));
  assert.deepEqual(names(run.events), [
    'job-300 export.start',
    'job-300 rename.attempt /w/a->/w/b #1',
    'job-300 rename.failure /w/a->/w/b #1 EEXIST',
    'job-300 export.end failed',
  ]);
  assertSchemaValid(run.events);
});

test('-y annotations give dirfd folders and the working folder; -xx hex paths decode', () => {
  const run = one(trace(
    '400 1700000003.000000 openat(3</tmp/out>, "x.tmp", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4</tmp/out/x.tmp>',
    '400 1700000003.000100 renameat(3</tmp/out>, "x.tmp", AT_FDCWD</home/u>, "y") = 0',
    '400 1700000003.000200 openat(AT_FDCWD</home/u>, "\\x72\\x65\\x6c", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3</home/u/rel>',
    '400 1700000003.000300 unlink("rel") = 0',
    '400 1700000003.000400 +++ exited with 0 +++',
  ), { cwd: undefined });
  assert.deepEqual(names(run.events), [
    'job-400 export.start',
    'job-400 temp.create /tmp/out/x.tmp write',
    'job-400 rename.attempt /tmp/out/x.tmp->/home/u/y #1',
    'job-400 rename.success /tmp/out/x.tmp->/home/u/y #1',
    'job-400 temp.create /home/u/rel write',
    'job-400 temp.delete /home/u/rel',
    'job-400 export.end ok',
  ]);
  assert.equal(run.notes.some((n) => n.includes('start folder')), false, 'the folder came from -y, no guess');
});

test('directory descriptors without -y come from the O_DIRECTORY open; chdir and fchdir move the working folder', () => {
  const run = one(trace(
    '500 1700000004.000000 openat(AT_FDCWD, "/data", O_RDONLY|O_DIRECTORY) = 5',
    '500 1700000004.000100 renameat(5, "a.tmp", 5, "a") = 0',
    '500 1700000004.000200 chdir("sub") = 0',
    '500 1700000004.000300 creat("c.tmp", 0644) = 3',
    '500 1700000004.000400 fchdir(5) = 0',
    '500 1700000004.000500 link("/w/sub/c.tmp", "c") = 0',
    '500 1700000004.000600 unlink("/w/sub/c.tmp") = 0',
    '500 1700000004.000700 mkdir("made", 0777) = 0',
    '500 1700000004.000800 openat(AT_FDCWD, "made", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3',
    '500 1700000004.000900 unlinkat(AT_FDCWD, "made", AT_REMOVEDIR) = 0',
    '500 1700000004.001000 +++ exited with 0 +++',
  ));
  assert.deepEqual(names(run.events), [
    'job-500 export.start',
    'job-500 rename.attempt /data/a.tmp->/data/a #1',
    'job-500 rename.success /data/a.tmp->/data/a #1',
    'job-500 temp.create /w/sub/c.tmp write',
    'job-500 rename.attempt /w/sub/c.tmp->/data/c #1',
    'job-500 rename.success /w/sub/c.tmp->/data/c #1',
    'job-500 export.end ok',
  ]);
});

test('reads of devices, libraries and failed opens are never held; a file written in place is released at exit', () => {
  const run = one(trace(
    '600 1700000005.000000 openat(AT_FDCWD, "/dev/null", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
    '600 1700000005.000100 openat(AT_FDCWD, "/usr/lib/x86_64-linux-gnu/libz.so.1", O_RDONLY|O_CLOEXEC) = 3',
    '600 1700000005.000200 openat(AT_FDCWD, "/w/missing", O_RDONLY) = -1 ENOENT (No such file or directory)',
    '600 1700000005.000300 openat(AT_FDCWD, "/w/out.csv", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
    '600 1700000005.000400 +++ exited with 0 +++',
  ));
  assert.deepEqual(names(run.events), [
    'job-600 export.start',
    'job-600 temp.create /w/out.csv write',
    'job-600 temp.delete /w/out.csv',
    'job-600 export.end ok',
  ]);
});

test('a killed job keeps its files held (orphans) and ends failed', () => {
  const run = one(trace(
    '700 1700000006.000000 openat(AT_FDCWD, "/w/x.tmp", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
    '700 1700000006.000100 +++ killed by SIGKILL +++',
  ));
  assert.deepEqual(names(run.events), ['job-700 export.start', 'job-700 temp.create /w/x.tmp write', 'job-700 export.end failed']);
});

test('a job whose file another job moved away stops holding it at that moment', () => {
  const run = one(trace(
    '800 1700000007.000000 clone(child_stack=NULL, flags=SIGCHLD) = 801',
    '800 1700000007.000010 clone(child_stack=NULL, flags=SIGCHLD) = 802',
    '801 1700000007.000100 openat(AT_FDCWD, "/w/spool", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
    '802 1700000007.000200 rename("/w/spool", "/w/taken") = 0',
    '802 1700000007.000300 +++ exited with 0 +++',
    '801 1700000007.000400 +++ exited with 0 +++',
  ));
  assert.deepEqual(names(run.events), [
    'job-801 export.start',
    'job-802 export.start',
    'job-801 temp.create /w/spool write',
    'job-801 temp.delete /w/spool',
    'job-802 rename.attempt /w/spool->/w/taken #1',
    'job-802 rename.success /w/spool->/w/taken #1',
    'job-802 export.end ok',
    'job-801 export.end ok',
  ]);
});

test('retries without attempt numbers: mv loops by different processes are numbered, willRetry set by look-ahead', () => {
  const lines = ['900 1700000008.000000 clone(child_stack=NULL, flags=SIGCHLD) = 901'];
  for (let i = 0; i < 3; i++) {
    const pid = 910 + i;
    const t = 1700000008.01 + i * 0.02;
    lines.push(`901 ${t.toFixed(6)} vfork() = ${pid}`);
    lines.push(`${pid} ${(t + 0.001).toFixed(6)} renameat2(AT_FDCWD, "/w/in", AT_FDCWD, "/w/out", RENAME_NOREPLACE) = ${i < 2 ? '-1 ENOENT (No such file or directory)' : '0'}`);
    lines.push(`${pid} ${(t + 0.002).toFixed(6)} +++ exited with ${i < 2 ? 1 : 0} +++`);
  }
  lines.push('901 1700000008.100000 +++ exited with 0 +++');
  const run = one(trace(...lines));
  const renames = run.events.filter((e) => e.event.startsWith('rename.'));
  assert.deepEqual(renames.map(brief), [
    'job-901 rename.attempt /w/in->/w/out #1',
    'job-901 rename.failure /w/in->/w/out #1 ENOENT retry',
    'job-901 rename.attempt /w/in->/w/out #2',
    'job-901 rename.failure /w/in->/w/out #2 ENOENT retry',
    'job-901 rename.attempt /w/in->/w/out #3',
    'job-901 rename.success /w/in->/w/out #3',
  ]);
  assert.equal(Math.round(renames[1]!.delayMs!), 20);
  assertSchemaValid(run.events);
});

test('the last failure of a loop that gave up does not retry', () => {
  const run = one(trace(
    '950 1700000009.000000 rename("/w/a", "/w/b") = -1 ENOENT (No such file or directory)',
    '950 1700000009.010000 rename("/w/a", "/w/b") = -1 ENOENT (No such file or directory)',
    '950 1700000009.020000 +++ exited with 1 +++',
  ));
  const failures = run.events.filter((e) => e.event === 'rename.failure');
  assert.deepEqual(failures.map((e) => [e.attempt, e.willRetry]), [[1, true], [2, false]]);
  assert.equal(failures[1]!.delayMs, undefined);
});

test('a retry later than the reorder window starts a new rename', () => {
  const run = one(trace(
    '960 1700000010.000000 rename("/w/a", "/w/b") = -1 ENOENT (No such file or directory)',
    '960 1700000015.000000 rename("/w/a", "/w/b") = -1 ENOENT (No such file or directory)',
  ));
  const failures = run.events.filter((e) => e.event === 'rename.failure');
  assert.deepEqual(failures.map((e) => [e.attempt, e.willRetry]), [[1, false], [1, false]]);
});

test('without %process, grouping comes from SIGCHLD and the report says it was guessed', () => {
  const run = one(trace(
    '100 1700000011.000000 execve("/usr/bin/sh", ["sh"], 0x7ffd /* 35 vars */) = 0',
    '102 1700000011.000100 openat(AT_FDCWD, "/w/t", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
    '103 1700000011.000200 renameat2(AT_FDCWD, "/w/t", AT_FDCWD, "/w/o", RENAME_NOREPLACE) = 0',
    '103 1700000011.000300 +++ exited with 0 +++',
    '102 1700000011.000400 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=103, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---',
    '102 1700000011.900000 +++ exited with 0 +++',
    '100 1700000011.900100 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=102, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---',
    '100 1700000011.900200 +++ exited with 0 +++',
  ));
  assert.deepEqual(new Set(run.events.map((e) => e.correlationId)), new Set(['job-102']));
  assert.equal(run.notes.some((n) => n.includes('SIGCHLD') && n.includes('%file,%process')), true);
});

test('a process never placed in the tree is grouped on its own, with a note', () => {
  const run = one(trace(
    '100 1700000012.000000 execve("/usr/bin/sh", ["sh"], 0x7ffd /* 35 vars */) = 0',
    '105 1700000012.000100 openat(AT_FDCWD, "/w/t", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
  ));
  assert.deepEqual(names(run.events), ['job-105 export.start', 'job-105 temp.create /w/t write']);
  assert.equal(run.notes.some((n) => n.includes('could not be placed')), true);
});

test('-ff: one file per pid, named trace.<pid>, sharing one process tree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'racetrace-strace-ff-'));
  try {
    const files = {
      'trace.1200': trace(
        '1700000013.000000 execve("/usr/bin/sh", ["sh", "-c", "..."], 0x7ffd /* 35 vars */) = 0',
        '1700000013.000100 clone(child_stack=NULL, flags=SIGCHLD) = 1201',
        '1700000013.000200 clone(child_stack=NULL, flags=SIGCHLD) = 1202',
        '1700000013.009000 +++ exited with 0 +++',
      ),
      'trace.1201': trace(
        '1700000013.000300 openat(AT_FDCWD, "/w/same.tmp", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
        '1700000013.000400 vfork() = 1203',
        '1700000013.005000 +++ exited with 0 +++',
      ),
      'trace.1202': trace(
        '1700000013.000350 openat(AT_FDCWD, "/w/same.tmp", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
        '1700000013.006000 +++ exited with 0 +++',
      ),
      'trace.1203': trace(
        '1700000013.000500 execve("/usr/bin/mv", ["mv", "same.tmp", "a"], 0x7ffd /* 35 vars */) = 0',
        '1700000013.000600 rename("/w/same.tmp", "/w/a") = 0',
        '1700000013.000700 +++ exited with 0 +++',
      ),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    // Read in an order where the root's file is not first: the root is found from the files.
    const order = ['trace.1201', 'trace.1200', 'trace.1202', 'trace.1203'];
    const run = runStrace(order.map((n) => ({ name: join(dir, n), text: files[n as keyof typeof files] })), { cwd: '/w' });
    // 1201's file came before its parent's fork line, so it was placed by guess (own job, no
    // command name yet); 1202 was named by the root's clone; 1203 (mv) joined 1201's job.
    assert.deepEqual(names(run.events), [
      'job-1202-sh export.start',
      'job-1201 export.start',
      'job-1201 temp.create /w/same.tmp write',
      'job-1202-sh temp.create /w/same.tmp write',
      'job-1201 rename.attempt /w/same.tmp->/w/a #1',
      'job-1201 rename.success /w/same.tmp->/w/a #1',
      'job-1201 export.end ok',
      // Files are read one at a time, so 1202's whole life was read before 1203 moved the file:
      // its hold ends at its exit instead (still overlapping 1201's, which is what matters).
      'job-1202-sh temp.delete /w/same.tmp',
      'job-1202-sh export.end ok',
    ]);
    // The job ends at its latest exit (1201 at .005), though 1203's file was read last.
    assert.equal(run.events.find((e) => e.event === 'export.end' && e.correlationId === 'job-1201')?.time, 1700000013005);
    assert.equal(run.notes.some((n) => n.includes('could not be placed')), true);
    assert.equal(run.events.find((e) => e.event === 'rename.attempt')?.pid, 1203);
    assert.deepEqual(run.events.find((e) => e.event === 'rename.attempt')?.source, { input: join(dir, 'trace.1203'), line: 2 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('garbage, torn lines and lines without -ttt are counted as other and never crash', () => {
  const run = one(trace(
    'not strace at all',
    '{"level":30,"msg":"hello"}',
    '100 1700000014.000000 rename("/w/a", "/w/b',
    '100 1700000014.000100 <... rename resumed>) = 0',
    '100 17:43:01.512534 rename("/w/a", "/w/b") = 0',
    '\u001b[31mred\u001b[0m',
    '',
  ));
  assert.deepEqual(run.buckets[0], ['other', 'other', 'other', 'other', 'other', 'other', 'other']);
  assert.deepEqual(run.events, []);
  assert.equal(run.notes.some((n) => n.includes('-ttt')), true);
});

test('a path with quotes, newlines and tabs survives as the exact file name', () => {
  const run = one(trace(
    '100 1700000015.000000 openat(AT_FDCWD</tmp/st>, "we\\"ird\\nna\\tme\\\\x", O_WRONLY|O_CREAT|O_NOCTTY|O_NONBLOCK, 0666) = 3</tmp/st/we\\"ird\\nna\\tme\\\\x>',
  ));
  assert.equal(run.events[1]?.tempPath, '/tmp/st/we"ird\nna\tme\\x');
});

test('the root\'s foreground children join its job; children that run alongside others are jobs of their own', () => {
  const run = one(trace(
    '100 1700000016.000000 vfork() = 101',
    '100 1700000016.000010 wait4(-1,  <unfinished ...>',
    '101 1700000016.000100 rename("/w/a", "/w/b") = -1 ENOENT (No such file or directory)',
    '101 1700000016.000200 +++ exited with 1 +++',
    '100 1700000016.000300 <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 1}], 0, NULL) = 101',
    '100 1700000016.000400 vfork() = 102',
    '100 1700000016.000410 wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 102',
    '102 1700000016.000500 rename("/w/a", "/w/b") = 0',
    '102 1700000016.000600 +++ exited with 0 +++',
    '100 1700000016.001000 clone(child_stack=NULL, flags=SIGCHLD) = 103',
    '100 1700000016.001100 clone(child_stack=NULL, flags=SIGCHLD) = 104',
    '103 1700000016.001200 openat(AT_FDCWD, "/w/x", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
    '104 1700000016.001300 openat(AT_FDCWD, "/w/x", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
    '103 1700000016.001400 +++ exited with 0 +++',
    '104 1700000016.001500 +++ exited with 0 +++',
    '100 1700000016.002000 +++ exited with 0 +++',
  ));
  assert.deepEqual(names(run.events), [
    'job-100 export.start',
    'job-100 rename.attempt /w/a->/w/b #1',
    'job-100 rename.failure /w/a->/w/b #1 ENOENT retry',
    'job-100 rename.attempt /w/a->/w/b #2',
    'job-100 rename.success /w/a->/w/b #2',
    'job-103 export.start',
    'job-104 export.start',
    'job-103 temp.create /w/x write',
    'job-104 temp.create /w/x write',
    'job-103 temp.delete /w/x',
    'job-103 export.end ok',
    'job-104 temp.delete /w/x',
    'job-104 export.end ok',
    'job-100 export.end ok',
  ]);
});

test('no line, however mangled, makes the adapter throw', () => {
  const pieces = ['123 ', '1700000000.000001 ', 'rename(', 'openat(', '"/w/a', '\\x4', '\\', '"', ', ', 'AT_FDCWD<', '3</w>',
    ') = ', '-1 ENOENT (x)', '0', ' <unfinished ...>', '<... rename resumed>', '+++ exited with ', '--- SIGCHLD {si_pid=',
    'O_WRONLY|O_CREAT', '}', ' ---', ' +++', 'vfork() = 124', '\u0000', 'é', ')'];
  fc.assert(
    fc.property(fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')), { maxLength: 30 }), (lines) => {
      // Lines never contain line ends (the ingest splits on them).
      const result = one(lines.map((l) => `${l}\n`).join(''));
      assert.equal(result.buckets[0]!.length, lines.length);
    }),
    { numRuns: 300 },
  );
});

test('a rename the trace cut off mid-call is still an attempt, with no outcome', () => {
  const run = one(trace('990 1700000017.000000 rename("/w/a", "/w/b" <unfinished ...>'));
  assert.deepEqual(names(run.events), ['job-990 export.start', 'job-990 rename.attempt /w/a->/w/b #1']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { analyzeTrace, cannotTrace, capture, sameFilesystem, findingsOf, shell, workFolder } from './capture.js';
import { projectRoot } from '../../helpers/paths.js';

// These tests trace real programs (sh, sed, mv, mktemp) and analyze the traces end to end.
const why = cannotTrace();

test('a stored capture of 3 concurrent sed -i (test/fixtures/strace/sed-3.trace) is recognised and flagged', async () => {
  // Captured in /tmp/racetrace-demo with: strace -f -ttt -e trace=%file,%process -o sed-3.trace
  //   sh -c 'for i in 1 2 3; do (sleep 0.1; sed -i "1s/$/ $i/" data.csv) & done; wait'
  const trace = join(projectRoot, 'test', 'fixtures', 'strace', 'sed-3.trace');
  const report = await analyzeTrace(trace, '/tmp/racetrace-demo', { inputFormat: 'auto' });
  assert.deepEqual(report.inputs.map((i) => [i.lines, i.events + i.other, i.invalid]), [[741, 741, 0]]);
  const [overlap, ...rest] = report.findings;
  assert.deepEqual(rest, []);
  assert.equal(overlap?.kind, 'overlapping-path');
  assert.equal(overlap?.role, 'target');
  assert.equal(overlap?.path, '/tmp/racetrace-demo/data.csv');
  assert.deepEqual(overlap?.correlationIds, ['job-30217-sed', 'job-30218-sed', 'job-30219-sed']);
  assert.ok(report.notes?.some((n) => n.includes('/tmp/racetrace-demo')));
});

test('5 concurrent sed -i on one file: overlapping target, and the lost updates are real', { skip: why }, async () => {
  const { dir, done } = workFolder();
  try {
    // A file big enough that each sed takes a while between its read and its rename.
    const body = Array.from({ length: 200_000 }, (_, i) => `line ${i}`).join('\n');
    writeFileSync(join(dir, 'f'), `head\n${body}\n`);
    const trace = capture(dir, shell('for i in 1 2 3 4 5; do (sleep 0.2; sed -i "1s/$/ $i/" f) & done; wait'));
    const report = await analyzeTrace(trace, dir);

    const overlaps = findingsOf(report, 'overlapping-path');
    assert.ok(overlaps.length >= 1, JSON.stringify(report.findings));
    const onFile = overlaps.filter((f) => f.path === join(dir, 'f'));
    assert.ok(onFile.length >= 1);
    for (const f of onFile) {
      assert.equal(f.role, 'target');
      assert.ok((f.correlationIds?.length ?? 0) >= 2);
      assert.ok(f.correlationIds!.every((id) => /^job-\d+-(sh|sed)$/.test(id)), String(f.correlationIds));
    }
    // The verdict matches the file: some of the five appended markers were lost.
    const first = readFileSync(join(dir, 'f'), 'utf8').split('\n', 1)[0]!;
    const markers = first.split(' ').length - 1;
    assert.ok(markers >= 1 && markers < 5, `first line "${first}" should have lost updates`);
    // No other kind of finding: sed's own temps are unique and renamed away.
    assert.deepEqual(Object.keys(report.summary.findings), ['overlapping-path']);
    assert.equal(report.exports.length, 5);
  } finally {
    done();
  }
});

test('5 exporters sharing a predictable temp name: overlapping temp, and failed-rename ENOENT per lost output', { skip: why }, async () => {
  const { dir, done } = workFolder();
  try {
    const trace = capture(dir, shell('for i in 1 2 3 4 5; do (echo "data $i" > export.tmp; sleep 0.3; mv export.tmp out$i.csv) & done; wait'));
    const report = await analyzeTrace(trace, dir);

    const temp = join(dir, 'export.tmp');
    const overlap = findingsOf(report, 'overlapping-path').filter((f) => f.path === temp);
    assert.ok(overlap.length >= 1, JSON.stringify(report.findings));
    assert.equal(overlap[0]!.role, 'temp');
    assert.ok((overlap[0]!.correlationIds?.length ?? 0) >= 2);

    // One failed-rename per export whose output never appeared, each ENOENT: the temp was stolen.
    const missing = [1, 2, 3, 4, 5].filter((i) => !existsSync(join(dir, `out${i}.csv`)));
    assert.ok(missing.length >= 1, 'at least one mv lost its temp');
    const failed = findingsOf(report, 'failed-rename');
    assert.deepEqual(failed.map((f) => f.targetPath).sort(), missing.map((i) => join(dir, `out${i}.csv`)).sort());
    for (const f of failed) {
      assert.deepEqual(f.errorCodes, { ENOENT: 1 });
      assert.equal(f.tempPath, temp);
    }
    assert.equal(findingsOf(report, 'reused-temp-path')[0]?.path, temp);
  } finally {
    done();
  }
});

test('concurrent `until mv` loops: a retry storm, recovered renames, and no overlap', { skip: why }, async () => {
  const { dir, done } = workFolder();
  try {
    // Each job waits for its own input, which a background step of the same job writes later.
    const trace = capture(dir, shell(
      'for i in 1 2 3; do ( (sleep 0.4; echo data > in$i) & until mv in$i out$i 2>/dev/null; do sleep 0.01; done; wait ) & done; wait',
    ));
    const report = await analyzeTrace(trace, dir);

    assert.ok(findingsOf(report, 'retry-storm').length >= 1, JSON.stringify(report.summary.findings));
    const recovered = findingsOf(report, 'recovered-rename');
    assert.equal(recovered.length, 1);
    assert.deepEqual(Object.keys(recovered[0]!.errorCodes ?? {}), ['ENOENT']);
    assert.deepEqual(findingsOf(report, 'overlapping-path'), []);
    assert.deepEqual(findingsOf(report, 'failed-rename'), []);
    for (const i of [1, 2, 3]) assert.equal(existsSync(join(dir, `out${i}`)), true);
  } finally {
    done();
  }
});

test('a retry loop that gives up is a failed rename', { skip: why }, async () => {
  const { dir, done } = workFolder();
  try {
    const trace = capture(dir, shell('n=0; until mv never there 2>/dev/null || [ $n -ge 3 ]; do n=$((n+1)); sleep 0.01; done'));
    const report = await analyzeTrace(trace, dir);
    const failed = findingsOf(report, 'failed-rename');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.attempts, 4);
    assert.deepEqual(failed[0]!.errorCodes, { ENOENT: 4 });
  } finally {
    done();
  }
});

test('5 exporters using mktemp and distinct targets: no finding at all', { skip: why }, async () => {
  const { dir, done } = workFolder();
  try {
    const trace = capture(dir, shell('for i in 1 2 3 4 5; do (t=$(mktemp); echo "data $i" > "$t"; sleep 0.1; cat "$t" > /dev/null; mv "$t" out$i.csv) & done; wait'));
    const report = await analyzeTrace(trace, dir);
    assert.deepEqual(report.findings, []);
    assert.equal(report.exports.length, 5);
    assert.ok(report.exports.every((e) => e.status === 'ok'));
    for (const i of [1, 2, 3, 4, 5]) assert.equal(existsSync(join(dir, `out${i}.csv`)), true);
  } finally {
    done();
  }
});

test('a job handing its temp to the mv it forks is no race with --group-by tree, but is with pid', { skip: why }, async () => {
  const { dir, done } = workFolder();
  try {
    const trace = capture(dir, shell('(echo x > t.tmp; mv t.tmp out; echo done > log) & wait'));
    const tree = await analyzeTrace(trace, dir, { inputFormat: 'auto' });
    assert.deepEqual(tree.findings, []);
    assert.equal(tree.inputs[0]!.invalid, 0);
    const byPid = await analyzeTrace(trace, dir, { groupBy: 'pid' });
    assert.equal(findingsOf(byPid, 'overlapping-path')[0]?.path, join(dir, 't.tmp'));
  } finally {
    done();
  }
});

const EXDEV_SKIP = why ?? sameFilesystem('/dev/shm', tmpdir());

test('mv from /dev/shm to /tmp fails over EXDEV and falls back to copying: failed-rename with the EXDEV hint', { skip: EXDEV_SKIP }, async () => {
  const { dir, done } = workFolder();
  const source = `/dev/shm/racetrace-exdev-${process.pid}`;
  try {
    writeFileSync(source, 'data\n');
    const target = join(dir, 'moved');
    const trace = capture(dir, ['mv', source, target]);
    const report = await analyzeTrace(trace, dir);
    const failed = findingsOf(report, 'failed-rename');
    assert.equal(failed.length, 1, JSON.stringify(report.findings));
    assert.deepEqual(failed[0]!.errorCodes, { EXDEV: 1 });
    assert.equal(failed[0]!.tempPath, source);
    assert.equal(failed[0]!.targetPath, target);
    assert.match(failed[0]!.hint, /filesystem/i);
    assert.equal(readFileSync(target, 'utf8'), 'data\n');
    assert.equal(report.findings.length, 1);
  } finally {
    done();
  }
});

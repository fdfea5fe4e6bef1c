import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runExporters, type RunExportersOptions } from '../../samples/exporter/spawn.js';
import { runCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/tmp.js';
import { validateReport } from '../../src/schema/validators.js';
import type { Report } from '../../src/types.js';

const action = { report: 'q3', sheets: [{ name: 'sales', rows: 3000 }, { name: 'costs', rows: 2000 }, { name: 'margin', rows: 1000 }] };

/** Runs real exporter processes at once, then the built racetrace binary on their logs. */
async function runAndAnalyze(t: Parameters<typeof tempFolder>[0], options: Partial<RunExportersOptions>, flags: string[] = []) {
  const folder = tempFolder(t);
  const logDir = join(folder, 'logs');
  const run = await runExporters({
    procs: 5,
    mode: 'naive',
    out: join(folder, 'out'),
    logDir,
    tempDir: join(folder, 'shared-tmp'),
    action,
    ...options,
  });
  const result = await runCli(['analyze', '--format', 'json', ...flags, logDir]);
  const report = JSON.parse(result.stdout) as Report;
  const check = validateReport(report);
  assert.ok(check.valid, check.errors);
  return { run, result, report, kinds: new Set(report.findings.map((f) => f.kind)) };
}

test('5 naive exporters at once: overlapping temp paths and failed renames, exit 1', async (t) => {
  // The race is real, so one run may by chance not collide; a handful of runs always do.
  let outcome: Awaited<ReturnType<typeof runAndAnalyze>> | undefined;
  for (let tries = 0; tries < 5; tries++) {
    outcome = await runAndAnalyze(t, { mode: 'naive' });
    if (outcome.kinds.has('failed-rename')) break;
  }
  assert.ok(outcome);
  const { result, report, kinds, run } = outcome;
  assert.equal(result.code, 1, result.stderr);
  assert.ok(kinds.has('overlapping-path'), [...kinds].join(','));
  assert.ok(kinds.has('failed-rename'), [...kinds].join(','));
  assert.ok(run.exitCodes.some((code) => code !== 0), 'some naive exporter should have failed');
  const overlap = report.findings.find((f) => f.kind === 'overlapping-path' && f.role === 'temp');
  assert.ok(overlap?.pids && overlap.pids.length >= 2, 'an overlap names at least two processes');
  assert.match(overlap?.path ?? '', /shared-tmp/);
  assert.match(overlap?.hint ?? '', /work folder/i);
  const failed = report.findings.find((f) => f.kind === 'failed-rename');
  assert.ok(failed?.errorCodes && 'ENOENT' in failed.errorCodes, JSON.stringify(failed?.errorCodes));
  // Every line of every log is accounted for.
  for (const input of report.inputs) assert.equal(input.events + input.other + input.invalid, input.lines);
  assert.equal(report.summary.exports, 5);
});

test('5 safe exporters at once: no finding, exit 0', async (t) => {
  const { result, report, run } = await runAndAnalyze(t, { mode: 'safe' });
  assert.deepEqual(run.exitCodes, [0, 0, 0, 0, 0]);
  assert.equal(result.code, 0, result.stdout);
  assert.deepEqual(report.findings, []);
  assert.equal(report.summary.exports, 5);
  assert.ok(report.exports.every((e) => e.status === 'ok'));
});

test('injected EBUSY in safe mode: renames recover and the report says so, exit 0', async (t) => {
  const { result, report, run } = await runAndAnalyze(t, { mode: 'safe', faults: 'rename=EBUSY:0.3' });
  assert.deepEqual(run.exitCodes, [0, 0, 0, 0, 0]);
  assert.equal(result.code, 0);
  const recovered = report.findings.filter((f) => f.kind === 'recovered-rename');
  assert.ok(recovered.length > 0, JSON.stringify(report.summary.findings));
  assert.ok(recovered.some((f) => f.errorCodes && 'EBUSY' in f.errorCodes));
  assert.ok(!report.findings.some((f) => f.severity === 'error'));
});

test('a high EBUSY rate across processes is a retry storm', async (t) => {
  // A loaded machine spreads the retries out in time; a wide window keeps the verdict about
  // the retries themselves, not about how fast this machine happens to be today.
  const { report, run } = await runAndAnalyze(
    t,
    { mode: 'safe', faults: 'rename=EBUSY:0.8', retry: { maxAttempts: 40, budgetMs: 20000, baseDelayMs: 2, maxDelayMs: 40 } },
    ['--storm-window', '30s'],
  );
  assert.ok(run.exitCodes.every((code) => code === 0), run.stderr.join(''));
  const storm = report.findings.find((f) => f.kind === 'retry-storm' && (f.pids?.length ?? 0) > 1);
  assert.ok(storm, JSON.stringify(report.findings.map((f) => [f.kind, f.count, f.pids])));
  assert.ok((storm.count ?? 0) >= 10);
  assert.equal(storm.identicalDelays, false, 'the library jitters its delays');
});

test('real exporters, analyzed with and without the reading thread: the same report', async (t) => {
  const { run } = await runAndAnalyze(t, { mode: 'naive', procs: 8 });
  const [inline, threaded] = await Promise.all(
    ['off', 'on'].map((mode) => runCli(['analyze', '--format', 'json', '--threads', mode, ...run.logs])),
  );
  assert.equal(threaded?.code, inline?.code, threaded?.stderr);
  assert.deepEqual(JSON.parse(threaded?.stdout ?? ''), JSON.parse(inline?.stdout ?? ''));
  assert.ok((JSON.parse(inline?.stdout ?? '') as Report).summary.events > 0);
});

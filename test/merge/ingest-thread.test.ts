import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { analyze, type AnalyzeOptions } from '../../src/analyze/index.js';
import { AUTO_THREAD_MIN_BYTES, streamEventsOnThread, wantsIngestThread } from '../../src/merge/ingest-thread/index.js';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/options.js';
import { RacetraceError } from '../../src/errors.js';
import { generate } from '../../bench/generate.js';
import { simulateFleet, writeFleet, DEFAULT_FLEET } from '../helpers/fleet.js';
import { projectRoot, samplesDir } from '../helpers/paths.js';
import { tempFolder } from '../helpers/tmp.js';
import type { Report } from '../../src/types.js';

/** The same analysis on this thread and with the reading thread: the reports must be equal. */
async function bothWays(inputs: string[], options: AnalyzeOptions = {}): Promise<Report> {
  const [inline, threaded] = await Promise.all([
    analyze(inputs, { ...options, ingestThread: 'off' }),
    analyze(inputs, { ...options, ingestThread: 'on' }),
  ]);
  assert.deepEqual(threaded, inline);
  return threaded;
}

test('a reading thread gives the same report: a simulated fleet of 10 hosts with skewed clocks and ENOENT races', async (t) => {
  const dir = tempFolder(t);
  writeFleet(dir, simulateFleet({ ...DEFAULT_FLEET, processes: 60, exportsPerProcess: 4 }));
  const report = await bothWays([dir], { timeline: true });
  assert.ok(report.findings.some((f) => f.kind === 'failed-rename'), 'the fleet has failed renames to compare');
  assert.ok(report.clock !== undefined, 'and a clock estimate');
});

test('a reading thread gives the same report: the bench generator, with --since, --until, --skew and a small reorder window', async (t) => {
  const dir = tempFolder(t);
  await generate({ outDir: dir, bytes: 3_000_000, procs: 6, hosts: 3, collide: 0.1, seed: 7, layout: 'per-process' });
  const start = Date.UTC(2026, 10, 28, 17, 0, 1);
  await bothWays([dir], { since: start, until: start + 1500, skew: { 'bench-host-01': 3.5 }, reorderWindowMs: 50 });
  const report = await bothWays([dir]);
  // More events than one batch (4096): a batch boundary is crossed.
  assert.ok(report.summary.events > 4096, String(report.summary.events));
});

test('a reading thread gives the same report: invalid lines, gzip, strace, and the samples', async (t) => {
  const dir = tempFolder(t);
  const naive = join(samplesDir, 'naive-5');
  const lines = readFileSync(join(naive, readdirLog(naive)), 'utf8').split('\n');
  lines.splice(3, 0, '{"torn": ', 'not json at all', '{"event":"rename.attempt","correlationId":"c","time":"yesterday"}');
  mkdirSync(join(dir, 'mixed'));
  writeFileSync(join(dir, 'mixed', 'torn.log'), lines.join('\n'));
  writeFileSync(join(dir, 'mixed', 'packed.log.gz'), gzipSync(readFileSync(join(naive, readdirLog(naive)))));
  copyFileSync(join(projectRoot, 'test', 'fixtures', 'strace', 'sed-3.trace'), join(dir, 'sed-3.trace'));
  const report = await bothWays([join(dir, 'mixed'), join(dir, 'sed-3.trace'), join(samplesDir, 'safe-5')]);
  assert.ok(report.diagnostics.length >= 3, JSON.stringify(report.diagnostics));
  assert.ok(report.inputs.some((i) => i.name.endsWith('sed-3.trace') && i.events > 0), 'the strace input was read');
});

test('a reading thread reports inputs that fail part-way as the single thread does: a gzip file cut short', async (t) => {
  const dir = tempFolder(t);
  const naive = join(samplesDir, 'naive-5');
  const packed = gzipSync(readFileSync(join(naive, readdirLog(naive))));
  writeFileSync(join(dir, 'cut.log.gz'), packed.subarray(0, Math.floor(packed.length / 2)));
  copyFileSync(join(naive, readdirLog(naive)), join(dir, 'whole.ndjson'));
  const report = await bothWays([dir]);
  const cut = report.inputs.find((i) => i.name.endsWith('cut.log.gz'));
  assert.ok(cut?.error !== undefined, JSON.stringify(report.inputs));
  assert.ok(report.inputs.some((i) => i.name.endsWith('whole.ndjson') && i.error === undefined && i.events > 0));
});

test('a reading thread reports a missing input with the same error as the single thread', async () => {
  const missing = join(projectRoot, 'no-such-folder', 'x.log');
  const errors = await Promise.all(
    (['off', 'on'] as const).map((mode) => analyze([missing], { ingestThread: mode }).then(() => undefined, (e: unknown) => e)),
  );
  for (const error of errors) {
    assert.ok(error instanceof RacetraceError, String(error));
    assert.equal(error.code, 'INPUT_NOT_FOUND');
  }
  assert.equal((errors[0] as Error).message, (errors[1] as Error).message);
});

test('an error in the caller stops the reading thread and is what the caller gets', async (t) => {
  const dir = tempFolder(t);
  await generate({ outDir: dir, bytes: 4_000_000, procs: 4, hosts: 2, collide: 0, seed: 3, layout: 'per-process' });
  let seen = 0;
  const failure = new Error('analysis broke');
  await assert.rejects(
    streamEventsOnThread([dir], DEFAULT_INGEST_OPTIONS, () => {
      if (++seen === 3000) throw failure;
    }, {}, 'on'),
    (error) => error === failure,
  );
  assert.equal(seen, 3000, 'no event after the failure');
});

test('the progress counters reach the whole input on the reading thread too', async (t) => {
  const dir = tempFolder(t);
  await generate({ outDir: dir, bytes: 1_000_000, procs: 3, hosts: 1, collide: 0, seed: 5, layout: 'per-process' });
  const progress = { bytesRead: 0, bytesTotal: 0, events: 0 };
  const report = await analyze([dir], { ingestThread: 'on', progress });
  assert.ok(progress.bytesTotal > 900_000);
  assert.equal(progress.bytesRead, progress.bytesTotal);
  assert.equal(progress.events, report.summary.events);
});

test('auto uses a reading thread for 32 MiB of files or more, never for standard input', async (t) => {
  const dir = tempFolder(t);
  const small = join(samplesDir, 'naive-5');
  // A sparse file: its size counts, its bytes are never read here.
  const big = join(dir, 'big.log');
  truncateSync((writeFileSync(big, ''), big), AUTO_THREAD_MIN_BYTES);
  const many = availableParallelism() >= 2;
  assert.equal(await wantsIngestThread([small], {}, 'auto'), false);
  assert.equal(await wantsIngestThread([dir], {}, 'auto'), many);
  assert.equal(await wantsIngestThread([big, '-'], {}, 'auto'), false);
  assert.equal(await wantsIngestThread([big], { stdin: process.stdin }, 'on'), false);
  assert.equal(await wantsIngestThread([small], {}, 'on'), true);
  assert.equal(await wantsIngestThread([big], {}, 'off'), false);
});

function readdirLog(dir: string): string {
  const name = readdirSync(dir).find((f) => f.endsWith('.ndjson'));
  assert.ok(name, `a .ndjson file in ${dir}`);
  return name;
}

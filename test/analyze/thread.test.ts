import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../../src/analyze/index.js';
import { analyzeOnThreads } from '../../src/analyze/thread/index.js';
import { RacetraceError } from '../../src/errors.js';
import { generate } from '../../bench/generate.js';
import { projectRoot } from '../helpers/paths.js';
import { tempFolder } from '../helpers/tmp.js';

test('on two threads the report is the one analyze() gives, and progress arrives from the threads', async (t) => {
  const dir = tempFolder(t);
  await generate({ outDir: dir, bytes: 3_000_000, procs: 5, hosts: 2, collide: 0.2, seed: 11, layout: 'per-process' });
  const progress = { bytesRead: 0, bytesTotal: 0, events: 0 };
  const [threaded, inline] = await Promise.all([
    analyzeOnThreads([dir], { threads: 'on', progress, timeline: true }),
    analyze([dir], { ingestThread: 'off', timeline: true }),
  ]);
  assert.deepEqual(threaded, inline);
  assert.ok(threaded.findings.length > 0, 'collisions to compare');
  assert.equal(progress.events, threaded.summary.events);
  assert.equal(progress.bytesRead, progress.bytesTotal);
  assert.ok(progress.bytesTotal > 2_500_000);
});

test('on two threads a missing input is the same RacetraceError as on one', async () => {
  const missing = join(projectRoot, 'no-such-dir', 'a.log');
  await assert.rejects(analyzeOnThreads([missing], { threads: 'on' }), (error: unknown) => {
    assert.ok(error instanceof RacetraceError);
    assert.equal(error.code, 'INPUT_NOT_FOUND');
    assert.match(error.message, /no-such-dir/);
    return true;
  });
});

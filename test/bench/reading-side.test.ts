import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../bench/generate.js';
import { tempDir } from '../helpers/ingest.js';
import { runCli } from '../helpers/cli.js';

const readingSide = fileURLToPath(new URL('../../bench/reading-side.js', import.meta.url));

test('the bench\'s reading side alone reads what analyze reads: the same lines and events', async () => {
  const dir = join(tempDir(), 'logs');
  await generate({ outDir: dir, bytes: 400_000, procs: 4, hosts: 2, collide: 0.1, seed: 7, layout: 'per-process' });
  const files = readdirSync(dir).filter((f) => f.endsWith('.log')).map((f) => join(dir, f));
  const side = JSON.parse(execFileSync(process.execPath, [readingSide, ...files], { encoding: 'utf8' })) as { lines: number; events: number };
  const result = await runCli(['analyze', ...files, '--format', 'json']);
  const report = JSON.parse(result.stdout) as { summary: { events: number }; inputs: { lines: number; other: number }[] };
  assert.equal(side.events, report.summary.events);
  assert.equal(side.lines, report.inputs.reduce((sum, input) => sum + input.lines, 0));
  // The generated logs hold ordinary pino lines too: lines and events differ.
  assert.ok(report.inputs.some((input) => input.other > 0));
  assert.ok(side.events > 100);
});

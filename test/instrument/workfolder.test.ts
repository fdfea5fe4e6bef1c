import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pino } from 'pino';
import { createTracer } from '../../src/instrument/tracer.js';
import { createWorkFolder, withWorkFolder } from '../../src/instrument/workfolder.js';
import { memorySink, scratchDir } from '../helpers/events.js';

function recorder(correlationId = '20261128T170000123Z-5f0c2a9e-8d7b-4c1e-9a52-0b7a1d2c3e4f') {
  const sink = memorySink();
  return { tracer: createTracer({ logger: pino({}, sink), strict: true, correlationId }), lines: sink.lines };
}

test('the work folder is inside the target folder, hidden, named after the export, and unique', async (t) => {
  const out = await scratchDir(t);
  const { tracer } = recorder();
  const a = await createWorkFolder(out, { tracer });
  const b = await createWorkFolder(out, { tracer });
  assert.equal(dirname(a.path), out);
  assert.match(basename(a.path), /^\.racetrace-20261128T170000123Z-5f0c2a9e-[A-Za-z0-9]{6}$/);
  assert.notEqual(a.path, b.path);
  await a.remove();
  await b.remove();
  await a.remove();
  assert.deepEqual(await readdir(out), []);
});

test('leftover temps are reported as temp.delete and removed when the work fails', async (t) => {
  const out = await scratchDir(t);
  const { tracer, lines } = recorder();
  let folderPath = '';
  await assert.rejects(
    withWorkFolder(out, { tracer }, async (folder) => {
      folderPath = folder.path;
      await writeFile(join(folder.path, '0002-b.csv.tmp'), 'b');
      await writeFile(join(folder.path, '0001-a.csv.tmp'), 'a');
      throw new Error('export broke');
    }),
    /export broke/,
  );
  assert.deepEqual(await readdir(out), []);
  assert.deepEqual(lines.map((l) => l['tempPath']), [join(folderPath, '0001-a.csv.tmp'), join(folderPath, '0002-b.csv.tmp')]);
});

test('a correlation ID with odd characters still makes a safe folder name', async (t) => {
  const out = await scratchDir(t);
  const { tracer } = recorder('a/b\\c:d');
  const value = await withWorkFolder(out, { tracer }, async (folder) => {
    assert.match(basename(folder.path), /^\.racetrace-a_b_c_d-/);
    return 42;
  });
  assert.equal(value, 42);
  assert.deepEqual(await readdir(out), []);
});

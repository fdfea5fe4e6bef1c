import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Action } from '../../samples/exporter/action.js';
import { exporterPath } from '../../samples/exporter/spawn.js';
import { targetPath } from '../../samples/exporter/paths.js';
import { readEvents, scratchDir } from '../helpers/events.js';
import { expectedBytes, ofKind } from '../helpers/exporter.js';

// Big sheets written in small chunks, so the kill lands while a temp is half written.
const big: Action = {
  report: 'crash',
  sheets: [{ name: 'first', rows: 20_000 }, { name: 'second', rows: 150_000 }, { name: 'third', rows: 20_000 }],
};

/** Polls the log until a line matches, or the process ends first. */
async function waitForLine(log: string, pattern: RegExp, exited: () => boolean): Promise<void> {
  while (!exited()) {
    const text = await readFile(log, 'utf8').catch(() => '');
    if (pattern.test(text)) return;
    await sleep(2);
  }
  assert.fail(`the exporter ended before the log matched ${pattern}`);
}

test('SIGKILL mid-export never leaves a partial target, and the events before it are on disk and valid', { timeout: 120_000 }, async (t) => {
  const dir = await scratchDir(t);
  const out = join(dir, 'out');
  const log = join(dir, 'events.ndjson');
  const actionFile = join(dir, 'action.json');
  await writeFile(actionFile, JSON.stringify(big));
  const child = spawn(process.execPath, [
    exporterPath, '--action', actionFile, '--out', out, '--mode', 'safe', '--label', 'k', '--log', log, '--rows-per-chunk', '50',
  ], { stdio: 'ignore' });
  let exited = false;
  t.after(() => { if (!exited) child.kill('SIGKILL'); });
  const exit = once(child, 'exit').then((args) => { exited = true; return args; });

  // Kill once the second sheet's temp exists: the first sheet is in place, the second is half done.
  await waitForLine(log, /"event":"temp\.create".*0002-second\.csv\.tmp/, () => exited);
  child.kill('SIGKILL');
  const [code, signal] = await exit;
  assert.equal(signal, 'SIGKILL', `exporter exited with ${code} before the kill`);

  const events = await readEvents(log); // every line complete, parseable and valid
  assert.deepEqual(events.map((e) => e['seq']), events.map((_, i) => i), 'no event lost before the kill');
  assert.deepEqual(ofKind(events, 'export.end'), [], 'the kill came before the export ended');
  const renamed = new Set(ofKind(events, 'rename.success').map((e) => e['targetPath']));
  assert.ok(renamed.has(targetPath(out, big.report, 'k', 'first')));

  for (const sheet of big.sheets) {
    const target = targetPath(out, big.report, 'k', sheet.name);
    const bytes = await readFile(target, 'utf8').catch(() => undefined);
    if (renamed.has(target)) assert.ok(bytes !== undefined, `${target} was renamed into place but is missing`);
    if (bytes !== undefined) assert.equal(bytes, expectedBytes(big, 'k', sheet.name), `${target} is partial or wrong`);
  }
  // What the kill interrupted stays in the hidden work folder, never at a target name.
  const work = (await readdir(out)).filter((name) => name.startsWith('.racetrace-'));
  assert.equal(work.length, 1);
  for (const name of await readdir(join(out, work[0] ?? ''))) {
    assert.match(name, /^\d{4}-.*\.csv\.tmp$/);
    assert.ok((await stat(join(out, work[0] ?? '', name))).isFile());
  }
});

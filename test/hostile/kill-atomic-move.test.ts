import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import split2 from 'split2';
import { buildRoot } from '../helpers/paths.js';
import { tempFolder } from '../helpers/tmp.js';
import { readEvents } from '../helpers/events.js';
import { CHUNKS, TARGET, generationText, wholeGeneration } from '../helpers/generations.js';

// Issue 7: SIGKILL at any step of an atomic move leaves the target whole: the old generation
// before the rename, the new one after it, never a mix or a part. The count goes to the lead.
const fixture = join(buildRoot, 'test', 'fixtures', 'hostile', 'atomic-loop.js');
const RANDOM_KILLS = Number(process.env['RACETRACE_RANDOM_KILLS'] ?? 30);
const LAST = 3;
let killPoints = 0;
after(() => console.log(`kill points tried: ${killPoints}`));

// Every step boundary the FileSystem seam exposes, and the generation that must be in place.
const STEPS: [string, 'old' | 'new'][] = [
  ['open', 'old'],
  ['opened', 'old'],
  ...Array.from({ length: CHUNKS }, (_, i): [string, 'old'] => [`write:${i + 1}`, 'old']),
  ['sync', 'old'],
  ['synced', 'old'],
  ['closed', 'old'],
  ['rename', 'old'],
  ['renamed', 'new'],
  ['syncdir', 'new'],
];

interface Run {
  dir: string;
  child: ReturnType<typeof spawn>;
  /** Resolves with the first line the child prints. */
  firstLine: Promise<string>;
  exit: Promise<[number | null, NodeJS.Signals | null]>;
}

function start(dir: string, stop: string, last: number, mode = 'atomic'): Run {
  writeFileSync(join(dir, TARGET), generationText(0));
  const child = spawn(process.execPath, [fixture, dir, stop, String(last), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = child.stdout.pipe(split2());
  const firstLine = new Promise<string>((resolve, reject) => {
    lines.once('data', (line: string) => resolve(line));
    child.once('exit', (code, signal) => reject(new Error(`the fixture exited (${code ?? signal}) before reaching ${stop}`)));
  });
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { dir, child, firstLine, exit };
}

async function kill(run: Run, counted = true): Promise<void> {
  run.child.kill('SIGKILL');
  const [, signal] = await run.exit;
  assert.equal(signal, 'SIGKILL', 'the fixture ended on its own, before the kill');
  if (counted) killPoints++;
}

function targetGeneration(dir: string): number | undefined {
  return wholeGeneration(readFileSync(join(dir, TARGET), 'utf8'));
}

test('SIGKILL at every step of an atomic move: the old generation before the rename, the new one after', { timeout: 120_000 }, async (t) => {
  const root = tempFolder(t, 'racetrace-kill-');
  for (const [step, expected] of STEPS) {
    const dir = join(root, step.replace(':', '-'));
    mkdirSync(dir);
    const run = start(dir, step, LAST);
    assert.equal(await run.firstLine, `at ${step}`);
    await kill(run);
    assert.equal(targetGeneration(dir), expected === 'old' ? LAST - 1 : LAST, `killed at ${step}`);
    // What the kill interrupted is only ever a temp; every event line on disk is whole and valid.
    for (const name of readdirSync(dir)) assert.ok([TARGET, 'events.ndjson'].includes(name) || /^\.report\.csv\.\d+\.tmp$/.test(name), name);
    const events = await readEvents(join(dir, 'events.ndjson'));
    assert.ok(events.length > 0);
  }
});

test('SIGKILL at random moments of a write loop: the target is always one whole generation', { timeout: 120_000 }, async (t) => {
  const root = tempFolder(t, 'racetrace-kill-');
  const seen = new Set<number>();
  for (let i = 0; i < RANDOM_KILLS; i++) {
    const dir = join(root, String(i));
    mkdirSync(dir);
    const run = start(dir, 'none', 0);
    assert.equal(await run.firstLine, 'ready');
    // A generation takes a few milliseconds; spread the kills over several of them.
    await sleep(Math.floor(Math.random() * 40));
    await kill(run);
    const g = targetGeneration(dir);
    assert.ok(g !== undefined, `kill ${i}: the target is not one whole generation`);
    seen.add(g);
  }
  console.log(`random kills landed on ${seen.size} different generations`);
});

test('control: the same kill mid-write of a target written in place leaves it partial', async (t) => {
  const dir = tempFolder(t, 'racetrace-kill-');
  const run = start(dir, 'write:2', 1, 'direct');
  assert.equal(await run.firstLine, 'at write:2');
  await kill(run, false);
  assert.equal(targetGeneration(dir), undefined, 'a torn in-place write must be caught by the check above');
  assert.match(readFileSync(join(dir, TARGET), 'utf8'), /^generation 1 begins\n/);
});

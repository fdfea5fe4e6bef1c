import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../bench/generate.js';
import { SERIAL_SCAVENGE_MAX_CORES, setSerialScavenge } from '../../src/cli/serial-scavenge.js';
import { cliPath } from '../helpers/paths.js';
import { tempDir } from '../helpers/ingest.js';

/**
 * Runs the CLI on two threads over a few MB of logs and reads V8's trace of every scavenge: per
 * heap, how many there were and how many had time on helper threads (`background.scavenge.parallel`).
 */
async function scavengesByHeap(nodeFlags: string[]): Promise<Map<string, { all: number; helped: number }>> {
  const dir = join(tempDir(), 'logs');
  await generate({ outDir: dir, bytes: 3_000_000, procs: 4, hosts: 2, collide: 0.05, seed: 11, layout: 'per-process' });
  const args = [...nodeFlags, '--trace-gc-nvp', cliPath, 'analyze', dir, '--format', 'json', '--threads', 'on', '--out', '/dev/null'];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  assert.equal(result.status, 1, `the logs have findings: ${result.stderr}`);
  const heaps = new Map<string, { all: number; helped: number }>();
  for (const match of result.stdout.matchAll(/^\[\d+:(0x[0-9a-f]+)\].* gc=s .*background\.scavenge\.parallel=([\d.]+)/gm)) {
    const [, heap = '', background = '0'] = match;
    const counts = heaps.get(heap) ?? { all: 0, helped: 0 };
    counts.all++;
    if (Number(background) > 0) counts.helped++;
    heaps.set(heap, counts);
  }
  return heaps;
}

test('on a machine of two cores or fewer, every scavenge of every thread runs without helper threads', async (t) => {
  const heaps = await scavengesByHeap([]);
  assert.ok([...heaps.values()].reduce((sum, c) => sum + c.all, 0) > 20, 'the run scavenged');
  const helped = [...heaps.values()].reduce((sum, c) => sum + c.helped, 0);
  if (availableParallelism() > SERIAL_SCAVENGE_MAX_CORES) {
    t.diagnostic(`${availableParallelism()} cores: V8 keeps its parallel scavenges`);
    assert.ok(helped > 0);
  } else {
    assert.equal(helped, 0, JSON.stringify([...heaps]));
  }
});

test('a choice the user gave node is kept, and more cores keep V8\'s parallel scavenges', async () => {
  const heaps = await scavengesByHeap(['--parallel-scavenge']);
  assert.ok([...heaps.values()].some((c) => c.helped > 0), JSON.stringify([...heaps]));
  // Either spelling, either way, is the user's choice; more cores than that, nothing is set.
  assert.equal(setSerialScavenge(['--no_parallel_scavenge'], 2), false);
  assert.equal(setSerialScavenge(['--max-old-space-size=128', '--parallel-scavenge'], 1), false);
  assert.equal(setSerialScavenge([], SERIAL_SCAVENGE_MAX_CORES + 1), false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HEAP_GROWING_PERCENT, setHeapGrowth } from '../../src/cli/heap-growth.js';
import { cliPath, samplesDir } from '../helpers/paths.js';

/**
 * Runs the CLI on the sample with every collection a full one, and reads from V8's own trace the
 * growing factor each heap's next limit was set with: `[pid:isolate] … Limit: … (2.0)`.
 */
function factorsByHeap(nodeFlags: string[]): Map<string, string[]> {
  const args = [...nodeFlags, '--gc-global', '--trace-gc-verbose', cliPath, 'analyze', join(samplesDir, 'naive-5'), '--format', 'json', '--threads', 'on'];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  assert.equal(result.status, 1, `the sample has findings: ${result.stderr}`);
  const factors = new Map<string, string[]>();
  for (const match of result.stdout.matchAll(/^\[\d+:(0x[0-9a-f]+)\].*\[HeapController\] Limit: .*\(([\d.]+)\)$/gm)) {
    const [, heap = '', factor = ''] = match;
    factors.set(heap, [...(factors.get(heap) ?? []), factor]);
  }
  return factors;
}

test('racetrace lets every heap, the main thread and both worker threads, grow to 1.85 times what a full collection kept', () => {
  assert.equal(HEAP_GROWING_PERCENT, 85);
  const factors = factorsByHeap([]);
  assert.equal(factors.size, 3, 'the main thread, the analysis thread and the reading thread');
  for (const [heap, list] of factors) {
    // Without it: 4.0 on the main thread (uncapped), 1.3 on the workers (capped under 256 MiB).
    assert.deepEqual(new Set(list), new Set(['1.9']), `heap ${heap}: ${list.join(' ')}`);
  }
});

test('a growing factor the user gave node is kept', () => {
  const factors = factorsByHeap(['--heap-growing-percent=50']);
  assert.equal(factors.size, 3);
  for (const list of factors.values()) assert.deepEqual(new Set(list), new Set(['1.5']));
  // Either spelling of the flag is the user's choice; nothing is set then.
  assert.equal(setHeapGrowth(['--heap_growing_percent=20']), false);
  assert.equal(setHeapGrowth(['--max-old-space-size=128', '--heap-growing-percent=0']), false);
});

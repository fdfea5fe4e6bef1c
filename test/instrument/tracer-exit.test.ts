import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildRoot } from '../helpers/paths.js';
import { readEvents, scratchDir } from '../helpers/events.js';

// Each case runs a real process (test/fixtures/tracer-exit.ts) that emits events and then
// leaves; the log must hold every event, valid, whatever the way out.
const fixture = join(buildRoot, 'test', 'fixtures', 'tracer-exit.js');
const COUNT = 2000;
const cases = [
  { how: 'normal', code: 0 },
  { how: 'exit', code: 3 },
  { how: 'throw', code: 1 },
  { how: 'reject', code: 1 },
];

for (const sync of ['sync', 'async']) {
  for (const { how, code } of cases) {
    test(`no event is lost: ${sync} destination, ${how}`, async (t) => {
      const log = join(await scratchDir(t), 'events.ndjson');
      const run = spawnSync(process.execPath, [fixture, log, sync, how, String(COUNT)], { encoding: 'utf8', timeout: 30_000 });
      assert.equal(run.status, code, run.stderr);
      if (how === 'throw') assert.match(run.stderr, /boom: uncaught on purpose/);
      const events = await readEvents(log);
      assert.equal(events.length, COUNT + 2);
      assert.equal(events.at(-1)?.['event'], 'export.end');
      assert.deepEqual(events.map((e) => e['seq']), events.map((_, i) => i));
    });
  }
}

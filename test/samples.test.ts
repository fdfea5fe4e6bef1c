import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { samplesDir } from './helpers/paths.js';
import { EVENT_NAMES } from '../src/types.js';
import { describeErrors, validateEvent } from '../src/schema/validators.js';

/** Every captured log line under samples/: a valid event, or an ordinary pino line without `event`. */
function* sampleLogs(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sampleLogs(path);
    else if (/\.(log|ndjson|jsonl)$/.test(name)) yield path;
  }
}

test('every line of every captured sample is a valid event or an ordinary log line', () => {
  const logs = [...sampleLogs(samplesDir)];
  assert.ok(logs.length >= 10, `expected the naive-5 and safe-5 captures, found ${logs.length} logs`);
  let events = 0;
  for (const log of logs) {
    readFileSync(log, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line === '') return;
        const value = JSON.parse(line) as Record<string, unknown>;
        if (!EVENT_NAMES.includes(value['event'] as never)) return;
        events++;
        assert.equal(validateEvent(value), true, `${log}:${i + 1}: ${describeErrors(validateEvent.errors)}`);
      });
  }
  assert.ok(events > 0);
});

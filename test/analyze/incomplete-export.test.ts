import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HINTS } from '../../src/analyze/hints.js';
import { analyze, EventLog, onlyFinding } from '../helpers/event-log.js';

const A = { cid: 'export-a', pid: 101 };
const B = { cid: 'export-b', pid: 202 };

test('incomplete-export: a start without an end', () => {
  const log = new EventLog().start(0, A).create(1, A, '/a.tmp', '/a').start(0, B).end(2, B);
  const f = onlyFinding(analyze(log.events), 'incomplete-export');
  assert.deepEqual([f.correlationIds, f.pids, f.start, f.end], [['export-a'], [101], 0, 1]);
  assert.equal(f.hint, HINTS.incompleteExport);
});

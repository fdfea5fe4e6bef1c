import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorTally, sortFindings } from '../../src/report/describe.js';
import type { Finding } from '../../src/types.js';

// Error codes come from the logs, so any case can appear. A locale's collation puts `eperm`
// between `EBUSY` and `Zed`; code units put every capital first, on every machine.
test('error codes with equal counts are listed in code-unit order, not the locale\'s', () => {
  assert.equal(errorTally({ eperm: 2, Zed: 2, EBUSY: 2, ENOENT: 5 }), 'ENOENT 5, EBUSY 2, Zed 2, eperm 2');
});

test('findings of one severity and time are ordered by kind in code-unit order', () => {
  const finding = (kind: string): Finding => ({ kind, severity: 'warning', message: kind, hint: '', start: 1 });
  const kinds = sortFindings([finding('b-kind'), finding('a-kind'), finding('B-kind')]).map((f) => f.kind);
  assert.deepEqual(kinds, ['B-kind', 'a-kind', 'b-kind']);
});

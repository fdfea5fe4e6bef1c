import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempName } from '../../src/instrument/tempnames.js';

test('the sheet index is zero-padded so a listing sorts in sheet order', () => {
  assert.equal(tempName(3, 'sales.csv'), '0003-sales.csv.tmp');
  const names = [10, 2, 1, 100].map((i) => tempName(i, 'x.csv'));
  assert.deepEqual([...names].sort(), [1, 2, 10, 100].map((i) => tempName(i, 'x.csv')));
});

test('separators, control and reserved characters cannot escape the work folder', () => {
  assert.equal(tempName(1, '../../etc/passwd'), '0001-_.._etc_passwd.tmp');
  assert.equal(tempName(1, 'a\\b:c*?"<>|\u0007.csv'), '0001-a_b_c_______.csv.tmp');
  assert.equal(tempName(1, '..'), '0001-sheet.tmp');
  assert.equal(tempName(1, ''), '0001-sheet.tmp');
});

test('long names are cut to fit a 255-byte file name without splitting a character', () => {
  const name = tempName(7, 'é'.repeat(300));
  assert.ok(Buffer.byteLength(name) <= 255);
  assert.doesNotMatch(name, /\uFFFD/);
  assert.ok(name.startsWith('0007-é'));
});

test('a negative or fractional index is a programming error', () => {
  assert.throws(() => tempName(-1, 'a'), RangeError);
  assert.throws(() => tempName(1.5, 'a'), RangeError);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CROWD, OpenHolds } from '../../src/analyze/open-holds.js';
import type { Hold } from '../../src/analyze/holds.js';

function hold(i: number, start = i): Hold {
  return {
    path: '/out/latest.csv',
    role: 'target',
    correlationId: `export-${i}`,
    pid: i,
    host: 'h',
    start,
    end: Number.NaN,
    open: true,
    writeOrd: i,
    closeOrd: Infinity,
    closedBy: undefined,
    created: false,
    openSource: { input: 'test', line: i },
    closeSource: undefined,
  };
}

/** The list a plain array with swap-removal would hold: the order before indexes existed. */
function plainOrder(adds: number, removals: readonly number[]): number[] {
  const list = Array.from({ length: adds }, (_, i) => i);
  for (const r of removals) {
    const i = list.indexOf(r);
    const last = list.pop() as number;
    if (i < list.length) list[i] = last;
  }
  return list;
}

test('a crowd keeps the order a plain list would have, through indexing and removals', () => {
  const n = CROWD * 3;
  const holds = Array.from({ length: n }, (_, i) => hold(i));
  const open = new OpenHolds(holds[0] as Hold);
  for (const h of holds.slice(1)) open.add(h);
  assert.equal(open.crowded, true);
  const removals = [5, 0, n - 1, 40, 41, 2, 77, 13];
  for (const r of removals) {
    (holds[r] as Hold).open = false;
    open.remove(holds[r] as Hold);
  }
  assert.deepEqual([...open].map((h) => h.pid), plainOrder(n, removals));
  assert.equal(open.size, n - removals.length);
});

test('lookups by export agree with a scan, crowded or not', () => {
  for (const n of [3, CROWD + 5]) {
    const holds = Array.from({ length: n }, (_, i) => hold(i));
    const open = new OpenHolds(holds[0] as Hold);
    for (const h of holds.slice(1)) open.add(h);
    open.remove(holds[1] as Hold);
    assert.equal(open.of('export-2'), holds[2]);
    assert.equal(open.of('export-1'), undefined);
    assert.equal(open.hasOther('export-0'), true);
    assert.equal(open.hasOther('nobody'), true);
  }
  const alone = new OpenHolds(hold(0));
  assert.equal(alone.hasOther('export-0'), false);
});

test('the earliest other writer skips closed, read-only and own holds', () => {
  // Started out of list order: the queue is sorted when the crowd forms.
  const holds = Array.from({ length: CROWD + 1 }, (_, i) => hold(i, 100 - i));
  const open = new OpenHolds(holds[0] as Hold);
  for (const h of holds.slice(1)) open.add(h);
  const earliest = holds[CROWD] as Hold;
  assert.equal(open.earliestOtherWriter('export-0'), earliest);
  assert.equal(open.earliestOtherWriter(earliest.correlationId), holds[CROWD - 1]);
  earliest.open = false;
  open.remove(earliest);
  (holds[CROWD - 1] as Hold).writeOrd = Infinity;
  assert.equal(open.earliestOtherWriter('export-0'), holds[CROWD - 2]);
  // Not crowded: the tracker pairs with every open hold instead.
  assert.equal(new OpenHolds(hold(0)).earliestOtherWriter('x'), undefined);
});

test('a crowd that empties becomes a plain list again', () => {
  const holds = Array.from({ length: CROWD + 1 }, (_, i) => hold(i));
  const open = new OpenHolds(holds[0] as Hold);
  for (const h of holds.slice(1)) open.add(h);
  for (const h of holds) open.remove(h);
  assert.equal(open.size, 0);
  assert.equal(open.crowded, false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_RETRY_POLICY, backoffCeiling, backoffDelay, checkPolicy, isTransient, type RetryPolicy,
} from '../../src/instrument/retry-policy.js';

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 10, maxDelayMs: 100 };

test('the backoff ceiling doubles per attempt up to the cap', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => backoffCeiling(n, policy)), [10, 20, 40, 80, 100, 100]);
});

test('full jitter: the delay is random() times the ceiling, anywhere from 0 up to it', () => {
  assert.equal(backoffDelay(3, policy, () => 0), 0);
  assert.equal(backoffDelay(3, policy, () => 0.5), 20);
  assert.ok(backoffDelay(3, policy, () => 0.999999) < 40);
});

test('ENOENT and EXDEV are never transient, even when a policy lists them', () => {
  const everything = { ...policy, transientCodes: ['EBUSY', 'ENOENT', 'EXDEV'] };
  assert.equal(isTransient('EBUSY', everything), true);
  assert.equal(isTransient('ENOENT', everything), false);
  assert.equal(isTransient('EXDEV', everything), false);
  assert.equal(isTransient(undefined, everything), false);
  assert.equal(isTransient('EISDIR', DEFAULT_RETRY_POLICY), false);
});

test('the defaults retry the Windows lock codes within a 60 s budget', () => {
  assert.deepEqual([...DEFAULT_RETRY_POLICY.transientCodes].sort(), ['EACCES', 'EAGAIN', 'EBUSY', 'EPERM']);
  assert.equal(DEFAULT_RETRY_POLICY.budgetMs, 60_000);
  assert.ok(DEFAULT_RETRY_POLICY.maxDelayMs < DEFAULT_RETRY_POLICY.budgetMs);
});

test('a policy with impossible numbers is refused with the field named', () => {
  assert.throws(() => checkPolicy({ ...policy, maxAttempts: 0 }), /maxAttempts/);
  assert.throws(() => checkPolicy({ ...policy, budgetMs: -1 }), /budgetMs/);
  assert.throws(() => checkPolicy({ ...policy, baseDelayMs: Number.NaN }), /baseDelayMs/);
});

import type { Random } from './fs.js';

/** When and how long a failed rename is retried. */
export interface RetryPolicy {
  /** Error codes worth another try. ENOENT and EXDEV are never retried, even if listed. */
  transientCodes: readonly string[];
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Total time from the first attempt after which no retry is started. */
  budgetMs: number;
  /** The backoff ceiling of the first retry; it doubles with each retry ... */
  baseDelayMs: number;
  /** ... up to this cap. */
  maxDelayMs: number;
}

/**
 * Defaults, and why:
 * - transient codes: on Windows, antivirus, indexers and backup agents open a fresh file and
 *   rename fails with EBUSY, EPERM or EACCES until they let go; EAGAIN is the same on network
 *   filesystems.
 * - budgetMs 60 s: graceful-fs retries these Windows rename errors for up to 60 s, because
 *   scanners have been seen holding a file that long; giving up sooner fails exports that
 *   would have gone through.
 * - baseDelayMs 10 ms: most holds clear within tens of milliseconds, so the first retries are quick.
 * - maxDelayMs 2 s: once a hold is long, a release is still noticed within about 2 s.
 * - maxAttempts 100: a safety net so a zero-delay clock or a tiny cap cannot spin forever; with
 *   the delays above (about 1 s on average once capped), the 60 s budget ends the retries first,
 *   after about 65 attempts.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  transientCodes: Object.freeze(['EBUSY', 'EPERM', 'EACCES', 'EAGAIN']),
  maxAttempts: 100,
  budgetMs: 60_000,
  baseDelayMs: 10,
  maxDelayMs: 2_000,
});

/** Codes that another try cannot fix: ENOENT means the temp is gone (someone else moved it), EXDEV a cross-device rename. */
export const NEVER_RETRIED: readonly string[] = Object.freeze(['ENOENT', 'EXDEV']);

/** Whether an error with `code` may be retried under `policy`. */
export function isTransient(code: string | undefined, policy: RetryPolicy): boolean {
  return code !== undefined && !NEVER_RETRIED.includes(code) && policy.transientCodes.includes(code);
}

/** The backoff ceiling after failed attempt `attempt` (1-based): min(cap, base * 2^(attempt-1)). */
export function backoffCeiling(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/**
 * The delay after failed attempt `attempt`, with full jitter: uniform in [0, ceiling).
 * Full jitter spreads processes that failed together, so they do not all retry in step
 * (AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: Random): number {
  return random() * backoffCeiling(attempt, policy);
}

/** Checks a policy's numbers; throws RangeError naming the first bad one. */
export function checkPolicy(policy: RetryPolicy): RetryPolicy {
  const whole = { maxAttempts: policy.maxAttempts };
  const nonNegative = { budgetMs: policy.budgetMs, baseDelayMs: policy.baseDelayMs, maxDelayMs: policy.maxDelayMs };
  for (const [name, value] of Object.entries(whole)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`retry ${name} must be a whole number >= 1 (got ${value})`);
  }
  for (const [name, value] of Object.entries(nonNegative)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry ${name} must be a number >= 0 (got ${value})`);
  }
  return policy;
}

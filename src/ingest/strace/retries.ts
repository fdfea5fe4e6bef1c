import type { AdapterContext } from '../adapter.js';
import type { TraceEvent } from '../../types.js';

/**
 * Retries without attempt numbers. A shell loop such as `until mv a b; do sleep 0.01; done` runs
 * a new `mv` process per try, so no process knows it is retrying. A rename of the same source and
 * target that starts within the reorder window after a failed one (by any process, in any input)
 * is a retry. Numbering needs time order across inputs and `willRetry` needs to see the next try,
 * so both are settled by a post-merge transform: the merge runs it on an event only once every
 * input has been read a reorder window past it, and the adapters log each attempt as they read it.
 */

interface RenameLog {
  /** `source\0target` -> start times of attempts read so far and not yet passed by the transform. */
  attempts: Map<string, number[]>;
}

interface ChainState {
  attempt: number;
  lastFailure?: number;
  byPid: Map<number, number>;
}

const LOG_KEY = 'strace:renames';
const MAX_PER_KEY = 10_000;

function renameLog(context: AdapterContext): RenameLog {
  let log = context.shared.get(LOG_KEY) as RenameLog | undefined;
  if (!log) {
    log = { attempts: new Map() };
    context.shared.set(LOG_KEY, log);
  }
  return log;
}

const keyOf = (source: string, target: string): string => `${source}\0${target}`;

/** Adapters call this for every rename attempt they read (before the merge orders them). */
export function logAttempt(context: AdapterContext, source: string, target: string, time: number): void {
  const log = renameLog(context);
  const key = keyOf(source, target);
  const times = log.attempts.get(key) ?? [];
  if (times.length < MAX_PER_KEY) times.push(time);
  log.attempts.set(key, times);
}

/** Registers (once per run) the transform that numbers attempts and settles willRetry/delayMs. */
export function registerRetryTransform(context: AdapterContext): void {
  const log = renameLog(context);
  const windowMs = context.options.reorderWindowMs;
  const chains = new Map<string, ChainState>();
  let seen = 0;

  context.addTransform(LOG_KEY, (event: TraceEvent): TraceEvent => {
    if (++seen % 1000 === 0) sweep(log, chains, event.time, windowMs);
    if (!event.event.startsWith('rename.') || event.tempPath === undefined || event.targetPath === undefined) {
      return event;
    }
    const key = keyOf(event.tempPath, event.targetPath);
    const chain = chains.get(key) ?? { attempt: 0, byPid: new Map<number, number>() };
    chains.set(key, chain);
    if (event.event === 'rename.attempt') {
      const retry = chain.lastFailure !== undefined && event.time - chain.lastFailure <= windowMs;
      chain.attempt = retry ? chain.attempt + 1 : 1;
      chain.byPid.set(event.pid, chain.attempt);
      return { ...event, attempt: chain.attempt };
    }
    const attempt = chain.byPid.get(event.pid) ?? Math.max(chain.attempt, 1);
    chain.byPid.delete(event.pid);
    if (event.event === 'rename.success') {
      delete chain.lastFailure;
      return { ...event, attempt };
    }
    chain.lastFailure = event.time;
    const next = nextAttempt(log, key, event.time, windowMs);
    const settled: TraceEvent = { ...event, attempt, willRetry: next !== undefined };
    if (next !== undefined) settled.delayMs = next - event.time;
    else delete settled.delayMs;
    return settled;
  });
}

/** The first logged attempt after `time` and within the window; drops attempts already passed. */
function nextAttempt(log: RenameLog, key: string, time: number, windowMs: number): number | undefined {
  const times = (log.attempts.get(key) ?? []).filter((t) => t > time);
  if (times.length === 0) log.attempts.delete(key);
  else log.attempts.set(key, times);
  const next = Math.min(...times);
  return Number.isFinite(next) && next - time <= windowMs ? next : undefined;
}

/** Forgets attempts and chains the merged stream has passed, so memory follows the window. */
function sweep(log: RenameLog, chains: Map<string, ChainState>, now: number, windowMs: number): void {
  for (const [key, times] of log.attempts) {
    const kept = times.filter((t) => t >= now - windowMs);
    if (kept.length === 0) log.attempts.delete(key);
    else log.attempts.set(key, kept);
  }
  for (const [key, chain] of chains) {
    const stale = chain.lastFailure === undefined || now - chain.lastFailure > windowMs;
    if (stale && chain.byPid.size === 0) chains.delete(key);
  }
}

/**
 * One line of strace output, as `strace -f -ttt` writes it (`-o FILE`: `PID  EPOCH.USEC rest`;
 * `-ff -o FILE`: no pid column, the pid is the file name's suffix; on stderr: `[pid  N] `).
 * This file only splits a line into its parts; ./calls.ts joins `<unfinished ...>` halves.
 */
import { findClose } from './strings.js';

export type StraceLine =
  | { kind: 'call'; pid?: number; time: number; name: string; args: string; result: string }
  | { kind: 'unfinished'; pid?: number; time: number; name: string; args: string }
  | { kind: 'resumed'; pid?: number; time: number; name: string; rest: string }
  | { kind: 'exit'; pid?: number; time: number; code: number }
  | { kind: 'killed'; pid?: number; time: number; signal: string }
  | { kind: 'signal'; pid?: number; time: number; signal: string; siPid?: number }
  /** strace-looking but without `-ttt` epoch timestamps: unusable, worth a note. */
  | { kind: 'untimed' }
  | { kind: 'other' };

const PREFIX = /^(?:\[pid\s+(\d+)\]\s+|(\d+)\s+)?(\d{1,12})\.(\d{1,9})\s+(.*)$/s;
const UNTIMED = /^(?:\[pid\s+\d+\]\s+|\d+\s+)?(?:\d\d:\d\d:\d\d(?:\.\d+)?\s+)?(?:[a-z_][a-z0-9_]*\(|\+\+\+ |--- |<\.\.\. )/;
const UNFINISHED = ' <unfinished ...>';

/** Parses one line (without its line end). Never throws: what it cannot read is `other`. */
export function parseLine(text: string): StraceLine {
  const m = PREFIX.exec(text);
  if (!m) return UNTIMED.test(text) ? { kind: 'untimed' } : { kind: 'other' };
  const pidText = m[1] ?? m[2];
  const base = {
    ...(pidText === undefined ? {} : { pid: Number(pidText) }),
    time: epochMs(m[3]!, m[4]!),
  };
  const rest = m[5]!.trimEnd();

  if (rest.startsWith('+++ ')) {
    const exit = /^\+\+\+ exited with (-?\d+) \+\+\+$/.exec(rest);
    if (exit) return { kind: 'exit', ...base, code: Number(exit[1]) };
    const killed = /^\+\+\+ killed by (SIG[A-Z0-9]+)/.exec(rest);
    if (killed) return { kind: 'killed', ...base, signal: killed[1]! };
    return { kind: 'other' };
  }
  if (rest.startsWith('--- ')) {
    const sig = /^--- (SIG[A-Z0-9]+) /.exec(rest);
    if (!sig) return { kind: 'other' };
    const siPid = /\bsi_pid=(\d+)/.exec(rest);
    return { kind: 'signal', ...base, signal: sig[1]!, ...(siPid ? { siPid: Number(siPid[1]) } : {}) };
  }
  const resumed = /^<\.\.\. ([a-z_][a-z0-9_]*) resumed>(.*)$/s.exec(rest);
  if (resumed) return { kind: 'resumed', ...base, name: resumed[1]!, rest: resumed[2]! };

  const call = /^([a-z_][a-z0-9_]*)\((.*)$/s.exec(rest);
  if (!call) return { kind: 'other' };
  const name = call[1]!;
  const after = call[2]!;
  if (after.endsWith(UNFINISHED)) {
    // strace prints "wait4(-1, " then " <unfinished ...>": drop exactly the one separating space.
    return { kind: 'unfinished', ...base, name, args: after.slice(0, -UNFINISHED.length) };
  }
  const split = splitResult(after, 1);
  if (!split) return { kind: 'other' };
  return { kind: 'call', ...base, name, args: split.args, result: split.result };
}

/** Splits `args) = result` where `depth` brackets are open before `args`. */
export function splitResult(text: string, depth: number): { args: string; result: string } | undefined {
  const close = findClose(text, depth);
  if (close < 0) return undefined;
  const eq = /^\s*=\s*(.*)$/s.exec(text.slice(close + 1));
  if (!eq) return undefined;
  return { args: text.slice(0, close), result: eq[1]!.trim() };
}

/** `1795887775.126070` seconds -> epoch milliseconds with the microseconds kept. */
function epochMs(seconds: string, fraction: string): number {
  const micros = Number(fraction.padEnd(6, '0').slice(0, 6));
  return Number(seconds) * 1000 + micros / 1000;
}

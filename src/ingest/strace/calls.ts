import { splitResult, type StraceLine } from './line.js';
import { decodeAnnotation, splitArgs } from './strings.js';

/** A syscall's return: `= 3</tmp/x>`, `= -1 ENOENT (No such file or directory)`, `= ?`. */
export interface CallResult {
  value?: number;
  errno?: string;
  errText?: string;
  /** `-y`: the path of a returned descriptor. */
  annotation?: string;
}

/** One whole syscall, its two halves joined when strace split it across lines. */
export interface Syscall {
  pid: number;
  name: string;
  args: string[];
  result: CallResult;
  /** Entry time (the first half's timestamp) and exit time, epoch ms. */
  start: number;
  end: number;
  /** The line that completed the call (evidence) and the line that began it. */
  line: number;
  startLine: number;
}

type Pending = { name: string; args: string; time: number; line: number };

/**
 * Joins `name(args <unfinished ...>` with the same pid's later `<... name resumed>rest`. Other pids'
 * lines interleave freely between the halves (that is why strace splits them); one call at most
 * is pending per pid, since a thread runs one syscall at a time.
 */
export class CallJoiner {
  private readonly pending = new Map<number, Pending>();

  /** Returns the completed call, or undefined for a first half or a half that does not match. */
  accept(pid: number, line: StraceLine, lineNo: number): Syscall | undefined {
    if (line.kind === 'unfinished') {
      this.pending.set(pid, { name: line.name, args: line.args, time: line.time, line: lineNo });
      return undefined;
    }
    if (line.kind === 'call') {
      return build(pid, line.name, line.args, line.result, line.time, line.time, lineNo, lineNo);
    }
    if (line.kind !== 'resumed') return undefined;
    const first = this.pending.get(pid);
    if (!first || first.name !== line.name) return undefined;
    this.pending.delete(pid);
    const split = splitResult(first.args + line.rest, 1);
    if (!split) return undefined;
    return build(pid, line.name, split.args, split.result, first.time, line.time, lineNo, first.line);
  }

  /** A process ended: its unfinished call will never resume. */
  forget(pid: number): void {
    this.pending.delete(pid);
  }

  /** End of input: calls still unfinished (the trace was cut), with no result. */
  drain(): Syscall[] {
    const calls = [...this.pending].map(([pid, p]) => {
      const split = splitArgs(p.args.replace(/,\s*$/, ''));
      return { pid, name: p.name, args: split, result: {}, start: p.time, end: p.time, line: p.line, startLine: p.line };
    });
    this.pending.clear();
    return calls;
  }
}

function build(
  pid: number, name: string, args: string, result: string,
  start: number, end: number, line: number, startLine: number,
): Syscall {
  return { pid, name, args: splitArgs(args), result: parseResult(result), start, end, line, startLine };
}

/** Parses the text after `= `. */
export function parseResult(text: string): CallResult {
  const m = /^(0x[0-9a-f]+|-?\d+|\?)(?:<(.*)>)?(?:\s+([A-Z][A-Z0-9_]+))?(?:\s+\((.*)\))?/s.exec(text);
  if (!m) return {};
  const result: CallResult = {};
  if (m[1] !== '?') result.value = m[1]!.startsWith('0x') ? parseInt(m[1]!, 16) : Number(m[1]);
  if (m[2] !== undefined) {
    const annotation = decodeAnnotation(m[2]);
    if (annotation !== undefined) result.annotation = annotation;
  }
  if (m[3] !== undefined) result.errno = m[3];
  if (m[4] !== undefined) result.errText = m[4];
  return result;
}

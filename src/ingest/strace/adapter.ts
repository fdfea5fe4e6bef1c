import { basename, dirname, join } from 'node:path';
import type { AdapterContext, Emit, LineAdapter, LineResult } from '../adapter.js';
import { CallJoiner, type Syscall } from './calls.js';
import { Out } from './emit.js';
import { decideUndecided, processExit } from './jobs.js';
import { parseLine } from './line.js';
import { flushProbe, interpret, type Interp } from './mapping.js';
import { getProc, newJob, runState, sharedPaths, type Proc, type RunState } from './model.js';
import { NOTES } from './notes.js';
import { lineBucket } from './bucket.js';
import { registerRetryTransform } from './retries.js';
import { findFfRoot } from './ff.js';

/** What a process did on one line, kept in its order until the process's job is known. */
type Item =
  | { kind: 'call'; call: Syscall }
  /** The first half of a split call: only its name matters (is the root now waiting?). */
  | { kind: 'begin'; name: string; time: number; line: number }
  | { kind: 'exit'; code: number | 'killed'; time: number; line: number }
  | { kind: 'sigchld'; siPid: number; time: number; line: number };

const OTHER: LineResult = { bucket: 'other' };
const EVENT: LineResult = { bucket: 'event' };

/**
 * Reads one strace output (an `-o` file, or one `-ff` file whose name ends in `.<pid>`).
 * A process's lines wait in a small queue until its job is known: a vfork child often writes
 * before its parent's `<... vfork resumed>) = <pid>` line names it. Without %process in the
 * trace, the parent comes from SIGCHLD; a process still unplaced after a quarter of the reorder
 * window is grouped on its own, and a note says grouping was guessed.
 */
export class StraceAdapter implements LineAdapter {
  private run: RunState;
  /** `-ff`: the pid from the file name, set once a line without a pid column shows the mode. */
  private ffPid: number | undefined;
  private decided = false;
  private readonly joiner = new CallJoiner();
  private readonly queues = new Map<number, Item[]>();
  private readonly out: Out;
  private readonly ip: Interp;
  private now = -Infinity;
  private assumedCwd: string | undefined;

  constructor(private readonly context: AdapterContext) {
    this.run = runState(context, context.input);
    this.out = new Out(context.input, context.options.reorderWindowMs);
    this.ip = {
      context, run: this.run, paths: sharedPaths(context), out: this.out,
      groupBy: context.options.groupBy, cwdOf: (proc) => this.cwdOf(proc),
    };
    registerRetryTransform(context);
  }

  line(text: string, lineNo: number, emit: Emit): LineResult {
    this.out.emit = emit;
    const parsed = parseLine(text);
    if (parsed.kind === 'untimed') this.context.addNote(NOTES.untimed);
    if (parsed.kind === 'other' || parsed.kind === 'untimed') return OTHER;
    if (!this.decided) this.decideMode(parsed.pid === undefined);
    const pid = parsed.pid ?? this.ffPid;
    if (pid === undefined) return OTHER;
    this.now = Math.max(this.now, parsed.time);
    const proc = getProc(this.run, pid);
    if (proc.firstTime === undefined) this.firstSight(proc, parsed.time, lineNo);

    let item: Item | undefined;
    if (parsed.kind === 'exit' || parsed.kind === 'killed') {
      item = { kind: 'exit', code: parsed.kind === 'exit' ? parsed.code : 'killed', time: parsed.time, line: lineNo };
      this.joiner.forget(pid);
    } else if (parsed.kind === 'signal') {
      if (parsed.signal === 'SIGCHLD' && parsed.siPid !== undefined) {
        item = { kind: 'sigchld', siPid: parsed.siPid, time: parsed.time, line: lineNo };
      }
    } else {
      const call = this.joiner.accept(pid, parsed, lineNo);
      if (call) item = { kind: 'call', call };
      else if (parsed.kind === 'unfinished' && pid === this.run.root) {
        item = { kind: 'begin', name: parsed.name, time: parsed.time, line: lineNo };
      }
    }
    if (!item) return OTHER;
    const used = item.kind === 'call' ? lineBucket(item.call) : item.kind !== 'begin';
    this.enqueue(proc, item);
    this.settle(false);
    return used ? EVENT : OTHER;
  }

  end(emit: Emit): void {
    this.out.emit = emit;
    // A rename the trace cut off still was attempted (its outcome is unknown).
    for (const call of this.joiner.drain()) this.enqueue(getProc(this.run, call.pid), { kind: 'call', call });
    decideUndecided(this.run, false);
    this.settle(true);
    for (const proc of this.run.procs.values()) if (proc.job && !proc.exited) flushProbe(proc, this.ip);
  }

  /**
   * A first line without a pid column means `-ff`: the pid is the name's `.<pid>` suffix, and the
   * files with the same prefix are one run sharing one process tree (so `trace.1` and `trace.2`
   * captured separately with `-o` stay separate runs).
   */
  private decideMode(noPidColumn: boolean): void {
    this.decided = true;
    const suffix = /^(.*)\.(\d+)$/.exec(this.context.input);
    if (!noPidColumn || !suffix) return;
    this.ffPid = Number(suffix[2]);
    this.run = runState(this.context, `-ff ${join(dirname(suffix[1]!), basename(suffix[1]!))}`);
    this.run.root ??= findFfRoot(this.context.input);
    this.ip.run = this.run;
  }

  private firstSight(proc: Proc, time: number, lineNo: number): void {
    proc.firstTime = time;
    proc.firstLine = lineNo;
    // The first pid of an -o trace is the traced root (for -ff, see ./ff.ts).
    if (this.run.root === undefined) this.run.root = proc.pid;
    if (proc.job) return;
    if (proc.pid === this.run.root || this.context.options.groupBy === 'pid') {
      proc.job = newJob(proc, this.context.options.groupBy, time, lineNo);
    }
  }

  private enqueue(proc: Proc, item: Item): void {
    const queue = this.queues.get(proc.pid);
    if (queue) queue.push(item);
    else if (proc.job) this.apply(proc, item);
    else this.queues.set(proc.pid, [item]);
  }

  /** Runs the queues of processes whose job became known; at the end, or after a while, guesses. */
  private settle(final: boolean): void {
    let progress = true;
    while (progress && this.queues.size > 0) {
      progress = false;
      for (const [pid, queue] of this.queues) {
        const proc = getProc(this.run, pid);
        const first = queue[0];
        const stale = first !== undefined && this.now - itemTime(first) > this.context.options.reorderWindowMs / 4;
        // A lone child of a root that stays silent runs alongside it: its own job, no guess.
        if (!proc.job && stale && this.run.undecided?.child === proc) decideUndecided(this.run, false);
        if (!proc.job && (final || stale)) {
          proc.job = newJob(proc, this.context.options.groupBy, proc.firstTime ?? this.now, proc.firstLine ?? 0);
          this.context.addNote(NOTES.guessed);
        }
        if (!proc.job) continue;
        this.queues.delete(pid);
        for (const item of queue) this.apply(proc, item);
        progress = true;
      }
    }
  }

  private apply(proc: Proc, item: Item): void {
    if (proc.pid === this.run.root && this.run.undecided && item.kind !== 'sigchld') {
      const name = item.kind === 'call' ? item.call.name : item.kind === 'begin' ? item.name : '';
      decideUndecided(this.run, name.startsWith('wait'));
    }
    if (item.kind === 'call') interpret(item.call, proc, this.ip);
    else if (item.kind === 'begin') return;
    else if (item.kind === 'sigchld') this.sigchld(proc, item);
    else {
      flushProbe(proc, this.ip);
      this.run.rootChildren.delete(proc.pid);
      processExit(proc, item.code, item.time, item.line, this.out, this.ip.paths);
      this.run.procs.delete(proc.pid);
    }
  }

  /** Without %process, a SIGCHLD is the only sign of who forked whom (after the child ended). */
  private sigchld(parent: Proc, item: { siPid: number; time: number; line: number }): void {
    const child = this.run.procs.get(item.siPid);
    if (!child || child.job || child.parent !== undefined) return;
    child.parent = parent.pid;
    child.parentFrom = 'sigchld';
    const own = this.context.options.groupBy === 'pid' || parent.pid === this.run.root || !parent.job;
    if (own) child.job = newJob(child, this.context.options.groupBy, child.firstTime ?? item.time, child.firstLine ?? item.line);
    else {
      child.job = parent.job!;
      child.job.live.add(child.pid);
    }
    if (!this.run.sawFork) this.context.addNote(NOTES.sigchld);
  }

  private cwdOf(proc: Proc): string {
    if (proc.cwd !== undefined) return proc.cwd;
    if (this.assumedCwd === undefined) {
      this.assumedCwd = this.context.options.cwd ?? process.cwd();
      this.context.addNote(NOTES.cwd(this.assumedCwd, this.context.options.cwd !== undefined));
    }
    return this.assumedCwd;
  }
}

function itemTime(item: Item): number {
  return item.kind === 'call' ? item.call.start : item.time;
}

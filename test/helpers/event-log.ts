import { createAnalysis } from '../../src/analyze/analyzer.js';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions, type AnalysisResult } from '../../src/analyze/analysis.js';
import type { Detector } from '../../src/analyze/detectors/detector.js';
import type { EventName, Finding, TraceEvent } from '../../src/types.js';

/** Who logs an event: one export in one process. */
export interface Actor {
  cid: string;
  pid: number;
  host?: string;
}

type Extra = Omit<Partial<TraceEvent>, 'time' | 'event' | 'correlationId' | 'pid' | 'host'>;

/**
 * Hand-written event sequences for analyzer tests. Every event gets the next line of one pretend
 * input, so evidence points somewhere real, and a per-process seq like the tracer's.
 */
export class EventLog {
  readonly events: TraceEvent[] = [];
  private line = 0;
  private readonly seqs = new Map<string, number>();

  constructor(readonly input = 'test.ndjson') {}

  add(time: number, a: Actor, event: EventName, extra: Extra = {}): TraceEvent {
    const host = a.host ?? 'host-1';
    const key = `${host}/${a.pid}`;
    const seq = this.seqs.get(key) ?? 0;
    this.seqs.set(key, seq + 1);
    const e: TraceEvent = {
      time,
      host,
      pid: a.pid,
      seq,
      event,
      correlationId: a.cid,
      ...extra,
      source: { input: this.input, line: ++this.line },
    };
    this.events.push(e);
    return e;
  }

  start(time: number, a: Actor): this {
    this.add(time, a, 'export.start');
    return this;
  }

  end(time: number, a: Actor, status: 'ok' | 'failed' = 'ok'): this {
    this.add(time, a, 'export.end', { status });
    return this;
  }

  create(time: number, a: Actor, tempPath: string, targetPath?: string, extra: Extra = {}): this {
    this.add(time, a, 'temp.create', { tempPath, ...(targetPath ? { targetPath } : {}), ...extra });
    return this;
  }

  remove(time: number, a: Actor, tempPath: string): this {
    this.add(time, a, 'temp.delete', { tempPath });
    return this;
  }

  attempt(time: number, a: Actor, tempPath: string, targetPath: string, attempt = 1, extra: Extra = {}): this {
    this.add(time, a, 'rename.attempt', { tempPath, targetPath, attempt, ...extra });
    return this;
  }

  success(time: number, a: Actor, tempPath: string, targetPath: string, attempt = 1, extra: Extra = {}): this {
    this.add(time, a, 'rename.success', { tempPath, targetPath, attempt, ...extra });
    return this;
  }

  /** A failed attempt; `willRetry` defaults to true with a 10 ms delay. */
  failure(time: number, a: Actor, tempPath: string, targetPath: string, attempt: number, errorCode: string, extra: Extra = {}): this {
    this.add(time, a, 'rename.failure', { tempPath, targetPath, attempt, errorCode, willRetry: true, delayMs: 10, ...extra });
    return this;
  }

  /** A whole clean export in [t, t+4]: start, create, attempt, success, end. */
  exportRun(t: number, a: Actor, tempPath: string, targetPath: string): this {
    return this.start(t, a)
      .create(t + 1, a, tempPath, targetPath)
      .attempt(t + 2, a, tempPath, targetPath)
      .success(t + 3, a, tempPath, targetPath)
      .end(t + 4, a);
  }
}

/** Feeds events in merged order (time, then the order they were written) and finishes. */
export function analyze(
  events: readonly TraceEvent[],
  options: Partial<AnalysisOptions> = {},
  detectors?: readonly Detector[],
): AnalysisResult {
  const analysis = createAnalysis({ ...DEFAULT_ANALYSIS_OPTIONS, ...options }, detectors);
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.time - b.e.time || a.i - b.i);
  for (const { e } of ordered) analysis.event(e);
  return analysis.finish();
}

export function findingsOf(result: AnalysisResult, kind: string): Finding[] {
  return result.findings.filter((f) => f.kind === kind);
}

/** The one finding of `kind`, or a thrown error naming what was there instead. */
export function onlyFinding(result: AnalysisResult, kind: string): Finding {
  const found = findingsOf(result, kind);
  const [first] = found;
  if (found.length !== 1 || !first) {
    throw new Error(`expected one ${kind} finding, got ${found.length}: ${JSON.stringify(result.findings, null, 1)}`);
  }
  return first;
}

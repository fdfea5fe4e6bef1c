import type { ExportSummary, TraceEvent } from '../types.js';
import { byCodeUnits } from '../util/text-order.js';

interface ExportRecord {
  correlationId: string;
  /** The first process; most exports have only this one, so the lists stay unallocated. */
  pid: number;
  host: string;
  morePids: number[] | undefined;
  moreHosts: string[] | undefined;
  start: number;
  end: number;
  started: boolean;
  ended: boolean;
  status: ExportSummary['status'];
  events: number;
  /** A detector said a finding will name it. */
  flagged: boolean;
}

const MAX_LISTED = 64;

/**
 * Every export with its processes, times, status and event count, bounded: once more than about
 * twice `maxExports` have ended, the least interesting ended ones are dropped (counted in
 * `omitted`). Interesting means: named by a finding, then failed, then earliest.
 */
export class ExportTable {
  private readonly records = new Map<string, ExportRecord>();
  /** Distinct processes (host + pid) seen, counted here where each export's first sight is known. */
  private readonly processes = new Map<string, Set<number>>();
  private endedCount = 0;
  private evicted = 0;
  private readonly compactAt: number;

  constructor(private readonly maxExports: number) {
    this.compactAt = 2 * maxExports + 64;
  }

  event(e: TraceEvent, time: number): void {
    let r = this.records.get(e.correlationId);
    if (!r) {
      r = {
        correlationId: e.correlationId,
        pid: e.pid,
        host: e.host,
        morePids: undefined,
        moreHosts: undefined,
        start: time,
        end: time,
        started: false,
        ended: false,
        status: 'unknown',
        events: 0,
        flagged: false,
      };
      this.records.set(e.correlationId, r);
      this.addProcess(e.host, e.pid);
    } else {
      if (e.pid !== r.pid || e.host !== r.host) this.another(r, e);
      if (time > r.end) r.end = time;
    }
    r.events++;
    if (e.event === 'export.start' && !r.started) {
      r.started = true;
      r.start = Math.min(r.start, time);
    } else if (e.event === 'export.end' && !r.ended) {
      r.ended = true;
      r.status = e.status ?? 'unknown';
      if (++this.endedCount > this.compactAt) this.compact();
    }
  }

  /** Distinct processes (host + pid) across every event. */
  get processCount(): number {
    let n = 0;
    for (const pids of this.processes.values()) n += pids.size;
    return n;
  }

  private another(r: ExportRecord, e: TraceEvent): void {
    this.addProcess(e.host, e.pid);
    if (e.pid !== r.pid) {
      r.morePids ??= [];
      if (!r.morePids.includes(e.pid) && r.morePids.length < MAX_LISTED) r.morePids.push(e.pid);
    }
    if (e.host !== r.host) {
      r.moreHosts ??= [];
      if (!r.moreHosts.includes(e.host) && r.moreHosts.length < MAX_LISTED) r.moreHosts.push(e.host);
    }
  }

  private addProcess(host: string, pid: number): void {
    let pids = this.processes.get(host);
    if (!pids) this.processes.set(host, (pids = new Set()));
    pids.add(pid);
  }

  /** Exports a detector has flagged so far: the live count a progress line shows. */
  flaggedSoFar = 0;

  flag(correlationId: string): void {
    const r = this.records.get(correlationId);
    if (r && !r.flagged) {
      r.flagged = true;
      this.flaggedSoFar++;
    }
  }

  lastSeen(correlationId: string): number | undefined {
    return this.records.get(correlationId)?.end;
  }

  /** How many exports were seen (those dropped to stay bounded included). */
  get total(): number {
    return this.records.size + this.evicted;
  }

  /**
   * The bounded list, ordered by start; `findingsOf` counts the findings naming an export.
   * Exports still open at the end of the stream are `incomplete` if they started, else `unknown`.
   */
  finish(findingsOf: (correlationId: string) => number): { exports: ExportSummary[]; omitted: number } {
    const all: ExportSummary[] = [];
    const flagged = new Set<string>();
    for (const r of this.records.values()) {
      const status = r.ended ? r.status : r.started ? 'incomplete' : 'unknown';
      const findings = findingsOf(r.correlationId);
      if (findings > 0 || r.flagged) flagged.add(r.correlationId);
      all.push({
        correlationId: r.correlationId,
        pids: [r.pid, ...(r.morePids ?? [])].sort((a, b) => a - b),
        hosts: [r.host, ...(r.moreHosts ?? [])].sort(),
        start: r.start,
        end: r.end,
        status,
        events: r.events,
        findings,
      });
    }
    all.sort((a, b) => priority(a, flagged.has(a.correlationId), b, flagged.has(b.correlationId)));
    const kept = all.slice(0, this.maxExports);
    kept.sort((a, b) => a.start - b.start || byCodeUnits(a.correlationId, b.correlationId));
    return { exports: kept, omitted: this.evicted + (all.length - kept.length) };
  }

  /** Keep the `maxExports` most interesting ended exports; open ones are live state and stay. */
  private compact(): void {
    const ended = [...this.records.values()].filter((r) => r.ended);
    ended.sort((a, b) => priority(a, a.flagged, b, b.flagged));
    for (const r of ended.slice(this.maxExports)) {
      this.records.delete(r.correlationId);
      this.evicted++;
    }
    this.endedCount = Math.min(ended.length, this.maxExports);
  }
}

type Ranked = Pick<ExportSummary, 'status' | 'start' | 'correlationId'>;

function priority(a: Ranked, aFlagged: boolean, b: Ranked, bFlagged: boolean): number {
  return (
    Number(bFlagged) - Number(aFlagged) ||
    Number(b.status === 'failed') - Number(a.status === 'failed') ||
    a.start - b.start ||
    byCodeUnits(a.correlationId, b.correlationId)
  );
}

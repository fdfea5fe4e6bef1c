import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Heap } from '../../src/merge/heap.js';
import { seededRandom } from '../../src/util/seeded-random.js';

/**
 * A seeded simulation of exporters on many hosts writing to one shared network folder (issue 8):
 * the filesystem is simulated in true time, so who wins a race and who gets ENOENT follows from
 * the operations' real order, and each host's log stamps are true time plus that host's clock
 * offset. Naive exporters share fixed temp names per report and sheet (the reported bug), safe
 * ones use a work folder of their own. Stamps sit where a real logger puts them: rename.attempt
 * before the rename call, temp.create / rename.success / rename.failure after the call.
 */
export interface FleetOptions {
  seed: number;
  hosts: number;
  processes: number;
  /** Share (0..1) of processes that use the shared temp names. */
  naiveShare: number;
  exportsPerProcess: number;
  /** Processes start within this many ms of each other. */
  spanMs: number;
  /** Largest clock offset of a host, either way (ms). */
  maxOffsetMs: number;
}

export const DEFAULT_FLEET: FleetOptions = {
  seed: 8,
  hosts: 10,
  processes: 200,
  naiveShare: 0.7,
  exportsPerProcess: 5,
  spanMs: 10_000,
  maxOffsetMs: 40,
};

/** One log line before the clock offset: the true stamp and the fields. */
interface Line {
  at: number;
  level: number;
  fields: Record<string, unknown>;
}

export interface FleetProcess {
  host: string;
  pid: number;
  lines: Line[];
}

export interface Fleet {
  hosts: string[];
  /** Host -> ms its clock reads ahead of true time. */
  offsets: Record<string, number>;
  processes: FleetProcess[];
  /** Renames that failed with ENOENT (the causal pairs' effects). */
  enoent: number;
}

type Op = { kind: 'open' | 'rename'; at: number; temp: string; target: string };

const START = Date.UTC(2026, 10, 28, 17, 0, 0);
const SHARE = '/mnt/share/exports';
const REPORTS = ['q1', 'q2', 'q3', 'q4'];
const SHEETS = ['sales', 'costs', 'margins', 'headcount'];


/** Runs the simulation. The outcome does not depend on the offsets: they only shift stamps. */
export function simulateFleet(options: FleetOptions = DEFAULT_FLEET): Fleet {
  const rand = seededRandom(options.seed);
  const between = (lo: number, hi: number): number => lo + rand() * (hi - lo);
  const hosts = Array.from({ length: options.hosts }, (_, i) => `fleet-${String(i).padStart(2, '0')}`);
  const offsets: Record<string, number> = {};
  for (const host of hosts) offsets[host] = Math.round(between(-options.maxOffsetMs, options.maxOffsetMs) * 1000) / 1000;
  const files = new Set<string>();
  let enoent = 0;
  const queue = new Heap<{ at: number; run: Generator<Op, void, boolean>; op: Op }>((x, y) => x.at - y.at);
  const processes: FleetProcess[] = [];
  const schedule = (run: Generator<Op, void, boolean>, result: boolean): void => {
    const next = run.next(result);
    if (next.done !== true) queue.push({ at: next.value.at, run, op: next.value });
  };

  for (let i = 0; i < options.processes; i++) {
    const host = hosts[i % hosts.length] as string;
    const proc: FleetProcess = { host, pid: 2000 + i * 13 + Math.floor(rand() * 10), lines: [] };
    processes.push(proc);
    const naive = rand() < options.naiveShare;
    schedule(exporter(proc, naive, START + rand() * options.spanMs), false);
  }
  // Operations on the shared folder happen one at a time, in true-time order.
  for (let item = queue.pop(); item !== undefined; item = queue.pop()) {
    const { op } = item;
    let ok = true;
    if (op.kind === 'open') {
      files.add(op.temp);
    } else if (files.has(op.temp)) {
      files.delete(op.temp);
      files.add(op.target);
    } else {
      ok = false;
      enoent++;
    }
    schedule(item.run, ok);
  }
  return { hosts, offsets, processes, enoent };

  function* exporter(proc: FleetProcess, naive: boolean, start: number): Generator<Op, void, boolean> {
    let t = start;
    let seq = 0;
    const log = (at: number, level: number, fields: Record<string, unknown>): void => {
      proc.lines.push({ at, level, fields: { seq: seq++, ...fields } });
    };
    for (let n = 0; n < options.exportsPerProcess; n++) {
      const report = REPORTS[Math.floor(rand() * REPORTS.length)] as string;
      const cid = `20261128T1700Z-${proc.host}-${proc.pid}-${n}`;
      const base = { correlationId: cid };
      log(t, 30, { ...base, event: 'export.start', report, mode: naive ? 'naive' : 'safe' });
      let failed = false;
      for (const [s, sheet] of SHEETS.entries()) {
        const temp = naive
          ? `${SHARE}/tmp/${report}-${sheet}.csv.tmp`
          : `${SHARE}/out/.racetrace-${proc.pid}-${n}/${String(s + 1).padStart(4, '0')}-${sheet}.csv.tmp`;
        const target = `${SHARE}/out/${report}-${proc.host}-${proc.pid}-${n}-${sheet}.csv`;
        const paths = { tempPath: temp, targetPath: target };
        t += between(0.2, 2);
        yield { kind: 'open', at: t, temp, target };
        t += between(0.02, 0.2);
        log(t, 30, { ...base, event: 'temp.create', ...paths });
        t += between(5, 40);
        log(t, 30, { ...base, event: 'rename.attempt', ...paths, attempt: 1 });
        // A rename over SMB/NFS takes a round trip; the move itself happens somewhere inside it.
        const call = between(0.3, 3);
        const ok = yield { kind: 'rename', at: t + between(0.05, call - 0.05), temp, target };
        t += call + between(0.02, 0.3);
        if (ok) {
          log(t, 30, { ...base, event: 'rename.success', ...paths, attempt: 1, durationMs: Math.round(call * 1000) / 1000 });
          continue;
        }
        log(t, 40, {
          ...base, event: 'rename.failure', ...paths, attempt: 1, errorCode: 'ENOENT',
          errorMessage: `ENOENT: no such file or directory, rename '${temp}' -> '${target}'`, willRetry: false,
        });
        failed = true;
        break;
      }
      t += between(0.1, 0.5);
      log(t, failed ? 40 : 30, { ...base, event: 'export.end', status: failed ? 'failed' : 'ok' });
      t += between(300, 3000);
    }
  }
}

/**
 * Writes one NDJSON file per process, stamps shifted by each host's offset (or by none with
 * `trueTime`), and returns the file names.
 */
export function writeFleet(dir: string, fleet: Fleet, { trueTime = false } = {}): string[] {
  mkdirSync(dir, { recursive: true });
  return fleet.processes.map((proc) => {
    const offset = trueTime ? 0 : (fleet.offsets[proc.host] ?? 0);
    const text = proc.lines.map(({ at, level, fields }) =>
      `${JSON.stringify({ level, time: Number((at + offset).toFixed(3)), pid: proc.pid, hostname: proc.host, ...fields, msg: fields['event'] })}\n`);
    const file = join(dir, `${proc.host}-${proc.pid}.ndjson`);
    writeFileSync(file, text.join(''));
    return file;
  });
}

/** The `--skew` values that undo the offsets: host=-offset. */
export function trueCorrections(fleet: Fleet): Record<string, number> {
  return Object.fromEntries(Object.entries(fleet.offsets).map(([host, ms]) => [host, -ms]));
}

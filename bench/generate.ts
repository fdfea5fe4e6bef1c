import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { seededRandom } from '../src/util/seeded-random.js';

/**
 * A deterministic generator of multi-process exporter logs for the benchmarks: pino-shaped lines
 * of about 300 bytes, racetrace events mixed with ordinary log lines, a chosen share of exports
 * that use a shared predictable temp name (so the detectors have real work), one file per process
 * or one interleaved file that several processes appended to (roughly, not strictly, in order).
 */
export interface GenerateOptions {
  outDir: string;
  procs: number;
  /** Total bytes to write, across all files (approximate: whole lines). */
  bytes: number;
  layout: 'per-process' | 'interleaved';
  /** Share (0..1) of exports that use the shared predictable temp path. */
  collide: number;
  seed: number;
  hosts: number;
}


const SHEETS = ['sales', 'costs', 'margins', 'headcount'];
const START = Date.UTC(2026, 10, 28, 17, 0, 0);

/** One process's endless run of exports, line by line, in time order. */
class ProcessLog {
  time: number;
  private queue: string[] = [];
  private seq = 0;
  private exportNo = 0;
  constructor(
    private readonly index: number,
    private readonly options: GenerateOptions,
    private readonly rand: () => number,
  ) {
    this.time = START + rand() * 50;
  }

  get pid(): number {
    return 20000 + this.index * 7;
  }

  next(): string {
    if (this.queue.length === 0) this.planExport();
    return this.queue.shift() as string;
  }

  private planExport(): void {
    const host = `bench-host-${String(this.index % this.options.hosts).padStart(2, '0')}`;
    const n = this.exportNo++;
    const cid = `20261128T170000Z-${this.index.toString(16).padStart(4, '0')}${n.toString(16).padStart(8, '0')}-7c1e-4a52-9b7a-1d2c3e4f5a6b`;
    const colliding = this.rand() < this.options.collide;
    const work = `/srv/exports/out/.racetrace-${cid.slice(17, 29)}`;
    const head = `"pid":${this.pid},"hostname":"${host}","correlationId":"${cid}"`;
    const line = (level: number, body: string): string => {
      this.time += 0.05 + this.rand() * 1.5;
      return `{"level":${level},"time":${this.time.toFixed(3)},${head},${body}}`;
    };
    const event = (name: string, fields: string): string =>
      line(30, `"seq":${this.seq++},"event":"${name}"${fields},"msg":"${name}"`);
    const out = this.queue;
    out.push(event('export.start', `,"report":"quarterly-${n % 97}","sheets":${SHEETS.length}`));
    SHEETS.forEach((sheet, i) => {
      const temp = colliding ? `/tmp/quarterly-${sheet}.csv.tmp` : `${work}/${String(i + 1).padStart(4, '0')}-${sheet}.csv.tmp`;
      const target = `/srv/exports/out/quarterly-p${this.index}-e${n}-${sheet}.csv`;
      out.push(event('temp.create', `,"tempPath":"${temp}","targetPath":"${target}"`));
      out.push(line(30, `"sheet":"${sheet}","rows":${Math.floor(this.rand() * 5000)},"bytes":${Math.floor(this.rand() * 9e5)},"msg":"sheet written to temp file, flushing and syncing"`));
      out.push(event('rename.attempt', `,"tempPath":"${temp}","targetPath":"${target}","attempt":1`));
      out.push(event('rename.success', `,"tempPath":"${temp}","targetPath":"${target}","attempt":1,"durationMs":${(this.rand() * 2).toFixed(3)}`));
    });
    out.push(event('export.end', `,"status":"ok","durationMs":${(this.rand() * 40).toFixed(3)}`));
    // An idle gap between exports keeps the processes' clocks close to each other.
    this.time += this.rand() * 20;
  }
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Writes the logs and returns the file names. */
export async function generate(options: GenerateOptions): Promise<string[]> {
  mkdirSync(options.outDir, { recursive: true });
  const rand = seededRandom(options.seed);
  const procs = Array.from({ length: options.procs }, (_, i) => new ProcessLog(i, options, rand));
  const files =
    options.layout === 'per-process'
      ? procs.map((p) => join(options.outDir, `exporter-${p.pid}.log`))
      : [join(options.outDir, 'interleaved.log')];
  const streams = files.map((f) => createWriteStream(f));
  const buffers: string[] = files.map(() => '');
  const budget = options.bytes;
  let written = 0;
  while (written < budget) {
    // The process whose clock is furthest behind writes next, as in a real concurrent run.
    let p = 0;
    for (let i = 1; i < procs.length; i++) if ((procs[i] as ProcessLog).time < (procs[p] as ProcessLog).time) p = i;
    const proc = procs[p] as ProcessLog;
    const text = `${proc.next()}\n`;
    const slot = options.layout === 'per-process' ? p : 0;
    buffers[slot] += text;
    written += text.length;
    if ((buffers[slot] as string).length > 1 << 20) {
      await write(streams[slot] as Writable, buffers[slot] as string);
      buffers[slot] = '';
    }
  }
  await Promise.all(
    streams.map(async (s, i) => {
      s.end(buffers[i]);
      await once(s, 'finish');
    }),
  );
  return files;
}

export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|m|g)?b?$/i.exec(text.trim());
  if (!m) throw new Error(`size "${text}" is not like 100MB or 1GB`);
  const unit = (m[2] ?? '').toLowerCase();
  const scale = unit === 'g' ? 1e9 : unit === 'm' ? 1e6 : unit === 'k' ? 1e3 : 1;
  return Math.round(Number(m[1]) * scale);
}

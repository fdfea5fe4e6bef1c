import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { PassThrough } from 'node:stream';
import { DEFAULT_INGEST_OPTIONS, streamEvents } from '../../src/merge/index.js';
import type { IngestOptions } from '../../src/ingest/adapter.js';
import type { IngestResult } from '../../src/merge/index.js';
import type { TraceEvent } from '../../src/types.js';

/** A fresh temp folder, removed when the test file ends. */
export function tempDir(prefix = 'racetrace-ingest-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** One valid racetrace event line (an `export.start` unless overridden) as an object. */
export function eventRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    level: 30,
    time: 1_764_345_600_000,
    pid: 100,
    hostname: 'build-01',
    seq: 0,
    event: 'export.start',
    correlationId: 'c-1',
    msg: 'export.start',
    ...overrides,
  };
}

/** The same, as one NDJSON line without its line end. */
export function eventLine(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify(eventRecord(overrides));
}

/** Options with the defaults, overridden. */
export function options(overrides: Partial<IngestOptions> = {}): IngestOptions {
  return { ...DEFAULT_INGEST_OPTIONS, ...overrides };
}

/** Runs streamEvents and keeps every event it delivers. */
export async function collect(
  inputs: string[],
  overrides: Partial<IngestOptions> = {},
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean },
): Promise<{ events: TraceEvent[]; result: IngestResult }> {
  const events: TraceEvent[] = [];
  const io = stdin === undefined ? {} : { stdin };
  const result = await streamEvents(inputs, options(overrides), (event) => events.push(event), io);
  return { events, result };
}

/** A fake standard input (a pipe, not a terminal) that delivers `pieces` one by one. */
export function fakeStdin(pieces: (string | Buffer)[], isTTY = false): PassThrough & { isTTY: boolean } {
  const stream = Object.assign(new PassThrough(), { isTTY });
  for (const piece of pieces) stream.write(piece);
  stream.end();
  return stream;
}

/** events + other + invalid = lines, for every input. */
export function accounted(result: IngestResult): boolean {
  return result.inputs.every((input) => input.events + input.other + input.invalid === input.lines);
}

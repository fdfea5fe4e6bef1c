import type { AdapterContext, IngestOptions, LineResult } from '../../../src/ingest/adapter.js';
import { DEFAULT_INGEST_OPTIONS } from '../../../src/ingest/options.js';
import { straceFormat } from '../../../src/ingest/strace/index.js';
import type { TraceEvent } from '../../../src/types.js';

/** What a run of the strace adapter over some inputs produced, merged like the real pipeline. */
export interface AdapterRun {
  /** Every event, sorted by (time, host, pid, seq) and passed through the registered transforms. */
  events: TraceEvent[];
  /** Per input, the bucket of each line. */
  buckets: LineResult['bucket'][][];
  notes: string[];
}

/**
 * A small stand-in for the ingest + merge pipeline: feeds each input's lines to its own adapter
 * (inputs one after another, sharing one run context), then orders every event and applies the
 * post-merge transforms. It sees all inputs before transforming, which is at least as much
 * look-ahead as the real merge gives.
 */
export function runStrace(inputs: { name: string; text: string }[], options: Partial<IngestOptions> = {}): AdapterRun {
  const shared = new Map<string, unknown>();
  const transforms = new Map<string, (e: TraceEvent) => TraceEvent>();
  const notes = new Set<string>();
  const full: IngestOptions = { ...DEFAULT_INGEST_OPTIONS, inputFormat: 'strace', ...options };
  const emitted: TraceEvent[] = [];
  const emit = (e: TraceEvent): void => {
    emitted.push(e);
  };
  const buckets = inputs.map(({ name, text }) => {
    const context: AdapterContext = {
      input: name,
      options: full,
      shared,
      addTransform: (key, fn) => {
        if (!transforms.has(key)) transforms.set(key, fn);
      },
      addNote: (note) => notes.add(note),
    };
    const adapter = straceFormat.create(context);
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    const result = lines.map((line, i) => adapter.line(line, i + 1, emit).bucket);
    adapter.end(emit);
    return result;
  });
  const ordered = emitted
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.time - b.e.time || cmp(a.e.host, b.e.host) || a.e.pid - b.e.pid || a.e.seq - b.e.seq || a.i - b.i)
    .map(({ e }) => [...transforms.values()].reduce((cur, fn) => fn(cur), e));
  return { events: ordered, buckets, notes: [...notes] };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `name tempPath->targetPath` style one-liners, for compact assertions. */
export function brief(e: TraceEvent): string {
  const paths = [e.tempPath, e.targetPath].filter((p) => p !== undefined).join('->');
  const extra = [
    e.attempt !== undefined ? `#${e.attempt}` : '',
    e.errorCode ?? '',
    e.willRetry === true ? 'retry' : '',
    e.access ?? '',
    e.status ?? '',
  ].filter((x) => x !== '').join(' ');
  return `${e.correlationId} ${e.event}${paths ? ` ${paths}` : ''}${extra ? ` ${extra}` : ''}`;
}

import { EVENT_NAMES, type EventName, type TraceEvent } from '../types.js';
import { PerProcess } from '../util/per-process.js';

/**
 * A run of TraceEvents packed for a trip between threads: numbers in one Float64Array, strings
 * as indexes into a table where a string a process repeats is stored once per batch. Posting it
 * copies two buffers (transferred, not copied) and the table, where posting the events themselves
 * would serialize every property name and every repeated host, correlation ID and path of every
 * event.
 */
export interface EventBatch {
  count: number;
  numbers: Float64Array;
  strings: Int32Array;
  table: string[];
}

// Numbers per event; NaN stands for a field the event does not have.
const TIME = 0;
const PID = 1;
const SEQ = 2;
const LINE = 3;
const ATTEMPT = 4;
const DELAY = 5;
const DURATION = 6;
/** The event name's index, willRetry, status and access in one number (see `flagsOf`). */
const FLAGS = 7;
const NUMBERS = 8;

// String slots per event; -1 stands for a field the event does not have.
const HOST = 0;
const CORRELATION_ID = 1;
const TEMP_PATH = 2;
const TARGET_PATH = 3;
const ERROR_CODE = 4;
const ERROR_MESSAGE = 5;
const INPUT = 6;
const STRINGS = 7;

const EVENT_INDEX: ReadonlyMap<EventName, number> = new Map(EVENT_NAMES.map((name, i) => [name, i]));
const STATUS = [undefined, 'ok', 'failed'] as const;
const ACCESS = [undefined, 'read', 'write'] as const;

/**
 * The last string of each slot a process wrote, with its index in the current batch's table.
 * A process repeats its host, input and correlation ID from event to event, and a path over a
 * create, an attempt and a success: found here by comparing strings. A string not found here is
 * added to the table even if another process added it already: a Map to find those hashed every
 * fresh string (a tenth of the reading thread's time went to packing), for a few duplicates per
 * batch (a host's name once per process, a path two processes share).
 */
class ProcessRefs {
  batch = -1;
  readonly text: (string | undefined)[] = new Array<string | undefined>(STRINGS).fill(undefined);
  readonly refs = new Int32Array(STRINGS);
}

/** Packs events into batches of up to `capacity`; `take` hands the current one over and starts anew. */
export class BatchWriter {
  count = 0;
  private numbers: Float64Array;
  private strings: Int32Array;
  private table: string[] = [];
  /** Batches handed over so far: a process's remembered refs are good for one batch only. */
  private batches = 0;
  private readonly byPid = new PerProcess(() => new ProcessRefs());
  /** Buffers of batches handed back by the reader (`recycle`), for the next batches. */
  private readonly spare: { numbers: ArrayBuffer; strings: ArrayBuffer }[] = [];

  constructor(readonly capacity: number) {
    this.numbers = new Float64Array(capacity * NUMBERS);
    this.strings = new Int32Array(capacity * STRINGS);
  }

  /**
   * Gives back the buffers of a batch that was read, so that batches reuse a few buffers instead
   * of allocating new ones: outside the heap, freed buffers wait for a garbage collection that a
   * small heap does not hurry, and on a gigabyte they added up to tens of MiB.
   */
  recycle(numbers: ArrayBuffer, strings: ArrayBuffer): void {
    if (numbers.byteLength === this.capacity * NUMBERS * 8 && strings.byteLength === this.capacity * STRINGS * 4) {
      this.spare.push({ numbers, strings });
    }
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  add(e: TraceEvent): void {
    const n = this.count * NUMBERS;
    const s = this.count * STRINGS;
    const numbers = this.numbers;
    const strings = this.strings;
    numbers[n + TIME] = e.time;
    numbers[n + PID] = e.pid;
    numbers[n + SEQ] = e.seq;
    numbers[n + LINE] = e.source.line;
    numbers[n + ATTEMPT] = e.attempt ?? Number.NaN;
    numbers[n + DELAY] = e.delayMs ?? Number.NaN;
    numbers[n + DURATION] = e.durationMs ?? Number.NaN;
    numbers[n + FLAGS] = flagsOf(e);
    const row = this.rowOf(e.pid);
    strings[s + HOST] = this.ref(row, HOST, e.host);
    strings[s + CORRELATION_ID] = this.ref(row, CORRELATION_ID, e.correlationId);
    strings[s + TEMP_PATH] = this.ref(row, TEMP_PATH, e.tempPath);
    strings[s + TARGET_PATH] = this.ref(row, TARGET_PATH, e.targetPath);
    strings[s + ERROR_CODE] = this.ref(row, ERROR_CODE, e.errorCode);
    strings[s + ERROR_MESSAGE] = this.ref(row, ERROR_MESSAGE, e.errorMessage);
    strings[s + INPUT] = this.ref(row, INPUT, e.source.input);
    this.count++;
  }

  /** The process's last strings, emptied if they belong to an earlier batch. */
  private rowOf(pid: number): ProcessRefs {
    const row = this.byPid.of(pid);
    if (row.batch !== this.batches) {
      row.batch = this.batches;
      row.text.fill(undefined);
    }
    return row;
  }

  /** The batch so far (its buffers are the caller's now: transfer them). */
  take(): EventBatch {
    const batch: EventBatch = {
      count: this.count,
      numbers: this.numbers.subarray(0, this.count * NUMBERS),
      strings: this.strings.subarray(0, this.count * STRINGS),
      table: this.table,
    };
    this.count = 0;
    this.batches++;
    const spare = this.spare.pop();
    this.numbers = spare ? new Float64Array(spare.numbers) : new Float64Array(this.capacity * NUMBERS);
    this.strings = spare ? new Int32Array(spare.strings) : new Int32Array(this.capacity * STRINGS);
    this.table = [];
    return batch;
  }

  private ref(row: ProcessRefs, slot: number, text: string | undefined): number {
    if (text === undefined) return -1;
    // Usually the very same string object (ingest shares a process's repeats): no hashing.
    if (row.text[slot] === text) return row.refs[slot] as number;
    const ref = this.table.push(text) - 1;
    row.text[slot] = text;
    row.refs[slot] = ref;
    return ref;
  }
}

/**
 * Calls `onEvent` with every event of `batch`, rebuilt as the TraceEvent it was, with every field
 * (undefined where it had none): one hidden class for all, as toTraceEvent makes them.
 */
export function readBatch(batch: EventBatch, onEvent: (event: TraceEvent) => void): void {
  const { count, numbers, strings, table } = batch;
  for (let i = 0; i < count; i++) {
    const n = i * NUMBERS;
    const s = i * STRINGS;
    const flags = numbers[n + FLAGS] as number;
    const tempPath = strings[s + TEMP_PATH] as number;
    const targetPath = strings[s + TARGET_PATH] as number;
    const attempt = numbers[n + ATTEMPT] as number;
    const errorCode = strings[s + ERROR_CODE] as number;
    const errorMessage = strings[s + ERROR_MESSAGE] as number;
    const willRetry = (flags >> 3) & 3;
    const delayMs = numbers[n + DELAY] as number;
    const durationMs = numbers[n + DURATION] as number;
    onEvent({
      time: numbers[n + TIME] as number,
      host: table[strings[s + HOST] as number] as string,
      pid: numbers[n + PID] as number,
      seq: numbers[n + SEQ] as number,
      event: EVENT_NAMES[flags & 7] as EventName,
      correlationId: table[strings[s + CORRELATION_ID] as number] as string,
      source: { input: table[strings[s + INPUT] as number] as string, line: numbers[n + LINE] as number },
      tempPath: tempPath >= 0 ? table[tempPath] : undefined,
      targetPath: targetPath >= 0 ? table[targetPath] : undefined,
      attempt: attempt === attempt ? attempt : undefined,
      errorCode: errorCode >= 0 ? table[errorCode] : undefined,
      errorMessage: errorMessage >= 0 ? table[errorMessage] : undefined,
      willRetry: willRetry !== 0 ? willRetry === 2 : undefined,
      delayMs: delayMs === delayMs ? delayMs : undefined,
      durationMs: durationMs === durationMs ? durationMs : undefined,
      status: STATUS[(flags >> 5) & 3],
      access: ACCESS[(flags >> 7) & 3],
    });
  }
}

/** Bits 0-2 the event name, 3-4 willRetry (0 absent, 1 false, 2 true), 5-6 status, 7-8 access. */
function flagsOf(e: TraceEvent): number {
  const willRetry = e.willRetry === undefined ? 0 : e.willRetry ? 2 : 1;
  const status = e.status === undefined ? 0 : e.status === 'ok' ? 1 : 2;
  const access = e.access === undefined ? 0 : e.access === 'read' ? 1 : 2;
  return (EVENT_INDEX.get(e.event) ?? 0) | (willRetry << 3) | (status << 5) | (access << 7);
}

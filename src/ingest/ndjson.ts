import type { AdapterDefinition, LineResult } from './adapter.js';
import { EVENT_NAMES, type EventName, type TraceEvent } from '../types.js';
import { describeErrors, validateEvent } from '../schema/validators.js';
import { toEpochMs } from './time.js';
import { isBlank } from './blank.js';
import { surelyValid } from '../schema/event-shape.js';
import { RecentStrings } from './recent-strings.js';
import { toTraceEvent } from './trace-event.js';

// The canonical (internalized) name strings: detectors compare e.event against literals, and
// identical strings compare by pointer rather than by characters.
const EVENT_BY_NAME: ReadonlyMap<string, EventName> = new Map(EVENT_NAMES.map((name) => [name, name]));
// Shared results: the two common buckets allocate nothing per line.
const EVENT: LineResult = { bucket: 'event' };
const OTHER: LineResult = { bucket: 'other' };

/**
 * Reads NDJSON lines one at a time. After `read`, `parsed` holds the line's JSON object (if it
 * was one) and `event` the racetrace event (if it was a valid one). `racetrace merge` passes
 * `buildEvents` false: it needs only the verdict and `parsed` (for an event, `parsed.time` is then
 * epoch milliseconds and `parsed.seq` filled in), not a TraceEvent per line.
 */
export class NdjsonReader {
  parsed: Record<string, unknown> | undefined;
  event: TraceEvent | undefined;

  private readonly recent = new RecentStrings();

  constructor(
    private readonly input: string,
    private readonly buildEvents = true,
  ) {}

  read(text: string, lineNo: number): LineResult {
    this.parsed = undefined;
    this.event = undefined;
    if (isBlank(text)) return OTHER;
    // Every line is parsed, even one without `"event"` in it: only a full parse tells an ordinary
    // JSON line (other) from a torn one (invalid), and JSON.parse is the cheapest full check there is.
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { bucket: 'invalid', reason: `not JSON (${jsonReason(error)})` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return OTHER;
    const obj = value as Record<string, unknown>;
    this.parsed = obj;
    const raw = obj['event'];
    const name = typeof raw === 'string' ? EVENT_BY_NAME.get(raw) : undefined;
    if (name === undefined || obj['correlationId'] === undefined) return OTHER;
    const time = obj['time'];
    if (typeof time === 'string') {
      const ms = toEpochMs(time);
      if (ms === undefined) {
        return { bucket: 'invalid', reason: '/time must be epoch milliseconds or an ISO-8601 date' };
      }
      obj['time'] = ms;
    }
    if (obj['seq'] === undefined) obj['seq'] = lineNo;
    // surelyValid only ever shortcuts to "valid"; ajv decides (and explains) everything else.
    if (!surelyValid(obj, name) && !validateEvent(obj)) {
      return { bucket: 'invalid', reason: describeErrors(validateEvent.errors) };
    }
    if (!this.buildEvents) return EVENT;
    this.event = toTraceEvent(obj, name, { input: this.input, line: lineNo }, this.recent);
    return this.event === undefined ? { bucket: 'invalid', reason: 'does not match the schema' } : EVENT;
  }
}

/** V8 quotes the offending text in its message; the diagnostic already points at the line. */
function jsonReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, ".*" is not valid JSON$/s, '').slice(0, 160);
}

/** pino / racetrace NDJSON: one JSON object per line (schemas/event.schema.json). */
export const ndjson: AdapterDefinition = {
  format: 'ndjson',
  recognises: (line) => line.trimStart().startsWith('{'),
  create(context) {
    const reader = new NdjsonReader(context.input);
    return {
      line(text, lineNo, emit) {
        const result = reader.read(text, lineNo);
        if (reader.event !== undefined) emit(reader.event);
        return result;
      },
      end() {},
    };
  },
};

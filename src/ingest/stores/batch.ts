import type { AdapterContext, Emit, LineAdapter, LineResult } from '../adapter.js';
import { isBlank } from '../blank.js';
import { parseJson, type JsonObject } from './lookup.js';
import { normaliseRecord, type RecordHints } from './record.js';
import { RecentStrings } from '../recent-strings.js';

/** One record a store line holds, with what its wrapper knows about it. */
export interface StoreRecord {
  value: JsonObject;
  hints: RecordHints;
}

/**
 * What a store format does with one parsed line: the records it holds, or why the line is not
 * of this format (`invalid`). Records that are not objects are reported as strings (reasons).
 */
export type Unwrap = (line: unknown) => { records: (StoreRecord | string)[] } | { invalid: string };

const OTHER: LineResult = { bucket: 'other' };
const EVENT: LineResult = { bucket: 'event' };

/**
 * The LineAdapter every store format shares. A line may hold many records (an OTLP batch, an
 * Elasticsearch response): the line counts as an event when at least one event came out of it,
 * else invalid when a record was invalid, else other. Invalid records inside a line that also
 * gave events cannot have a line of their own in the accounting, so they are counted and named
 * in one note at the end of the input.
 */
export function storeAdapter(context: AdapterContext, unwrap: Unwrap): LineAdapter {
  // Records without a seq of their own are numbered in input order: that keeps the merge's
  // (time, host, pid, seq) order stable for records that share a time.
  let counter = 0;
  let skipped = 0;
  let firstSkip = '';
  let fromTrace = 0;
  const recent = new RecentStrings();
  return {
    line(text, lineNo, emit: Emit): LineResult {
      if (isBlank(text)) return OTHER;
      const parsed = parseJson(text);
      if (parsed.error !== undefined) return { bucket: 'invalid', reason: parsed.error };
      const unwrapped = unwrap(parsed.value);
      if ('invalid' in unwrapped) return { bucket: 'invalid', reason: unwrapped.invalid };
      const { records } = unwrapped;
      const source = { input: context.input, line: lineNo };
      let events = 0;
      const reasons: string[] = [];
      records.forEach((record, index) => {
        const where = records.length > 1 ? `record ${index + 1} of ${records.length}: ` : '';
        if (typeof record === 'string') {
          reasons.push(`${where}${record}`);
          return;
        }
        const result = normaliseRecord(record.value, record.hints, ++counter, source, recent);
        if (result.bucket === 'event') {
          events++;
          if (result.fromTrace) fromTrace++;
          emit(result.event);
        } else if (result.bucket === 'invalid') {
          reasons.push(`${where}${result.reason}`);
        }
      });
      if (events > 0) {
        if (reasons.length > 0 && skipped === 0) firstSkip = `line ${lineNo}, ${reasons[0]}`;
        skipped += reasons.length;
        return EVENT;
      }
      return reasons.length > 0 ? { bucket: 'invalid', reason: reasons[0] ?? 'invalid' } : OTHER;
    },
    end() {
      const name = context.input;
      if (skipped > 0) {
        context.addNote(
          `${name}: ${skipped} record${skipped === 1 ? '' : 's'} inside lines that also held valid events broke the event schema and ${skipped === 1 ? 'was' : 'were'} skipped (first: ${firstSkip}); run racetrace validate on an export with one record per line to see each.`,
        );
      }
      if (fromTrace > 0) {
        context.addNote(
          `${name}: ${fromTrace} event${fromTrace === 1 ? '' : 's'} had no correlationId and ${fromTrace === 1 ? 'was' : 'were'} grouped by OpenTelemetry trace id instead.`,
        );
      }
    },
  };
}

import { RacetraceError } from '../../errors.js';
import { clickHouseQuery } from './http.js';
import { quoteIdentifier, quoteString } from './sql.js';
import type { ClickHouseTable } from './url.js';

/** The event fields read from the table, in output order (`time` first: see rows.ts). */
export const EVENT_COLUMNS = [
  'time', 'hostname', 'pid', 'seq', 'event', 'correlationId', 'tempPath', 'targetPath', 'attempt',
  'errorCode', 'errorMessage', 'willRetry', 'delayMs', 'durationMs', 'status', 'access',
  'trace_id', 'span_id', 'level', 'msg',
] as const;

const REQUIRED = ['time', 'hostname', 'pid', 'event', 'correlationId'] as const;
/** Boolean event fields: ClickHouse 18 has no Bool, so they are stored as UInt8. */
export const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set(['willRetry']);

/** What the query needs to know about the table: which event fields it has and their types. */
export interface TableLayout {
  /** Event field -> ClickHouse type, for the fields the table has. */
  columns: Map<string, string>;
  /** The SQL expression giving `time` as epoch milliseconds (Float64). */
  timeExpression: string;
}

/**
 * Asks the server for the table's columns (this is also the check that the server answers and
 * the table exists, before anything is read) and decides how to read `time`. Throws
 * RacetraceError when a required field is missing or `time` has a type that is not a time.
 */
export async function readLayout(target: ClickHouseTable): Promise<TableLayout> {
  const sql = `SELECT name, type FROM system.columns WHERE database = ${quoteString(target.database)} ` +
    `AND table = ${quoteString(target.table)} FORMAT JSONEachRow`;
  const text = await (await clickHouseQuery(target, sql)).text();
  const columns = new Map<string, string>();
  const wanted: ReadonlySet<string> = new Set(EVENT_COLUMNS);
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const row: unknown = JSON.parse(line);
    if (typeof row !== 'object' || row === null) continue;
    const { name, type } = row as Record<string, unknown>;
    if (typeof name === 'string' && typeof type === 'string' && wanted.has(name)) columns.set(name, type);
  }
  if (columns.size === 0) {
    // system.columns answers for a missing table with no rows rather than an error.
    await clickHouseQuery(target, `SELECT 1 FROM ${quoteIdentifier(target.database)}.${quoteIdentifier(target.table)} LIMIT 0`);
  }
  const missing = REQUIRED.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    throw new RacetraceError(
      'INPUT_UNREADABLE',
      `ClickHouse table ${target.database}.${target.table} has no column ${missing.join(', ')}: store the event fields as columns, as docs/log-stores.md shows.`,
      { details: { input: target.name, missing } },
    );
  }
  return { columns, timeExpression: timeExpression(target, columns.get('time') ?? '') };
}

/** `time` as epoch ms whatever its type: a number of ms, a DateTime (s) or a DateTime64. */
function timeExpression(target: ClickHouseTable, type: string): string {
  const bare = type.replace(/^(?:Nullable|LowCardinality)\((.*)\)$/, '$1');
  if (/^(?:Float|U?Int|Decimal)/.test(bare)) return 'toFloat64(`time`)';
  // toFloat64 of a DateTime is its epoch seconds; of a DateTime64, seconds with the fraction.
  if (/^DateTime(?:64)?(?:\(|$)/.test(bare)) return 'toFloat64(`time`) * 1000';
  throw new RacetraceError(
    'INPUT_UNREADABLE',
    `Column time of ${target.database}.${target.table} is ${type}: store it as Float64 epoch milliseconds or DateTime64(3), as docs/log-stores.md shows.`,
    { details: { input: target.name, type } },
  );
}

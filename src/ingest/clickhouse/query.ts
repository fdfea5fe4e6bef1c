import { EVENT_NAMES } from '../../types.js';
import type { IngestOptions } from '../adapter.js';
import { EVENT_COLUMNS, type TableLayout } from './columns.js';
import { numberLiteral, quoteIdentifier, quoteString } from './sql.js';
import type { ClickHouseTable } from './url.js';

/**
 * The one query an analysis sends: only racetrace events, only the event fields, only the time
 * window, sorted by the server in the merge's own order (time, host, pid, seq), as NDJSON.
 *
 * --since/--until apply to corrected times (after --skew), so the window pushed down is widened
 * by the largest correction either way; the exact cut is made after the correction, in the merge.
 */
export function buildQuery(target: ClickHouseTable, layout: TableLayout, options: Partial<IngestOptions> = {}): string {
  const select = EVENT_COLUMNS.filter((name) => layout.columns.has(name)).map((name) =>
    name === 'time' ? `${layout.timeExpression} AS \`time\`` : quoteIdentifier(name));
  const where = [`\`event\` IN (${EVENT_NAMES.map(quoteString).join(', ')})`];
  const corrections = Object.values(options.skew ?? {}).filter(Number.isFinite);
  const earliest = Math.min(0, ...corrections);
  const latest = Math.max(0, ...corrections);
  // `time` here is the alias above: epoch ms whatever the column's type.
  if (options.since !== undefined) where.push(`\`time\` >= ${numberLiteral(options.since - latest)}`);
  if (options.until !== undefined) where.push(`\`time\` < ${numberLiteral(options.until - earliest)}`);
  const order = ['time', 'hostname', 'pid', 'seq'].filter((name) => layout.columns.has(name)).map(quoteIdentifier);
  return [
    `SELECT ${select.join(', ')}`,
    `FROM ${quoteIdentifier(target.database)}.${quoteIdentifier(target.table)}`,
    `WHERE ${where.join(' AND ')}`,
    `ORDER BY ${order.join(', ')}`,
    'FORMAT JSONEachRow',
  ].join('\n');
}

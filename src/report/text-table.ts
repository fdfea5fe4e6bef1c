import Table from 'cli-table3';
import { paint } from './ansi.js';

/**
 * A cli-table3 table with its own colouring switched off: cli-table3 paints headers red and
 * borders grey by default, whatever the caller wants. Headers are painted here, and only when
 * colour is on. Cells must already be neutralised (see sanitize.ts).
 */
export function makeTable(
  head: string[],
  color: boolean,
  options: { colAligns?: ('left' | 'right')[]; colWidths?: number[]; compact?: boolean } = {},
): Table.Table {
  const { colAligns, colWidths, compact = false } = options;
  return new Table({
    head: head.map((title) => paint(title, 'bold', color)),
    // compact: no rule between rows, for lists of one-line rows.
    style: { head: [], border: [], compact },
    ...(colAligns ? { colAligns } : {}),
    ...(colWidths ? { colWidths } : {}),
  });
}

export type { Table };

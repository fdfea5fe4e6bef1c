/**
 * The exporter's CSV content: deterministic per (report, label, sheet), so tests can check every
 * byte, and carrying report, label and sheet on every row, so bytes written by another process
 * show up as wrong rows.
 */

/** Rows per write: the file is written in many chunks, as a real exporter streams query results. */
export const DEFAULT_ROWS_PER_CHUNK = 100;

function row(i: number, report: string, label: string, sheet: string): string {
  // A fixed pseudo-random amount, so rows differ in length like real data.
  const amount = ((i * 7919) % 100_003) / 100;
  return `${i},${report},${label},${sheet},${amount.toFixed(2)}\n`;
}

/** The file in chunks of `rowsPerChunk` rows; the first chunk starts with the header. */
export function* csvChunks(
  report: string, label: string, sheet: string, rows: number, rowsPerChunk = DEFAULT_ROWS_PER_CHUNK,
): Generator<string> {
  let chunk = 'row,report,label,sheet,amount\n';
  for (let i = 1; i <= rows; i++) {
    chunk += row(i, report, label, sheet);
    if (i % rowsPerChunk === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** The whole file as one string: what a correct export leaves at the target. */
export function csvText(report: string, label: string, sheet: string, rows: number): string {
  return [...csvChunks(report, label, sheet, rows)].join('');
}

/**
 * A GFM table from cells that are already escaped (mdText, mdCode with inTable). A cell must not
 * hold a raw newline, which would end the row: use `<br>` between lines (GitHub allows it there).
 */
export function mdTable(head: string[], rows: string[][], align?: ('left' | 'right')[]): string {
  const rule = head.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  const line = (cells: string[]): string => `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
  return [line(head), line(rule), ...rows.map(line)].join('\n');
}

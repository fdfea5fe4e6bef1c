/**
 * Wraps already neutralised text to a width for a table cell: at spaces where it can, hard inside
 * a word that is longer than the width (a long path must be shown whole, never cut off with `…`,
 * which is what cli-table3's own word wrap does to it).
 */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if ([...candidate].length <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while ([...line].length > width) {
      const chars = [...line];
      lines.push(chars.slice(0, width).join(''));
      line = chars.slice(width).join('');
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines.join('\n');
}

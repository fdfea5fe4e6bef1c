/**
 * Just enough of CommonMark/GFM to check the Markdown reporter's output the way GitHub reads it:
 * table rows split on unescaped `|`, and inline text split into code spans and the rest.
 */

/** The cells of a GFM table row: split on `|` not escaped by a backslash (cmark-gfm's rule). */
export function tableCells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/);
}

/** The lines of every GFM table in a document, grouped per table. */
export function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    if (!inFence && line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  if (current.length > 0) found.push(current);
  return found;
}

/**
 * Splits inline Markdown into code spans and text, honouring backslash escapes outside code
 * (`\`` is not a fence) and matching fences by length, as CommonMark does.
 */
export function inlineParts(text: string): { code: string[]; rest: string } {
  const code: string[] = [];
  let rest = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) {
      rest += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(text.slice(i))?.[0] ?? '`';
      const close = findRun(text, i + run.length, run.length);
      if (close >= 0) {
        code.push(text.slice(i + run.length, close));
        i = close + run.length;
        continue;
      }
      rest += run;
      i += run.length;
      continue;
    }
    rest += char;
    i += 1;
  }
  return { code, rest };
}

function findRun(text: string, from: number, length: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === length) return m.index;
  }
  return -1;
}

/** What a code span shows: one space stripped from each side when both sides have one. */
export function codeContent(raw: string): string {
  return /^ .* $/s.test(raw) && raw.trim() !== '' ? raw.slice(1, -1) : raw;
}

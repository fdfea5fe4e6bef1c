/**
 * strace's C-like string literals. strace prints path bytes between double quotes and escapes
 * what is not printable: `\"`, `\\`, `\n`, `\t`, `\r`, `\v`, `\f`, octal (`\123`, `\0`) and hex
 * (`\x41`; with `-xx` every byte is hex). A string cut short by `-s` ends in `"..."`.
 * Paths are bytes, so escapes are decoded to bytes first and then read as UTF-8.
 */

const SIMPLE: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, a: 7, b: 8, e: 27 };

export interface DecodedString {
  value: string;
  /** strace cut the string at `-s` bytes: the value is a prefix, unusable as a path. */
  truncated: boolean;
}

/**
 * Decodes one argument that starts with `"`. Returns undefined when it is not a complete literal
 * (a torn line), so the caller treats the call as unusable rather than guessing.
 */
export function decodeQuoted(text: string): DecodedString | undefined {
  if (!text.startsWith('"')) return undefined;
  const bytes: number[] = [];
  let i = 1;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') break;
    if (ch !== '\\') {
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) return undefined;
    if (next === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2, i + 4));
      if (!hex) return undefined;
      bytes.push(parseInt(hex[0], 16));
      i += 1 + hex[0].length;
    } else if (next >= '0' && next <= '7') {
      const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))![0];
      bytes.push(parseInt(oct, 8) & 0xff);
      i += oct.length;
    } else {
      bytes.push(SIMPLE[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  if (i >= text.length) return undefined;
  const rest = text.slice(i + 1).trim();
  return { value: Buffer.from(bytes).toString('utf8'), truncated: rest.startsWith('...') };
}

/** Decodes the inside of a `-y` annotation (`3</tmp/out>` gives `/tmp/out`), same escapes. */
export function decodeAnnotation(inner: string): string | undefined {
  return decodeQuoted(`"${inner}"`)?.value;
}

/**
 * Splits a call's argument text at top-level commas, keeping quoted strings, `{...}`, `[...]`,
 * `(...)` and `<...>` annotations (from `-y`) whole.
 */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === '\\') i++;
      else if (ch === '"') inQuote = false;
      continue;
    }
    if (ch === '\\') i++; // -y annotations escape quotes outside string literals: `3</a\"b>`
    else if (ch === '"') inQuote = true;
    else if (ch === '{' || ch === '[' || ch === '(' || ch === '<') depth++;
    else if (ch === '}' || ch === ']' || ch === ')' || ch === '>') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || args.length > 0) args.push(last);
  return args;
}

/**
 * Finds where a call's argument list closes: the index of the `)` that brings the nesting
 * `depth` (1 just after `name(`) back to 0, skipping quoted strings. -1 when the line is torn.
 */
export function findClose(text: string, depth = 1): number {
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === '\\') i++;
      else if (ch === '"') inQuote = false;
      continue;
    }
    if (ch === '\\') i++;
    else if (ch === '"') inQuote = true;
    else if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

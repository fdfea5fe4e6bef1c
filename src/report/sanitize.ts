/**
 * Untrusted text (paths, host names, messages read from logs) made safe for a terminal. A log line
 * is written by whoever can write the log, so it may carry escape sequences that recolour, move
 * the cursor, retitle the window or hide text (issue 7). Every character a terminal could act on
 * is shown as a visible escape instead: ESC becomes `\x1B`, a newline `\n`.
 */

// C0 and C1 controls, DEL, the bidi overrides and isolates (they reorder what the reader sees,
// "Trojan Source"), line/paragraph separators, BOM, and lone UTF-16 surrogates.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The visible escape for one unsafe character: `\n`, `\x1B`, `\u202E`. */
function visible(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  const hex = code.toString(16).toUpperCase();
  return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * Returns `text` with every control character, bidi override and lone surrogate replaced by a
 * visible escape, so printing it cannot change the terminal's state. Backslashes are left alone:
 * Windows paths stay readable, at the cost of `\n` being ambiguous with a literal backslash-n.
 */
export function neutralise(text: string): string {
  return text.replace(UNSAFE, visible);
}


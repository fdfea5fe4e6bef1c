import { neutralise } from './sanitize.js';

/**
 * Markdown escaping for text taken from logs, aimed at GitHub (GFM) and GitLab. Control characters
 * are first made visible (a raw newline would end a table row), then every character that could
 * start markup is backslash-escaped. CommonMark allows a backslash before any ASCII punctuation,
 * so the rendered text is exactly the original.
 */

// `<` `>` (raw HTML), `&` (entities), `|` (table cells), `` ` `` `*` `_` `~` `[` `]` (inline
// markup and links), `$` (GitHub math), `\` itself. Block markers (`#`, `-`, `1.`) only act at the
// start of a line, and escaped text never starts one.
const MARKUP = /[\\`*_~[\]<>&|$]/g;

/** Plain text for a paragraph or a table cell: renders as the literal characters. */
export function mdText(text: string): string {
  return neutralise(text).replace(MARKUP, '\\$&');
}

/**
 * An inline code span holding `text` literally (paths, IDs, `input:line`): GitHub does no
 * mentions, links or emphasis inside code. The fence is one backtick longer than the longest run
 * inside. `inTable` escapes `|`, which GFM splits cells on even inside code (and unescapes there).
 */
export function mdCode(text: string, inTable = false): string {
  let body = neutralise(text);
  if (body === '') return '` `';
  if (inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick (or a space) needs padding, which CommonMark strips
  // (but not from a span of spaces only).
  const pad = /^[`\s]|[`\s]$/.test(body) && body.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

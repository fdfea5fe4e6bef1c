import { escapeHtml } from '../html-escape.js';

/**
 * Small builders for the report's markup. Every cell and text given to them is already HTML:
 * callers escape what came from a log with `text` or `code`, never by hand.
 */

/** Untrusted text as HTML text. */
export function text(value: string): string {
  return escapeHtml(value);
}

/** Untrusted text in a code element (paths, IDs, input names). */
export function code(value: string): string {
  return `<code>${escapeHtml(value)}</code>`;
}

/** How a table is laid out: right-aligned `numeric` columns, a class, attributes per body row. */
export interface TableOptions {
  numeric?: readonly number[];
  cls?: string;
  /** Raw attribute text for each body row (trusted: built from numbers and fixed words). */
  rowAttrs?: readonly string[];
}

/** A table. Cells are HTML. */
export function table(head: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const numeric = options.numeric ?? [];
  const cell = (tag: string, html: string, i: number): string =>
    `<${tag}${numeric.includes(i) ? ' class="num"' : ''}>${html}</${tag}>`;
  const th = head.map((h, i) => cell('th', h, i)).join('');
  const body = rows
    .map((row, r) => `<tr${options.rowAttrs?.[r] ? ` ${options.rowAttrs[r]}` : ''}>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`)
    .join('\n');
  return `<table${options.cls ? ` class="${options.cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${title}</h2>\n${body}\n</section>`;
}

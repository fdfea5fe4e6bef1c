import type { Severity } from '../types.js';

/**
 * Plain SGR codes rather than node:util styleText: styleText decides colour itself from the
 * environment in newer Node versions, and the reporter must follow RenderOptions.color alone
 * (the CLI decides: a terminal, no NO_COLOR, no --out).
 */
const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

export type Style = keyof typeof CODES;

/** Wraps already neutralised text in a style when colour is on; returns it unchanged otherwise. */
export function paint(text: string, style: Style, color: boolean): string {
  if (!color || text === '') return text;
  const [open, close] = CODES[style];
  // Style each line on its own: table cells are split into lines and padded separately.
  return text
    .split('\n')
    .map((line) => `\u001b[${open}m${line}\u001b[${close}m`)
    .join('\n');
}

export const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

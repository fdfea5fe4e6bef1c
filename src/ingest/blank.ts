/** True for an empty or whitespace-only line (such lines count as `other`). */
export function isBlank(text: string): boolean {
  // Most lines start with `{`: one char code check keeps this off the hot path.
  return text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim().length === 0);
}

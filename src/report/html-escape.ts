/**
 * HTML escaping for text taken from logs. A path such as `<img src=x onerror=alert(1)>` must be
 * shown, never parsed (issue 6). Escapes the five characters that matter in text and in quoted
 * attribute values, so the result is safe in either place.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

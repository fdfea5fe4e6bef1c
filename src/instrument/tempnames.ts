/** How many digits the sheet index gets: 4 keeps sheet order in a plain listing up to 9999 sheets. */
const INDEX_WIDTH = 4;
/** Bytes kept of the name: room for the index, the dash and `.tmp` under the usual 255-byte limit. */
const MAX_NAME = 200;

/**
 * A temp file name inside a work folder: `tempName(3, 'sales.csv')` is `0003-sales.csv.tmp`.
 * The zero-padded index makes a listing sort in sheet order. Characters that are unsafe in a file
 * name on Windows or POSIX (separators, control characters, `<>:"|?*`) become `_`, and a name
 * that would be hidden or special (`.`, `..`, leading dots) is made plain.
 */
export function tempName(index: number, name: string): string {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`tempName index must be a whole number >= 0 (got ${index})`);
  }
  let safe = name.replace(/[\u0000-\u001f\u007f/\\<>:"|?*]/g, '_').replace(/^[.\s]+/, '');
  safe = truncateBytes(safe, MAX_NAME).replace(/[.\s]+$/, '');
  if (safe === '') safe = 'sheet';
  return `${String(index).padStart(INDEX_WIDTH, '0')}-${safe}.tmp`;
}

/** Cuts `text` to at most `max` UTF-8 bytes without splitting a character. */
function truncateBytes(text: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > max) break;
    out += char;
  }
  return out;
}

import { codeOf } from './folders.js';

/** One clause for InputStats.error: why an input could not be read to its end. */
export function describeReadError(error: unknown): string {
  const code = codeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'Z_BUF_ERROR':
      return 'the gzip data ends early (the file was cut short)';
    case 'Z_DATA_ERROR':
      return `the gzip data is corrupt (${detail})`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EISDIR':
      return 'it is a folder that could not be searched (EISDIR)';
    case 'EIO':
      return 'the disk reported a read error (EIO)';
    default:
      return code === detail ? code : `${code}: ${detail}`;
  }
}

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
    case 'ELOOP':
      return 'it is a loop of symbolic links (ELOOP)';
    case 'ENOENT':
      return 'it was deleted before it could be read (ENOENT)';
    case 'INPUT_UNREADABLE':
      // racetrace's own sentence (a file that shrank while read).
      return detail;
    default:
      // Node's messages already start with the code (`ENXIO: no such device...`).
      return code === detail || detail.startsWith(`${code}:`) ? detail : `${code}: ${detail}`;
  }
}

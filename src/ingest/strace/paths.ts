import { posix } from 'node:path';
import { decodeAnnotation, decodeQuoted } from './strings.js';

/**
 * Path arguments and which paths can never be part of a rename race. Every process opens
 * /dev/null, shared libraries, locale files and /proc; flagging them would bury real findings
 * (issue 4: false flags cost as much as misses).
 */

const IGNORED_PREFIXES = ['/proc/', '/sys/', '/lib/', '/lib32/', '/lib64/', '/usr/lib/', '/usr/lib32/',
  '/usr/lib64/', '/usr/share/locale/', '/usr/share/i18n/', '/etc/ld.so.'];
const IGNORED_EXACT = new Set(['/proc', '/sys', '/dev', '/etc/localtime']);
const SHARED_LIBRARY = /\.so(?:\.[0-9]+)*$/;

/** True for paths no race detector should see: devices, kernel files, libraries, locales. */
export function isIgnoredPath(path: string): boolean {
  // /dev/shm is a tmpfs where programs keep ordinary files (and cross-device moves start).
  if (path.startsWith('/dev/')) return !path.startsWith('/dev/shm/');
  if (IGNORED_EXACT.has(path) || SHARED_LIBRARY.test(path)) return true;
  if (path.includes('/locale-archive') || path.includes('/gconv/')) return true;
  return IGNORED_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** A dirfd argument: `AT_FDCWD`, `AT_FDCWD</tmp/st>`, `3`, `3</tmp/out>` (`-y`). */
export interface DirRef {
  fd: 'cwd' | number;
  /** What `-y` says the descriptor is; absent without `-y`. */
  path?: string;
}

export function parseDirfd(arg: string | undefined): DirRef | undefined {
  if (arg === undefined) return undefined;
  const m = /^(AT_FDCWD|-?\d+)(?:<(.*)>)?$/s.exec(arg.trim());
  if (!m) return undefined;
  const ref: DirRef = { fd: m[1] === 'AT_FDCWD' ? 'cwd' : Number(m[1]) };
  if (m[2] !== undefined) {
    const path = decodeAnnotation(m[2]);
    if (path !== undefined) ref.path = path;
  }
  return ref;
}

/** A quoted path argument; undefined when it is not a whole string (torn, or cut by `-s`). */
export function parsePathArg(arg: string | undefined): string | undefined {
  if (arg === undefined) return undefined;
  const decoded = decodeQuoted(arg.trim());
  if (!decoded || decoded.truncated || decoded.value === '') return undefined;
  return decoded.value;
}

/** Joins a path onto the folder it is relative to, lexically (as the kernel sees `..` without symlinks). */
export function resolveAgainst(folder: string, path: string): string {
  return posix.resolve(folder, path);
}

/** The flag words of an argument such as `O_WRONLY|O_CREAT|O_TRUNC`. */
export function flagSet(arg: string | undefined): Set<string> {
  return new Set((arg ?? '').split('|').map((f) => f.trim()).filter((f) => f !== ''));
}

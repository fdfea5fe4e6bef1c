import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { byCodeUnits } from '../util/text-order.js';

/** The log files a folder may hold: `*.log`, `*.ndjson`, `*.jsonl`, each optionally `.gz`. */
export const LOG_FILE = /\.(?:log|ndjson|jsonl)(?:\.gz)?$/i;

/**
 * Every log file under `root`, recursively, sorted by path. Symlinks are followed, but a folder
 * already searched (a symlink loop, or two links to one folder) is skipped with a note, so a
 * loop ends. Folders that cannot be listed are skipped with a note too.
 */
export async function findLogFiles(root: string, note: (text: string) => void): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const pending: string[] = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    let id: string;
    try {
      const info = await stat(folder);
      id = `${info.dev}:${info.ino}`;
    } catch (error) {
      note(`${folder}: skipped, it could not be read (${codeOf(error)}).`);
      continue;
    }
    if (seen.has(id)) {
      note(`${folder}: skipped, it leads back to a folder already searched (a symlink loop?).`);
      continue;
    }
    seen.add(id);
    try {
      for await (const entry of await opendir(folder)) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) pending.push(path);
        else if (entry.isSymbolicLink()) await followLink(path, pending, found);
        else if (entry.isFile() && LOG_FILE.test(entry.name)) found.push(path);
      }
    } catch (error) {
      note(`${folder}: skipped, it could not be listed (${codeOf(error)}).`);
    }
  }
  return found.sort(byCodeUnits);
}

async function followLink(path: string, folders: string[], files: string[]): Promise<void> {
  try {
    const target = await stat(path);
    if (target.isDirectory()) folders.push(path);
    else if (target.isFile() && LOG_FILE.test(path)) files.push(path);
  } catch {
    // A dangling link is not an input the user named; it is simply not a log file.
  }
}

/** The errno code of a failed fs call (`ENOENT`), else its message. */
export function codeOf(error: unknown): string {
  if (error instanceof Error) {
    return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  }
  return String(error);
}

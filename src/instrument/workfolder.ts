import { join, resolve } from 'node:path';
import { errorCode, nodeFs, type FileSystem } from './fs.js';
import type { Tracer } from './tracer.js';

/** A folder of one export's temp files, inside the target folder. */
export interface WorkFolder {
  /** Absolute path of the folder. */
  readonly path: string;
  /** Reports each temp still in it as temp.delete, then removes it; safe to call twice. */
  remove(): Promise<void>;
}

/** The name prefix of every work folder; hidden on POSIX so listings of the output stay clean. */
export const WORK_FOLDER_PREFIX = '.racetrace-';

/**
 * Creates a unique work folder inside `targetDir`. Being in the target's folder keeps temp and
 * target on one filesystem, so the final rename is atomic and never EXDEV. The name carries the
 * start of the correlation ID (to tell whose it is) plus mkdtemp's random suffix (to be unique
 * even for two exports of one run).
 */
export async function createWorkFolder(targetDir: string, deps: { tracer: Tracer; fs?: FileSystem }): Promise<WorkFolder> {
  const fs = deps.fs ?? nodeFs;
  const tag = deps.tracer.correlationId.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 28);
  const path = await fs.mkdtemp(join(resolve(targetDir), `${WORK_FOLDER_PREFIX}${tag}-`));
  let removed = false;
  return {
    path,
    async remove() {
      if (removed) return;
      let leftovers: string[] = [];
      try {
        leftovers = await fs.readdir(path);
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
      for (const name of leftovers.sort()) deps.tracer.tempDelete({ tempPath: join(path, name) });
      await fs.rmdirRecursive(path);
      removed = true;
    },
  };
}

/**
 * Runs `work` with a fresh work folder and removes the folder afterwards, also when `work`
 * throws. A failure to remove never hides the error that `work` threw.
 */
export async function withWorkFolder<T>(
  targetDir: string, deps: { tracer: Tracer; fs?: FileSystem }, work: (folder: WorkFolder) => Promise<T>,
): Promise<T> {
  const folder = await createWorkFolder(targetDir, deps);
  let result: T;
  try {
    result = await work(folder);
  } catch (error) {
    await folder.remove().catch(() => undefined);
    throw error;
  }
  await folder.remove();
  return result;
}

import { errorCode, errorMessage } from '../../src/instrument/fs.js';
import type { ExportContext } from './context.js';
import { csvChunks } from './csv.js';
import { naiveTempPath, targetPath } from './paths.js';

/**
 * The exporter as the bug was reported: each sheet goes to a fixed temp name in a shared folder
 * (opened with truncation, no fsync), then one plain rename with no retry. Five of these at once
 * truncate each other's temps, write into files another process already renamed, and fail with
 * ENOENT when a temp was moved away under them. Events are emitted like safe mode's, so the
 * analyzer can see the race.
 */
export async function naiveExport(ctx: ExportContext): Promise<void> {
  const { action, tracer, fs } = ctx;
  for (const sheet of action.sheets) {
    const tempPath = naiveTempPath(ctx.tempDir, action.report, sheet.name);
    const target = targetPath(ctx.out, action.report, ctx.label, sheet.name);
    const file = await fs.open(tempPath, 'w');
    tracer.tempCreate({ tempPath, targetPath: target });
    try {
      for (const chunk of csvChunks(action.report, ctx.label, sheet.name, sheet.rows, ctx.rowsPerChunk)) {
        await file.write(chunk);
      }
    } finally {
      await file.close();
    }
    tracer.renameAttempt({ tempPath, targetPath: target, attempt: 1 });
    const started = performance.now();
    try {
      await fs.rename(tempPath, target);
    } catch (error) {
      tracer.renameFailure({
        tempPath, targetPath: target, attempt: 1,
        errorCode: errorCode(error) ?? 'UNKNOWN', errorMessage: errorMessage(error), willRetry: false,
      });
      throw error;
    }
    tracer.renameSuccess({ tempPath, targetPath: target, attempt: 1, durationMs: performance.now() - started });
  }
}

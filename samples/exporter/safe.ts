import { join } from 'node:path';
import { atomicWrite, tempName, withWorkFolder } from '../../src/index.js';
import type { ExportContext } from './context.js';
import { csvChunks } from './csv.js';
import { targetPath } from './paths.js';

/**
 * The exporter with racetrace's helpers: a work folder of its own inside the output folder,
 * ordered temp names, and an atomic move with retry for every sheet. The folder goes away when
 * the export ends, also when it fails.
 */
export async function safeExport(ctx: ExportContext): Promise<void> {
  const { action, tracer, fs } = ctx;
  await withWorkFolder(ctx.out, { tracer, fs }, async (folder) => {
    for (const [i, sheet] of action.sheets.entries()) {
      const target = targetPath(ctx.out, action.report, ctx.label, sheet.name);
      const tempPath = join(folder.path, tempName(i + 1, `${sheet.name}.csv`));
      const chunks = csvChunks(action.report, ctx.label, sheet.name, sheet.rows, ctx.rowsPerChunk);
      await atomicWrite(tempPath, target, chunks, { tracer, fs, retry: ctx.retry });
    }
  });
}

import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runExporters } from './exporter/spawn.js';

/**
 * Re-captures samples/naive-5 and samples/safe-5 from real runs of the sample exporter:
 * `npm run build && node dist/samples/capture.js`. Each folder gets the five processes' logs
 * and a CAPTURE.md that says how and when they were made.
 */
const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const action = join(samples, 'exporter', 'action.example.json');

for (const mode of ['naive', 'safe'] as const) {
  const folder = await mkdtemp(join(tmpdir(), `racetrace-capture-${mode}-`));
  const run = await runExporters({ procs: 5, mode, out: join(folder, 'out'), logDir: join(folder, 'logs'), tempDir: join(folder, 'shared-tmp'), action });
  const target = join(samples, `${mode}-5`);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const log of await readdir(join(folder, 'logs'))) await copyFile(join(folder, 'logs', log), join(target, basename(log)));
  await writeFile(
    join(target, 'CAPTURE.md'),
    `# ${mode}-5\n\nFive processes of the sample exporter (\`samples/exporter\`) started at once in **${mode}** mode ` +
      `with \`samples/exporter/action.example.json\`, captured by \`node dist/samples/capture.js\` on ${new Date().toISOString()}.\n\n` +
      `Exit codes of the five processes: ${run.exitCodes.join(', ')}.\n`,
  );
  await rm(folder, { recursive: true, force: true });
  process.stdout.write(`${mode}: exit codes ${run.exitCodes.join(',')}\n`);
}

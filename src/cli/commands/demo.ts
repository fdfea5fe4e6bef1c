import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import type { ReportFormat } from '../../report/index.js';
import { packageRoot } from '../../schema/paths.js';
import { exitCodeFor } from '../exit-code.js';
import { parsePositiveInteger } from '../options.js';
import { useColor, writeReport } from '../output.js';

export const command = 'demo';
export const describe = 'reproduce the race: run the sample exporter as concurrent processes, then analyze their logs';

export function builder(yargs: Argv) {
  return yargs
    .option('procs', { describe: 'how many exporter processes run at once', type: 'number', default: 5 })
    .option('mode', {
      describe: 'naive: the bug as reported (shared temp name, plain rename); safe: racetrace\'s fix',
      choices: ['naive', 'safe'] as const,
      default: 'naive' as const,
    })
    .option('faults', { describe: 'inject transient errors, e.g. rename=EBUSY:0.3 (RACETRACE_FAULTS)', type: 'string' })
    .option('format', { alias: 'f', choices: ['text', 'json', 'markdown', 'html'] as const, default: 'text' as const })
    .option('out', { alias: 'o', describe: 'write the report to this file instead of stdout', type: 'string' })
    .option('keep', { describe: 'keep the run\'s folder (logs and outputs) and print where it is', type: 'boolean', default: false })
    .example('$0 demo', 'five naive exporters at once: the race, found')
    .example('$0 demo --mode safe --faults rename=EBUSY:0.3', 'the fix, surviving injected EBUSY with retries');
}

interface DemoArgs {
  procs: number;
  mode: string;
  faults?: string | undefined;
  format: string;
  out?: string | undefined;
  keep: boolean;
}

/** `racetrace demo`: the original bug report's reproduction in one command. */
export async function demoCommand(argv: DemoArgs): Promise<number> {
  const procs = parsePositiveInteger('procs', argv.procs);
  const [{ analyze }, { render }, { parseFaults }, { runExporters }] = await Promise.all([
    import('../../analyze/index.js'),
    import('../../report/index.js'),
    import('../../instrument/faults.js'),
    import('../../../samples/exporter/spawn.js'),
  ]);
  if (argv.faults !== undefined) parseFaults(argv.faults);
  const mode = argv.mode === 'safe' ? 'safe' : 'naive';
  const folder = await mkdtemp(join(tmpdir(), 'racetrace-demo-'));
  try {
    const run = await runExporters({
      procs,
      mode,
      out: join(folder, 'out'),
      logDir: join(folder, 'logs'),
      tempDir: join(folder, 'shared-tmp'),
      action: join(packageRoot, 'samples', 'exporter', 'action.example.json'),
      // A demo with a permanent fault should end in seconds, not after the library's 60 s budget.
      ...(argv.faults === undefined ? {} : { faults: argv.faults, retry: { budgetMs: 5000 } }),
    });
    const failed = run.exitCodes.filter((code) => code !== 0).length;
    process.stderr.write(
      `racetrace demo: ran ${procs} exporter processes at once in ${mode} mode${argv.faults ? ` with faults ${argv.faults}` : ''}: ` +
        `${failed} of ${procs} exports failed. Their logs, analyzed:\n\n`,
    );
    const report = await analyze([join(folder, 'logs')]);
    await writeReport(render(report, argv.format as ReportFormat, { color: useColor(argv.out) }), argv.out);
    if (argv.keep) process.stderr.write(`racetrace demo: the run's logs and outputs are in ${folder}\n`);
    return exitCodeFor(report, 'error');
  } finally {
    if (!argv.keep) await rm(folder, { recursive: true, force: true });
  }
}

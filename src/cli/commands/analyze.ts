import type { Argv } from 'yargs';
import type { ReportFormat } from '../../report/index.js';
import { RacetraceError } from '../../errors.js';
import { exitCodeFor, type FailOn } from '../exit-code.js';
import { ingestOptionsFrom, inputsOrStdin, withIngestFlags, type IngestFlagValues } from '../flags.js';
import { parseDurationFlag, parsePositiveInteger, parseRegexFlag } from '../options.js';
import { useColor, writeReport } from '../output.js';
import { reportInputErrors } from '../input-errors.js';
import { startProgress } from '../progress.js';
import type { IngestThreadMode } from '../../merge/ingest-thread/wants.js';

export const command = 'analyze [inputs..]';
export const describe = 'merge the logs of many processes and report rename races';

export function builder(yargs: Argv) {
  return withIngestFlags(yargs)
    .option('format', {
      alias: 'f',
      describe: 'report format',
      choices: ['text', 'json', 'markdown', 'html'] as const,
      default: 'text' as const,
    })
    .option('out', { alias: 'o', describe: 'write the report to this file instead of stdout', type: 'string' })
    .option('fail-on', {
      describe: 'exit 1 when a finding is at least this severe',
      choices: ['error', 'warning', 'info', 'none'] as const,
      default: 'error' as const,
    })
    .option('correlation-id', { describe: 'tell the story of one export across every process', type: 'string' })
    .option('storm-threshold', { describe: 'retried failures within --storm-window that make a retry storm', type: 'number', default: 10 })
    .option('storm-window', { describe: 'retry-storm window (ms)', type: 'string', default: '1000' })
    .option('threads', {
      describe: 'read and analyze on two worker threads (auto: with 2+ cores and 32 MiB+ of files)',
      choices: ['auto', 'on', 'off'] as const,
      default: 'auto' as const,
    })
    .option('redact', { describe: 'replace user names, host names and --redact-pattern matches in the report', type: 'boolean', default: false })
    .option('redact-pattern', { describe: 'a regular expression to redact (repeatable); implies --redact', type: 'string', array: true })
    .example('$0 analyze logs/', 'analyze every log in a folder')
    .example('$0 analyze a.log b.log.gz --format markdown --out report.md', 'a report for a bug ticket')
    .example('cat *.log | $0 analyze --format json', 'read from stdin');
}

interface AnalyzeArgs extends IngestFlagValues {
  format: string;
  out?: string | undefined;
  failOn: string;
  correlationId?: string | undefined;
  stormThreshold: number;
  stormWindow: string;
  threads: string;
  redact: boolean;
  redactPattern?: string[] | undefined;
}

/** `racetrace analyze`: returns the exit code. */
export async function analyzeCommand(argv: AnalyzeArgs): Promise<number> {
  const inputs = inputsOrStdin(argv.inputs);
  if (inputs.length === 0) {
    throw new RacetraceError('USAGE', 'No input given: name log files or folders, or pipe a log into racetrace analyze.');
  }
  const patterns = (argv.redactPattern ?? []).map((p) => parseRegexFlag('redact-pattern', p));
  // Loaded here, not at start-up: `racetrace --help` and `emit` need none of it. The report
  // modules are loaded once the analysis is over, when its threads have given their memory back.
  const { analyzeOnThreads } = await import('../../analyze/thread/index.js');
  const { progress, stop } = startProgress();
  let report = await analyzeOnThreads(inputs, {
    ...ingestOptionsFrom(argv),
    progress,
    timeline: argv.format === 'html',
    stormThreshold: parsePositiveInteger('storm-threshold', argv.stormThreshold),
    stormWindowMs: parseDurationFlag('storm-window', argv.stormWindow),
    correlationId: argv.correlationId,
    threads: argv.threads as IngestThreadMode,
  }).finally(stop);
  const [{ render }, { redactReport }] = await Promise.all([import('../../report/index.js'), import('../../report/redact.js')]);
  if (argv.redact || patterns.length > 0) report = redactReport(report, { patterns });
  reportInputErrors(report.inputs);
  await writeReport(render(report, argv.format as ReportFormat, { color: useColor(argv.out) }), argv.out);
  return exitCodeFor(report, argv.failOn as FailOn);
}

import type { Argv } from 'yargs';
import type { IngestOptions, InputFormat } from '../ingest/adapter.js';
import { parseDurationFlag, parsePositiveInteger, parseTimeFlag } from './options.js';
import { restoreDash } from './dash.js';
import { parseSkew } from '../merge/skew.js';

/** Flags every reading command shares (analyze, merge, validate). */
export function withIngestFlags<T>(yargs: Argv<T>) {
  return yargs
    .positional('inputs', {
      describe: 'log files, folders (searched for *.log, *.ndjson, *.jsonl, optionally .gz), - for stdin, or clickhouse://host:8123/db.table',
      type: 'string',
      array: true,
    })
    .option('input-format', {
      describe: 'how to read the inputs',
      choices: ['auto', 'ndjson', 'strace', 'loki', 'elasticsearch', 'otlp', 'ecs'] as const,
      default: 'auto' as const,
    })
    .option('reorder-window', {
      describe: 'how late (ms) a line may arrive within one input and still be put in order',
      type: 'string',
      default: '2000',
    })
    .option('since', { describe: 'only events at or after this time (ISO-8601, UTC unless it has an offset; or epoch ms)', type: 'string' })
    .option('until', { describe: 'only events before this time (same forms as --since)', type: 'string' })
    .option('skew', {
      describe: 'a host\'s clock correction, added to its times before ordering: host=+12ms (repeatable; s, ms, us)',
      type: 'string',
    })
    .option('max-line-bytes', { describe: 'longer lines are counted invalid', type: 'number', default: 1024 * 1024 })
    .option('cwd', { describe: 'strace: the traced command\'s starting folder, when the trace does not show it', type: 'string' })
    .option('group-by', {
      describe: 'strace: one unit of work per process tree or per pid',
      choices: ['tree', 'pid'] as const,
      default: 'tree' as const,
    });
}

export interface IngestFlagValues {
  inputs?: string[] | undefined;
  inputFormat: string;
  reorderWindow: string;
  since?: string | undefined;
  until?: string | undefined;
  maxLineBytes: number;
  cwd?: string | undefined;
  groupBy: string;
  /** Repeated `--skew` flags arrive as an array. */
  skew?: string | string[] | undefined;
}

export function ingestOptionsFrom(argv: IngestFlagValues): Partial<IngestOptions> {
  const options: Partial<IngestOptions> = {
    inputFormat: argv.inputFormat as InputFormat,
    reorderWindowMs: parseDurationFlag('reorder-window', argv.reorderWindow),
    maxLineBytes: parsePositiveInteger('max-line-bytes', argv.maxLineBytes),
    groupBy: argv.groupBy === 'pid' ? 'pid' : 'tree',
  };
  const since = parseTimeFlag('since', argv.since);
  const until = parseTimeFlag('until', argv.until);
  if (since !== undefined) options.since = since;
  if (until !== undefined) options.until = until;
  if (argv.cwd !== undefined) options.cwd = argv.cwd;
  if (argv.skew !== undefined) options.skew = parseSkew(([] as string[]).concat(argv.skew));
  return options;
}

/** No inputs and a piped stdin means stdin, like `cat *.log | racetrace analyze`. */
export function inputsOrStdin(inputs: string[] | undefined): string[] {
  if (inputs && inputs.length > 0) return inputs.map(restoreDash);
  return process.stdin.isTTY ? [] : ['-'];
}

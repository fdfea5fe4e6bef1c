import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { RacetraceError, type RetryPolicy } from '../../src/index.js';
import { DEFAULT_ROWS_PER_CHUNK } from './csv.js';

export type Mode = 'naive' | 'safe';

/** The exporter's command line, checked. */
export interface ExporterOptions {
  action: string;
  out: string;
  mode: Mode;
  /** NDJSON event log; undefined means stdout. */
  log: string | undefined;
  label: string;
  tempDir: string;
  retry: Partial<RetryPolicy>;
  rowsPerChunk: number;
  /** Started by runExporters: wait for its "go" so all processes start together. */
  syncStart: boolean;
}

export const USAGE =
  'usage: exporter --action FILE --out DIR [--mode naive|safe] [--log FILE] [--label ID] [--temp-dir DIR] ' +
  '[--max-attempts N] [--budget-ms MS] [--base-delay-ms MS] [--max-delay-ms MS] [--rows-per-chunk N]';

function usage(what: string): RacetraceError {
  return new RacetraceError('USAGE', `${what}; ${USAGE}`);
}

function number(flag: string, value: string | undefined, whole: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n))) {
    throw usage(`--${flag} must be a ${whole ? 'whole ' : ''}number >= 0 (got "${value}")`);
  }
  return n;
}

/** Parses the exporter's flags; RacetraceError('USAGE') for anything wrong. */
export function parseOptions(argv: string[]): ExporterOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        action: { type: 'string' }, out: { type: 'string' }, mode: { type: 'string', default: 'safe' },
        log: { type: 'string' }, label: { type: 'string' }, 'temp-dir': { type: 'string' },
        'max-attempts': { type: 'string' }, 'budget-ms': { type: 'string' },
        'base-delay-ms': { type: 'string' }, 'max-delay-ms': { type: 'string' },
        'rows-per-chunk': { type: 'string' }, 'sync-start': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw usage(error instanceof Error ? error.message.replace(/\.$/, '') : String(error));
  }
  if (!values.action) throw usage('--action is required');
  if (!values.out) throw usage('--out is required');
  if (values.mode !== 'naive' && values.mode !== 'safe') throw usage(`--mode must be naive or safe (got "${values.mode}")`);
  const label = values.label ?? String(process.pid);
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(label)) throw usage(`--label must be 1 to 32 letters, digits, "_" or "-" (got "${label}")`);
  const retry: Partial<RetryPolicy> = {};
  const maxAttempts = number('max-attempts', values['max-attempts'], true);
  const budgetMs = number('budget-ms', values['budget-ms'], false);
  const baseDelayMs = number('base-delay-ms', values['base-delay-ms'], false);
  const maxDelayMs = number('max-delay-ms', values['max-delay-ms'], false);
  if (maxAttempts !== undefined) retry.maxAttempts = maxAttempts;
  if (budgetMs !== undefined) retry.budgetMs = budgetMs;
  if (baseDelayMs !== undefined) retry.baseDelayMs = baseDelayMs;
  if (maxDelayMs !== undefined) retry.maxDelayMs = maxDelayMs;
  const rowsPerChunk = number('rows-per-chunk', values['rows-per-chunk'], true) ?? DEFAULT_ROWS_PER_CHUNK;
  if (rowsPerChunk < 1) throw usage('--rows-per-chunk must be at least 1');
  return {
    action: values.action, out: values.out, mode: values.mode, log: values.log, label,
    tempDir: values['temp-dir'] ?? tmpdir(), retry, rowsPerChunk, syncStart: values['sync-start'],
  };
}

import { hostname as osHostname } from 'node:os';
import type { Argv } from 'yargs';
import { EVENT_NAMES, type EventName } from '../../types.js';
import { RacetraceError } from '../../errors.js';
import { CORRELATION_ENV, checkCorrelationId } from '../../instrument/correlation.js';
import type { EventFields } from '../../instrument/emit-line.js';
import { TRACEPARENT_ENV, parseTraceparent } from '../../instrument/trace-context.js';
import { writeStdout } from '../output.js';

export const command = 'emit <event>';
export const describe = 'write one racetrace event line, for exporters that are shell scripts or other programs';

export function builder(yargs: Argv) {
  return yargs
    .positional('event', { describe: 'the event', choices: EVENT_NAMES, type: 'string' })
    .option('correlation-id', { describe: `the export run (default: $${CORRELATION_ENV}, else the trace id of $${TRACEPARENT_ENV})`, type: 'string' })
    .option('temp', { describe: 'the temporary path (tempPath)', type: 'string' })
    .option('target', { describe: 'the final path (targetPath)', type: 'string' })
    .option('attempt', { describe: 'rename attempt, from 1', type: 'string' })
    .option('error-code', { describe: 'rename.failure: e.g. EBUSY, EPERM, ERROR_SHARING_VIOLATION', type: 'string' })
    .option('error-message', { describe: 'rename.failure: the error text', type: 'string' })
    .option('will-retry', { describe: 'rename.failure: another attempt follows (--no-will-retry: it does not)', type: 'boolean' })
    .option('delay-ms', { describe: 'rename.failure: the wait before the next attempt', type: 'string' })
    .option('duration-ms', { describe: 'rename.success / export.end: how long it took', type: 'string' })
    .option('status', { describe: 'export.end: how the export ended', choices: ['ok', 'failed'] as const })
    .option('access', { describe: 'temp.create / temp.delete: how the path is used', choices: ['read', 'write'] as const })
    .option('seq', { describe: 'per-process sequence number (default: microseconds of the monotonic clock)', type: 'string' })
    .option('pid', { describe: 'the exporter\'s pid (default: the calling process, e.g. the shell script: pass $$ to be sure)', type: 'string' })
    .option('hostname', { describe: 'the exporter\'s host (default: this host)', type: 'string' })
    .option('log', { describe: 'append to this file (one atomic write) instead of writing to stdout', type: 'string' })
    .example('$0 emit rename.attempt --temp "$tmp" --target out.csv --attempt 1 --pid $$ --log export.log', 'from a shell script')
    .example('$0 emit rename.failure --temp t --target x --attempt 1 --error-code EBUSY --will-retry --delay-ms 40', '');
}

interface EmitArgs {
  event?: string | undefined;
  correlationId?: string | undefined;
  temp?: string | undefined;
  target?: string | undefined;
  attempt?: string | undefined;
  errorCode?: string | undefined;
  errorMessage?: string | undefined;
  willRetry?: boolean | undefined;
  delayMs?: string | undefined;
  durationMs?: string | undefined;
  status?: string | undefined;
  access?: string | undefined;
  seq?: string | undefined;
  pid?: string | undefined;
  hostname?: string | undefined;
  log?: string | undefined;
}

/** `racetrace emit`: one event line to stdout or appended to --log; exit 0, or 2 with one sentence. */
export async function emitCommand(argv: EmitArgs, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const event = argv.event as EventName;
  const trace = parseTraceparent(env[TRACEPARENT_ENV]);
  const correlationId = argv.correlationId ?? (env[CORRELATION_ENV] || undefined) ?? trace?.traceId;
  if (correlationId === undefined) {
    throw new RacetraceError('USAGE', `Give --correlation-id or set ${CORRELATION_ENV}: every event of one export run needs the same ID.`);
  }
  checkCorrelationId(correlationId, argv.correlationId !== undefined ? '--correlation-id' : CORRELATION_ENV);
  // Loaded here: it brings the schema validator, which the other commands rarely need.
  const { appendLine, buildEventLine } = await import('../../instrument/emit-line.js');
  const fields: EventFields = {};
  if (argv.temp !== undefined) fields.tempPath = argv.temp;
  if (argv.target !== undefined) fields.targetPath = argv.target;
  if (argv.attempt !== undefined) fields.attempt = number('attempt', argv.attempt);
  if (argv.errorCode !== undefined) fields.errorCode = argv.errorCode;
  if (argv.errorMessage !== undefined) fields.errorMessage = argv.errorMessage;
  if (argv.willRetry !== undefined) fields.willRetry = argv.willRetry;
  if (argv.delayMs !== undefined) fields.delayMs = number('delay-ms', argv.delayMs);
  if (argv.durationMs !== undefined) fields.durationMs = number('duration-ms', argv.durationMs);
  if (argv.status === 'ok' || argv.status === 'failed') fields.status = argv.status;
  if (argv.access === 'read' || argv.access === 'write') fields.access = argv.access;
  const line = buildEventLine({
    event,
    correlationId,
    // A script calling `racetrace emit` is its parent: the script is the exporter process.
    pid: argv.pid !== undefined ? number('pid', argv.pid) : process.ppid,
    hostname: argv.hostname ?? osHostname(),
    ...(argv.seq !== undefined ? { seq: number('seq', argv.seq) } : {}),
    fields,
    trace: trace === undefined ? undefined : { trace_id: trace.traceId, span_id: trace.spanId },
  });
  if (argv.log !== undefined) appendLine(argv.log, line);
  else await writeStdout(line);
  return 0;
}

/** A number flag; the schema then checks its range (whole, at least 1, ...) and names the flag. */
function number(flag: string, text: string): number {
  if (!/^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(text)) {
    throw new RacetraceError('USAGE', `--${flag} got "${text}", which is not a number.`);
  }
  return Number(text);
}

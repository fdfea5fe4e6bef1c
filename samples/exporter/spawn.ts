import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RetryPolicy } from '../../src/index.js';
import { readAction, type Action } from './action.js';
import type { Mode } from './options.js';
import { targetPath } from './paths.js';

/** How to run a batch of exporter processes against one output folder. */
export interface RunExportersOptions {
  procs: number;
  mode: Mode;
  /** The output folder all processes share. */
  out: string;
  /** Each process logs to `<logDir>/exporter-<label>.ndjson`. */
  logDir: string;
  /** An action file path, or the action itself. */
  action: string | Action;
  /** RACETRACE_FAULTS for every process; unset means none, even if this process has the variable. */
  faults?: string;
  /** Naive mode's shared temp folder (default os.tmpdir()). */
  tempDir?: string;
  retry?: Partial<Pick<RetryPolicy, 'maxAttempts' | 'budgetMs' | 'baseDelayMs' | 'maxDelayMs'>>;
  /** Labels are `<labelPrefix>01`, `<labelPrefix>02`, ...; default `p`. */
  labelPrefix?: string;
  rowsPerChunk?: number;
}

/** What the batch did, one entry per process in start order. */
export interface RunExportersResult {
  labels: string[];
  /** The NDJSON event log of each process. */
  logs: string[];
  /** 0 ok, 1 export failed, 2 bad input, 128+n killed by signal n. */
  exitCodes: number[];
  /** Every target file the batch was to write, process by process, sheet by sheet. */
  outputs: string[];
  stderr: string[];
}

/** The built exporter next to this module (dist/samples/exporter/exporter.js). */
export const exporterPath = fileURLToPath(new URL('./exporter.js', import.meta.url));

const RETRY_FLAGS = { maxAttempts: '--max-attempts', budgetMs: '--budget-ms', baseDelayMs: '--base-delay-ms', maxDelayMs: '--max-delay-ms' } as const;

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? constants.signals[signal] : 0);
}

/**
 * Starts `procs` exporter processes and waits for all of them. Each is held at a barrier until
 * every one has loaded, then all are released at once, so they really run concurrently (Node's
 * start-up time would otherwise spread them out by tens of milliseconds). Each process is its
 * own export run: RACETRACE_CORRELATION_ID is not passed on.
 */
export async function runExporters(options: RunExportersOptions): Promise<RunExportersResult> {
  const out = resolve(options.out);
  const logDir = resolve(options.logDir);
  await mkdir(out, { recursive: true });
  await mkdir(logDir, { recursive: true });
  // An action given inline goes to a private temp file, never into the log or output folder.
  const scratch = typeof options.action === 'string' ? undefined : await mkdtemp(join(tmpdir(), 'racetrace-action-'));
  const actionFile = scratch ? join(scratch, 'action.json') : resolve(String(options.action));
  if (scratch) await writeFile(actionFile, JSON.stringify(options.action));
  try {
    const action = await readAction(actionFile);
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['RACETRACE_CORRELATION_ID'];
    delete env['RACETRACE_FAULTS'];
    if (options.faults !== undefined) env['RACETRACE_FAULTS'] = options.faults;

    const labels = Array.from({ length: options.procs }, (_, i) => `${options.labelPrefix ?? 'p'}${String(i + 1).padStart(2, '0')}`);
    const logs = labels.map((label) => join(logDir, `exporter-${label}.ndjson`));
    const children = labels.map((label, i) => startExporter(exporterArgs(options, actionFile, out, label, logs[i] ?? ''), env));
    const done = children.map(async (child) => {
      const [code, signal] = (await once(child.process, 'close')) as [number | null, NodeJS.Signals | null];
      return exitCodeOf(code, signal);
    });
    // Release everyone only when all have reached the barrier (or died before it).
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) if (child.process.connected) child.process.send('go');
    const exitCodes = await Promise.all(done);
    const outputs = labels.flatMap((label) => action.sheets.map((sheet) => targetPath(out, action.report, label, sheet.name)));
    return { labels, logs, exitCodes, outputs, stderr: children.map((child) => child.stderr.join('')) };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

function exporterArgs(options: RunExportersOptions, actionFile: string, out: string, label: string, log: string): string[] {
  const args = ['--action', actionFile, '--out', out, '--mode', options.mode, '--label', label, '--log', log, '--sync-start'];
  if (options.tempDir !== undefined) args.push('--temp-dir', resolve(options.tempDir));
  if (options.rowsPerChunk !== undefined) args.push('--rows-per-chunk', String(options.rowsPerChunk));
  for (const [key, flag] of Object.entries(RETRY_FLAGS)) {
    const value = options.retry?.[key as keyof typeof RETRY_FLAGS];
    if (value !== undefined) args.push(flag, String(value));
  }
  return args;
}

interface Started {
  process: ChildProcess;
  ready: Promise<void>;
  stderr: string[];
}

function startExporter(args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, [exporterPath, ...args], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (text: string) => stderr.push(text));
  const ready = new Promise<void>((resolveReady) => {
    child.once('message', () => resolveReady());
    child.once('exit', () => resolveReady());
    child.once('error', () => resolveReady());
  });
  return { process: child, ready, stderr };
}

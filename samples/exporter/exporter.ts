#!/usr/bin/env node
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createTracer, faultsFromEnv, isRacetraceError, nodeFs, withFaults } from '../../src/index.js';
import { errorCode, errorMessage } from '../../src/instrument/fs.js';
import { readAction } from './action.js';
import { naiveExport } from './naive.js';
import { parseOptions } from './options.js';
import { safeExport } from './safe.js';

/**
 * A sample exporter: writes one CSV per sheet of an action file, naively (the reported bug) or
 * safely (racetrace's helpers), and logs racetrace events. Exit code 0 when the export
 * succeeded, 1 when it failed, 2 for bad flags or input.
 */
async function main(argv: string[]): Promise<number> {
  let options;
  let action;
  let fs;
  let tracer;
  try {
    options = parseOptions(argv);
    action = await readAction(options.action);
    fs = withFaults(nodeFs, faultsFromEnv());
    await mkdir(options.out, { recursive: true });
    if (options.mode === 'naive') await mkdir(options.tempDir, { recursive: true });
    tracer = createTracer(options.log === undefined ? {} : { destination: options.log });
  } catch (error) {
    // Bad flags, input or folders are the user's to fix: one line, no stack trace.
    if (!isRacetraceError(error) && errorCode(error) === undefined) throw error;
    const message = isRacetraceError(error)
      ? error.message
      : `cannot prepare the export: ${errorMessage(error)}; check the --out, --log and --temp-dir folders.`;
    process.stderr.write(`exporter: ${message}\n`);
    return 2;
  }

  if (options.syncStart && process.send) {
    // runExporters holds every process here until all are up, so they really run at once.
    process.send('ready');
    await once(process, 'message');
    process.disconnect();
  }

  const started = performance.now();
  tracer.exportStart({ report: action.report, mode: options.mode, label: options.label });
  const ctx = { ...options, action, tracer, fs };
  try {
    await (options.mode === 'safe' ? safeExport(ctx) : naiveExport(ctx));
  } catch (error) {
    tracer.exportEnd({ status: 'failed', durationMs: performance.now() - started });
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`exporter: export ${action.report} (${options.mode}, ${options.label}) failed: ${reason.replace(/\.$/, '')}.\n`);
    return 1;
  }
  tracer.exportEnd({ status: 'ok', durationMs: performance.now() - started });
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

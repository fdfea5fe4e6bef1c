import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createTracer, type Tracer } from '../src/index.js';
import { median, roundRatios } from './pair.js';

/**
 * Events per second of the tracer (validation, seq and sub-ms time included) against a plain
 * pino call writing the same fields to the same kind of destination: a sync pino.destination to
 * a file in a temp folder (--dest file, the default) or to /dev/null (--dest null, CPU cost only).
 * Rounds alternate in one process, after a warm-up. A round times both back to back, so its
 * ratio compares them on the same machine state; the ratio is the median of the rounds' ratios
 * (pair.ts, roundRatios).
 * Goals: at most 1.5x the plain call (issue #2), 1.2x with a sync destination (issue #5).
 */
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '7' },
    dest: { type: 'string', default: 'file' },
  },
});
const events = Number(values.events);
const rounds = Number(values.rounds);
const dir = mkdtempSync(join(tmpdir(), 'racetrace-bench-'));
const destination = (name: string) => (values.dest === 'null' ? '/dev/null' : join(dir, `${name}.ndjson`));

const correlationId = '20261128T170000123Z-5f0c2a9e-8d7b-4c1e-9a52-0b7a1d2c3e4f';
const tempPath = '/srv/out/.racetrace-20261128T170000123Z-5f0c2a9e-Ab12Cd/0003-sales.csv.tmp';
const targetPath = '/srv/out/q3-p01-sales.csv';

// The same three events for both: an attempt, a retried failure, a success.
function viaTracer(tracer: Tracer, n: number): void {
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    if (k === 0) tracer.renameAttempt({ tempPath, targetPath, attempt: 1 });
    else if (k === 1) tracer.renameFailure({ tempPath, targetPath, attempt: 1, errorCode: 'EBUSY', willRetry: true, delayMs: 7.25 });
    else tracer.renameSuccess({ tempPath, targetPath, attempt: 2, durationMs: 8.5 });
  }
}

function viaPino(logger: pino.Logger, n: number): void {
  let seq = 0;
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    if (k === 0) logger.info({ seq: seq++, event: 'rename.attempt', tempPath, targetPath, attempt: 1 }, 'rename.attempt');
    else if (k === 1) logger.warn({ seq: seq++, event: 'rename.failure', tempPath, targetPath, attempt: 1, errorCode: 'EBUSY', willRetry: true, delayMs: 7.25 }, 'rename.failure');
    else logger.info({ seq: seq++, event: 'rename.success', tempPath, targetPath, attempt: 2, durationMs: 8.5 }, 'rename.success');
  }
}

const tracer = createTracer({ destination: destination('tracer'), sync: true, correlationId });
const plain = pino({}, pino.destination({ dest: destination('pino'), sync: true })).child({ correlationId });

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const rate = (ms: number) => Math.round((events / ms) * 1000);

// Warm-up: let V8 optimise both paths before anything is counted.
time(() => viaPino(plain, events));
time(() => viaTracer(tracer, events));

const pinoMs: number[] = [];
const tracerMs: number[] = [];
for (let round = 1; round <= rounds; round++) {
  // Alternate which goes first, so drift on a shared machine hits both alike.
  if (round % 2) {
    pinoMs.push(time(() => viaPino(plain, events)));
    tracerMs.push(time(() => viaTracer(tracer, events)));
  } else {
    tracerMs.push(time(() => viaTracer(tracer, events)));
    pinoMs.push(time(() => viaPino(plain, events)));
  }
  process.stdout.write(`round ${round}: pino ${rate(pinoMs.at(-1) ?? 0)}/s, tracer ${rate(tracerMs.at(-1) ?? 0)}/s\n`);
}

const { median: ratio, rounds: ratios } = roundRatios(tracerMs, pinoMs);
process.stdout.write(
  `destination: ${values.dest === 'null' ? '/dev/null' : 'file in a temp folder'} (sync), ${events} events x ${rounds} rounds\n` +
    `plain pino: ${rate(median(pinoMs))} events/s (median)\n` +
    `tracer:     ${rate(median(tracerMs))} events/s (median)\n` +
    `ratio:      ${ratio.toFixed(2)}x the time of plain pino (goal <= 1.2x) ${ratio <= 1.2 ? 'ok' : 'OVER'}` +
    ` (median of the rounds: ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')})\n`,
);
rmSync(dir, { recursive: true, force: true });

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type AnalyzeOptions } from '../../../src/analyze/index.js';
import type { Finding, Report } from '../../../src/types.js';

/**
 * Helpers for tests that capture their own strace traces of real programs and analyze them with
 * the real pipeline (ingest, merge, analyzer).
 */

/** Why tracing cannot work here (no strace, or ptrace not permitted), or undefined when it can. */
export function cannotTrace(): string | undefined {
  const probe = spawnSync('strace', ['-f', '-o', '/dev/null', 'true'], { encoding: 'utf8' });
  if (probe.error) return `strace is not installed (${probe.error.message}); .ci/run installs it`;
  if (probe.status !== 0) return `strace cannot trace here (ptrace not permitted?): ${probe.stderr.trim().split('\n')[0]}`;
  return undefined;
}

/** A fresh folder for one scenario; `done()` removes it. */
export function workFolder(): { dir: string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'racetrace-strace-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `sh -c script` in `dir` under `strace -f -ttt -e trace=%file,%process -o dir/trace.txt`,
 * the capture the README recommends, and returns the trace's path.
 */
export function capture(dir: string, command: string[]): string {
  const trace = join(dir, 'trace.txt');
  const result = spawnSync('strace', ['-f', '-ttt', '-e', 'trace=%file,%process', '-o', trace, ...command], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return trace;
}

export const shell = (script: string): string[] => ['sh', '-c', script];

export async function analyzeTrace(trace: string, dir: string, options: AnalyzeOptions = {}): Promise<Report> {
  return analyze([trace], { inputFormat: 'strace', cwd: dir, ...options });
}

export function findingsOf(report: Report, kind: string): Finding[] {
  return report.findings.filter((f) => f.kind === kind);
}

/** Why a move from `a` to `b` cannot hit EXDEV here (same filesystem, or no `a`), or undefined. */
export function sameFilesystem(a: string, b: string): string | undefined {
  try {
    return statSync(a).dev === statSync(b).dev ? `${a} and ${b} are one filesystem here, so mv cannot hit EXDEV` : undefined;
  } catch (error) {
    return `${a} is not usable here (${(error as Error).message})`;
  }
}

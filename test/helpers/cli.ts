import { spawn } from 'node:child_process';
import { cliPath } from './paths.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built racetrace binary as a user would, with NO_COLOR set and stdin closed or given. */
export function runCli(
  args: string[],
  options: { stdin?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string; wrap?: string[] } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // `wrap`: a command that runs node and the CLI after it (e.g. a shell that sets a ulimit first).
    const [command, ...commandArgs] = [...(options.wrap ?? []), process.execPath, cliPath, ...args] as [string, ...string[]];
    const child = spawn(command, commandArgs, {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** A user error is one or two lines, and never a stack trace. */
export function assertNoStackTrace(stderr: string): void {
  if (/^\s+at .+:\d+:\d+\)?$/m.test(stderr)) throw new Error(`stderr has a stack trace:\n${stderr}`);
}

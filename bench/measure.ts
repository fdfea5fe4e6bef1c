import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

export interface Measurement {
  ms: number;
  peakRssMiB: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Peak resident memory so far, from the kernel's own high-water mark (Linux /proc). */
function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs one command to its end, timing it and polling its peak memory. The last reading before
 * exit is the high-water mark, which only grows, so polling misses nothing that matters.
 */
export function measure(command: string, args: string[], stdoutTo: 'capture' | 'ignore' = 'capture'): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', stdoutTo === 'capture' ? 'pipe' : 'ignore', 'pipe'] });
    let peak = 0;
    let stdout = '';
    let stderr = '';
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, peakRss(child.pid));
    }, 25);
    child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c.length < 1e5 ? c : ''));
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', () => {
      if (child.pid) peak = Math.max(peak, peakRss(child.pid));
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, peakRssMiB: peak, code, stdout, stderr });
    });
  });
}

export function totalBytes(files: string[]): number {
  return files.reduce((sum, f) => sum + statSync(f).size, 0);
}

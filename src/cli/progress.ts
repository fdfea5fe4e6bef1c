import type { AnalyzeProgress } from '../analyze/index.js';

const EVERY_MS = 250;

/**
 * A one-line progress display on stderr for long runs: bytes read of the total, events, and the
 * read rate. Only on a terminal: in a pipe or a CI log it would be noise. Returns a stop function
 * that clears the line.
 */
export function startProgress(stream: NodeJS.WriteStream = process.stderr): { progress: AnalyzeProgress; stop: () => void } {
  const progress: AnalyzeProgress = { bytesRead: 0, bytesTotal: 0, events: 0 };
  if (stream.isTTY !== true) return { progress, stop: () => {} };
  const started = Date.now();
  const timer = setInterval(() => stream.write(`\r\u001b[K${progressLine(progress, Date.now() - started)}`), EVERY_MS);
  timer.unref();
  return {
    progress,
    stop: () => {
      clearInterval(timer);
      stream.write('\r\u001b[K');
    },
  };
}

/** `read 312.4 MB of 1.0 GB (31%) · 1,204,332 events · 180.2 MB/s · 12 exports with findings so far` */
export function progressLine(progress: AnalyzeProgress, elapsedMs: number): string {
  const share = progress.bytesTotal > 0 ? ` of ${bytes(progress.bytesTotal)} (${Math.min(100, Math.floor((progress.bytesRead / progress.bytesTotal) * 100))}%)` : '';
  const rate = elapsedMs > 0 ? bytes((progress.bytesRead / elapsedMs) * 1000) : bytes(0);
  const flagged = progress.flagged?.() ?? 0;
  return (
    `read ${bytes(progress.bytesRead)}${share} · ${progress.events.toLocaleString('en-US')} events · ${rate}/s` +
    ` · ${flagged.toLocaleString('en-US')} ${flagged === 1 ? 'export' : 'exports'} with findings so far`
  );
}

function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${Math.round(n)} B`;
}

import type { AnalyzeProgress } from '../analyze/index.js';

/** Whole seconds as words: `1 minute 5 seconds`. */
export type DurationText = (seconds: number) => string;

const EVERY_MS = 250;

/**
 * A one-line progress display on stderr for long runs: bytes read of the total, the time left,
 * events, and the read rate. Only on a terminal: in a pipe or a CI log it would be noise. Returns
 * a stop function that clears the line.
 */
export function startProgress(stream: NodeJS.WriteStream = process.stderr): { progress: AnalyzeProgress; stop: () => void } {
  const progress: AnalyzeProgress = { bytesRead: 0, bytesTotal: 0, events: 0 };
  if (stream.isTTY !== true) return { progress, stop: () => {} };
  const started = Date.now();
  // date-fns costs ~20 ms to load: only a run that shows progress pays it, while it waits.
  let durationText: DurationText | undefined;
  void loadDurationText().then((text) => (durationText = text), () => undefined);
  const timer = setInterval(() => stream.write(`\r\u001b[K${progressLine(progress, Date.now() - started, durationText)}`), EVERY_MS);
  timer.unref();
  return {
    progress,
    stop: () => {
      clearInterval(timer);
      stream.write('\r\u001b[K');
    },
  };
}

/**
 * `read 312.4 MB of 1.0 GB (31%), about 4 seconds left · 1,204,332 events · 156.2 MB/s · 12
 * exports with findings so far`
 */
export function progressLine(progress: AnalyzeProgress, elapsedMs: number, durationText?: DurationText): string {
  const share =
    progress.bytesTotal > 0
      ? ` of ${bytes(progress.bytesTotal)} (${Math.min(100, Math.floor((progress.bytesRead / progress.bytesTotal) * 100))}%)${timeLeft(progress, elapsedMs, durationText)}`
      : '';
  const rate = elapsedMs > 0 ? bytes((progress.bytesRead / elapsedMs) * 1000) : bytes(0);
  const flagged = progress.flagged?.() ?? 0;
  return (
    `read ${bytes(progress.bytesRead)}${share} · ${progress.events.toLocaleString('en-US')} events · ${rate}/s` +
    ` · ${flagged.toLocaleString('en-US')} ${flagged === 1 ? 'export' : 'exports'} with findings so far`
  );
}

/**
 * The time left at the rate so far, once a second has passed (the first moments read faster
 * than the rest, while nothing is analyzed yet): `, about 1 minute 5 seconds left`.
 */
function timeLeft(progress: AnalyzeProgress, elapsedMs: number, durationText: DurationText | undefined): string {
  const { bytesRead, bytesTotal } = progress;
  if (durationText === undefined || elapsedMs < 1000 || bytesRead <= 0 || bytesRead >= bytesTotal) return '';
  const leftSeconds = Math.round((((bytesTotal - bytesRead) / bytesRead) * elapsedMs) / 1000);
  return leftSeconds < 1 ? ', under a second left' : `, about ${durationText(leftSeconds)} left`;
}

/** date-fns' duration words, loaded when first needed. */
export async function loadDurationText(): Promise<DurationText> {
  const [{ formatDuration }, { intervalToDuration }] = await Promise.all([
    import('date-fns/formatDuration'),
    import('date-fns/intervalToDuration'),
  ]);
  return (seconds) => formatDuration(intervalToDuration({ start: 0, end: seconds * 1000 }), { format: ['hours', 'minutes', 'seconds'] });
}

function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${Math.round(n)} B`;
}

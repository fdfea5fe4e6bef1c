import { availableParallelism } from 'node:os';
import { isClickHouseSpec } from '../../ingest/clickhouse/url.js';
import { resolveInputs } from '../../ingest/inputs.js';

/** `on`: read on a second thread whenever possible; `off`: never; `auto`: when it pays (see below). */
export type IngestThreadMode = 'auto' | 'on' | 'off';

/** Below this much input a thread's start-up (~40 ms) costs more than it saves. */
export const AUTO_THREAD_MIN_BYTES = 32 * 1024 * 1024;

/**
 * Whether these inputs are read on a worker thread: never for standard input (a worker has none
 * of its own); with `auto`, when there are two cores or more and at least AUTO_THREAD_MIN_BYTES
 * of files (a log store's size is unknown: it stays on this thread). Kept apart from the thread
 * code so that deciding loads none of the reading and analysis modules.
 */
export async function wantsIngestThread(
  inputs: readonly string[],
  io: { stdin?: unknown },
  mode: IngestThreadMode,
): Promise<boolean> {
  if (mode === 'off' || io.stdin !== undefined || inputs.length === 0 || inputs.includes('-')) return false;
  if (mode === 'on') return true;
  if (availableParallelism() < 2 || inputs.some(isClickHouseSpec)) return false;
  // A missing input is reported by the read itself, with the same sentence: here it just adds nothing.
  const files = await resolveInputs(inputs, undefined, () => {}).catch(() => []);
  let bytes = 0;
  for (const file of files) {
    bytes += file.size ?? 0;
    if (bytes >= AUTO_THREAD_MIN_BYTES) return true;
  }
  return false;
}

import type { EventName, Evidence, TraceEvent } from '../types.js';
import { CORRELATION_ID, ERROR_CODE, HOST, TARGET_PATH, TEMP_PATH, reuse, type RecentStrings } from './recent-strings.js';

/**
 * Copies the fields the analyzer reads from a schema-valid event record (NDJSON lines, log-store
 * records), sharing the strings a process repeats through `recent`. The schema has checked the
 * fields already; the typeof checks only narrow the types (cheaper than they look, and no casts).
 */
export function toTraceEvent(
  obj: Record<string, unknown>,
  event: EventName,
  source: Evidence,
  recent: RecentStrings,
): TraceEvent | undefined {
  const { time, hostname, pid, seq, correlationId } = obj;
  if (typeof time !== 'number' || typeof hostname !== 'string' || typeof pid !== 'number') return undefined;
  if (typeof seq !== 'number' || typeof correlationId !== 'string') return undefined;
  const kept = recent.of(pid);
  const host = reuse(kept, HOST, hostname);
  const out: TraceEvent = { time, host, pid, seq, event, correlationId: reuse(kept, CORRELATION_ID, correlationId), source };
  const { tempPath, targetPath, attempt, errorCode, errorMessage, willRetry, delayMs, durationMs, status, access } = obj;
  if (typeof tempPath === 'string') out.tempPath = reuse(kept, TEMP_PATH, tempPath);
  if (typeof targetPath === 'string') out.targetPath = reuse(kept, TARGET_PATH, targetPath);
  if (typeof attempt === 'number') out.attempt = attempt;
  if (typeof errorCode === 'string') out.errorCode = reuse(kept, ERROR_CODE, errorCode);
  if (typeof errorMessage === 'string') out.errorMessage = errorMessage;
  if (typeof willRetry === 'boolean') out.willRetry = willRetry;
  if (typeof delayMs === 'number') out.delayMs = delayMs;
  if (typeof durationMs === 'number') out.durationMs = durationMs;
  if (status === 'ok' || status === 'failed') out.status = status;
  if (access === 'read' || access === 'write') out.access = access;
  return out;
}

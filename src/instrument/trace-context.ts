import { createRequire } from 'node:module';

/** The W3C trace context of the work an event belongs to, as OpenTelemetry writes it: lowercase hex. */
export interface TraceContext {
  /** 32 hex digits, not all zero. */
  traceId: string;
  /** 16 hex digits, not all zero: the span (or the parent, for TRACEPARENT) the event happens in. */
  spanId: string;
}

/** The fields an event carries for its trace, named as pino's OpenTelemetry instrumentation names them. */
export interface TraceFields {
  trace_id: string;
  span_id: string;
}

/**
 * Where a tracer takes trace context from: a fixed context, a function asked at every event,
 * or `false` for none. Left out: the active OpenTelemetry span when @opentelemetry/api is
 * installed, else TRACEPARENT from the environment.
 */
export type TraceContextOption = TraceContext | (() => TraceContext | undefined) | false;

/** The environment variable W3C's "trace context in environment variables" names. */
export const TRACEPARENT_ENV = 'TRACEPARENT';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * Parses a W3C `traceparent` (`00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>`).
 * Undefined for anything the spec says to ignore: uppercase hex, all-zero ids, version ff, and
 * for version 00 anything after the flags (later versions may append fields).
 */
export function parseTraceparent(value: string | undefined): TraceContext | undefined {
  if (value === undefined) return undefined;
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, , rest] = match;
  if (version === undefined || traceId === undefined || spanId === undefined) return undefined;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  return isValidContext({ traceId, spanId }) ? { traceId, spanId } : undefined;
}

/** True when both ids have the right length, are hex and are not all zero. */
export function isValidContext(context: { traceId: unknown; spanId: unknown }): context is TraceContext {
  const { traceId, spanId } = context;
  return (
    typeof traceId === 'string' && /^[0-9a-f]{32}$/.test(traceId) && !/^0+$/.test(traceId) &&
    typeof spanId === 'string' && /^[0-9a-f]{16}$/.test(spanId) && !/^0+$/.test(spanId)
  );
}

/** The slice of @opentelemetry/api racetrace uses; anything else it exports is ignored. */
interface OtelApi {
  trace: { getActiveSpan(): { spanContext(): { traceId: string; spanId: string } } | undefined };
}

/**
 * Loads @opentelemetry/api when the exporter has it, without making it a dependency of racetrace.
 * Any copy will do: the API keeps the registered context manager in one global slot.
 */
export function loadOtelApi(): OtelApi | undefined {
  // Looked up once per process: a failed require walks every node_modules folder up to the root.
  if (loaded === undefined) {
    try {
      const api: unknown = createRequire(import.meta.url)('@opentelemetry/api');
      loaded = { api: isOtelApi(api) ? api : undefined };
    } catch {
      loaded = { api: undefined };
    }
  }
  return loaded.api;
}

let loaded: { api: OtelApi | undefined } | undefined;

function isOtelApi(value: unknown): value is OtelApi {
  if (typeof value !== 'object' || value === null || !('trace' in value)) return false;
  const trace: unknown = value.trace;
  return typeof trace === 'object' && trace !== null && 'getActiveSpan' in trace && typeof trace.getActiveSpan === 'function';
}

/** The active span's context, undefined outside a span or when the span is not recording a valid one. */
export function activeSpanContext(api: OtelApi | undefined): TraceContext | undefined {
  let context: { traceId: string; spanId: string } | undefined;
  try {
    context = api?.trace.getActiveSpan()?.spanContext();
  } catch {
    // A broken tracing setup must not stop the export from logging its events.
    return undefined;
  }
  return context !== undefined && isValidContext(context) ? { traceId: context.traceId, spanId: context.spanId } : undefined;
}

/**
 * A function that gives the trace fields of the event being written, or undefined. Per event,
 * because the active span changes as the exporter moves between async tasks.
 */
export function traceFieldsSource(
  option: TraceContextOption | undefined,
  env: NodeJS.ProcessEnv = process.env,
  loadApi: () => OtelApi | undefined = loadOtelApi,
): () => TraceFields | undefined {
  if (option === false) return () => undefined;
  if (typeof option === 'function') return () => toFields(validOrUndefined(option()));
  if (option !== undefined) {
    const fixed = toFields(validOrUndefined(option));
    return () => fixed;
  }
  const fromEnv = toFields(parseTraceparent(env[TRACEPARENT_ENV]));
  const api = loadApi();
  if (api === undefined) return () => fromEnv;
  return () => toFields(activeSpanContext(api)) ?? fromEnv;
}

function validOrUndefined(context: TraceContext | undefined): TraceContext | undefined {
  return context !== undefined && isValidContext(context) ? context : undefined;
}

function toFields(context: TraceContext | undefined): TraceFields | undefined {
  return context === undefined ? undefined : { trace_id: context.traceId, span_id: context.spanId };
}

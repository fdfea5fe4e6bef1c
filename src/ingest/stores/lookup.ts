/** A parsed JSON object; store adapters narrow `unknown` to it before reading fields. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A field by its dotted ECS / OpenTelemetry name, however the source spelled it: flat
 * (`{"process.pid":1}`, as ecs-pino-format writes), nested (`{"process":{"pid":1}}`, as
 * Elasticsearch may return `_source`), or a mix of both (`{"process":{"parent.pid":1}}`).
 */
export function field(obj: JsonObject, path: string): unknown {
  if (Object.hasOwn(obj, path)) return obj[path];
  for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
    const head = path.slice(0, dot);
    if (!Object.hasOwn(obj, head)) continue;
    const inner = obj[head];
    if (!isObject(inner)) continue;
    const value = field(inner, path.slice(dot + 1));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The first of `paths` that is present. */
export function firstField(obj: JsonObject, paths: readonly string[]): unknown {
  for (const path of paths) {
    const value = field(obj, path);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Parses one line as JSON; `undefined` plus a reason when it is not JSON. */
export function parseJson(text: string): { value: unknown; error?: undefined } | { value?: undefined; error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    // V8 quotes the offending text; the diagnostic points at the line instead of echoing it.
    const message = error instanceof Error ? error.message : String(error);
    // Both of V8's forms quote the text (`..., "abc" is not valid JSON`, `..., "abc"... is not
    // valid JSON`): everything from the quote on goes.
    return { error: `not JSON (${message.replace(/,? ".*$/s, '').slice(0, 160)})` };
  }
}

/**
 * Epoch milliseconds from nanoseconds since the epoch, as OTLP (`timeUnixNano`) and Loki's API
 * write them: as a decimal string, because 19 digits do not fit a double. Undefined for 0
 * (OTLP's "unknown") and anything that is not a whole number.
 */
export function nanosToMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value / 1e6 : undefined;
  if (typeof value !== 'string' || !/^\d{1,25}$/.test(value)) return undefined;
  const digits = value.replace(/^0+/, '');
  if (digits === '') return undefined;
  // Split before converting so the sub-millisecond digits survive the double.
  const whole = digits.length > 6 ? Number(digits.slice(0, -6)) : 0;
  return whole + Number(digits.slice(-6)) / 1e6;
}

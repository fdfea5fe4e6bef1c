import { RacetraceError } from '../../errors.js';
import type { ClickHouseTable } from './url.js';

/** Settings sent with every query: 64-bit integers as JSON numbers (seq, pid), not strings. */
const SETTINGS = { output_format_json_quote_64bit_integers: '0' };

/**
 * Sends one query to ClickHouse's HTTP interface (POST, the SQL as the body) and returns the
 * response once its status says the query started. Errors the server reports up front (unknown
 * table, bad credentials) and errors reaching it become one RacetraceError sentence with what to
 * do; the CLI prints it and exits 2.
 */
export async function clickHouseQuery(target: ClickHouseTable, sql: string): Promise<Response> {
  const url = new URL(target.endpoint);
  for (const [key, value] of Object.entries(SETTINGS)) url.searchParams.set(key, value);
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (target.authorization !== undefined) headers['authorization'] = target.authorization;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: sql, headers });
  } catch (error) {
    const code = causeCode(error);
    throw new RacetraceError(
      'INPUT_UNREADABLE',
      `Cannot reach ClickHouse at ${target.endpoint} for ${target.name} (${code}): start the server, or check the host and port (the HTTP interface, 8123 by default).`,
      { cause: error, details: { input: target.name } },
    );
  }
  if (response.ok) return response;
  const text = (await response.text()).trim();
  throw serverError(target, response.status, text);
}

/** Maps ClickHouse's own error codes to the sentence a user can act on. */
function serverError(target: ClickHouseTable, status: number, text: string): RacetraceError {
  const code = /^Code: (\d+)/.exec(text)?.[1];
  const said = firstSentence(text);
  const details = { input: target.name, status, clickhouseCode: code };
  if (code === '60' || code === '81') {
    return new RacetraceError(
      'INPUT_NOT_FOUND',
      `ClickHouse has no table ${target.database}.${target.table} (${said}): check the name, or create it as docs/log-stores.md shows.`,
      { details },
    );
  }
  if (status === 401 || status === 403 || code === '192' || code === '193' || code === '516') {
    return new RacetraceError(
      'INPUT_UNREADABLE',
      `ClickHouse refused the user for ${target.name} (${said}): give clickhouse://user:password@host:port/database.table.`,
      { details },
    );
  }
  return new RacetraceError(
    'INPUT_UNREADABLE',
    `ClickHouse could not read ${target.name} (HTTP ${status}: ${said}): check the table's columns against docs/log-stores.md.`,
    { details },
  );
}

/** `Code: 60, e.displayText() = DB::Exception: Table x doesn't exist., e.what() = ...` -> the middle. */
export function firstSentence(text: string): string {
  const exception = /DB::Exception: (.*?)(?:, e\.what\(\)|\s*\(version|$)/s.exec(text)?.[1] ?? text;
  const line = exception.split('\n')[0] ?? '';
  return line.replace(/\.$/, '').slice(0, 200);
}

function causeCode(error: unknown): string {
  // fetch wraps the socket error: TypeError('fetch failed') { cause: Error { code: 'ECONNREFUSED' } }.
  let deepest = error;
  for (let depth = 0; depth < 4 && deepest instanceof Error; depth++) {
    const code = (deepest as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (deepest.cause === undefined) break;
    deepest = deepest.cause;
  }
  return deepest instanceof Error ? deepest.message : String(deepest);
}

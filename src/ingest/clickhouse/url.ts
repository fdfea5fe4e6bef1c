import { RacetraceError } from '../../errors.js';

/** Where one `clickhouse://` input lives, parsed from its spec. */
export interface ClickHouseTable {
  /** The HTTP interface, e.g. `http://localhost:8123/` (no credentials in it). */
  endpoint: string;
  database: string;
  table: string;
  /** `Basic ...` when the spec named a user. */
  authorization?: string;
  /** How the input is shown in evidence and reports: `clickhouse:db.table`. */
  name: string;
}

const SCHEMES: Record<string, string> = { 'clickhouse:': 'http:', 'clickhouses:': 'https:' };
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Does this command-line input name a ClickHouse table rather than a file? */
export function isClickHouseSpec(spec: string): boolean {
  return /^clickhouses?:\/\//i.test(spec);
}

/**
 * Parses `clickhouse://[user[:password]@]host[:port]/[database.]table` (`clickhouses://` for
 * HTTPS). The port defaults to ClickHouse's HTTP ports (8123, 8443), the database to `default`.
 * Throws RacetraceError USAGE with the expected shape.
 */
export function parseClickHouseSpec(spec: string): ClickHouseTable {
  const fail = (why: string): never => {
    throw new RacetraceError(
      'USAGE',
      `${redactSpec(spec)} ${why}: give clickhouse://host:8123/database.table (or clickhouses:// for HTTPS).`,
    );
  };
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    return fail('is not a URL');
  }
  const scheme = SCHEMES[url.protocol.toLowerCase()];
  if (scheme === undefined) return fail('has an unknown scheme');
  const path = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, ''));
  const parts = path.split('.');
  const [database, table] = parts.length === 1 ? ['default', parts[0] ?? ''] : parts;
  if (parts.length > 2 || database === undefined || table === undefined || !IDENTIFIER.test(database) || !IDENTIFIER.test(table)) {
    return fail('does not name a table (letters, digits and _ only)');
  }
  if (url.search !== '' || url.hash !== '') return fail('has a query or fragment, which are not used');
  const port = url.port !== '' ? url.port : scheme === 'https:' ? '8443' : '8123';
  const host = url.hostname === '' ? fail('has no host') : url.hostname;
  const result: ClickHouseTable = {
    endpoint: `${scheme}//${host}:${port}/`,
    database,
    table,
    name: `clickhouse:${database}.${table}`,
  };
  if (url.username !== '') {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    result.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  return result;
}

/** The spec without its password, for messages. */
export function redactSpec(spec: string): string {
  return spec.replace(/^([a-z]+:\/\/[^/:@]*):[^/@]*@/i, '$1:***@');
}

import type { IngestOptions } from '../adapter.js';
import type { InputSpec } from '../inputs.js';
import { BOOLEAN_COLUMNS, readLayout } from './columns.js';
import { clickHouseQuery } from './http.js';
import { buildQuery } from './query.js';
import { eventRows } from './rows.js';
import { parseClickHouseSpec } from './url.js';

export { isClickHouseSpec } from './url.js';

/**
 * Resolves a `clickhouse://host:port/db.table` input: checks now, before anything is read, that
 * the server answers and the table has the event fields (RacetraceError otherwise, exit 2), and
 * returns an input whose bytes are the result of one query (see buildQuery) streamed from the
 * server: NDJSON the ndjson adapter reads like a file, named `clickhouse:db.table` in evidence.
 */
export async function resolveClickHouse(spec: string): Promise<InputSpec> {
  const target = parseClickHouseSpec(spec);
  const layout = await readLayout(target);
  const booleans = [...layout.columns.keys()].filter((name) => BOOLEAN_COLUMNS.has(name));
  return {
    name: target.name,
    open: (options?: Partial<IngestOptions>) => stream(async () => {
      const response = await clickHouseQuery(target, buildQuery(target, layout, options));
      // A 200 with no body only happens for an empty result; nothing to read then.
      return response.body ?? emptyBody();
    }, booleans),
  };
}

/** The query is sent on the first read, so an input that is never read costs nothing. */
async function* stream(start: () => Promise<AsyncIterable<Uint8Array>>, booleans: readonly string[]): AsyncGenerator<Buffer> {
  yield* eventRows(await start(), booleans);
}

async function* emptyBody(): AsyncGenerator<Uint8Array> {}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClickHouseSpec, isClickHouseSpec } from '../../../src/ingest/clickhouse/url.js';
import { buildQuery } from '../../../src/ingest/clickhouse/query.js';
import { eventRows } from '../../../src/ingest/clickhouse/rows.js';
import { RacetraceError } from '../../../src/errors.js';

test('clickhouse:// specs: port and database defaults, credentials kept out of the name', () => {
  assert.equal(isClickHouseSpec('clickhouse://h/t'), true);
  assert.equal(isClickHouseSpec('logs/clickhouse.log'), false);
  assert.deepEqual(parseClickHouseSpec('clickhouse://logs.internal/events'), {
    endpoint: 'http://logs.internal:8123/', database: 'default', table: 'events', name: 'clickhouse:default.events',
  });
  const secure = parseClickHouseSpec('clickhouses://reader:p%40ss@logs.internal:9443/racetrace.events');
  assert.equal(secure.endpoint, 'https://logs.internal:9443/');
  assert.equal(secure.name, 'clickhouse:racetrace.events');
  assert.equal(secure.authorization, `Basic ${Buffer.from('reader:p@ss').toString('base64')}`);
});

for (const bad of ['clickhouse://h/', 'clickhouse://h/a.b.c', 'clickhouse://h/db.t;DROP', 'clickhouse://h/t?x=1']) {
  test(`clickhouse spec ${bad} is a usage error`, () => {
    assert.throws(() => parseClickHouseSpec(bad), (e: unknown) => e instanceof RacetraceError && e.code === 'USAGE' && /clickhouse:\/\/host:8123\/database\.table/.test(e.message));
  });
}

test('the query selects the event fields the table has, filters and sorts in the server', () => {
  const target = parseClickHouseSpec('clickhouse://h/racetrace.events');
  const columns = new Map([['time', 'DateTime64(3)'], ['hostname', 'String'], ['pid', 'UInt32'], ['event', 'String'],
    ['correlationId', 'String'], ['tempPath', 'Nullable(String)']]);
  const sql = buildQuery(target, { columns, timeExpression: 'toFloat64(`time`) * 1000' }, { since: 1000, until: 2000, skew: { a: 5, b: -3 } });
  assert.equal(sql, [
    'SELECT toFloat64(`time`) * 1000 AS `time`, `hostname`, `pid`, `event`, `correlationId`, `tempPath`',
    'FROM `racetrace`.`events`',
    "WHERE `event` IN ('export.start', 'export.end', 'temp.create', 'temp.delete', 'rename.attempt', 'rename.success', 'rename.failure')" +
      ' AND `time` >= 995 AND `time` < 2003',
    'ORDER BY `time`, `hostname`, `pid`',
    'FORMAT JSONEachRow',
  ].join('\n'));
});

async function collect(chunks: string[], booleans: string[] = ['willRetry']): Promise<string> {
  let out = '';
  for await (const chunk of eventRows((async function* () {
    for (const c of chunks) yield Buffer.from(c);
  })(), booleans)) out += chunk.toString('utf8');
  return out;
}

test('rows: NULL columns left out, UInt8 booleans made true/false, whole lines across chunk ends', async () => {
  const rows = '{"time":1,"tempPath":null,"msg":"a,\\"x\\":null","willRetry":1,"attempt":null}\n{"time":2,"willRetry":0}\n';
  const expected = '{"time":1,"msg":"a,\\"x\\":null","willRetry":true}\n{"time":2,"willRetry":false}\n';
  assert.equal(await collect([rows]), expected);
  // Split at every byte: the result is the same.
  assert.equal(await collect(rows.split('')), expected);
  // The last row without a LF is still delivered.
  assert.equal(await collect(['{"time":3,"errorCode":null}']), '{"time":3}');
});

test('rows: an exception ClickHouse appends part-way is thrown after the rows before it', async () => {
  let delivered = '';
  await assert.rejects(async () => {
    for await (const chunk of eventRows((async function* () {
      yield Buffer.from('{"time":1}\n{"time":2}\nCode: 241, e.displayText() = DB::Exception: Memory limit (for query) exceeded');
      yield Buffer.from(', e.what() = DB::Exception\n');
    })(), [])) delivered += chunk.toString('utf8');
  }, /^Error: ClickHouse stopped the query part-way \(Memory limit \(for query\) exceeded\)$/);
  assert.equal(delivered, '{"time":1}\n{"time":2}\n');
});

import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import type { TestContext } from 'node:test';
import { tempFolder } from './tmp.js';

/** A throwaway ClickHouse server on loopback, owned by one test. */
export interface ClickHouseServer {
  httpPort: number;
  /** Runs one statement over HTTP; throws with the server's text on an error status. */
  query(sql: string, body?: string): Promise<string>;
}

/** The server binary on PATH (Debian's clickhouse-server package), or undefined. */
export function clickHouseBinary(): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/bin'];
  for (const dir of dirs) {
    const file = join(dir, 'clickhouse-server');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** A TCP port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts clickhouse-server with a config of its own (free ports, data in a temp folder; the
 * system service is not used) and waits until it answers. The server is killed when the test
 * ends, pass or fail, and when this process exits.
 */
export async function startClickHouse(t: TestContext, binary: string): Promise<ClickHouseServer> {
  const dir = tempFolder(t, 'racetrace-clickhouse-');
  const data = join(dir, 'data');
  mkdirSync(join(data, 'tmp'), { recursive: true });
  const [httpPort, tcpPort] = [await freePort(), await freePort()];
  writeFileSync(join(dir, 'users.xml'), `<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`);
  const config = join(dir, 'config.xml');
  writeFileSync(config, `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${data}/</path>
  <tmp_path>${data}/tmp/</tmp_path>
  <user_files_path>${data}/user_files/</user_files_path>
  <format_schema_path>${data}/format_schemas/</format_schema_path>
  <users_config>${join(dir, 'users.xml')}</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>5368709</mark_cache_size>
  <uncompressed_cache_size>8589934</uncompressed_cache_size>
  <mlock_executable>false</mlock_executable>
</yandex>
`);
  const child: ChildProcess = spawn(binary, [`--config-file=${config}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  t.after(async () => {
    process.off('exit', kill);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(kill, 5000);
    await exited;
    clearTimeout(timer);
  });

  const base = `http://127.0.0.1:${httpPort}/`;
  const query = async (sql: string, body?: string): Promise<string> => {
    // Pino lines carry fields the table has no column for (report, mode, label): skip them.
    const url = body === undefined ? base : `${base}?input_format_skip_unknown_fields=1&query=${encodeURIComponent(sql)}`;
    const response = await fetch(url, { method: 'POST', body: body ?? sql });
    const text = await response.text();
    if (!response.ok) throw new Error(`ClickHouse: ${text}`);
    return text;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await (await fetch(`${base}ping`)).text()).startsWith('Ok')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`clickhouse-server did not answer within 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { httpPort, query };
}

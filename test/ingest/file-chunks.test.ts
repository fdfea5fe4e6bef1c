import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { fileChunks, type OpenMode } from '../../src/ingest/file-chunks.js';
import { isRacetraceError } from '../../src/errors.js';
import { tempDir } from '../helpers/ingest.js';
import { runCli } from '../helpers/cli.js';

const CHUNK = 8192;
const MODES: OpenMode[] = ['keep', 'per-read'];

async function readAll(path: string, chunkSize = CHUNK, mode: OpenMode = 'auto'): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of fileChunks(path, chunkSize, mode)) chunks.push(chunk);
  return chunks;
}

for (const mode of MODES) {
  test(`every byte of a file is read once, in order, in chunks no bigger than asked, whatever its size (${mode})`, async () => {
    const dir = tempDir();
    for (const size of [0, 1, 4095, 4096, 4097, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17]) {
      const path = join(dir, `f${size}.log`);
      const bytes = randomBytes(size);
      writeFileSync(path, bytes);
      const chunks = await readAll(path, CHUNK, mode);
      assert.ok(Buffer.concat(chunks).equals(bytes), `a file of ${size} bytes`);
      for (const chunk of chunks) assert.ok(chunk.length > 0 && chunk.length <= CHUNK, `${size}: a chunk of ${chunk.length} bytes`);
    }
  });

  test(`a file that grows while it is read is read to its new end, in whole chunks once it has grown (${mode})`, async () => {
    const path = join(tempDir(), 'growing.log');
    const first = randomBytes(CHUNK + 100);
    writeFileSync(path, first);
    const added = randomBytes(5 * CHUNK + 3);
    const chunks: Buffer[] = [];
    for await (const chunk of fileChunks(path, CHUNK, mode)) {
      // The writer goes on after the reader opened the file and took its size.
      if (chunks.length === 0) appendFileSync(path, added);
      chunks.push(chunk);
    }
    assert.ok(Buffer.concat(chunks).equals(Buffer.concat([first, added])));
    assert.ok(chunks.filter((chunk) => chunk.length === CHUNK).length >= 5, `chunk sizes: ${chunks.map((c) => c.length).join(', ')}`);
  });

  test(`a file truncated while it is read gives what was read, then the loss (${mode})`, async () => {
    const path = join(tempDir(), 'truncated.log');
    writeFileSync(path, randomBytes(4 * CHUNK));
    let got = 0;
    await assert.rejects(
      (async () => {
        for await (const chunk of fileChunks(path, CHUNK, mode)) {
          if (got === 0) truncateSync(path, CHUNK + 10);
          got += chunk.length;
        }
      })(),
      (error: unknown) => isRacetraceError(error) && /^it shrank from 32768 to 8202 bytes/.test(error.message),
    );
    assert.ok(got >= CHUNK);
  });
}

test('a small file is read into a buffer of about its size, not a whole chunk (thousands of small logs)', async () => {
  const path = join(tempDir(), 'small.log');
  writeFileSync(path, '{"msg":"one line"}\n');
  const chunks = await readAll(path, 128 * 1024);
  assert.equal(chunks.length, 1);
  assert.ok((chunks[0] as Buffer).buffer.byteLength < 16 * 1024, `its buffer is ${(chunks[0] as Buffer).buffer.byteLength} bytes`);
});

test('opened per read, a log rotated away mid-read is not read on from the new file: the loss is named', async () => {
  const dir = tempDir();
  const path = join(dir, 'app.log');
  writeFileSync(path, randomBytes(3 * CHUNK));
  const chunks: Buffer[] = [];
  await assert.rejects(
    (async () => {
      for await (const chunk of fileChunks(path, CHUNK, 'per-read')) {
        if (chunks.length === 0) {
          // logrotate's default: the file is renamed away and a new one takes its name.
          renameSync(path, join(dir, 'app.log.1'));
          writeFileSync(path, randomBytes(5 * CHUNK));
        }
        chunks.push(chunk);
      }
    })(),
    (error: unknown) => isRacetraceError(error) && /replaced by another file while it was read/.test(error.message),
  );
  assert.equal(chunks.length, 1);
});

test('opened per read, a named pipe is still read whole (it cannot be reopened, so it stays open)', async () => {
  const dir = tempDir();
  const fifo = join(dir, 'pipe.log');
  if (spawnSync('mkfifo', [fifo]).status !== 0) return;
  const writer = spawn('sh', ['-c', `printf 'one\\ntwo\\n' > '${fifo}'`]);
  const written = new Promise((resolve) => writer.on('close', resolve));
  const text = Buffer.concat(await readAll(fifo, CHUNK, 'per-read')).toString();
  await written;
  assert.equal(text, 'one\ntwo\n');
});

test('a folder of more logs than the process may open files is read whole (ulimit -n 64, 300 logs)', { timeout: 60_000 }, async () => {
  const dir = join(tempDir(), 'logs');
  mkdirSync(dir);
  for (let i = 0; i < 300; i++) writeFileSync(join(dir, `p${i}.log`), `{"level":30,"time":${1_800_000_000_000 + i},"pid":${i},"msg":"hello"}\n`);
  const result = await runCli(['analyze', dir, '--format', 'json', '--threads', 'off'], {
    env: { RACETRACE_TEST_ULIMIT: '64' },
    wrap: ['sh', '-c', 'ulimit -n "$RACETRACE_TEST_ULIMIT" && exec "$0" "$@"'],
  });
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout) as { inputs: { lines: number; error?: string }[] };
  assert.equal(report.inputs.length, 300);
  assert.deepEqual(report.inputs.filter((input) => input.error !== undefined), []);
  assert.equal(report.inputs.reduce((sum, input) => sum + input.lines, 0), 300);
});

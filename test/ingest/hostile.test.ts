import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { accounted, collect, eventLine, fakeStdin } from '../helpers/ingest.js';

const valid = [
  eventLine({ seq: 0 }),
  eventLine({ seq: 1, event: 'rename.attempt', tempPath: '/t', targetPath: '/x', attempt: 1 }),
  '{"level":30,"time":5,"pid":1,"hostname":"h","msg":"pino"}',
];

/** Lines as split2 sees them: split on LF, a trailing empty piece is no line. */
function countLines(bytes: Buffer): number {
  if (bytes.length === 0) return 0;
  let count = 0;
  for (const byte of bytes) if (byte === 0x0a) count++;
  return bytes[bytes.length - 1] === 0x0a ? count : count + 1;
}

const piece = fc.oneof(
  fc.constantFrom(...valid).map((line) => Buffer.from(line + '\n')),
  fc.constantFrom(...valid).chain((line) => fc.nat(line.length).map((cut) => Buffer.from(line.slice(0, cut)))),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom('\uFEFF', '\r\n', '\n', '\0', '[[[[[[[[', '{"time":1e999}', '{"event":"export.end"}').map((s) => Buffer.from(s)),
  fc.constant(Buffer.from([0xed, 0xb0, 0x80, 0xff, 0xc3])),
);

test('mangled input never throws and every line is accounted for', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom(64, 100_000), async (pieces, cut, maxLineBytes) => {
      const bytes = Buffer.concat(pieces);
      // Deliver it in arbitrary chunks, as a pipe would.
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += cut) chunks.push(bytes.subarray(at, at + cut));
      const { events, result } = await collect(['-'], { maxLineBytes }, fakeStdin(chunks));
      assert.ok(accounted(result));
      assert.equal(result.inputs[0]?.lines, countLines(bytes));
      assert.equal(events.length, result.inputs[0]?.events);
    }),
    { numRuns: 300 },
  );
});

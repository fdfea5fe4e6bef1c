import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tracerBench = fileURLToPath(new URL('../../bench/tracer.js', import.meta.url));

test('the tracer bench\'s ratio is the median of its rounds\' ratios, each the tracer\'s time over pino\'s', () => {
  const out = execFileSync(process.execPath, [tracerBench, '--dest', 'null', '--events', '3000', '--rounds', '5'], { encoding: 'utf8' });
  const rounds = [...out.matchAll(/^round \d+: pino (\d+)\/s, tracer (\d+)\/s$/gm)].map(([, pino, tracer]) => Number(pino) / Number(tracer));
  assert.equal(rounds.length, 5, out);
  const line = /^ratio:\s+([\d.]+)x .* \(median of the rounds: (.*)\)$/m.exec(out);
  assert.ok(line, out);
  const listed = (line[2] ?? '').split(', ').map((r) => Number.parseFloat(r));
  // Each listed round ratio is that round's tracer time over pino time (rates rounded: 1% slack).
  listed.forEach((r, i) => assert.ok(Math.abs(r - (rounds[i] ?? 0)) <= 0.01 * r + 0.005, `round ${i + 1}: ${r} vs ${rounds[i]}`));
  assert.equal(Number(line[1]), [...listed].sort((a, b) => a - b)[2]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../../../src/analyze/index.js';
import { validateReport } from '../../../src/schema/validators.js';
import type { ClockReport, Report } from '../../../src/types.js';
import { runCli } from '../../helpers/cli.js';
import { DEFAULT_FLEET, simulateFleet, trueCorrections, writeFleet } from '../../helpers/fleet.js';
import { tempFolder } from '../../helpers/tmp.js';

// 200 processes on 10 hosts whose clocks are off by up to ±40 ms, racing on shared temp names
// in one network folder (test/helpers/fleet.ts). The estimate's stated accuracy on it: every
// true offset inside its interval, every point estimate within TOLERANCE_MS of the truth.
const TOLERANCE_MS = 5;
const fleet = simulateFleet(DEFAULT_FLEET);

/** The findings that matter for the race, comparable across runs: kind, path, pids. */
function raceKeys(report: Report): string[] {
  return report.findings
    .filter((f) => f.kind !== 'clock-skew')
    .map((f) => `${f.kind} ${f.path ?? ''} ${(f.pids ?? []).join(',')}`)
    .sort();
}

function assertRecovers(clock: ClockReport, truth: (host: string) => number): void {
  for (const h of clock.hosts) {
    const expected = truth(h.host) - truth(clock.reference);
    assert.ok(h.minMs !== undefined && h.maxMs !== undefined && h.offsetMs !== undefined, `${h.host} is linked to the reference`);
    assert.ok(h.minMs <= expected + 1e-6 && expected - 1e-6 <= h.maxMs, `${h.host}: true ${expected} in [${h.minMs}, ${h.maxMs}]`);
    assert.ok(Math.abs(h.offsetMs - expected) <= TOLERANCE_MS, `${h.host}: estimate ${h.offsetMs}, true ${expected}`);
  }
}

test('the fleet is what the test claims: 200 processes, 10 hosts, known offsets, cross-host ENOENT races', () => {
  assert.equal(fleet.processes.length, 200);
  assert.equal(new Set(fleet.processes.map((p) => p.host)).size, 10);
  assert.ok(Math.max(...Object.values(fleet.offsets)) - Math.min(...Object.values(fleet.offsets)) > 40);
  assert.ok(fleet.enoent > 100, `${fleet.enoent} renames failed with ENOENT`);
});

test('the clock estimate recovers every host\'s generated offset, and --skew with the true corrections brings it to ~0', async (t) => {
  const dir = tempFolder(t);
  writeFleet(join(dir, 'skewed'), fleet);
  writeFleet(join(dir, 'true'), fleet, { trueTime: true });

  const raw = await analyze([join(dir, 'skewed')]);
  assert.equal(validateReport(raw).valid, true);
  assert.ok(raw.clock);
  assert.equal(raw.clock.hosts.length, 10);
  assert.ok(raw.clock.pairs >= 100, `${raw.clock.pairs} causal pairs`);
  assert.equal(raw.clock.contradictions, 0);
  assertRecovers(raw.clock, (host) => fleet.offsets[host] ?? NaN);
  // Uncorrected, the report's times put many effects before their causes, and says so.
  assert.ok(raw.clock.violations > 0);
  const skewFinding = raw.findings.find((f) => f.kind === 'clock-skew');
  assert.ok(skewFinding, 'a clock-skew finding');
  assert.match(skewFinding.hint, /--skew fleet-\d\d=[+-]\d+\.\dms/);

  const fixed = await analyze([join(dir, 'skewed')], { skew: trueCorrections(fleet) });
  assert.ok(fixed.clock);
  assertRecovers(fixed.clock, () => 0);
  assert.equal(fixed.clock.violations, 0);
  assert.equal(fixed.findings.some((f) => f.kind === 'clock-skew'), false);
  assert.deepEqual(fixed.clock.hosts.map((h) => h.skewMs), fixed.clock.hosts.map((h) => -(fleet.offsets[h.host] ?? NaN)));

  // The race as it really happened (logs stamped in true time) is what the corrected run finds;
  // the uncorrected run reports overlaps that never happened and misses real ones.
  const truth = await analyze([join(dir, 'true')]);
  assert.deepEqual(raceKeys(fixed), raceKeys(truth));
  const spurious = raceKeys(raw).filter((key) => !raceKeys(truth).includes(key));
  assert.ok(spurious.some((key) => key.startsWith('overlapping-path')), 'uncorrected clocks invent overlaps');
});

test('racetrace analyze --skew through the CLI: repeated flags, units, and the Clocks section', async (t) => {
  const dir = tempFolder(t);
  writeFleet(dir, fleet);
  const flags = Object.entries(trueCorrections(fleet)).flatMap(([host, ms]) => ['--skew', `${host}=${(ms * 1000).toFixed(0)}us`]);
  const json = await runCli(['analyze', dir, '--format', 'json', '--fail-on', 'none', ...flags]);
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout) as Report;
  assert.ok(report.clock);
  assert.equal(report.clock.violations, 0);
  assertRecovers(report.clock, () => 0);
  // The text report of 400 findings is slow to render (text-findings), so markdown stands in here.

  const markdown = await runCli(['analyze', dir, '--fail-on', 'none', '--format', 'markdown', ...flags]);
  assert.match(markdown.stdout, /^### Clocks\n\nOffsets from fleet-\d\d \(the host with the most events\), from \d+ causal pairs/m);
  assert.match(markdown.stdout, /^- fleet-\d\d is [+-]\d+\.\d ms \([+-]\d+\.\d\.\.[+-]\d+\.\d\) from fleet-\d\d, from \d+ causal pairs \(after --skew [+-]\d+\.\d ms\)$/m);

  const bad = await runCli(['analyze', dir, '--skew', 'fleet-01=fast']);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'racetrace: --skew got "fleet-01=fast": give host=offset, the milliseconds to add to that host\'s times, such as build-02=+12ms, build-03=-1.5s or build-04=300us.\n');
});

test('the text report has a Clocks section: a small fleet, uncorrected', async (t) => {
  const dir = tempFolder(t);
  writeFleet(dir, simulateFleet({ ...DEFAULT_FLEET, processes: 30, hosts: 3, exportsPerProcess: 3, spanMs: 1000 }));
  const text = await runCli(['analyze', dir, '--fail-on', 'none']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^Clocks\nOffsets from fleet-\d\d \(the host with the most events\), from \d+ causal pairs/m);
  assert.match(text.stdout, /^ {2}fleet-\d\d is [+-]\d+\.\d ms \([+-]\d+\.\d\.\.[+-]\d+\.\d\) from fleet-\d\d, from \d+ causal pairs$/m);
  assert.match(text.stdout, /^Cross-host order within \d+\.\d ms is uncertain\.$/m);
  assert.match(text.stdout, /clock-skew/);
});

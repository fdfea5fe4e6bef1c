import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactReport } from '../../src/report/redact.js';
import { validateReport } from '../../src/schema/validators.js';
import type { Report } from '../../src/types.js';
import { countKinds, finding, makeReport, T0 } from '../helpers/report.js';

const USERS = ['alice', 'bob.smith', 'Carol'];
const HOSTS = ['build-01.corp.example', 'db-west-7', 'laptop-of-dave'];

/** A report whose paths, messages, inputs, diagnostics and story are full of user and host names. */
function namedReport(): Report {
  const findings = [
    finding({
      path: '/home/alice/out/sales.csv',
      message: 'pids 1, 2 on build-01.corp.example held /home/alice/out/sales.csv; alice ran both',
      hint: 'Ask build-01 (build-01.corp.example) why /home/alice is shared',
      hosts: ['build-01.corp.example', 'db-west-7'],
      correlationIds: ['build-01.corp.example-4242-x', 'db-west-7-4243-y'],
      evidence: [{ input: '/home/alice/logs/build-01.corp.example.log', line: 2 }, { input: 'C:\\Users\\Carol\\logs\\db-west-7.log', line: 3 }],
    }),
    finding({
      kind: 'failed-rename',
      path: undefined,
      role: undefined,
      tempPath: '/Users/bob.smith/tmp/x.tmp',
      targetPath: '\\\\laptop-of-dave\\share\\x.csv',
      message: 'rename of /Users/bob.smith/tmp/x.tmp failed on LAPTOP-OF-DAVE',
      hosts: ['laptop-of-dave'],
      correlationIds: ['db-west-7-4243-y'],
    }),
  ];
  return makeReport({
    inputs: [
      { name: '/home/alice/logs/build-01.corp.example.log', lines: 2, events: 2, other: 0, invalid: 0, late: 0 },
      { name: 'C:\\Users\\Carol\\logs\\db-west-7.log', lines: 3, events: 2, other: 0, invalid: 1, late: 0 },
    ],
    findings,
    summary: { events: 4, exports: 2, processes: 2, start: T0, end: T0 + 10, findings: countKinds(findings) },
    exports: [
      { correlationId: 'build-01.corp.example-4242-x', pids: [4242], hosts: ['build-01.corp.example'], start: T0, end: T0 + 5, status: 'ok', events: 2, findings: 1 },
      { correlationId: 'db-west-7-4243-y', pids: [4243], hosts: ['db-west-7'], start: T0, end: T0 + 10, status: 'failed', events: 2, findings: 2 },
    ],
    diagnostics: [{ input: 'C:\\Users\\Carol\\logs\\db-west-7.log', line: 3, reason: 'not JSON: {"tempPath":"C:\\\\Users\\\\Carol\\\\x", "hostname":"db-west-7"' }],
    notes: ['build-01 was slow; see /root/notes and /home/alice'],
    story: {
      correlationId: 'db-west-7-4243-y',
      events: [{ time: T0, host: 'db-west-7', pid: 4243, correlationId: 'db-west-7-4243-y', event: 'export.start', own: true, source: { input: 'C:\\Users\\Carol\\logs\\db-west-7.log', line: 1 } }],
    },
  });
}

test('no user name or host name is left anywhere in a redacted report', () => {
  const text = JSON.stringify(redactReport(namedReport()));
  for (const name of [...USERS, ...HOSTS, 'build-01', 'LAPTOP-OF-DAVE']) {
    assert.ok(!text.toLowerCase().includes(name.toLowerCase()), `${name} is still in the report`);
  }
});

test('the same value always gets the same placeholder, so the race still reads', () => {
  const r = redactReport(namedReport());
  const f = r.findings[0];
  assert.ok(f);
  assert.deepEqual(f.hosts, ['host-1', 'host-2']);
  assert.equal(f.path, '/home/user-1/out/sales.csv');
  assert.equal(f.message, 'pids 1, 2 on host-1 held /home/user-1/out/sales.csv; user-1 ran both');
  assert.equal(f.hint, 'Ask host-1 (host-1) why /home/user-1 is shared');
  assert.deepEqual(f.correlationIds, ['host-1-4242-x', 'host-2-4243-y']);
  assert.deepEqual(r.exports.map((e) => e.correlationId), ['host-1-4242-x', 'host-2-4243-y']);
  assert.deepEqual(r.exports.map((e) => e.hosts), [['host-1'], ['host-2']]);
  assert.equal(r.inputs[0]?.name, '/home/user-1/logs/host-1.log');
  assert.equal(f.evidence?.[0]?.input, r.inputs[0]?.name);
  assert.equal(r.inputs[1]?.name, 'C:\\Users\\user-2\\logs\\host-2.log');
  assert.equal(r.diagnostics[0]?.input, r.inputs[1]?.name);
  assert.match(r.diagnostics[0]?.reason ?? '', /C:\\\\Users\\\\user-2\\\\x.*"host-2"/);
  assert.equal(r.story?.correlationId, 'host-2-4243-y');
  assert.equal(r.story?.events[0]?.host, 'host-2');
  const rename = r.findings[1];
  assert.equal(rename?.tempPath, '/Users/user-3/tmp/x.tmp');
  assert.equal(rename?.targetPath, '\\\\host-3\\share\\x.csv');
  assert.equal(rename?.message, 'rename of /Users/user-3/tmp/x.tmp failed on host-3');
});

test('/root stays, the report\'s own words stay, and the result is still a valid report', () => {
  const original = namedReport();
  const r = redactReport(original);
  assert.match(r.notes?.[0] ?? '', /^host-1 was slow; see \/root\/notes and \/home\/user-1$/);
  assert.match(r.notes?.at(-1) ?? '', /^Redacted: /);
  assert.deepEqual(r.findings.map((f) => f.kind), ['overlapping-path', 'failed-rename']);
  assert.deepEqual(r.summary, original.summary);
  assert.deepEqual(r.tool, original.tool);
  const result = validateReport(r);
  assert.equal(result.valid, true, result.errors);
  // The input was not touched.
  assert.equal(original.inputs[0]?.name, '/home/alice/logs/build-01.corp.example.log');
});

test('user patterns are redacted consistently too', () => {
  const report = namedReport();
  report.findings[0]!.message = 'ticket ACME-1234 and ACME-9 and again ACME-1234';
  report.notes = ['see ACME-9'];
  const r = redactReport(report, { patterns: [/ACME-\d+/, /never-matches/g, /(?:)/g] });
  assert.equal(r.findings[0]?.message, 'ticket redacted-1 and redacted-2 and again redacted-1');
  assert.equal(r.notes?.[0], 'see redacted-2');
});

test('a name is replaced as a whole token, not inside a longer word', () => {
  const report = makeReport({
    exports: [{ correlationId: 'c', pids: [1], hosts: ['web'], start: 0, end: 1, status: 'ok', events: 1, findings: 0 }],
    findings: [finding({ message: 'web served /srv/webapp/web.csv to web-2', hosts: ['web'] })],
  });
  const r = redactReport(report);
  assert.equal(r.findings[0]?.message, 'host-1 served /srv/webapp/host-1.csv to host-1-2');
});

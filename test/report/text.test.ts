import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textReporter } from '../../src/report/text.js';
import { CID, ESCAPE_PATH, T0, hostileReport, makeReport } from '../helpers/report.js';

const ESC = '\u001b';

test('without colour the text report has no escape character at all', () => {
  for (const report of [makeReport(), hostileReport()]) {
    const out = textReporter(report, { color: false });
    assert.ok(!out.includes(ESC), 'an ESC reached the output');
  }
});

test('a hostile path is shown with its control characters escaped', () => {
  const out = textReporter(hostileReport(), { color: false });
  assert.match(out, /\\x1B\[31mred\\x1B\[0m\\nfake line\\r\\u202Egnp\.csv\\x07/);
  // The forged newline did not start a line of its own.
  assert.ok(!out.split('\n').some((line) => line.startsWith('fake line')));
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(out));
  assert.ok(out.includes('evil\\x1B]0;pwned\\x07host'), 'hosts are neutralised too');
  assert.ok(!out.includes(ESCAPE_PATH));
});

test('with colour, severities are red and yellow; without, they are plain', () => {
  const report = makeReport();
  const coloured = textReporter(report, { color: true });
  assert.ok(coloured.includes(`${ESC}[31merror${ESC}[39m`));
  assert.ok(coloured.includes(`${ESC}[33mwarning${ESC}[39m`));
  const plain = textReporter(report, { color: false });
  assert.match(plain, /│ error +│/);
});

test('colour never lets a log sneak its own escapes through', () => {
  const out = textReporter(hostileReport(), { color: true });
  // Only SGR sequences of ours: ESC [ digits m.
  for (const match of out.matchAll(/\u001b(.{0,8})/g)) assert.match(match[1] ?? '', /^\[\d+m/);
});

test('the summary accounts for every line and says times are UTC', () => {
  const out = textReporter(makeReport(), { color: false });
  assert.match(out, /times in UTC/);
  assert.match(out, /│ logs\/a\.log +│ +20 │ +15 │ +4 │ +1 │ +0 │/);
  assert.match(out, /│ total +│ +30 │ +25 │ +4 │ +1 │ +2 │/);
  assert.match(out, /Time span: 2025-11-28 16:00:00\.000 – 16:00:00\.912 UTC \(912\.5 ms\)/);
  assert.match(out, /2 errors, 1 warning in 3 exports across 3 processes\./);
});

test('each finding shows where, when (with milliseconds), pids, hint and evidence', () => {
  const out = textReporter(makeReport(), { color: false });
  assert.match(out, /target \/srv\/out\/sales\.csv/);
  assert.match(out, /16:00:00\.003/);
  assert.match(out, /– 16:00:00\.041/);
  assert.match(out, /4242, 4243/);
  assert.match(out, /hint: A shared temp name/);
  assert.match(out, /evidence: logs\/a\.log:10, logs\/a\.log:11, logs\/a\.log:12 and 3 more/);
  assert.match(out, /retry delays: identical across processes \(no jitter\)/);
  assert.match(out, /errors: EBUSY 9, EPERM 3/);
  // Errors come before warnings.
  assert.ok(out.indexOf('overlapping-path') < out.indexOf('retry-storm'));
});

test('exports list status and duration; invalid lines are input:line: reason with the rest counted', () => {
  const report = makeReport({ diagnosticsOmitted: 41, exportsOmitted: 7 });
  const out = textReporter(report, { color: false });
  assert.match(out, new RegExp(`${CID[1]} +│ build-01: 4243 +│ 16:00:00\\.003 +│ +909 ms │ failed`));
  assert.match(out, /and 7 more exports/);
  assert.match(out, /^logs\/a\.log:7: not JSON: Unexpected end of JSON input$/m);
  assert.match(out, /^and 41 more invalid lines$/m);
});

test('a clean run says so', () => {
  const report = makeReport({ findings: [], summary: { ...makeReport().summary, findings: {} } });
  const out = textReporter(report, { color: false });
  assert.match(out, /No races found in 3 exports across 3 processes\./);
  assert.match(out, /No findings\./);
});

test('the story marks the other exports\' events and an input that failed is named', () => {
  const report = hostileReport();
  report.inputs.push({ name: 'logs/c.log.gz', lines: 1, events: 1, other: 0, invalid: 0, late: 0, error: 'gzip cut short' });
  const out = textReporter(report, { color: false });
  assert.match(out, new RegExp(`Story of export ${CID[0]}`));
  assert.match(out, new RegExp(`other: ${CID[1]}`));
  assert.match(out, /│ this +│/);
  assert.match(out, /logs\/c\.log\.gz: not read to the end: gzip cut short/);
  assert.match(out, /Incomplete: 1 input could not be read to the end\./);
});

test('a run over two UTC days shows dates on every time', () => {
  const report = makeReport();
  report.summary.end = T0 + 10 * 3600_000;
  const out = textReporter(report, { color: false });
  assert.match(out, /2025-11-28 16:00:00\.003/);
});

test('colour adds escape codes and changes nothing else (the layout stays aligned)', () => {
  for (const report of [makeReport(), hostileReport()]) {
    const coloured = textReporter(report, { color: true }).replace(/\u001b\[\d+m/g, '');
    assert.equal(coloured, textReporter(report, { color: false }));
  }
});

test('hundreds of findings with long export lists render whole (regression: minutes in cli-table3 spans)', { timeout: 60_000 }, () => {
  const base = makeReport();
  const one = base.findings[0];
  assert.ok(one);
  const ids = Array.from({ length: 100 }, (_, i) => `20261128T170000Z-${String(i).padStart(4, '0')}-aaaa-bbbb-cccc-dddddddddddd`);
  const findings = Array.from({ length: 400 }, (_, i) => ({ ...one, message: `finding number ${i} with a message that is long enough to wrap across the detail block width`, correlationIds: ids }));
  const out = textReporter({ ...base, findings }, { color: false });
  for (const i of [0, 199, 399]) assert.match(out, new RegExp(`finding number ${i} with a message`));
  assert.match(out, /and 96 more/);
  assert.doesNotMatch(out, /…/);
});

test('a 20 KB path is shown whole in the finding block and elided in the table (regression: the report hung)', { timeout: 60_000 }, () => {
  const base = makeReport();
  const one = base.findings[0];
  assert.ok(one);
  const path = `/srv/${'x'.repeat(20_000)}/out.csv`;
  const out = textReporter({ ...base, findings: [{ ...one, path, tempPath: path, targetPath: path, message: `held ${path}` }] }, { color: false });
  assert.ok((out.match(/x/g) ?? []).length >= 20_000, "the whole path is in the finding block");
});

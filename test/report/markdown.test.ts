import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownReporter } from '../../src/report/markdown.js';
import { mdCode } from '../../src/report/markdown-escape.js';
import { codeContent, inlineParts, tableCells, tables } from '../helpers/markdown.js';
import { ESCAPE_PATH, HTML_PATH, PIPE_PATH, hostileReport, makeReport } from '../helpers/report.js';

const ALLOWED_TAGS = /<\/?(details|summary)>|<br>/g;
const render = (report = hostileReport()): string => markdownReporter(report, { color: false });

/** Markdown outside fenced blocks (the Mermaid block has its own rules, tested in gantt.test). */
function prose(markdown: string): string[] {
  const lines: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    else if (!inFence) lines.push(line);
  }
  return lines;
}

test('no HTML from a log survives outside code spans: a hostile path renders as text', () => {
  const out = render();
  for (const line of prose(out)) {
    const { rest } = inlineParts(line);
    // Every `<` left is either one of ours or backslash-escaped (\<), or an entity (&lt;).
    const unescaped = rest.replace(ALLOWED_TAGS, '').replace(/\\</g, '');
    assert.ok(!unescaped.includes('<'), `raw markup in: ${line}`);
  }
  assert.ok(out.includes('\\<img src=x onerror=alert(1)\\>'), 'messages escape the tag');
  assert.ok(out.includes('`/srv/out/<img src=x onerror=alert(1)>.csv`'), 'paths are code spans');
});

test('every table row has exactly the header\'s number of cells, even with | in a cell', () => {
  const found = tables(render());
  assert.ok(found.length >= 4, `only ${found.length} tables`);
  for (const table of found) {
    const width = tableCells(table[0] ?? '').length;
    for (const row of table) assert.equal(tableCells(row).length, width, `row has the wrong cell count: ${row}`);
  }
});

test('a path with pipes and backticks shows exactly, in a table cell and in a list', () => {
  const out = render();
  const inCell = mdCode(PIPE_PATH, true);
  assert.ok(out.includes(inCell));
  // Inside a table GFM turns \| back into |: the code span then holds the path exactly.
  const { code } = inlineParts(inCell.replace(/\\\|/g, '|'));
  assert.equal(codeContent(code[0] ?? ''), PIPE_PATH);
});

test('control characters are shown escaped and never break a line or row', () => {
  const out = render();
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f]/.test(out));
  assert.ok(out.includes('\\x1B[31mred\\x1B[0m\\nfake line'));
  assert.ok(!out.split('\n').some((line) => line.startsWith('fake line')));
  assert.ok(!out.includes(ESCAPE_PATH));
});

test('the ticket has a verdict, the summary, findings with evidence under <details>, exports', () => {
  const out = render(makeReport());
  assert.match(out.split('\n')[2] ?? '', /^\*\*2 errors, 1 warning in 3 exports across 3 processes\.\*\*$/);
  assert.match(out, /\| Events \| 25 \|/);
  assert.match(out, /\| `logs\/a\.log` \| 20 \| 15 \| 4 \| 1 \| 0 \|/);
  assert.match(out, /\| 1 \| \*\*error\*\* \| overlapping-path \| target `\/srv\/out\/sales\.csv` \|/);
  const details = out.match(/<details>[\s\S]*?<\/details>/g) ?? [];
  assert.equal(details.length, 3);
  assert.match(details[0] ?? '', /<summary>#1 overlapping-path: hint and evidence<\/summary>\n\n\*\*Hint:\*\* A shared temp name/);
  assert.match(details[0] ?? '', /  - `logs\/a\.log:2`\n  - `logs\/b\.log:3`/);
  assert.match(out, /### Exports\n\n\| Correlation ID/);
  assert.match(out, /- `logs\/a\.log:7`: not JSON: Unexpected end of JSON input/);
});

test('the <summary> of a finding escapes for HTML, where Markdown escapes do not apply', () => {
  const report = makeReport();
  const first = report.findings[0];
  assert.ok(first);
  first.kind = '<b>x</b>';
  const out = render(report);
  assert.match(out, /<summary>#1 &lt;b&gt;x&lt;\/b&gt;: hint and evidence<\/summary>/);
});

test('a long export list is cut for the ticket, exports with findings first', () => {
  const base = makeReport();
  const exports = Array.from({ length: 80 }, (_, i) => ({
    correlationId: `cid-${i}`, pids: [i], hosts: ['h'], start: 0, end: 1, status: 'ok' as const, events: 1, findings: i === 70 ? 3 : 0,
  }));
  const out = render({ ...base, exports, exportsOmitted: 5 });
  assert.match(out, /\| `cid-70` \|[^\n]*\| 3 \|\n\| `cid-0` \|/);
  assert.match(out, /_and 35 more exports \(see `--format json`\)\._/);
});

test('hostile input names, hosts and ids are code spans or escaped text', () => {
  const out = render();
  assert.ok(out.includes(mdCode(`logs/${HTML_PATH}|\u001b[2J.log`, true)));
  assert.ok(out.includes(`**other** ${mdCode('20251128T160000Z-bbbb2222', true)}`));
  assert.ok(out.includes(`- Exports: ${mdCode('cid|with`tick')}, `), 'an id with a backtick gets a longer fence');
  assert.ok(out.includes('\\[x\\](javascript:alert(1))'), 'no live link from the hint');
});

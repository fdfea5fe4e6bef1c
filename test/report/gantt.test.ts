import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ganttBlock, GANTT_MAX_PATHS, mermaidText } from '../../src/report/gantt.js';
import { markdownReporter } from '../../src/report/markdown.js';
import { CID, HTML_PATH, PIPE_PATH, T0, countKinds, finding, makeReport } from '../helpers/report.js';

function mermaid(markdown: string): string[] {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  assert.ok(match, 'no mermaid block');
  return (match[1] ?? '').split('\n');
}

test('the Markdown report draws the conflicting holds as a Mermaid gantt chart', () => {
  const lines = mermaid(markdownReporter(makeReport(), { color: false }));
  assert.deepEqual(lines.slice(0, 4), ['gantt', '    title Conflicting holds', '    dateFormat x', '    axisFormat %H:%M:%S.%L']);
  assert.ok(lines.includes('    section target /srv/out/sales.csv'));
  // One bar per export, from its first to its last event (epoch ms), and the shared window in red.
  assert.ok(lines.includes(`    pid 4242 export ${CID[0]} : ${T0}, ${T0 + 412}`));
  assert.ok(lines.includes(`    pid 4243 export ${CID[1]} : ${T0 + 3}, ${T0 + 913}`));
  assert.ok(lines.includes(`    together (2 processes) :crit,  ${T0 + 3}, ${T0 + 41}`));
});

test('only the most contended paths are drawn, and the rest are counted', () => {
  const findings = Array.from({ length: 8 }, (_, i) =>
    finding({
      path: `/srv/out/file-${i}.csv`,
      // file-7 has the most exports on it, so it must be drawn first.
      correlationIds: i === 7 ? [CID[0], CID[1], CID[2]] : [CID[0], CID[1]],
      pids: i === 7 ? [1, 2, 3] : [1, 2],
      start: T0 + i,
      end: T0 + i + 10,
    }),
  );
  const report = makeReport({ findings, summary: { ...makeReport().summary, findings: countKinds(findings) } });
  const block = ganttBlock(report);
  const sections = mermaid(block).filter((line) => line.trimStart().startsWith('section '));
  assert.equal(sections.length, GANTT_MAX_PATHS);
  assert.equal(sections[0], '    section target /srv/out/file-7.csv');
  assert.match(block, /_3 more contended paths in the findings table\._/);
});

test('no chart when nothing overlapped', () => {
  const report = makeReport({ findings: [finding({ kind: 'orphaned-temp', severity: 'warning' })] });
  assert.equal(ganttBlock(report), '');
  assert.ok(!markdownReporter(report, { color: false }).includes('```mermaid'));
});

test('hostile paths and ids cannot break the chart or the fence', () => {
  const findings = [
    finding({ path: HTML_PATH }),
    finding({ path: `${PIPE_PATH}:x#y;z%%c\n  section evil`, correlationIds: ['id:with#bad;chars```', CID[1]] }),
  ];
  const lines = mermaid(ganttBlock(makeReport({ findings, exports: [] })));
  for (const line of lines.slice(5)) {
    const name = line.includes(' :') ? line.slice(0, line.indexOf(' :')) : line;
    assert.doesNotMatch(name, /[:#;%`<>\n]/, `unsafe name: ${line}`);
    assert.match(line, /^    /, 'every statement is indented: nothing escaped to a new statement');
  }
  assert.equal(lines.filter((line) => line.trimStart().startsWith('section ')).length, 2);
  assert.ok(lines.some((line) => line.includes('id_with_bad_chars___')));
});

test('mermaidText keeps letters, digits and path characters and the end of long names', () => {
  assert.equal(mermaidText('/srv/out/sales.csv'), '/srv/out/sales.csv');
  assert.equal(mermaidText('C:\\out\\a b.csv'), 'C__out_a b.csv');
  assert.equal(mermaidText('/home/josé/отчёт.csv'), '/home/josé/отчёт.csv');
  const long = mermaidText(`/very/${'x'.repeat(100)}/tail.csv`);
  assert.equal([...long].length, 60);
  assert.ok(long.startsWith('…') && long.endsWith('/tail.csv'));
});

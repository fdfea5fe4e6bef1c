import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { render, reporters } from '../../src/report/index.js';
import { htmlReporter } from '../../src/report/html/index.js';
import { jsonForScript } from '../../src/report/html/data.js';
import { redactReport } from '../../src/report/redact.js';
import type { Report } from '../../src/types.js';
import { ATTR_BREAKER, SCRIPT_BREAKER, hostileTimeline } from '../helpers/html-report.js';
import { HTML_PATH, PIPE_PATH, T0, hostileReport, makeReport } from '../helpers/report.js';

function hostile(): Report {
  const report = hostileReport();
  report.timeline = hostileTimeline(T0, [HTML_PATH, PIPE_PATH]);
  const [first] = report.exports;
  if (first) first.hosts = [ATTR_BREAKER];
  return report;
}

const html = (report: Report): string => htmlReporter(report, { color: false });

/** The text of every element named `tag` (no nesting in this page). */
function elements(page: string, tag: string): { attrs: string; text: string }[] {
  return [...page.matchAll(new RegExp(`<${tag}([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => ({ attrs: m[1] ?? '', text: m[2] ?? '' }));
}

test('html is registered under --format html and renders a whole page', () => {
  assert.equal(reporters.html, htmlReporter);
  const page = render(makeReport(), 'html', { color: false });
  assert.match(page, /^<!DOCTYPE html>\n<html lang="en">/);
  assert.match(page, /<\/html>\n$/);
});

test('paths, IDs, hosts and messages from logs render as text, never as markup', () => {
  const page = html(hostile());
  assert.ok(!page.includes('<img'), 'no raw <img');
  assert.ok(!/<svg onload/i.test(page), 'no attribute break-out');
  assert.ok(!page.includes('<b>E</b>'));
  assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the hostile path is shown escaped');
  assert.ok(page.includes('evil&quot;&gt;&lt;svg onload=alert(1)&gt;'), 'the hostile host is shown escaped');
  // Exactly the page's own two script elements: the data and the code. Nothing opens a third,
  // and nothing closes one early (a `</script` inside the data would end it).
  assert.equal(page.match(/<script/gi)?.length, 2);
  assert.equal(page.match(/<\/script/gi)?.length, 2);
  assert.ok(!page.includes('<!--'), 'no comment opened by a log string');
  // No tag anywhere carries an event handler attribute.
  assert.ok(!/<[a-z][^>]*\son[a-z]+\s*=/i.test(page));
});

test('the embedded data keeps every hostile string intact for the script to show as text', () => {
  const page = html(hostile());
  const [data] = elements(page, 'script').filter((s) => s.attrs.includes('application/json'));
  assert.ok(data, 'a data block');
  assert.ok(!/[<>&]/.test(data.text), 'no < > & inside the data block');
  const parsed = JSON.parse(data.text) as { strings: string[]; lanes: number[][] };
  for (const value of [HTML_PATH, PIPE_PATH, SCRIPT_BREAKER, ATTR_BREAKER, '<img src=x onerror=alert(2)>']) {
    assert.ok(parsed.strings.includes(value), `kept: ${value}`);
  }
  assert.equal(parsed.lanes.length, 2);
  assert.equal(jsonForScript({ s: '</script>\u2028<!--&' }), '{"s":"\\u003c/script\\u003e\\u2028\\u003c!--\\u0026"}');
});

test('the page is self-contained: no URL to fetch, and a CSP that allows only its own style and script', () => {
  const page = html(hostile());
  assert.ok(!/https?:/i.test(page), 'no http(s) URL anywhere');
  // Inside tags only: the escaped hostile path shows ` src=x` as text.
  assert.ok(!/<[a-z][^>]*\ssrc\s*=/i.test(page), 'no src attribute');
  for (const m of page.matchAll(/<[a-z][^>]*\shref\s*=\s*"([^"]*)"/gi)) assert.match(m[1] ?? '', /^#/, 'links stay in the page');
  assert.ok(!/<link|@import|@font-face/i.test(page));
  for (const m of page.matchAll(/url\(([^)]*)\)/g)) assert.match(m[1] ?? '', /^#/, 'CSS urls are in-page references');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const [style] = elements(page, 'style');
  const [code] = elements(page, 'script').filter((s) => s.attrs === '');
  assert.ok(style && code);
  assert.ok(csp.includes(`style-src ${sha(style.text)}`), 'style allowed by its hash');
  assert.ok(csp.includes(`script-src ${sha(code.text)}`), 'script allowed by its hash');
  assert.ok(!/<[a-z][^>]*\sstyle\s*=/i.test(page), 'no inline style attribute (the CSP would block it)');
});

test('summary, findings linked to the timeline, exports, diagnostics and notes are all there', () => {
  const report = makeReport({ notes: ['a note'] });
  report.timeline = hostileTimeline(T0, ['/srv/out/sales.csv.tmp', '/srv/out/sales.csv']);
  const page = html(report);
  assert.ok(page.includes('2025-11-28 16:00:00.000 – 16:00:00.912 UTC (912.5 ms)'), 'time span in UTC');
  assert.match(page, /<code>logs\/a\.log<\/code><\/td><td class="num">20<\/td><td class="num">15<\/td><td class="num">4<\/td><td class="num">1<\/td>/);
  const order = ['id="summary"', 'id="findings"', 'id="timeline-section"', 'id="exports"', 'id="diagnostics"', 'id="notes"'];
  const at = order.map((id) => page.indexOf(id));
  assert.ok(at.every((i) => i > 0), `all sections: ${at.join(', ')}`);
  assert.deepEqual([...at].sort((a, b) => a - b), at, 'findings above the timeline, in that order');
  // Every finding with a time links to the timeline with its index; its row carries the same.
  report.findings.forEach((f, i) => {
    assert.ok(page.includes(`id="finding-${i}"`));
    assert.equal(page.includes(`class="jump" data-finding="${i}" data-start="${f.start}"`), f.start !== undefined);
  });
  assert.match(page, /<li><code>logs\/a\.log:7<\/code>: not JSON/);
});

test('a report without a timeline still renders, and says how to get one', () => {
  const page = html(makeReport());
  assert.match(page, /carries no timeline/);
  assert.ok(!page.includes('application/json'));
  assert.equal(page.match(/<script/g)?.length, 1);
});

test('the verdict says whether it raced', () => {
  assert.match(html(makeReport()), /<p class="verdict bad">2 errors, 1 warning in 3 exports across 3 processes\.<\/p>/);
  assert.match(html(makeReport({ findings: [], summary: { ...makeReport().summary, findings: {} } })), /class="verdict ok">No races found/);
});

test('--redact reaches the timeline too: no host or user name is left in the page', () => {
  const report = makeReport();
  report.timeline = hostileTimeline(T0, ['/home/alice/out/sales.csv.tmp', '/home/alice/out/sales.csv']);
  const page = html(redactReport(report));
  for (const name of ['build-01', 'build-02', 'alice', 'evil']) assert.ok(!page.includes(name), `${name} is gone`);
  assert.ok(page.includes('host-1'));
});

import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyze } from '../../src/analyze/index.js';
import { render } from '../../src/report/index.js';
import type { Report } from '../../src/types.js';
import { CHROMIUM, CHROMIUM_ARGS, hostileTimeline, naiveFiveLogs } from '../helpers/html-report.js';
import { projectRoot } from '../helpers/paths.js';
import { HTML_PATH, PIPE_PATH, T0, hostileReport } from '../helpers/report.js';
import { tempFolder } from '../helpers/tmp.js';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`;
const artifacts = join(projectRoot, 'test-artifacts');

/** What the page did besides rendering: anything here is a failure. */
interface Watch {
  problems: string[];
  requests: string[];
}

async function open(t: TestContext, browser: Browser, report: Report, name: string): Promise<{ page: Page; watch: Watch }> {
  const file = join(tempFolder(t, 'racetrace-html-'), name);
  writeFileSync(file, render(report, 'html', { color: false }));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const watch: Watch = { problems: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    watch.problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => watch.requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  // Only the page itself: no script, style, font or image from anywhere.
  assert.deepEqual(watch.requests, [url]);
  return { page, watch };
}

test('the HTML report of five naive exporters, in a real Chromium', { skip }, async (t) => {
  const { folder, captured } = await naiveFiveLogs(t);
  const report = await analyze([folder], { timeline: true });
  const timeline = report.timeline;
  assert.ok(timeline, 'analyze({ timeline: true }) collects the timeline');
  const processes = new Set(readdirSync(folder).filter((n) => n.endsWith('.ndjson'))).size;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  const { page, watch } = await open(t, browser, report, 'naive-5.html');

  // One lane per process, each labelled with its pid.
  const lanes = page.locator('svg#timeline g.lane');
  assert.equal(await lanes.count(), processes);
  assert.equal(await lanes.count(), report.summary.processes);
  const pids = await lanes.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-pid'))));
  assert.deepEqual(pids.sort(), timeline.lanes.map((l) => l.pid).sort());

  // The overlapping holds are marked: every conflicting bar of the data, in at least two lanes,
  // under the conflict window of the overlapping-path finding.
  const overlaps = report.findings.filter((f) => f.kind === 'overlapping-path');
  if (captured) assert.ok(overlaps.length > 0, 'naive-5 races on the shared temp');
  const conflictBars = page.locator('svg#timeline .bar.conflict');
  assert.equal(await conflictBars.count(), timeline.bars.filter((b) => b.conflict).length);
  assert.equal(await page.locator('svg#timeline rect.band-conflict').count(), overlaps.length);
  if (overlaps.length > 0) {
    const conflictLanes = await conflictBars.evaluateAll((rects) => new Set(rects.map((r) => r.parentElement?.getAttribute('data-pid'))).size);
    assert.ok(conflictLanes >= 2, `conflicting holds in ${conflictLanes} lanes`);
  }

  // The artifact: the whole page as a reader first sees it.
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'html-report.png'), fullPage: true });

  // Hovering a failure marker shows its error code.
  const markers = page.locator('svg#timeline path.marker');
  assert.equal(await markers.count(), timeline.markers.length);
  const tip = page.locator('#tip');
  if (timeline.markers.length > 0) {
    assert.equal(await tip.isVisible(), false);
    const marker = timeline.markers[0];
    await page.locator('svg#timeline path.marker[data-i="0"]').hover();
    assert.equal(await tip.isVisible(), true);
    const shown = await tip.textContent();
    assert.ok(marker && shown?.includes(`rename failed: ${marker.errorCode}`), `tooltip: ${shown}`);
  }

  // A finding's time jumps to that moment: the view zooms in, the moment is outlined, the row is marked.
  const before = await page.locator('#tl-range').textContent();
  await page.locator('a.jump').first().click();
  assert.equal(await page.locator('svg#timeline rect.highlight').count(), 1);
  assert.notEqual(await page.locator('#tl-range').textContent(), before);
  assert.equal(await page.locator('tr.finding-row.active').count(), 1);
  // A failed rename's link outlines its failure marker; that view, hovered, is the second artifact.
  const failed = report.findings.findIndex((f) => f.kind === 'failed-rename');
  if (failed >= 0) {
    await page.locator(`a.jump[data-finding="${failed}"]`).click();
    const marker = page.locator('svg#timeline path.marker.hl');
    assert.ok((await marker.count()) >= 1, 'the failed attempt is outlined');
    await marker.first().hover();
    assert.equal(await page.locator('#tip').isVisible(), true);
  }
  await page.locator('#timeline-section').screenshot({ path: join(artifacts, 'html-report-finding.png') });
  await page.mouse.move(0, 0);

  // Zoom buttons and Fit.
  await page.locator('#tl-fit').click();
  const fit = await page.locator('#tl-range').textContent();
  await page.locator('#tl-zoom-in').click();
  assert.notEqual(await page.locator('#tl-range').textContent(), fit);
  await page.locator('#tl-fit').click();
  assert.equal(await page.locator('#tl-range').textContent(), fit);

  // The filter dims holds of other exports.
  const cid = timeline.bars[0]?.correlationId ?? '';
  await page.locator('#tl-filter').fill(cid);
  const dimmed = await page.locator('svg#timeline .bar.dim').count();
  const others = timeline.bars.filter((b) => b.correlationId !== cid && !b.path.includes(cid)).length;
  assert.equal(dimmed, others);
  assert.match((await page.locator('#tl-match').textContent()) ?? '', new RegExp(`^${timeline.bars.length - others} of ${timeline.bars.length} holds match$`));

  assert.deepEqual(watch.problems, []);
});

test('hostile strings from logs stay text in the browser: nothing runs, the tooltip shows them as written', { skip }, async (t) => {
  const report = hostileReport();
  report.timeline = hostileTimeline(T0, [HTML_PATH, PIPE_PATH]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  const { page, watch } = await open(t, browser, report, 'hostile.html');
  assert.equal(await page.locator('img').count(), 0, 'no <img> element was created');
  assert.equal(await page.locator('svg#timeline g.lane').count(), 2);
  await page.locator('svg#timeline rect.bar.conflict').first().hover();
  const shown = (await page.locator('#tip').textContent()) ?? '';
  assert.ok(shown.includes(HTML_PATH), shown);
  assert.ok(shown.includes('</script><script>alert(1)</script><!--'), shown);
  await page.locator('svg#timeline path.marker').first().hover();
  assert.ok(((await page.locator('#tip').textContent()) ?? '').includes('<img src=x onerror=alert(2)>'));
  assert.equal(await page.locator('img').count(), 0);
  assert.deepEqual(watch.problems, []);
});

import type { Report, Timeline } from '../../types.js';
import { plural } from '../describe.js';
import { jsonForScript, timelineData } from './data.js';
import { section } from './markup.js';

/**
 * The timeline section: toolbar (filter, zoom, pan), legend, the SVG the script draws into, and
 * the data it draws from. Without a timeline in the report (a report rendered from JSON that was
 * analysed for another format) the section says how to get one.
 */
export function timelineHtml(report: Report): { html: string; data: string } {
  const timeline = report.timeline;
  if (!timeline) {
    return {
      html: section('timeline-section', 'Timeline',
        '<p class="muted">This report carries no timeline: it is collected by <code>racetrace analyze --format html</code>.</p>'),
      data: '',
    };
  }
  const omitted = Object.entries(timeline.omitted ?? {}).filter(([, n]) => n > 0);
  const bounded = timeline.lanes.some((l) => l.aggregated) || omitted.length > 0
    ? `<p class="muted">Bounded for size: ${[
        ...(timeline.lanes.some((l) => l.aggregated) ? ['busy lanes show their ordinary holds merged into grey blocks (hover for counts)'] : []),
        ...omitted.map(([what, n]) => `${plural(n, String(what).replace(/s$/, ''), String(what))} left out`),
      ].join('; ')}.</p>`
    : '';
  const body = `
<p class="tl-caption">${caption(timeline)}</p>
<div class="toolbar">
  <input type="search" id="tl-filter" placeholder="Filter by path or correlation ID" aria-label="Filter by path or correlation ID">
  <span id="tl-match" class="muted"></span>
  <span><button type="button" id="tl-zoom-out" title="Zoom out">&minus;</button>
  <button type="button" id="tl-zoom-in" title="Zoom in">+</button>
  <button type="button" id="tl-fit" title="Show the whole run">Fit</button></span>
  <input type="range" id="tl-pan" min="0" max="1000" value="500" aria-label="Pan">
  <span id="tl-range"></span>
</div>
<div class="legend">
  <span>${swatch('temp')}temp path held</span><span>${swatch('target')}target path held</span>
  <span>${swatch('conflict')}held by two exports at once</span><span>${swatch('band')}conflict window</span>
  <span>${swatch('marker')}failed rename (hover: error code)</span><span>${swatch('storm')}retry storm</span>
  <span>${swatch('bucket')}many holds, merged</span>
  <span>Drag to pan; Ctrl+wheel, or wheel over the time axis, to zoom; double-click zooms in.</span>
</div>
${bounded}
<div id="tl-wrap"><svg id="timeline" role="img" aria-label="Timeline: which process held which path when"></svg></div>
<noscript><p class="muted">The timeline is drawn by the page's script; the findings above and the tables below are complete without it.</p></noscript>
<div id="tip" hidden></div>`;
  return { html: section('timeline-section', 'Timeline', body), data: jsonForScript(timelineData(timeline, report.findings)) };
}

/** One sentence on what the picture holds, from counts only (no log text). */
function caption(timeline: Timeline): string {
  const hosts = new Set(timeline.lanes.map((l) => l.host)).size;
  const conflicting = timeline.bars.filter((b) => b.conflict).length + timeline.buckets.reduce((n, b) => n + b.conflicts, 0);
  const failures = timeline.lanes.reduce((n, l) => n + l.failures, 0);
  return [
    `${plural(timeline.lanes.length, 'process', 'processes')} on ${plural(hosts, 'host')}`,
    `<strong class="${conflicting > 0 ? 'bad' : ''}">${plural(conflicting, 'hold')} of a path another export held at the same time</strong>`,
    `${plural(failures, 'failed rename attempt')}`,
    `${plural(timeline.storms.length, 'retry storm')}`,
  ].join(' · ');
}

/** A legend swatch: fixed markup, no data. */
function swatch(kind: 'temp' | 'target' | 'conflict' | 'band' | 'marker' | 'storm' | 'bucket'): string {
  const shapes = {
    temp: '<rect x="1" y="3" width="22" height="9" fill="#9ec5ee" stroke="#4a86c5"/>',
    target: '<rect x="1" y="3" width="22" height="9" fill="#1f5fa3" stroke="#123f70"/>',
    conflict: '<rect x="1" y="3" width="22" height="9" fill="#9ec5ee" stroke="#cf222e" stroke-width="2"/><path d="M1 12L10 3M7 12L16 3M13 12L22 3" stroke="#cf222e"/>',
    band: '<rect x="1" y="0" width="22" height="15" fill="rgba(207,34,46,.13)"/><rect x="1" y="0" width="22" height="3" fill="#cf222e"/>',
    marker: '<path d="M12 2L18 8L12 14L6 8Z" fill="#e8590c" stroke="#fff"/>',
    storm: '<rect x="1" y="0" width="22" height="15" fill="rgba(212,145,0,.2)"/><rect x="1" y="0" width="22" height="3" fill="#b07800"/>',
    bucket: '<rect x="1" y="3" width="22" height="9" fill="#8c959f" fill-opacity=".45" stroke="#8c959f"/>',
  } as const;
  return `<svg width="24" height="15" viewBox="0 0 24 15" aria-hidden="true">${shapes[kind]}</svg>`;
}

/**
 * Part 2 of the page script: draw the visible window [v0, v1] into the SVG. Redrawn whole on
 * every zoom or pan; only what is in view is drawn, so a long run stays light.
 */
export const CLIENT_DRAW = String.raw`
var FULL0 = -span * 0.02, FULL1 = span * 1.02;
var view = { v0: FULL0, v1: FULL1 };
var state = { q: '', active: null };
var width = 0;

function el(name, attrs, parent) {
  var node = document.createElementNS(NS, name);
  for (var k in attrs) node.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(node);
  return node;
}
function label(parent, x, y, str, cls, anchor) {
  var t = el('text', { x: x, y: y, 'class': cls || '' }, parent);
  if (anchor) t.setAttribute('text-anchor', anchor);
  t.textContent = str;
  return t;
}
function X(t) { return GUT + (t - view.v0) / (view.v1 - view.v0) * (width - GUT - RIGHT); }
function clampX(x) { return Math.max(GUT - 4, Math.min(width + 4, x)); }
function visible(s, e) { return e >= view.v0 && s <= view.v1; }
function matches(path, cid) {
  return state.q === '' || path.toLowerCase().indexOf(state.q) >= 0 || cid.toLowerCase().indexOf(state.q) >= 0;
}
function highlighted(s, e, path, cid) {
  var f = state.active;
  if (!f || e < f.s || s > f.e) return false;
  if (f.path !== '' && path !== f.path && f.kind !== 'retry-storm') return false;
  return f.cids.length === 0 || f.cids.indexOf(cid) >= 0;
}
function basename(p) { var parts = p.split(/[\\/]/); return parts[parts.length - 1] || p; }

function drawBand(g, w, y, cls) {
  if (!visible(w.s, w.e)) return;
  var x0 = clampX(X(w.s)), x1 = clampX(X(w.e)), wd = Math.max(3, x1 - x0);
  el('rect', { x: x0, y: AXIS, width: wd, height: height - AXIS - FOOT, 'class': 'band-' + cls, 'data-k': cls, 'data-i': w.i }, g);
  el('rect', { x: x0, y: y, width: wd, height: STRIP, 'class': 'band-' + cls + '-top', 'data-k': cls, 'data-i': w.i }, g);
  var name = cls === 'storm' ? 'retry storm' : 'conflict: ' + basename(w.path);
  if (wd > name.length * 6 + 8) label(g, x0 + 4, y + STRIP - 3, name, 'band-label');
}

function draw() {
  width = Math.max(GUT + 200, svg.clientWidth || svg.parentNode.clientWidth || 1000);
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  svg.setAttribute('height', height);
  svg.textContent = '';
  var defs = el('defs', {}, svg);
  var hatch = el('pattern', { id: 'tl-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, defs);
  el('rect', { x: 0, y: 0, width: 2.5, height: 6, fill: '#cf222e', 'fill-opacity': '0.75' }, hatch);

  var back = el('g', {}, svg);
  lanes.forEach(function (lane, n) {
    el('rect', { x: 0, y: lane.y, width: width, height: lane.h, 'class': 'lane-bg' + (n % 2 ? ' alt' : '') }, back);
  });
  var step = tickStep(view.v1 - view.v0, width - GUT);
  var first = Math.ceil((D.t0 + view.v0) / step) * step - D.t0;
  var axis = el('g', { 'class': 'axis' }, svg);
  for (var t = first, n = 0; t <= view.v1 && n < 200; t += step, n++) {
    var x = X(t);
    if (x < GUT + 30) continue;
    el('line', { x1: x, x2: x, y1: AXIS - 4, y2: height - FOOT + 4, 'class': 'tick' }, axis);
    label(axis, x, AXIS - 8, tickLabel(t, step), '', 'middle');
    label(axis, x, height - 6, tickLabel(t, step), '', 'middle');
  }
  var bands = el('g', { 'class': 'bands' }, svg);
  storms.forEach(function (w) { drawBand(bands, w, AXIS + (conflicts.length > 0 ? STRIP + 1 : 0), 'storm'); });
  conflicts.forEach(function (w) { drawBand(bands, w, AXIS, 'conflict'); });

  var groups = lanes.map(function (lane) {
    return el('g', { 'class': 'lane', 'data-host': lane.host, 'data-pid': lane.pid }, svg);
  });
  buckets.forEach(function (b) {
    if (!visible(b.s, b.e)) return;
    var lane = lanes[b.lane], x0 = clampX(X(b.s)), x1 = clampX(X(b.e));
    var cls = 'bucket' + (b.conflicts > 0 ? ' conflict' : '') + (state.q ? ' dim' : '');
    if (b.holds > 0) el('rect', { x: x0, y: lane.bucketY, width: Math.max(2, x1 - x0), height: ROW_H, 'class': cls, 'data-k': 'bucket', 'data-i': b.i }, groups[b.lane]);
    // Failures past the marker bound: a band in the failures row, counted in its tooltip.
    if (b.failures > 0) el('rect', { x: x0, y: lane.markY + MARK_H / 2 - 4, width: Math.max(3, x1 - x0), height: 6, rx: 2,
      'class': 'fail-bucket' + (state.q ? ' dim' : ''), 'data-k': 'bucket', 'data-i': b.i }, groups[b.lane]);
  });
  bars.forEach(function (b) {
    if (!visible(b.s, b.e)) return;
    var lane = lanes[b.lane], x0 = clampX(X(b.s)), wd = Math.max(2, clampX(X(b.e)) - x0), y = rowY(lane, b);
    var cls = 'bar ' + b.role + (b.conflict ? ' conflict' : '') + (b.failed ? ' failed' : '') + (b.unreleased ? ' unreleased' : '') +
      (matches(b.path, b.cid) ? '' : ' dim') + (highlighted(b.s, b.e, b.path, b.cid) ? ' hl' : '');
    el('rect', { x: x0, y: y, width: wd, height: ROW_H, rx: 2, 'class': cls, 'data-k': 'bar', 'data-i': b.i }, groups[b.lane]);
    if (b.conflict) el('rect', { x: x0, y: y, width: wd, height: ROW_H, rx: 2, 'class': 'hatch-over' + (matches(b.path, b.cid) ? '' : ' dim') }, groups[b.lane]);
  });
  var lastLabel = {}, labels = [];
  markers.forEach(function (m) {
    if (!visible(m.t, m.t)) return;
    var lane = lanes[m.lane], x = X(m.t), y = lane.markY + MARK_H / 2 - 1, r = 5;
    var cls = 'marker' + (matches(m.path, m.cid) ? '' : ' dim') + (highlighted(m.t, m.t, m.path, m.cid) ? ' hl' : '');
    el('path', { d: 'M' + x + ' ' + (y - r) + 'L' + (x + r) + ' ' + y + 'L' + x + ' ' + (y + r) + 'L' + (x - r) + ' ' + y + 'Z',
      'class': cls, 'data-k': 'marker', 'data-i': m.i }, groups[m.lane]);
    // Name a code where it starts or changes, not on every diamond of a long run of the same.
    var last = lastLabel[m.lane] || { x: -1e9, code: '' }, gap = x - last.x;
    if (gap > m.code.length * 6.5 + 12 && (m.code !== last.code || gap > 240)) {
      labels.push([m.lane, x + r + 2, y + 3.5, m.code]);
      lastLabel[m.lane] = { x: x, code: m.code };
    }
  });
  // Codes on top of every diamond, with a halo, so neighbours never hide them.
  labels.forEach(function (l) { label(groups[l[0]], l[1], l[2], l[3], 'marker-code'); });
  if (state.active && visible(state.active.s, state.active.e)) {
    var a0 = clampX(X(state.active.s)), a1 = clampX(X(state.active.e));
    el('rect', { x: a0 - 3, y: top - 2, width: Math.max(6, a1 - a0 + 6), height: height - top - FOOT + 4, rx: 3, 'class': 'highlight' }, svg);
  }

  var gut = el('g', { 'class': 'gutter-g' }, svg);
  el('rect', { x: 0, y: 0, width: GUT - 1, height: height, 'class': 'gutter' }, gut);
  el('line', { x1: GUT - 1, x2: GUT - 1, y1: 0, y2: height, 'class': 'sep' }, gut);
  label(gut, 8, AXIS - 8, 'UTC ' + day(view.v0), 'track-label');
  lanes.forEach(function (lane) {
    if (lane.hostY !== undefined) {
      var hg = el('g', { 'class': 'host' }, gut);
      el('rect', { x: 0, y: lane.hostY, width: width, height: HOST_H, fill: '#eef1f4' }, hg);
      var count = lanes.filter(function (l) { return l.host === lane.host; }).length;
      label(hg, 8, lane.hostY + 14, 'host ' + lane.host + ' \u00b7 ' + count + (count === 1 ? ' process' : ' processes'));
    }
    label(gut, 14, lane.y + 17, 'pid ' + lane.pid, 'lane-label');
    label(gut, 14, lane.y + 31, lane.holds + (lane.holds === 1 ? ' hold' : ' holds') +
      (lane.failures > 0 ? ', ' + lane.failures + (lane.failures === 1 ? ' failure' : ' failures') : ''), 'track-label');
    label(gut, GUT - 8, lane.tempY + ROW_H - 2, 'temp', 'track-label', 'end');
    label(gut, GUT - 8, lane.targetY + ROW_H - 2, 'target', 'track-label', 'end');
    if (lane.hasBuckets) label(gut, GUT - 8, lane.bucketY + ROW_H - 2, 'merged', 'track-label', 'end');
    if (lane.hasMarks) label(gut, GUT - 8, lane.markY + MARK_H - 4, 'failures', 'track-label', 'end');
  });
  updateToolbar();
}
`;

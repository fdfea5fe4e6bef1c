/**
 * Part 3 of the page script: zoom, pan, filter, the tooltip, and the links between the findings
 * table and the timeline.
 */
export const CLIENT_UI = String.raw`
var tip = document.getElementById('tip');
var filter = document.getElementById('tl-filter');
var pan = document.getElementById('tl-pan');
var rangeText = document.getElementById('tl-range');
var matchText = document.getElementById('tl-match');
var MIN_W = 0.005;

function setView(v0, v1) {
  var w = Math.min(Math.max(v1 - v0, MIN_W), FULL1 - FULL0);
  v0 = Math.max(FULL0, Math.min(v0, FULL1 - w));
  view.v0 = v0; view.v1 = v0 + w;
  draw();
}
function zoom(factor, at) {
  var w = view.v1 - view.v0, c = at === undefined ? view.v0 + w / 2 : at, nw = w * factor;
  setView(c - (c - view.v0) * (nw / w), c - (c - view.v0) * (nw / w) + nw);
}
function timeAt(clientX) {
  var box = svg.getBoundingClientRect(), x = (clientX - box.left) * (width / box.width);
  return view.v0 + (x - GUT) / (width - GUT - RIGHT) * (view.v1 - view.v0);
}
function updateToolbar() {
  var w = view.v1 - view.v0, room = FULL1 - FULL0 - w;
  rangeText.textContent = clock(Math.max(0, view.v0)) + ' \u2013 ' + clock(Math.min(span, view.v1)) + ' UTC (' + dur(w) + ') \u00b7 ' + day(view.v0);
  pan.disabled = room <= 1e-9;
  pan.value = room <= 1e-9 ? 500 : Math.round(1000 * (view.v0 - FULL0) / room);
  if (state.q === '') { matchText.textContent = ''; return; }
  var n = bars.filter(function (b) { return matches(b.path, b.cid); }).length;
  matchText.textContent = n + ' of ' + bars.length + ' holds match';
}

function line(box, str, cls) {
  var d = document.createElement('div');
  if (cls) d.className = cls;
  d.textContent = str;
  box.appendChild(d);
}
function tipFor(k, i) {
  var box = document.createDocumentFragment();
  if (k === 'bar') {
    var b = bars[i], lane = lanes[b.lane];
    line(box, (b.role === 'temp' ? 'temp' : 'target') + ' path held' + (b.conflict ? ' \u2014 CONFLICT' : ''), 'tip-title');
    line(box, b.path, 'mono');
    line(box, 'export ' + b.cid);
    line(box, 'pid ' + lane.pid + ' on ' + lane.host);
    line(box, clock(b.s) + ' \u2192 ' + clock(b.e) + ' UTC (' + dur(b.e - b.s) + ')');
    if (b.conflict) line(box, 'Another export held this path at the same time.', 'tip-code');
    if (b.failed) line(box, 'A rename failed while this path was held.');
    if (b.unreleased) line(box, 'Still held when the logs end.');
  } else if (k === 'marker') {
    var m = markers[i], ml = lanes[m.lane];
    line(box, 'rename failed: ' + m.code, 'tip-title tip-code');
    line(box, m.path, 'mono');
    line(box, (m.attempt > 0 ? 'attempt ' + m.attempt + ', ' : '') + (m.retry === 1 ? 'will retry' : m.retry === 0 ? 'gave up' : 'retry unknown'));
    line(box, 'export ' + m.cid);
    line(box, 'pid ' + ml.pid + ' on ' + ml.host + ' at ' + clock(m.t) + ' UTC');
  } else if (k === 'bucket') {
    var q = buckets[i];
    if (q.holds > 0) line(box, q.holds + ' holds merged (' + q.temp + ' temp, ' + q.target + ' target)', 'tip-title');
    if (q.conflicts > 0) line(box, q.conflicts + ' of them conflicting', 'tip-code');
    if (q.failures > 0) line(box, q.failures + ' failed renames merged: ' + q.codes, q.holds > 0 ? 'tip-code' : 'tip-title tip-code');
    line(box, clock(q.s) + ' \u2192 ' + clock(q.e) + ' UTC (' + dur(q.e - q.s) + ')');
  } else {
    var w = (k === 'storm' ? storms : conflicts)[i], f = findings[w.f];
    line(box, k === 'storm' ? 'retry storm' : 'overlapping holds', 'tip-title');
    if (w.path) line(box, w.path, 'mono');
    line(box, clock(w.s) + ' \u2192 ' + clock(w.e) + ' UTC (' + dur(w.e - w.s) + ')');
    if (f) line(box, 'Click to see the finding.');
  }
  return box;
}
function showTip(ev) {
  var t = ev.target, k = t.getAttribute && t.getAttribute('data-k');
  if (!k || drag) { tip.hidden = true; return; }
  tip.textContent = '';
  tip.appendChild(tipFor(k, +t.getAttribute('data-i')));
  tip.hidden = false;
  var x = ev.clientX + 14, y = ev.clientY + 14;
  if (x + tip.offsetWidth > window.innerWidth - 8) x = Math.max(8, ev.clientX - tip.offsetWidth - 14);
  if (y + tip.offsetHeight > window.innerHeight - 8) y = Math.max(8, ev.clientY - tip.offsetHeight - 14);
  tip.style.left = x + 'px';
  tip.style.top = y + 'px';
}
svg.addEventListener('pointermove', showTip);
svg.addEventListener('pointerover', showTip);
svg.addEventListener('pointerleave', function () { tip.hidden = true; });

function focusFinding(index, scroll) {
  var f = findings[index];
  var rows = document.querySelectorAll('tr.finding-row.active');
  for (var r = 0; r < rows.length; r++) rows[r].classList.remove('active');
  var row = document.getElementById('finding-' + index);
  if (row) row.classList.add('active');
  if (!f) return;
  state.active = f;
  var w = f.e - f.s, padding = Math.max(w * 0.6, span * 0.01, 0.5);
  setView(f.s - padding, f.e + padding);
  if (scroll) document.getElementById('timeline-section').scrollIntoView({ block: 'start' });
}
var jumps = document.querySelectorAll('a.jump');
for (var j = 0; j < jumps.length; j++) {
  jumps[j].addEventListener('click', function (ev) {
    ev.preventDefault();
    focusFinding(+this.getAttribute('data-finding'), true);
  });
}

var drag = null;
svg.addEventListener('pointerdown', function (ev) {
  if (ev.button !== 0) return;
  drag = { x: ev.clientX, v0: view.v0, moved: false, target: ev.target };
  svg.setPointerCapture(ev.pointerId);
});
svg.addEventListener('pointermove', function (ev) {
  if (!drag) return;
  var dx = ev.clientX - drag.x;
  if (Math.abs(dx) > 3) { drag.moved = true; svg.classList.add('dragging'); tip.hidden = true; }
  if (!drag.moved) return;
  var box = svg.getBoundingClientRect(), w = view.v1 - view.v0;
  var dt = dx * (width / box.width) / (width - GUT - RIGHT) * w;
  setView(drag.v0 - dt, drag.v0 - dt + w);
});
svg.addEventListener('pointerup', function () {
  var d = drag;
  drag = null;
  svg.classList.remove('dragging');
  if (!d || d.moved) return;
  var k = d.target.getAttribute && d.target.getAttribute('data-k');
  if (k === 'conflict' || k === 'storm') {
    var w = (k === 'storm' ? storms : conflicts)[+d.target.getAttribute('data-i')];
    var row = document.getElementById('finding-' + w.f);
    focusFinding(w.f, false);
    if (row) row.scrollIntoView({ block: 'center' });
  }
});
svg.addEventListener('wheel', function (ev) {
  var box = svg.getBoundingClientRect(), overAxis = (ev.clientY - box.top) * (height / box.height) < top;
  if (ev.ctrlKey || ev.metaKey || overAxis) {
    ev.preventDefault();
    zoom(Math.exp(ev.deltaY * 0.0015), timeAt(ev.clientX));
  } else if (Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
    ev.preventDefault();
    var w = view.v1 - view.v0, dt = ev.deltaX / (width - GUT) * w;
    setView(view.v0 + dt, view.v1 + dt);
  }
}, { passive: false });
svg.addEventListener('dblclick', function (ev) { zoom(0.5, timeAt(ev.clientX)); });
document.getElementById('tl-zoom-in').addEventListener('click', function () { zoom(0.5); });
document.getElementById('tl-zoom-out').addEventListener('click', function () { zoom(2); });
document.getElementById('tl-fit').addEventListener('click', function () { state.active = null; setView(FULL0, FULL1); focusFinding(-1, false); });
pan.addEventListener('input', function () {
  var w = view.v1 - view.v0, v0 = FULL0 + (+pan.value / 1000) * (FULL1 - FULL0 - w);
  setView(v0, v0 + w);
});
filter.addEventListener('input', function () { state.q = filter.value.trim().toLowerCase(); draw(); });
var resizeTimer = 0;
window.addEventListener('resize', function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(draw, 100); });
draw();
`;

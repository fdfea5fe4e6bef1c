/**
 * Part 1 of the page script (plain ES2017, run in the browser; see ./client.ts): decode the
 * embedded data, lay lanes out, and format times. Strings from logs only ever reach the page
 * through textContent and setAttribute, never through markup.
 */
export const CLIENT_MODEL = String.raw`
var dataEl = document.getElementById('racetrace-data');
var svg = document.getElementById('timeline');
if (!dataEl || !svg) return;
var D = JSON.parse(dataEl.textContent);
var S = D.strings;
var NS = svg.namespaceURI;
var GUT = 200, AXIS = 24, STRIP = 13, FOOT = 22, HOST_H = 20, ROW_H = 12, ROW_GAP = 3, PAD = 6, MARK_H = 14, MAX_ROWS = 4, RIGHT = 60;
var span = Math.max(D.span, 0.001);
var lanes = D.lanes.map(function (l, i) {
  return { i: i, host: S[l[0]], pid: l[1], holds: l[2], failures: l[3], agg: l[4] === 1, rows: { temp: 1, target: 1 } };
});
var bars = D.bars.map(function (b, i) {
  return { i: i, lane: b[0], path: S[b[1]], role: b[2] === 1 ? 'target' : 'temp', cid: S[b[3]], s: b[4], e: b[5],
    conflict: (b[6] & 1) > 0, failed: (b[6] & 2) > 0, unreleased: (b[6] & 4) > 0, row: 0 };
});
var buckets = D.buckets.map(function (b, i) {
  return { i: i, lane: b[0], s: b[1], e: b[2], holds: b[3], temp: b[4], target: b[5], conflicts: b[6], failures: b[7], codes: S[b[8]] };
});
var markers = D.markers.map(function (m, i) {
  return { i: i, lane: m[0], t: m[1], cid: S[m[2]], code: S[m[3]], path: S[m[4]], attempt: m[5], retry: m[6] };
});
function windows(list, kind) {
  return list.map(function (w, i) { return { i: i, kind: kind, f: w[0], s: w[1], e: w[2], path: w[3] >= 0 ? S[w[3]] : '' }; });
}
var conflicts = windows(D.conflicts, 'conflict');
var storms = windows(D.storms, 'storm');
var findings = {};
D.findings.forEach(function (f) {
  findings[f[0]] = { s: f[1], e: f[2], path: f[3] >= 0 ? S[f[3]] : '', kind: S[f[4]], cids: f.slice(6).map(function (x) { return S[x]; }) };
});

// Overlapping holds of one lane and role get their own rows (up to MAX_ROWS), so none hides another.
lanes.forEach(function (lane) {
  ['temp', 'target'].forEach(function (role) {
    var ends = [];
    bars.filter(function (b) { return b.lane === lane.i && b.role === role; })
      .sort(function (a, b) { return a.s - b.s; })
      .forEach(function (b) {
        var row = -1;
        for (var r = 0; r < ends.length; r++) if (ends[r] < b.s) { row = r; break; }
        if (row < 0 && ends.length < MAX_ROWS) { ends.push(-Infinity); row = ends.length - 1; }
        if (row < 0) { row = 0; for (var k = 1; k < ends.length; k++) if (ends[k] < ends[row]) row = k; }
        b.row = row;
        ends[row] = Math.max(ends[row], b.e);
      });
    lane.rows[role] = Math.max(1, ends.length);
  });
  lane.hasBuckets = buckets.some(function (b) { return b.lane === lane.i && b.holds > 0; });
  lane.hasMarks = lane.failures > 0 || buckets.some(function (b) { return b.lane === lane.i && b.failures > 0; });
});

var top = AXIS + (conflicts.length > 0 ? STRIP + 1 : 0) + (storms.length > 0 ? STRIP + 1 : 0);
var height = (function () {
  var y = top, host = null;
  lanes.forEach(function (lane) {
    if (lane.host !== host) { host = lane.host; lane.hostY = y; y += HOST_H; }
    lane.y = y;
    var r = y + PAD;
    lane.tempY = r; r += lane.rows.temp * (ROW_H + ROW_GAP);
    lane.targetY = r; r += lane.rows.target * (ROW_H + ROW_GAP);
    if (lane.hasBuckets) { lane.bucketY = r; r += ROW_H + ROW_GAP; }
    if (lane.hasMarks) { lane.markY = r; r += MARK_H; }
    lane.h = Math.max(r + PAD - 2 - y, 40);
    y += lane.h;
  });
  return y + FOOT;
})();
function rowY(lane, b) { return (b.role === 'temp' ? lane.tempY : lane.targetY) + b.row * (ROW_H + ROW_GAP); }

function pad2(n) { return (n < 10 ? '0' : '') + n; }
/** HH:mm:ss.SSS in UTC, plus microseconds when the time has them (or 'digits' more are asked). */
function clock(rel, digits) {
  var abs = D.t0 + rel, ms = Math.floor(abs), frac = abs - ms;
  var extra = digits === undefined ? (Math.abs(frac) > 0.0005 ? 3 : 0) : digits;
  var sub = '';
  if (extra > 0) {
    var unit = Math.pow(10, extra), n = Math.round(frac * unit);
    if (n >= unit) { ms += 1; n = 0; }
    sub = String(n + unit).slice(1);
  }
  return new Date(ms).toISOString().slice(11, 23) + sub;
}
function day(rel) { return new Date(Math.floor(D.t0 + rel)).toISOString().slice(0, 10); }
function dur(ms) {
  if (ms < 1000) return +ms.toFixed(3) + ' ms';
  if (ms < 60000) return +(ms / 1000).toFixed(3) + ' s';
  var m = Math.floor(ms / 60000);
  return m + ' min ' + +((ms - m * 60000) / 1000).toFixed(1) + ' s';
}
var STEPS = [1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000, 900000, 1800000, 3600000, 7200000, 21600000, 43200000, 86400000];
function tickStep(width, pixels) {
  var raw = width / Math.max(1, pixels / 110);
  if (raw >= 1000) { for (var i = 0; i < STEPS.length; i++) if (STEPS[i] >= raw) return STEPS[i]; return STEPS[STEPS.length - 1] * Math.ceil(raw / STEPS[STEPS.length - 1]); }
  var p = Math.pow(10, Math.floor(Math.log10(raw)));
  return raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
}
function tickLabel(rel, step) {
  var c = clock(rel, step < 1 ? Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)) : 0);
  if (step >= 1000) return c.slice(0, 8);
  if (step >= 100) return c.slice(0, 10);
  if (step >= 10) return c.slice(0, 11);
  return c;
}
`;

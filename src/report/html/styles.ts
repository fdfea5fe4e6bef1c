/**
 * The page's only style sheet, inline (the report must open offline and attached to a ticket).
 * System fonts only: a web font would be a network request. Colours: temp holds light blue,
 * target holds dark blue, anything conflicting red, retry storms amber, aggregated holds grey.
 */
export const CSS = `
:root { --fg:#1f2328; --muted:#656d76; --line:#d0d7de; --bg:#ffffff; --soft:#f6f8fa;
  --temp:#9ec5ee; --temp-edge:#4a86c5; --target:#1f5fa3; --target-edge:#123f70;
  --bad:#cf222e; --bad-soft:rgba(207,34,46,.13); --storm:rgba(212,145,0,.20); --storm-edge:#b07800;
  --agg:#8c959f; --hl:#8250df; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; color: var(--fg); background: var(--bg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px;
  overflow-wrap: anywhere; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.verdict { font-size: 16px; font-weight: 600; margin: 6px 0; }
.verdict.bad { color: var(--bad); } .verdict.ok, .ok { color: #1a7f37; }
.muted { color: var(--muted); } .bad { color: var(--bad); }
table { border-collapse: collapse; margin: 6px 0; max-width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.findings td:last-child { max-width: 56em; }
.findings-wrap { max-height: 60vh; overflow: auto; border-bottom: 1px solid var(--line); }
.findings-wrap table { margin: 0; } .findings-wrap thead th { position: sticky; top: 0; z-index: 1; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 8px 0 12px; }
.facts div { min-width: 7em; } .facts dt { color: var(--muted); font-size: 12px; } .facts dd { margin: 0; font-weight: 600; }
.sev { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; font-weight: 600; color: #fff; }
.sev-error { background: var(--bad); } .sev-warning { background: #9a6700; } .sev-info { background: var(--muted); }
.hint { margin: 4px 0 0; color: #3b4048; } details summary { cursor: pointer; color: var(--muted); font-size: 12.5px; }
details ul { margin: 4px 0; padding-left: 18px; }
a.jump { color: #0969da; text-decoration: none; border-bottom: 1px dotted #0969da; white-space: nowrap; }
tr.finding-row.active td { background: #fbefff; }
tr.finding-row:target td { background: #fbefff; }
.tl-caption { margin: 4px 0 8px; }
#timeline-section .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; margin: 6px 0; }
.toolbar button { font: inherit; padding: 2px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--soft); cursor: pointer; }
.toolbar button:hover { background: #eaeef2; }
.toolbar input[type=search] { font: inherit; padding: 3px 8px; width: 22em; border: 1px solid var(--line); border-radius: 6px; }
.toolbar input[type=range] { width: 14em; }
#tl-range { font-variant-numeric: tabular-nums; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12.5px; color: var(--muted); margin: 4px 0 8px; }
.legend svg { vertical-align: -3px; margin-right: 4px; }
#tl-wrap { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; background: #fff; user-select: none; }
#timeline { display: block; width: 100%; cursor: grab; touch-action: none; }
#timeline.dragging { cursor: grabbing; }
#timeline text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; fill: var(--fg); }
#timeline .axis text { fill: var(--muted); } #timeline .tick { stroke: #eaeef2; }
#timeline .host text { font-weight: 600; } #timeline .lane-label { font-weight: 600; } #timeline .track-label { fill: var(--muted); font-size: 10px; }
#timeline .bar.temp { fill: var(--temp); stroke: var(--temp-edge); }
#timeline .bar.target { fill: var(--target); stroke: var(--target-edge); }
#timeline .bar.conflict { stroke: var(--bad); stroke-width: 2; }
#timeline .bar.unreleased { stroke-dasharray: 3 2; }
#timeline .hatch-over { fill: url(#tl-hatch); pointer-events: none; }
#timeline .bucket { fill: var(--agg); fill-opacity: .45; stroke: var(--agg); stroke-width: .5; }
#timeline .bucket.conflict { stroke: var(--bad); stroke-width: 1.5; }
#timeline .band-conflict { fill: var(--bad-soft); }
#timeline .band-conflict-top { fill: var(--bad); }
#timeline .band-storm { fill: var(--storm); }
#timeline .band-storm-top { fill: var(--storm-edge); }
#timeline .band-label { fill: #fff; font-size: 10px; font-weight: 600; pointer-events: none; }
#timeline .marker { fill: #e8590c; stroke: #fff; stroke-width: 1; cursor: help; }
#timeline .marker-code { fill: #b33c00; font-size: 10px; font-weight: 600; pointer-events: none; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
#timeline .fail-bucket { fill: #e8590c; fill-opacity: .45; stroke: #e8590c; stroke-width: .5; }
#timeline .highlight { fill: none; stroke: var(--hl); stroke-width: 2; stroke-dasharray: 6 3; pointer-events: none; }
#timeline .bar.hl, #timeline .marker.hl { stroke: var(--hl); stroke-width: 3; }
#timeline .dim { opacity: .12; }
#timeline .lane-bg { fill: #fff; } #timeline .lane-bg.alt { fill: #fafbfc; }
#timeline .gutter { fill: #fff; } #timeline .sep { stroke: var(--line); }
#tip { position: fixed; z-index: 10; max-width: 36em; padding: 6px 9px; border-radius: 6px; pointer-events: none;
  background: #1f2328; color: #fff; font-size: 12px; line-height: 1.4; box-shadow: 0 3px 10px rgba(0,0,0,.25); }
#tip .tip-title { font-weight: 700; } #tip .tip-code { color: #ffb38a; font-weight: 700; }
#tip div { overflow-wrap: anywhere; }
`;

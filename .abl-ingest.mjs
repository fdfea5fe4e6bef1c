import { createReadStream } from 'node:fs';
import split2 from 'split2';
import { DEFAULT_INGEST_OPTIONS, streamEvents } from './dist-ingest/src/merge/index.js';
import { InputReader } from './dist-ingest/src/ingest/reader.js';
import { RunState } from './dist-ingest/src/ingest/context.js';
import { NdjsonReader } from './dist-ingest/src/ingest/ndjson.js';
import { openInput } from './dist-ingest/src/ingest/open.js';
import { validateEvent } from './dist-ingest/src/schema/validators.js';
const file = process.argv[2];
const V = {
  async pv() { let n = 0; await new Promise((res) => createReadStream(file, {highWaterMark: 131072}).pipe(split2((l) => { try { const o = JSON.parse(l); if (o.event !== undefined) validateEvent(o); } catch {} n++; })).on('finish', res).resume()); return n; },
  async ndjsonReaderSplit2() { let n = 0; const r = new NdjsonReader('x'); let i = 0; await new Promise((res) => createReadStream(file, {highWaterMark: 131072}).pipe(split2((l) => { r.read(l, ++i); n++; })).on('finish', res).resume()); return n; },
  async readerOnly() { const run = new RunState(DEFAULT_INGEST_OPTIONS); let n = 0; const reader = new InputReader('x', run, (def, ctx) => { const a = def.create(ctx); const sink = () => { n++; }; return { line: (t, l) => a.line(t, l, sink), end: () => {} }; });
    const it = openInput({ name: 'x', path: file }); for (let r = await it.next(); !r.done; r = await it.next()) reader.write(r.value); await reader.end(); return reader.stats.lines; },
  async full() { const r = await streamEvents([file], DEFAULT_INGEST_OPTIONS, () => {}); return r.inputs[0].lines; },
};
for (let round = 0; round < 5; round++) for (const [name, f] of Object.entries(V)) {
  const c0 = process.cpuUsage(); await f(); const c = process.cpuUsage(c0); if (round > 1) console.log(name.padEnd(20), ((c.user + c.system) / 1e3).toFixed(0), 'ms');
}

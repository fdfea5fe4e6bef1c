import { createReadStream } from 'node:fs';
import split2 from 'split2';
import { DEFAULT_INGEST_OPTIONS, streamEvents, mergeLines } from './dist-ingest/src/merge/index.js';
import { Writable } from 'node:stream';
import { statSync } from 'node:fs';

const files = process.argv.slice(2);
const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
async function bare() {
  let n = 0;
  for (const f of files) {
    await new Promise((res, rej) => createReadStream(f).pipe(split2()).on('data', (l) => { try { JSON.parse(l); } catch {} n++; }).on('end', res).on('error', rej));
  }
  return n;
}
async function bareMapper() {
  let n = 0;
  for (const f of files) {
    await new Promise((res, rej) => createReadStream(f).pipe(split2((l) => { try { JSON.parse(l); } catch {} n++; })).on('finish', res).on('error', rej).resume());
  }
  return n;
}
import { validateEvent } from './dist-ingest/src/schema/validators.js';
async function parseValidate() {
  let n = 0;
  for (const f of files) {
    await new Promise((res, rej) => createReadStream(f).pipe(split2((l) => { try { const o = JSON.parse(l); if (o.event !== undefined) validateEvent(o); } catch {} n++; })).on('finish', res).on('error', rej).resume());
  }
  return n;
}
async function ours() {
  let n = 0;
  const r = await streamEvents(files, DEFAULT_INGEST_OPTIONS, () => { n++; });
  return r.inputs.reduce((s, i) => s + i.lines, 0);
}
async function merge() {
  const r = await mergeLines(files, DEFAULT_INGEST_OPTIONS, new Writable({ write(c, e, cb) { cb(); } }));
  return r.inputs.reduce((s, i) => s + i.lines, 0);
}
const runs = { bare, bareMapper, parseValidate, ours, merge };
const which = (process.env.ONLY ?? 'bareMapper,parseValidate,ours').split(',');
for (let round = 0; round < 5; round++) {
  for (const name of which) {
    const c0 = process.cpuUsage();
    const lines = await runs[name]();
    const c = process.cpuUsage(c0);
    const s = (c.user + c.system) / 1e6;
    console.log(`${name.padEnd(11)} ${(bytes / 1e6 / s).toFixed(1)} MB/s ${(lines / s / 1000).toFixed(0)}k lines/s (${lines} lines, ${s.toFixed(2)} s) rss ${(process.memoryUsage().rss/1e6).toFixed(0)}MB`);
  }
}

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { samplesDir } from './paths.js';

/**
 * Mangled logs for the hostile-input fuzz tests (issue 7): real captured lines (samples/naive-5,
 * samples/safe-5) damaged the way crashed, racing and misbehaving writers damage them.
 */

/** One line as bytes plus the line end it is written with ('' only for a torn last line). */
export interface Line {
  bytes: Buffer;
  end: '\n' | '\r\n' | '';
}

/** The lines of every log of a captured sample folder, file by file, in name order. */
export function sampleFiles(name: 'naive-5' | 'safe-5'): { name: string; lines: string[] }[] {
  const folder = join(samplesDir, name);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ndjson'))
    .sort()
    .map((file) => ({ name: file, lines: readFileSync(join(folder, file), 'utf8').split('\n').filter((l) => l !== '') }));
}

export function toLines(texts: readonly string[]): Line[] {
  return texts.map((text) => ({ bytes: Buffer.from(text, 'utf8'), end: '\n' }));
}

export function assemble(lines: readonly Line[]): Buffer {
  return Buffer.concat(lines.flatMap((line) => [line.bytes, Buffer.from(line.end)]));
}

/** Lines as racetrace counts them: split on LF; a last piece without LF is a line too. */
export function countLines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? count + 1 : count;
}

/** Writes each file's lines into `folder`; returns the paths and the bytes written. */
export function writeLogs(folder: string, files: readonly { name: string; lines: Line[] }[]): { path: string; bytes: Buffer }[] {
  return files.map((file) => {
    const path = join(folder, file.name);
    const bytes = assemble(file.lines);
    writeFileSync(path, bytes);
    return { path, bytes };
  });
}

// Values a field may be replaced with: wrong types, huge and tiny numbers, odd times and text.
// RAW ones are written as they are, which JSON.stringify cannot do (1e999, NaN).
const RAW = '\u0000raw:';
const VALUES: readonly unknown[] = [
  null, true, false, '', 'x', [], {}, [1, [2, [3]]], { nested: { deeper: 1 } }, -1, 0, 1.5, -0.5,
  1e308, -1e308, 2 ** 53 + 1, 1e15, 8.64e15 + 1, 1e300, 'NaN', '2026-11-28T17:00:00.000Z',
  '9999-12-31T23:59:59.999Z', '-000001-01-01T00:00:00Z', 'not a time', '\u001b[2J\u009b31m',
  '\uD800', 'x'.repeat(300), `${RAW}1e999`, `${RAW}-1e999`, `${RAW}NaN`, `${RAW}Infinity`,
  `${RAW}123456789012345678901234567890`, `${RAW}-0`, `${RAW}1e-400`, `${RAW}00012`,
];

const BAD_UTF8: readonly number[][] = [[0xff], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf0, 0x9f], [0xfe, 0xfe, 0xff]];
const NEST = 100_000;

export const MUTATIONS = [
  'truncate', 'splice', 'bytes', 'nul', 'badUtf8', 'bom', 'crlf', 'nest', 'deepValid', 'hugeNumber',
  'time', 'seqDup', 'seqDown', 'dropField', 'wrongType', 'duplicate', 'blank', 'joinNext', 'overlongPad',
] as const;
export type MutationOp = (typeof MUTATIONS)[number];

export interface Mutation {
  op: MutationOp;
  line: number;
  other: number;
  cut: number;
  bytes: Uint8Array;
  value: number;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...MUTATIONS),
  line: fc.nat(),
  other: fc.nat(),
  cut: fc.nat(),
  bytes: fc.uint8Array({ maxLength: 24 }),
  value: fc.nat(),
});

function stringify(value: Record<string, unknown>): string {
  return JSON.stringify(value).replace(/"\\u0000raw:([^"]*)"/g, '$1');
}

function parseObject(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Applies one mutation to `lines` in place. Every line keeps a line end, so the input stays
 * complete (a torn last line is a separate case: it is an input error, exit 2).
 */
export function mutate(lines: Line[], m: Mutation): void {
  if (lines.length === 0) return;
  const i = m.line % lines.length;
  const line = lines[i] as Line;
  const other = lines[m.other % lines.length] as Line;
  const cut = line.bytes.length === 0 ? 0 : m.cut % line.bytes.length;
  const insert = (piece: Buffer): void => {
    line.bytes = Buffer.concat([line.bytes.subarray(0, cut), piece, line.bytes.subarray(cut)]);
  };
  const editJson = (edit: (obj: Record<string, unknown>, keys: string[]) => void): void => {
    const obj = parseObject(line.bytes);
    if (obj === undefined) return;
    edit(obj, Object.keys(obj));
    try {
      line.bytes = Buffer.from(stringify(obj), 'utf8');
    } catch {
      // JSON.stringify recurses: a 100k-deep value (deepValid) parses but cannot be written back.
    }
  };
  const pick = <T>(items: readonly T[]): T => items[m.value % items.length] as T;
  switch (m.op) {
    case 'truncate':
      line.bytes = line.bytes.subarray(0, cut);
      break;
    case 'splice': {
      // Two writers appending without line atomicity: B's line lands inside A's.
      const rest = line.bytes.subarray(cut);
      line.bytes = Buffer.concat([line.bytes.subarray(0, cut), other.bytes]);
      lines.splice(i + 1, 0, { bytes: Buffer.from(rest), end: line.end });
      break;
    }
    case 'bytes':
      insert(Buffer.from(m.bytes));
      break;
    case 'nul':
      insert(Buffer.from([0]));
      break;
    case 'badUtf8':
      insert(Buffer.from(pick(BAD_UTF8)));
      break;
    case 'bom':
      line.bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), line.bytes]);
      break;
    case 'crlf':
      line.end = '\r\n';
      break;
    case 'nest':
      lines.splice(i, 0, { bytes: Buffer.from(pick(['[', '{"a":', '{"event":"export.start","x":['].map((s) => s.repeat(NEST / s.length | 0)))), end: '\n' });
      break;
    case 'deepValid':
      editJson((obj) => {
        obj['deep'] = RAW + '['.repeat(NEST) + ']'.repeat(NEST);
      });
      break;
    case 'hugeNumber':
      editJson((obj, keys) => {
        const numeric = keys.filter((k) => typeof obj[k] === 'number');
        if (numeric.length > 0) obj[pick(numeric)] = RAW + pick(['1e308', '1e999', '-1e999', '123456789012345678901234567890', '1e-400', '-0']);
      });
      break;
    case 'time':
      editJson((obj) => {
        obj['time'] = pick([-1, 0, -1e15, 1e15, 8.64e15 + 1, 1e300, 'NaN', `${RAW}NaN`, 'not a time', '2026-02-30T25:61:00Z', '9999-12-31T23:59:59.999Z', null, obj['time']]);
      });
      break;
    case 'seqDup':
      editJson((obj) => {
        obj['seq'] = parseObject(other.bytes)?.['seq'] ?? 0;
      });
      break;
    case 'seqDown':
      editJson((obj) => {
        obj['seq'] = (typeof obj['seq'] === 'number' ? obj['seq'] : 0) - 1 - (m.value % 3);
      });
      break;
    case 'dropField':
      editJson((obj, keys) => {
        if (keys.length > 0) delete obj[pick(keys)];
      });
      break;
    case 'wrongType':
      editJson((obj, keys) => {
        if (keys.length > 0) obj[keys[m.cut % keys.length] as string] = pick(VALUES);
      });
      break;
    case 'duplicate':
      lines.splice(i, 0, { bytes: Buffer.from(other.bytes), end: other.end });
      break;
    case 'blank':
      lines.splice(i, 0, { bytes: Buffer.from(pick(['', ' ', '\t', ' \r', '\u00a0'])), end: '\n' });
      break;
    case 'joinNext': {
      // A lost line end: this line and the next run together.
      const next = lines[i + 1];
      if (next === undefined) break;
      line.bytes = Buffer.concat([line.bytes, next.bytes]);
      line.end = next.end;
      lines.splice(i + 1, 1);
      break;
    }
    case 'overlongPad':
      editJson((obj) => {
        obj['pad'] = 'p'.repeat(2000 + (m.value % 3000));
      });
      break;
  }
}

import type { AdapterContext, AdapterDefinition, LineAdapter } from '../adapter.js';
import { StraceAdapter } from './adapter.js';

/**
 * strace traces as racetrace input (issue 4): `strace -f -ttt -e trace=%file,%process -o FILE cmd`
 * (or `-ff`, one file per pid named `FILE.<pid>`). The syscall -> event mapping is in ./mapping.ts.
 */

// `PID  1795887775.126070 name(` / `[pid  N] 1795887775.126070 ...` / `1795887775.126070 name(` (-ff),
// and the same with `+++ exited`, `--- SIGCHLD`, `<... name resumed>`.
const TIMED = /^(?:\[pid\s+\d+\]\s+|\d+\s+)?\d{9,12}\.\d{6}\s+(?:[a-z_][a-z0-9_]*\(|\+\+\+ |--- |<\.\.\. )/;
// strace lines without -ttt, recognised so that the report can say how to capture properly.
const UNTIMED = /^(?:\[pid\s+\d+\]\s+|\d+\s+)?(?:\d\d:\d\d:\d\d(?:\.\d+)?\s+)?[a-z_][a-z0-9_]*\(.*\)\s+= /;

/** The strace input format: `recognises` for `--input-format auto`, `create` for one input. */
export const straceFormat: AdapterDefinition = {
  format: 'strace',
  recognises(line: string): boolean {
    const text = line.trimStart();
    return TIMED.test(text) || UNTIMED.test(text);
  },
  create(context: AdapterContext): LineAdapter {
    return new StraceAdapter(context);
  },
};

export { parseLine, type StraceLine } from './line.js';
export { decodeQuoted, splitArgs } from './strings.js';
export { isIgnoredPath } from './paths.js';
/** The same definition under the name the ingest registry (src/ingest/formats.ts) expects. */
export { straceFormat as strace };

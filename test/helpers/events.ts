import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import split2 from 'split2';
import { describeErrors, validateEvent } from '../../src/schema/validators.js';

/** One parsed log line; the fields tests read are narrowed where they are used. */
export type Line = Record<string, unknown>;

/** Asserts that `value` is a valid racetrace event; `where` names it in the failure. */
export function assertValidEvent(value: unknown, where: string): void {
  assert.equal(validateEvent(value), true, `${where}: ${describeErrors(validateEvent.errors)}`);
}

/**
 * Reads an NDJSON event log line by line (split2) and checks that every line is a valid event:
 * every event a test makes an exporter emit goes through here.
 */
export async function readEvents(path: string): Promise<Line[]> {
  const events: Line[] = [];
  let line = 0;
  for await (const text of createReadStream(path).pipe(split2())) {
    line++;
    if (typeof text !== 'string' || text === '') continue;
    const value: unknown = JSON.parse(text);
    assertValidEvent(value, `${path}:${line}`);
    events.push(value as Line);
  }
  return events;
}

/** All events of several logs, in log order. */
export async function readAllEvents(paths: readonly string[]): Promise<Line[]> {
  const all: Line[] = [];
  for (const path of paths) all.push(...(await readEvents(path)));
  return all;
}

/**
 * A pino destination that keeps lines in memory and validates each racetrace event as it is
 * written (a line with an `event` field), so in-process tests check the contract too.
 */
export function memorySink(): { lines: Line[]; write(text: string): void } {
  const lines: Line[] = [];
  return {
    lines,
    write(text: string) {
      const value = JSON.parse(text) as Line;
      if ('event' in value && !('schemaErrors' in value)) assertValidEvent(value, `line ${lines.length + 1}`);
      lines.push(value);
    },
  };
}

/** A fresh temp folder, removed when the test ends. */
export async function scratchDir(t: TestContext, name = 'racetrace-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), name));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

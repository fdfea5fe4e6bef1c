import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Action } from '../../samples/exporter/action.js';
import { csvText } from '../../samples/exporter/csv.js';
import type { RunExportersResult } from '../../samples/exporter/spawn.js';
import type { Line } from './events.js';

/** The shipped example action: 3 sheets, 1000 to 2000 rows. */
export const exampleAction: Action = {
  report: 'q3',
  sheets: [
    { name: 'sales', rows: 2000 },
    { name: 'costs', rows: 1500 },
    { name: 'margin', rows: 1000 },
  ],
};

/** The bytes a correct export of `sheet` by the run labelled `label` leaves at its target. */
export function expectedBytes(action: Action, label: string, sheet: string): string {
  const rows = action.sheets.find((s) => s.name === sheet)?.rows ?? -1;
  return csvText(action.report, label, sheet, rows);
}

/** Target path -> [label, sheet], from runExporters' outputs (process by process, sheet by sheet). */
export function outputOwners(result: RunExportersResult, action: Action): Map<string, [string, string]> {
  const owners = new Map<string, [string, string]>();
  result.outputs.forEach((path, i) => {
    const label = result.labels[Math.floor(i / action.sheets.length)] ?? '';
    const sheet = action.sheets[i % action.sheets.length]?.name ?? '';
    owners.set(path, [label, sheet]);
  });
  return owners;
}

/** The outputs whose bytes differ from what their run should have written (missing ones included). */
export async function wrongOutputs(result: RunExportersResult, action: Action): Promise<string[]> {
  const wrong: string[] = [];
  for (const [path, [label, sheet]] of outputOwners(result, action)) {
    const bytes = await readFile(path, 'utf8').catch(() => undefined);
    if (bytes !== expectedBytes(action, label, sheet)) wrong.push(path);
  }
  return wrong;
}

/** Entries of the output folder that are not finished targets: work folders and temp files. */
export async function leftovers(out: string): Promise<string[]> {
  return (await readdir(out)).filter((name) => name.startsWith('.racetrace-') || name.endsWith('.tmp'));
}

/** Asserts the folder holds exactly the given files. */
export async function assertFolderHolds(out: string, paths: readonly string[]): Promise<void> {
  assert.deepEqual((await readdir(out)).sort(), paths.map((p) => basename(p)).sort());
}

/** Events of one kind. */
export function ofKind(events: readonly Line[], kind: string): Line[] {
  return events.filter((event) => event['event'] === kind);
}

import { readFile } from 'node:fs/promises';
import { RacetraceError } from '../../src/errors.js';

/** What the exporter is asked to write: one CSV per sheet. */
export interface Action {
  report: string;
  sheets: { name: string; rows: number }[];
}

// Names end up in file names; keep them to characters that are safe on every platform.
const NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;
const EXPECTED = 'expected {"report": "q3", "sheets": [{"name": "sales", "rows": 2000}, ...]}';

function bad(file: string, what: string): RacetraceError {
  return new RacetraceError('USAGE', `${file}: ${what} (${EXPECTED}).`, { details: { file } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks parsed JSON against the action shape; `file` names it in errors. */
export function parseAction(value: unknown, file: string): Action {
  if (!isRecord(value)) throw bad(file, 'the action must be a JSON object');
  const report = value['report'];
  if (typeof report !== 'string' || !NAME.test(report)) {
    throw bad(file, '"report" must be a name of letters, digits, ".", "_" or "-"');
  }
  const sheets = value['sheets'];
  if (!Array.isArray(sheets) || sheets.length === 0) throw bad(file, '"sheets" must be a non-empty array');
  const seen = new Set<string>();
  const parsed = sheets.map((sheet: unknown, i) => {
    const name = isRecord(sheet) ? sheet['name'] : undefined;
    const rows = isRecord(sheet) ? sheet['rows'] : undefined;
    if (typeof name !== 'string' || !NAME.test(name)) throw bad(file, `sheets[${i}].name must be a name of letters, digits, ".", "_" or "-"`);
    if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 0) throw bad(file, `sheets[${i}].rows must be a whole number >= 0`);
    if (seen.has(name)) throw bad(file, `sheets[${i}].name "${name}" appears twice`);
    seen.add(name);
    return { name, rows };
  });
  return { report, sheets: parsed };
}

/** Reads and checks an action file; RacetraceError('USAGE' or 'INPUT_NOT_FOUND') when it cannot be used. */
export async function readAction(file: string): Promise<Action> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RacetraceError('INPUT_NOT_FOUND', `${file}: cannot read the action file; check the --action path.`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw bad(file, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseAction(value, file);
}

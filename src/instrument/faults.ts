import { getSystemErrorMap } from 'node:util';
import { RacetraceError } from '../errors.js';
import type { FileSystem, Random, WritableFile } from './fs.js';

/**
 * RACETRACE_FAULTS injects filesystem errors into real runs, so the retry path can be shown on
 * Linux, where nothing holds files locked the way Windows antivirus does.
 * Form: `op=CODE:probability`, comma-separated, e.g. `rename=EBUSY:0.3,open=EMFILE:0.05`.
 */

/** The operations a fault can target. */
export const FAULT_OPS = ['rename', 'open', 'write', 'fsync', 'unlink', 'mkdtemp', 'syncdir'] as const;
export type FaultOp = (typeof FAULT_OPS)[number];

/** One parsed rule: `op` fails with `code` with the given probability (1 = always). */
export interface FaultRule {
  op: FaultOp;
  code: string;
  probability: number;
}

const EXPECTED =
  'expected op=CODE:probability entries separated by commas, e.g. rename=EBUSY:0.3 or ' +
  `rename=EPERM:1 (op one of ${FAULT_OPS.join(', ')}; probability from 0 to 1)`;
const ENTRY = /^([a-z]+)=(E[A-Z0-9]+):([0-9]*\.?[0-9]+)$/;

/** Parses a RACETRACE_FAULTS value; an empty value means no faults. Throws RacetraceError('USAGE'). */
export function parseFaults(spec: string): FaultRule[] {
  const rules: FaultRule[] = [];
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = ENTRY.exec(entry);
    const op = FAULT_OPS.find((known) => known === match?.[1]);
    const probability = Number(match?.[3]);
    if (!match || !op || !(probability >= 0 && probability <= 1)) {
      throw new RacetraceError('USAGE', `RACETRACE_FAULTS entry "${entry}" is not valid: ${EXPECTED}.`, {
        details: { entry, spec },
      });
    }
    rules.push({ op, code: match[2] ?? '', probability });
  }
  return rules;
}

/** Reads RACETRACE_FAULTS from `env`; no variable means no rules. */
export function faultsFromEnv(env: NodeJS.ProcessEnv = process.env): FaultRule[] {
  return parseFaults(env['RACETRACE_FAULTS'] ?? '');
}

/** Node's message for a code (`EBUSY` -> `resource busy or locked`), like a real fs error. */
function describeCode(code: string): string {
  for (const [name, message] of getSystemErrorMap().values()) if (name === code) return message;
  return 'injected error';
}

function injectedError(code: string, syscall: string, path: string, dest?: string): NodeJS.ErrnoException {
  const where = dest === undefined ? `'${path}'` : `'${path}' -> '${dest}'`;
  const error: NodeJS.ErrnoException = new Error(
    `${code}: ${describeCode(code)}, ${syscall} ${where} (injected by RACETRACE_FAULTS)`,
  );
  error.code = code;
  error.syscall = syscall;
  error.path = path;
  if (dest !== undefined) (error as { dest?: string }).dest = dest;
  return error;
}

/** Wraps `fs` so each operation first rolls against the rules for it; returns `fs` itself when there are none. */
export function withFaults(fs: FileSystem, rules: readonly FaultRule[], random: Random = Math.random): FileSystem {
  if (rules.length === 0) return fs;
  const maybeFail = (op: FaultOp, path: string, dest?: string): void => {
    for (const rule of rules) {
      if (rule.op === op && random() < rule.probability) throw injectedError(rule.code, op, path, dest);
    }
  };
  const wrapFile = (file: WritableFile, path: string): WritableFile => ({
    async write(data) {
      maybeFail('write', path);
      await file.write(data);
    },
    async sync() {
      maybeFail('fsync', path);
      await file.sync();
    },
    close: () => file.close(),
  });
  return {
    async open(path, flags) {
      maybeFail('open', path);
      return wrapFile(await fs.open(path, flags), path);
    },
    async rename(from, to) {
      maybeFail('rename', from, to);
      await fs.rename(from, to);
    },
    async unlink(path) {
      maybeFail('unlink', path);
      await fs.unlink(path);
    },
    async mkdtemp(prefix) {
      maybeFail('mkdtemp', prefix);
      return fs.mkdtemp(prefix);
    },
    readdir: (path) => fs.readdir(path),
    rmdirRecursive: (path) => fs.rmdirRecursive(path),
    async syncDir(path) {
      maybeFail('syncdir', path);
      await fs.syncDir(path);
    },
  };
}

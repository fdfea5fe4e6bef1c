import type { Finding, Report } from '../../src/types.js';

/**
 * Reports built by hand for the reporter tests: a realistic one (five exporters racing on one
 * target, as in samples/naive-5) and a hostile one whose every log-derived string tries to
 * break out of its medium.
 */

export const T0 = 1764345600000; // 2025-11-28T16:00:00.000Z
export const CID = ['20251128T160000Z-aaaa1111', '20251128T160000Z-bbbb2222', '20251128T160000Z-cccc3333'] as const;

/** A path that is an HTML payload, as issue 6 asks the reports to survive. */
export const HTML_PATH = '/srv/out/<img src=x onerror=alert(1)>.csv';
/** A path with table and code-span breakers. */
export const PIPE_PATH = '/srv/out/a|b`c``d|e.csv';
/** A path that would recolour the terminal, then hide what follows and reverse the text. */
export const ESCAPE_PATH = '/srv/out/\u001b[31mred\u001b[0m\nfake line\r\u202egnp.csv\u0007';

export function finding(overrides: Partial<Finding> = {}): Finding {
  const built: Finding = {
    kind: 'overlapping-path',
    severity: 'error',
    message: '2 exports held the target /srv/out/sales.csv at the same time',
    hint: 'A shared temp name: give every export its own work folder next to the target.',
    path: '/srv/out/sales.csv',
    role: 'target',
    pids: [4242, 4243],
    hosts: ['build-01'],
    correlationIds: [CID[0], CID[1]],
    start: T0 + 3.5,
    end: T0 + 41,
    evidence: [
      { input: 'logs/a.log', line: 2 },
      { input: 'logs/b.log', line: 3 },
    ],
    ...overrides,
  };
  // `path: undefined` in overrides means "no path": drop the key, as JSON would.
  for (const key of Object.keys(built) as (keyof Finding)[]) if (built[key] === undefined) delete built[key];
  return built;
}

export function makeReport(overrides: Partial<Report> = {}): Report {
  const findings = overrides.findings ?? [
    finding(),
    finding({
      kind: 'failed-rename',
      message: 'pid 4243 never renamed /srv/out/sales.csv.tmp to /srv/out/sales.csv',
      hint: 'ENOENT: another export moved the shared temp file away; use per-export temp names.',
      tempPath: '/srv/out/sales.csv.tmp',
      targetPath: '/srv/out/sales.csv',
      pids: [4243],
      correlationIds: [CID[1]],
      attempts: 3,
      errorCodes: { ENOENT: 3 },
      start: T0 + 42,
      end: T0 + 910,
    }),
    finding({
      kind: 'retry-storm',
      severity: 'warning',
      message: '12 retried rename failures within 1000 ms',
      hint: 'Retries without jitter collide again: use exponential backoff with full jitter.',
      path: undefined,
      role: undefined,
      count: 12,
      identicalDelays: true,
      errorCodes: { EBUSY: 9, EPERM: 3 },
      evidence: Array.from({ length: 6 }, (_, i) => ({ input: 'logs/a.log', line: 10 + i })),
    }),
  ];
  return {
    $schema: 'https://racetrace.dev/schemas/report/1.0.0',
    tool: { name: 'racetrace', version: '0.1.0' },
    inputs: [
      { name: 'logs/a.log', lines: 20, events: 15, other: 4, invalid: 1, late: 0 },
      { name: 'logs/b.log', lines: 10, events: 10, other: 0, invalid: 0, late: 2 },
    ],
    summary: {
      events: 25,
      exports: 3,
      processes: 3,
      start: T0,
      end: T0 + 912.5,
      findings: countKinds(findings),
    },
    exports: [
      { correlationId: CID[0], pids: [4242], hosts: ['build-01'], start: T0, end: T0 + 412, status: 'ok', events: 9, findings: 1 },
      { correlationId: CID[1], pids: [4243], hosts: ['build-01'], start: T0 + 3.5, end: T0 + 912.5, status: 'failed', events: 12, findings: 2 },
      { correlationId: CID[2], pids: [4244], hosts: ['build-02'], start: T0 + 500, end: T0 + 502, status: 'incomplete', events: 4, findings: 0 },
    ],
    findings,
    diagnostics: [{ input: 'logs/a.log', line: 7, reason: 'not JSON: Unexpected end of JSON input' }],
    diagnosticsOmitted: 0,
    ...overrides,
  };
}

export function countKinds(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}

/** Every log-derived string is an attack; the report is still schema-valid. */
export function hostileReport(): Report {
  const findings = [
    finding({ path: HTML_PATH, message: `2 exports held ${HTML_PATH} at once`, hint: 'See <script>alert(1)</script> *now* | [x](javascript:alert(1))' }),
    finding({ path: PIPE_PATH, message: `held ${PIPE_PATH} | twice`, correlationIds: ['cid|with`tick', CID[1]] }),
    finding({ path: ESCAPE_PATH, message: `held ${ESCAPE_PATH}`, hosts: ['evil\u001b]0;pwned\u0007host'] }),
  ];
  return makeReport({
    inputs: [{ name: `logs/${HTML_PATH}|\u001b[2J.log`, lines: 3, events: 2, other: 0, invalid: 1, late: 0 }],
    findings,
    summary: { events: 2, exports: 3, processes: 3, start: T0, end: T0 + 900, findings: countKinds(findings) },
    diagnostics: [{ input: ESCAPE_PATH, line: 3, reason: 'not JSON: <img src=x onerror=alert(1)> \u001b[31m' }],
    diagnosticsOmitted: 41,
    notes: [`note with ${PIPE_PATH} and \u001b[1mbold`],
    story: {
      correlationId: CID[0],
      events: [
        { time: T0, host: 'build-01', pid: 4242, correlationId: CID[0], event: 'temp.create', own: true, tempPath: HTML_PATH, source: { input: 'logs/a.log', line: 1 } },
        { time: T0 + 1, host: 'build-01', pid: 4243, correlationId: CID[1], event: 'rename.failure', own: false, tempPath: PIPE_PATH, targetPath: ESCAPE_PATH, attempt: 1, errorCode: 'EBUSY', source: { input: 'logs/b.log', line: 2 } },
      ],
    },
  });
}

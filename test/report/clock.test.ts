import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../src/report/index.js';
import { redactReport } from '../../src/report/redact.js';
import { validateReport } from '../../src/schema/validators.js';
import type { ClockReport } from '../../src/types.js';
import { makeReport } from '../helpers/report.js';

const hostile = 'evil\u001b]8;;http://x\u0007-host|*_[a](b)';
const clock: ClockReport = {
  reference: 'build-01',
  hosts: [
    { host: 'build-01', events: 40, pairs: 12, offsetMs: 0, minMs: 0, maxMs: 0 },
    { host: 'build-02', events: 30, pairs: 9, skewMs: 5, offsetMs: 11.84, minMs: 9.04, maxMs: 14.1 },
    { host: 'build-03', events: 10, pairs: 3, maxMs: -2.26 },
    { host: hostile, events: 2, pairs: 0 },
  ],
  pairs: 12,
  contradictions: 1,
  violations: 0,
  uncertaintyMs: 14.1,
};

test('the clock section validates, and reads the same in text and Markdown', () => {
  const report = makeReport({ clock });
  assert.equal(validateReport(report).valid, true, validateReport(report).errors);
  const text = render(report, 'text', { color: false });
  assert.match(text, /^Clocks\nOffsets from build-01 \(the host with the most events\), from 12 causal pairs \(a rename that failed with ENOENT after another host moved its temp\):\n {2}build-02 is \+11\.8 ms \(\+9\.0\.\.\+14\.1\) from build-01, from 9 causal pairs \(after --skew \+5\.0 ms\)\n {2}build-03 is at most -2\.3 ms from build-01, from 3 causal pairs\n/m);
  assert.match(text, /^Cross-host order within 14\.1 ms is uncertain\.\n1 causal pair disagreed with the rest and was set aside/m);
  const markdown = render(report, 'markdown', { color: false });
  assert.match(markdown, /^### Clocks\n\nOffsets from build-01 .*\n\n- build-02 is \+11\.8 ms \(\+9\.0\.\.\+14\.1\) from build-01, from 9 causal pairs \(after --skew \+5\.0 ms\)$/m);
});

test('hostile host names are neutralised in text and escaped in Markdown', () => {
  const report = makeReport({ clock });
  const text = render(report, 'text', { color: false });
  assert.doesNotMatch(text, /\u001b|\u0007/);
  const markdown = render(report, 'markdown', { color: false });
  assert.match(markdown, /- evil.*-host\\\|\\\*\\_\\\[a\\\]\(b\): unknown, no causal pair links it to build-01/);
});

test('--redact replaces the clock section\'s host names too', () => {
  const redacted = redactReport(makeReport({ clock }));
  const text = JSON.stringify(redacted.clock);
  assert.doesNotMatch(text, /build-0\d/);
  assert.equal(validateReport(redacted).valid, true);
});

test('the report schema refuses a clock host it does not know the fields of', () => {
  const report = makeReport({ clock: { ...clock, hosts: [{ ...clock.hosts[0], drift: 1 } as unknown as ClockReport['hosts'][number]] } });
  assert.equal(validateReport(report).valid, false);
});

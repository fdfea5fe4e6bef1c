import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { neutralise } from '../../src/report/sanitize.js';
import { escapeHtml } from '../../src/report/html-escape.js';
import { mdCode, mdText } from '../../src/report/markdown-escape.js';
import { codeContent, inlineParts } from '../helpers/markdown.js';

// Anything a terminal acts on: C0, DEL, C1, bidi controls, line separators.
const TERMINAL_ACTIVE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

test('escape sequences and control characters are shown, not sent', () => {
  assert.equal(neutralise('\u001b[31mred\u001b[0m'), '\\x1B[31mred\\x1B[0m');
  assert.equal(neutralise('a\nb\rc\td'), 'a\\nb\\rc\\td');
  assert.equal(neutralise('bell\u0007 nul\u0000 del\u007f csi\u009b'), 'bell\\x07 nul\\x00 del\\x7F csi\\x9B');
  assert.equal(neutralise('abc\u202egnp.exe'), 'abc\\u202Egnp.exe');
  assert.equal(neutralise('lone \ud800 surrogate'), 'lone \\uD800 surrogate');
});

test('ordinary text, Windows paths and non-Latin names pass unchanged', () => {
  for (const text of ['/srv/out/sales.csv', 'C:\\Users\\bob\\out.csv', '/home/josé/отчёт.csv', 'emoji 🧪 ok']) {
    assert.equal(neutralise(text), text);
  }
});

test('no string survives neutralise with a character a terminal acts on', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      assert.doesNotMatch(neutralise(text), TERMINAL_ACTIVE);
    }),
    { numRuns: 500 },
  );
});

test('HTML escaping leaves no markup', () => {
  assert.equal(escapeHtml(`<img src=x onerror="alert('1')">&`), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
});

test('Markdown text escapes everything that could start markup or a cell', () => {
  assert.equal(mdText('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
  assert.equal(mdText('a|b*c_d`e[f](g)~h$i&j\\k'), 'a\\|b\\*c\\_d\\`e\\[f\\](g)\\~h\\$i\\&j\\\\k');
  assert.equal(mdText('two\nlines'), 'two\\\\nlines');
});

test('a code span shows any text exactly, however many backticks it holds', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '`', ' ', '|', '\\', '<') }), (text) => {
      const span = mdCode(text);
      const parts = inlineParts(span);
      assert.equal(parts.rest, '', `${JSON.stringify(span)} left text outside the span`);
      assert.equal(parts.code.length, 1);
      assert.equal(codeContent(parts.code[0] ?? ''), text === '' ? ' ' : text);
    }),
    { numRuns: 300 },
  );
});

test('inside a table a code span escapes its pipes', () => {
  assert.equal(mdCode('a|b', true), '`a\\|b`');
  assert.equal(mdCode('a|b'), '`a|b`');
  assert.equal(mdCode('`x`'), '`` `x` ``');
});

// lint() with thousands of repeated and same-length messages: wasm/bindings.cpp writes each distinct string of a call
// once into the result's blob (one remembered string per length), so every diagnostic must still carry its own
// message, fix title and insert, in an ASCII blob and in a non-ASCII one, and nothing may carry over between calls.
// The expected texts come from the catalogue's templates (rules) and from the input, not from a run of the linter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validator } from './helpers.mjs';

const v = await validator();
const template = (code) => v.rules.find((r) => r.code === code).message;
const HEAD = 'version: STSv1\nmode: enforce\nmax_age: 86400\n';

// n lines `Mx: <prefix><i>.`: each has the field name in the wrong case (STS214) and, for ASCII names, a trailing dot
// (STS239, whose message quotes the pattern: many of them have the same length and different bytes).
function shortLines(n, prefix) {
  let text = HEAD;
  const lines = [];
  for (let i = 0; i < n; ++i) {
    lines.push({ at: text.length, pattern: `${prefix}${i}.` });
    text += `Mx: ${prefix}${i}.\n`;
  }
  return { text, lines };
}

function checkLines(r, lines) {
  for (const { at, pattern } of lines) {
    const here = r.diagnostics.filter((d) => d.from >= at && d.from < at + 5 + pattern.length);
    const name = here.find((d) => d.code === 'STS214');
    assert.ok(name, `STS214 on the line of ${pattern}`);
    assert.equal(name.message, template('STS214').replace('{canonical}', 'mx'));
    assert.deepEqual(name.fix.edits, [{ from: at, to: at + 2, insert: 'mx' }]);
    const dot = here.find((d) => d.code === 'STS239');
    if (dot) {
      assert.equal(dot.message, template('STS239').replace('{p}', pattern));
      const where = at + 4 + pattern.length - 1;
      assert.deepEqual(dot.fix.edits, [{ from: where, to: where + 1, insert: '' }]);
    }
  }
}

test('thousands of repeated and same-length messages, fix titles and inserts each reach their own diagnostic (ASCII blob)', () => {
  const { text, lines } = shortLines(3000, 'a');
  const r = v.lint(text);
  assert.equal(r.diagnostics.filter((d) => d.code === 'STS239').length, 3000);
  checkLines(r, lines);
  const titles = new Set(r.diagnostics.filter((d) => d.code === 'STS214').map((d) => d.fix.title));
  assert.equal(titles.size, 1);
});

test('repeated messages in a non-ASCII blob (a template with U+2026) decode each in place', () => {
  const { text, lines } = shortLines(500, 'é');
  const r = v.lint(text);
  const unicode = r.diagnostics.filter((d) => d.code === 'STS245');
  assert.equal(unicode.length, 500);
  for (const d of unicode) assert.equal(d.message, template('STS245'));
  assert.ok(template('STS245').includes('\u2026'));
  checkLines(r, lines);
});

test('nothing of one call reaches the next: the same text before and after others gives the same result', () => {
  const a = shortLines(200, 'a').text;
  const b = shortLines(200, 'é').text;
  const first = JSON.stringify(v.lint(a));
  v.lint(b);
  v.lint('v=STSv1; id=1');
  v.lint(shortLines(50, 'bb').text);
  assert.equal(JSON.stringify(v.lint(a)), first);
});

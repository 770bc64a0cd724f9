// The npm package under hostile input and misuse (issue: Reliability): huge and odd strings get a diagnostic with a
// code and a position; every method refuses wrong types with a TypeError naming what was expected; a million calls
// leave the wasm heap as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validator, fullValidator } from './helpers.mjs';

const v = await validator();
const g = await fullValidator(); // generate() is in the "./full" entry

function checkSpans(text, r) {
  for (const d of r.diagnostics) {
    assert.ok(Number.isInteger(d.from) && Number.isInteger(d.to) && 0 <= d.from && d.from <= d.to && d.to <= text.length, `${d.code} span ${d.from}..${d.to}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0 && !d.message.includes('\n'));
    assert.match(d.code, /^(STS|RPT|DNS)\d{3}$/);
  }
}

function random(n, seed) {
  let x = seed >>> 0;
  let s = '';
  for (let i = 0; i < n; ++i) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    s += String.fromCharCode(x >>> 16); // any UTF-16 code unit, lone surrogates included
  }
  return s;
}

test('hostile strings get a diagnostic with a code and a position', () => {
  const mx = ['version: STSv1', 'mode: enforce', 'max_age: 86400'];
  for (let i = 0; i < 1_000_000; ++i) mx.push(`mx: mx${i}.example.com`);
  const cases = [
    ['10 M random code units', random(10 * 1024 * 1024, 1), null],
    ['a 5 MB line', 'version: STSv1\nx-long: ' + 'a'.repeat(5 * 1024 * 1024) + '\n', 'STS250'],
    ['1,000,000 mx lines', mx.join('\n') + '\n', 'STS250'],
    ['NUL characters', 'version: STSv1\nmode: enf\u0000orce\nmx: a.example.com\nmax_age: 86400\n', 'STS202'],
    ['lone surrogates', 'version: STSv1\nx-note: \uD800\uDC00\uDFFF\uD800\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n', null],
    ['CR-only lines', 'version: STSv1\rmode: enforce\rmx: a.example.com\rmax_age: 86400\r', 'STS205'],
    ['a 1 MB TXT record', 'v=STSv1; id=1; x=' + 'a'.repeat(1024 * 1024), 'DNS602'],
    ['50,000 rua URIs', 'v=TLSRPTv1; rua=' + Array.from({ length: 50000 }, (_, i) => `mailto:r${i}@example.com`).join(','), null],
    ['an HTML page', '<!DOCTYPE html><html><body>404</body></html>', 'STS204'],
  ];
  for (const [what, text, code] of cases) {
    const r = v.lint(text, { verbose: true });
    checkSpans(text, r);
    if (code) assert.ok(r.diagnostics.some((d) => d.code === code), `${what}: ${code} expected, got ${[...new Set(r.diagnostics.map((d) => d.code))]}`);
    else if (what !== '50,000 rua URIs') assert.ok(r.diagnostics.length > 0, what);
  }
});

test('UTF-16 is told from NUL bytes wherever they sit in the first 256 bytes (the wasm build probes 8 bytes at a time)', () => {
  // UTF-16 when at least a third of the first bytes are NUL: one STS202 at 1:1 and nothing else (as the native command)
  for (const text of [
    'abcdefgh\0\0\0\0', // only in the tail after the last whole word
    'version:' + '\0'.repeat(16) + 'mode', // from the second word on
    'v\0e\0r\0s\0i\0o\0n\0:\0 \0S\0T\0S\0v\x001\0', // UTF-16LE of "version: STSv1"
  ]) {
    const r = v.lint(text, { kind: 'policy' });
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.line, d.column]), [['STS202', 1, 1]], JSON.stringify(text));
  }
  // fewer: the NUL itself is reported where it is, and the policy is read
  const r = v.lint('abcdefgh\0\0\0x', { kind: 'policy' });
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.column]), [['STS221', 1], ['STS224', 1], ['STS228', 1], ['STS202', 9]]);
});

test('every method refuses wrong types with a TypeError that says what was expected', () => {
  const text = 'v=STSv1; id=1';
  const result = v.lint(text);
  for (const bad of [undefined, null, 42, {}, [], Symbol('x'), () => 1, 10n, new String('x')]) {
    assert.throws(() => v.lint(bad), TypeError);
    // options: undefined means none, and any object (an empty one, an array) is an options bag; the rest is refused
    if (bad !== undefined && typeof bad !== 'object' && typeof bad !== 'function') assert.throws(() => v.lint(text, bad), TypeError);
    // an empty array is an empty list of results (it formats to the summary line); anything else is refused
    if (!Array.isArray(bad)) assert.throws(() => v.format(bad), TypeError);
    if (bad !== undefined && bad !== null && typeof bad !== 'object') assert.throws(() => g.generate(bad), TypeError);
  }
  assert.throws(() => v.lint(text, { kind: 'yaml' }), RangeError);
  assert.throws(() => v.format(result, 'yaml'), RangeError);
  assert.throws(() => g.generate({ domain: 'example.com', mx: 'mail.example.com' }), /expected an array of strings/);
  assert.throws(() => g.generate({ domain: 'example.com', max_age: 1 }), TypeError);
  assert.throws(() => v.lint(42), /expected a string, got number/);
  // the validator still works after all that
  assert.equal(v.lint(text).valid, true);
});

test('one million calls leave the wasm heap as it was', () => {
  const inputs = ['version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n', 'v=STSv1; id=1', 'v=TLSRPTv1; rua=mailto:a@example.com', 'Mode: Enforce\n\n# x\n', '\uD800'];
  for (let i = 0; i < 1000; ++i) v.lint(inputs[i % inputs.length]); // warm up: the buffers reach their size
  const before = v.heapSize;
  let errors = 0;
  for (let i = 0; i < 1_000_000; ++i) errors += v.lint(inputs[i % inputs.length]).errorCount;
  assert.ok(errors > 0);
  assert.equal(v.heapSize, before);
});

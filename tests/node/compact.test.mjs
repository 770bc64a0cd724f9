// The page's compact path (web/src/compact.js, issue #19) against the public lint(): for every kind of text the page
// can be given (12,000 diagnostics of the page's case (c), fixes with several edits, non-ASCII text whose strings
// come from the blob, lone surrogates, a pasted bundle with artefacts, records, the Spanish catalogue), the
// diagnostics it builds on demand are exactly lint()'s, in order, and everything else in the result is the same.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fullValidator, root } from './helpers.mjs';

const { lintCompact, CompactDiagnostics } = await import(join(root, 'web', 'src', 'compact.js'));
const v = await fullValidator();

// The page's case (c) (scripts/page-latency.mjs): short wrong lines, two mistakes each, up to 64 KiB.
function caseC(bytes = 65536) {
  let text = 'version: STSv1\nmode: enforce\nmax_age: 1209600\n';
  for (let i = 0; ; i++) {
    const line = `Mx: a${i}.\n`;
    if (Buffer.byteLength(text + line) > bytes) break;
    text += line;
  }
  return text;
}

const paste = readdirSync(join(root, 'tests', 'fixtures', 'paste'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(root, 'tests', 'fixtures', 'paste', f), 'utf8'))
  .join('\n');

const TEXTS = [
  ['case (c), 12,000+ diagnostics', caseC(), { kind: 'auto' }],
  ['common mistakes', 'version: STSv1\n  mode: testing\nmx: b.example.com, c.example.com\nMx: d.example.com.\nmax_age: 5\n\nfoo: bar\n__proto__: x\n', { kind: 'auto' }],
  ['non-ASCII text (strings from the blob)', 'version: STSv1\nmode: enforce\nmx: mäil.exämple.com.\nMx: ünïcode.example.\nmax_age: -1\nñame: vålue\n', { kind: 'auto' }],
  ['a lone surrogate', 'version: STSv1\nmode: \uD800enforce\nMx: a.\n', { kind: 'auto' }],
  ['verbose, Spanish', caseC(4096), { kind: 'policy', verbose: true, lang: 'es' }],
  ['a _mta-sts record', 'v=STSv1; id=2024 01 01;; foo=bar ', { kind: 'auto' }],
  ['a TLS-RPT record', 'v=TLSRPTv1; rua=mailto:a@example.com,https://x; rua=x', { kind: 'tlsrpt' }],
  ['a pasted bundle', paste, { kind: 'auto' }],
  ['empty', '', { kind: 'auto' }],
];

for (const [name, text, options] of TEXTS) {
  test(`compact diagnostics are lint()'s: ${name}`, () => {
    const expected = v.lint(text, options);
    const got = lintCompact(v, text, options);
    assert.ok(got.diagnostics instanceof CompactDiagnostics);
    const d = got.diagnostics;
    assert.equal(d.length, expected.diagnostics.length);
    if (name.startsWith('case (c)')) assert.ok(d.length > 12000, `${d.length} diagnostics`);
    // Out of order first (as the page asks: the editor's window, then the list), then all of them in order.
    for (const i of [d.length - 1, Math.floor(d.length / 2), 0]) if (i >= 0) assert.deepEqual(d.at(i), expected.diagnostics[i]);
    assert.equal(JSON.stringify(d.toArray()), JSON.stringify(expected.diagnostics)); // same keys in the same order
    assert.deepEqual([...d], expected.diagnostics);
    for (let i = 0; i < d.length; i++) {
      assert.equal(d.starts[i], expected.diagnostics[i].from);
      assert.equal(d.ends[i], expected.diagnostics[i].to);
      assert.equal(d.hasFix(i), !!expected.diagnostics[i].fix && expected.diagnostics[i].fix.edits.length > 0);
    }
    assert.equal(d.fixable, expected.diagnostics.filter((x) => x.fix && x.fix.edits.length).length);
    assert.deepEqual(d.fixes(), expected.diagnostics.filter((x) => x.fix).map((x) => x.fix));
    assert.equal(d.at(-1), undefined);
    assert.equal(d.at(d.length), undefined);
    // Everything else: kind, counts, facts, artefacts.
    const { diagnostics: _a, ...rest } = got;
    const { diagnostics: _b, ...restExpected } = expected;
    assert.equal(JSON.stringify(rest), JSON.stringify(restExpected));
  });
}

test('compact results: valid until the next-but-one lint, then at() refuses rather than mixing two lints', () => {
  const small = caseC(2048);
  const first = lintCompact(v, small, { kind: 'auto' });
  const expected = v.lint(small, { kind: 'auto' }).diagnostics;
  const early = first.diagnostics.at(3);
  // The next lint (bigger, non-ASCII: its buffers grow) leaves the first one readable.
  const bigger = 'version: STSv1\nmode: nonsense\n' + 'Mx: zz.\n'.repeat(800) + 'ü';
  const second = lintCompact(v, bigger, { kind: 'auto' });
  v.lint(caseC(), { kind: 'auto' }); // (the public lint() uses no compact buffers)
  assert.deepEqual(first.diagnostics.toArray(), expected);
  const firstUnread = lintCompact(v, small, { kind: 'auto' }).diagnostics; // (a third: the first one's buffers)
  const third = lintCompact(v, caseC(), { kind: 'auto' }); // (a fourth: the second one's, grown)
  assert.ok(second.diagnostics.length > 1000);
  assert.throws(() => second.diagnostics.at(1000), /next-but-one lint/);
  assert.throws(() => second.diagnostics.fixes(), /next-but-one lint/);
  assert.equal(first.diagnostics.at(3), early); // what was built stays
  assert.deepEqual(firstUnread.toArray(), expected);
  assert.deepEqual(third.diagnostics.at(12000), v.lint(caseC(), { kind: 'auto' }).diagnostics[12000]);
});

test('the compact path is internal: lint() ignores symbol keys it does not know, and format() takes its results', () => {
  const r = v.lint('Mx: a.\n', { kind: 'policy', [Symbol('other')]: 1 });
  assert.ok(Array.isArray(r.diagnostics));
  assert.throws(() => lintCompact(v, 'x', { kind: 'nope' }), RangeError);
  assert.throws(() => lintCompact(v, 1), TypeError);
  const c = lintCompact(v, 'Mx: a.\n', { kind: 'policy' });
  assert.equal(v.format(c, 'text'), v.format(r, 'text'));
});

// The embind boundary (wasm/bindings.cpp, docs/api.md): every value that reaches a caller is plain data (no embind
// handle, nothing to .delete()), and the bytes handed to the bin are copies that later calls do not overwrite
// (the core returns typed_memory_view views of its static buffers, which api.js and generator.js must copy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullValidator, validator } from './helpers.mjs';
import { formatFiles } from '../../wasm/dist/api.js';
import { batchLine } from '../../wasm/dist/generator.js';

const lean = await validator();
const v = await fullValidator();

// Objects with Object.prototype (or null), arrays, strings, numbers, booleans, null: what JSON could carry, and
// nothing callable anywhere inside.
function assertPlain(x, path = 'value') {
  if (x === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof x)) return;
  assert.equal(typeof x, 'object', `${path}: ${typeof x}`);
  const proto = Object.getPrototypeOf(x);
  assert.ok(proto === Object.prototype || proto === Array.prototype || proto === null, `${path}: not a plain object or array`);
  assert.equal('delete' in x, false, `${path}: has delete`);
  for (const [k, value] of Object.entries(x)) assertPlain(value, `${path}.${k}`);
}

test('lint, rules, presets, generate and generateDmarc return plain data, with no embind handle inside', () => {
  const policy = 'version: STSv1\nmode: Enforce\nmx: mail.example.com\nmax_age: 86400\nfoo: bar\n';
  for (const validatorUnderTest of [lean, v]) {
    const r = validatorUnderTest.lint(policy, { domain: 'example.com', mxHosts: ['mail.example.com'] });
    assert.ok(r.diagnostics.some((d) => d.fix), 'a diagnostic with a fix, so that the fix objects are checked too');
    assertPlain(r, 'lint(policy)');
    assertPlain(validatorUnderTest.lint('v=STSv1; id=20250101;'), 'lint(txt)');
    assertPlain(validatorUnderTest.lint('v=DMARC1; p=none; rua=mailto:d@example.com', { kind: 'dmarc' }), 'lint(dmarc)');
    assertPlain(validatorUnderTest.rules, 'rules');
  }
  assertPlain(v.presets, 'presets');
  assertPlain(v.generate({ domain: 'example.com', preset: v.presets[0].name, now: 0 }), 'generate');
  assertPlain(v.generate({ domain: 'example.com', maxAge: 1.5 }), 'generate (refused)');
  assertPlain(v.generateDmarc({ domain: 'example.com', policy: 'none', rua: ['mailto:d@example.com'] }), 'generateDmarc');
});

test("the bin's bytes are copies: later calls into the core do not change them", () => {
  const files = [{ name: 'a.txt', text: 'version: STSv1\nmode: testing\n', kind: 'policy', verbose: false }];
  const first = formatFiles(lean, files, 'json', false);
  const before = Buffer.from(first.output).toString();
  assert.match(before, /"a\.txt"/);
  formatFiles(lean, [{ name: 'other-name.txt', text: 'x'.repeat(5000), kind: 'auto', verbose: true }], 'text', false);
  lean.lint('mx: y\n'.repeat(20000)); // and one that needs a larger heap
  assert.equal(Buffer.from(first.output).toString(), before);

  const line = batchLine(v, { line: 1, domain: 'example.com', txt: 'v=STSv1; id=1;' });
  const text = Buffer.from(line).toString();
  assert.match(text, /^\{"line":1,/);
  batchLine(v, { line: 2, domain: 'a-much-longer-domain-name.example.org', policy: 'version: STSv1\n' });
  assert.equal(Buffer.from(line).toString(), text);
});

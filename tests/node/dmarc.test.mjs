// DMARC through the JS API: lint(text, { kind: 'dmarc' }), auto detection, the record facts, positions in UTF-16.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validator } from './helpers.mjs';

const v = await validator();

test("the issue's record: one valid DMARC record, not four MTA-STS errors", () => {
  const r = v.lint('v=DMARC1; p=reject; rua=mailto:d@example.com');
  assert.equal(r.kind, 'dmarc');
  assert.equal(r.valid, true);
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.record, {
    value: 'v=DMARC1; p=reject; rua=mailto:d@example.com',
    version: 'DMARC1',
    rua: ['mailto:d@example.com'],
    p: 'reject',
    fields: [{ name: 'p', value: 'reject' }, { name: 'rua', value: 'mailto:d@example.com' }],
  });
});

test("kind 'dmarc': every mistake with its span and fix", () => {
  const text = 'v=DMARC1 p=Reject; pct=150; rua=d@example.com';
  const r = v.lint(text, { kind: 'dmarc' });
  assert.equal(r.kind, 'dmarc');
  const got = r.diagnostics.map((d) => [d.code, text.slice(d.from, d.to)]);
  // RFC 7489 §6.4: a dmarc-sep between version and p; §6.3: pct 0-100; §6.2: a rua element is a URI.
  assert.deepEqual(got, [
    ['DMC603', ' '],
    ['DMC621', 'Reject'],
    ['DMC608', '150'],
    ['DMC615', 'd@example.com'],
  ]);
  assert.equal(r.diagnostics[0].fix.edits[0].insert, ';');
  assert.equal(r.diagnostics[3].fix.edits[0].insert, 'mailto:');
  assert.equal(r.record.p, 'reject');
});

test('positions are UTF-16 after non-ASCII text (DMC627)', () => {
  const text = '"v=DMARC1; p=reject; rua=mailto:d@ex\u00e4mple.com"';
  const r = v.lint(text, { kind: 'dmarc' });
  const d = r.diagnostics.find((x) => x.code === 'DMC627');
  assert.equal(text.slice(d.from, d.to), '\u00e4');
});

test('another protocol is named in one diagnostic', () => {
  const r = v.lint('v=spf1 include:_spf.example.com -all');
  assert.equal(r.kind, 'dmarc');
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['DMC629']);
  assert.match(r.diagnostics[0].message, /SPF/);
});

test('the domain option is evidence for external report addresses (RFC 7489 §7.1)', () => {
  const rec = 'v=DMARC1; p=none; rua=mailto:d@reports.example.net';
  assert.deepEqual(v.lint(rec, { kind: 'dmarc', verbose: true }).diagnostics.map((d) => d.code), []);
  const r = v.lint(rec, { kind: 'dmarc', verbose: true, domain: 'example.com' });
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['DMC638']);
  assert.match(r.diagnostics[0].message, /example\.com\._report\._dmarc\.reports\.example\.net/);
  assert.ok(v.rules.some((x) => x.code === 'DMC601' && /RFC 7489/.test(x.reference)));
});

test('format() renders a DMARC result as the CLI does', () => {
  const r = v.lint('v=DMARC1; p=none', { kind: 'dmarc' });
  assert.match(v.format(r, 'json'), /"kind":"dmarc".*"p":"none"/);
  assert.match(v.format(r, 'text'), /DMC635/);
});

// v.generateDmarc(options) of the "./full" entry and `mta-sts-lint generate dmarc` in the Node bin: the same bytes as
// the native command, records that lint clean, refusals with the catalogue code and the answer they are about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullValidator, validator, native, bin } from './helpers.mjs';

const v = await fullValidator();
const lintOnly = await validator();

test('generateDmarc: the record, its zone line, the authorization of an external report domain, the roll-out stage', () => {
  const r = v.generateDmarc({ domain: 'example.com', policy: 'quarantine', rua: ['mailto:d@reports.example.net'], pct: 50 });
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.equal(r.record, 'v=DMARC1; p=quarantine; pct=50; rua=mailto:d@reports.example.net');
  assert.deepEqual(r.records, [{ name: '_dmarc.example.com', type: 'TXT', value: r.record }]);
  assert.deepEqual(r.authorizations, [{ name: 'example.com._report._dmarc.reports.example.net', type: 'TXT', value: 'v=DMARC1' }]);
  assert.equal(r.stage, 'quarantine');
  assert.match(r.checklist.join('\n'), /stage 2, quarantine \(this record\)/);
  assert.deepEqual(r.notes.map((n) => n.code), ['DMC632', 'DMC636', 'DMC638']);
  // the default module lints what the full one generated, clean
  const l = lintOnly.lint(r.zone, { verbose: true });
  assert.equal(l.kind, 'dmarc');
  assert.equal(l.errorCount + l.warningCount, 0);
});

test('generateDmarc: refusals carry the code and the field; wrong types throw', () => {
  const r = v.generateDmarc({ domain: 'example.com' });
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors.map((e) => [e.code, e.field]), [['DMC635', 'rua']]);
  assert.deepEqual(v.generateDmarc({ domain: 'example.com', policy: 'reject', pct: 1.5 }).errors.map((e) => e.code), ['DMC608']);
  assert.throws(() => v.generateDmarc({ domain: 5 }), { name: 'TypeError', message: 'generateDmarc(options).domain: expected a string, got number' });
  assert.throws(() => v.generateDmarc({ domain: 'example.com', rua: 'a@example.com' }), { name: 'TypeError', message: /rua: expected an array of strings/ });
  assert.throws(() => v.generateDmarc({ domain: 'example.com', mode: 'x' }), { name: 'TypeError', message: /mode/ });
  assert.equal(lintOnly.generateDmarc, undefined, 'the default module has no generator');
});

test('generateDmarc({ lang }): refusals, notes and checklist in Spanish with the same codes and fields', () => {
  const en = v.generateDmarc({ domain: 'example.com', policy: 'reject', pct: 1.5 });
  const es = v.generateDmarc({ domain: 'example.com', policy: 'reject', pct: 1.5, lang: 'es' });
  assert.deepEqual(es.errors.map((e) => [e.code, e.field]), en.errors.map((e) => [e.code, e.field]));
  assert.notEqual(es.errors[0].message, en.errors[0].message);
  const ok = { domain: 'example.com', policy: 'quarantine', rua: ['mailto:d@reports.example.net'] };
  const [a, b] = [v.generateDmarc(ok), v.generateDmarc({ ...ok, lang: 'es' })];
  assert.equal(b.record, a.record, 'the record itself never changes with the language');
  assert.deepEqual(b.notes.map((n) => n.code), a.notes.map((n) => n.code));
  assert.ok(b.notes.every((n, i) => n.message !== a.notes[i].message), 'every note is translated');
  assert.throws(() => v.generateDmarc({ ...ok, lang: 'fr' }), { name: 'RangeError' });
});

test('generate dmarc: the Node bin writes the native command\'s bytes and exit status', () => {
  const cases = [
    ['generate', 'dmarc', '--help'],
    ['generate', 'dmarc', '--domain', 'example.com', '--rua', 'dmarc@example.com'],
    ['generate', 'dmarc', '--domain', 'example.com', '--policy', 'reject', '--subdomain-policy', 'quarantine', '--adkim', 's', '--rua', 'mailto:d@reports.example.net', '--ruf', 'f@example.com', '--format', 'json'],
    ['generate', 'dmarc', '--domain', 'example.com', '--policy', 'quarantine', '--pct', '25', '--rua', 'd@reports.example.net', '--format', 'zone'],
    ['generate', 'dmarc', '--domain', 'example.com', '--policy', 'rejct', '--pct', 'x'],
    ['generate', 'dmarc', '--domain', 'example.com', '--format', 'policy'],
    ['generate', 'dmarc', '--bogus'],
  ];
  for (const args of cases) {
    const n = native(args);
    const b = bin(args);
    assert.equal(b.status, n.status, `${args.join(' ')}: status`);
    assert.equal(b.stdout.toString(), n.stdout.toString(), `${args.join(' ')}: stdout`);
    assert.equal(b.stderr.toString(), n.stderr.toString(), `${args.join(' ')}: stderr`);
  }
  // in Spanish too: the checklist, the notes and the refusals
  for (const args of [cases[1], cases[3], cases[4]]) {
    const es = [...args, '--lang', 'es'];
    const n = native(es);
    const b = bin(es);
    assert.equal(b.status, n.status, `${es.join(' ')}: status`);
    assert.equal(b.stdout.toString(), n.stdout.toString(), `${es.join(' ')}: stdout`);
    assert.equal(b.stderr.toString(), n.stderr.toString(), `${es.join(' ')}: stderr`);
  }
});

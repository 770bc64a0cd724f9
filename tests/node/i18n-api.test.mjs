// The JS API in two languages (docs/i18n.md): createValidator({ lang }), lint(text, { lang }), format(..., { lang }),
// generate({ lang }) and v.rules; codes, positions, fields and edits never depend on the language. The default entry
// is English only (the translations cost 10 KiB gzip); "./full" has every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dist, requireFile } from './helpers.mjs';

requireFile(join(dist, 'node.js'), 'run `npm run build:wasm` first');
const { createValidator } = await import(join(dist, 'node.js'));
const { createValidator: createFull } = await import(join(dist, 'full-node.js'));

const policy = 'version: STSv1\nmode: enforce\nmx: mail.example.com.\nmax_age: 86400s\n';
const strip = (r) => r.diagnostics.map(({ message, fix, ...rest }) => ({ ...rest, edits: fix?.edits }));

test('the default entry is English only and says where the other languages are', async () => {
  const v = await createValidator();
  assert.equal(v.lang, 'en');
  assert.deepEqual(v.langs, ['en']);
  await assert.rejects(createValidator({ lang: 'es' }), {
    name: 'RangeError',
    message: "createValidator({ lang }): unknown language 'es' (expected 'en'; the other languages are in the 'mta-sts-lint/full' entry)",
  });
  assert.throws(() => v.lint('x', { lang: 'es' }), RangeError);
  assert.equal(v.lint('x', { lang: 'en' }).diagnostics[0].code, 'STS211');
});

test('createValidator({ lang }) sets the default language; English stays the default', async () => {
  const en = await createFull();
  const es = await createFull({ lang: 'es' });
  assert.equal(en.lang, 'en');
  assert.equal(es.lang, 'es');
  assert.deepEqual(es.langs, ['en', 'es']);
  const a = en.lint(policy, { verbose: true });
  const b = es.lint(policy, { verbose: true });
  assert.deepEqual(strip(b), strip(a));
  assert.deepEqual(b.policy, a.policy);
  const sts239 = b.diagnostics.find((d) => d.code === 'STS239');
  assert.equal(sts239.message, "Quite el punto final del patrón mx ('mail.example.com.').");
  assert.equal(sts239.fix.title, 'Quitar el punto final');
  assert.equal(a.diagnostics.find((d) => d.code === 'STS239').message, "Remove the trailing dot from the mx pattern ('mail.example.com.').");
  // v.rules in the validator's language: same codes, severities and references.
  assert.deepEqual(es.rules.map((r) => [r.code, r.severity, r.reference]), en.rules.map((r) => [r.code, r.severity, r.reference]));
  const rule = es.rules.find((r) => r.code === 'STS239');
  assert.equal(rule.title, 'punto final en mx');
  assert.equal(rule.message, "Quite el punto final del patrón mx ('{p}').");
});

test('lint(text, { lang }) per call, over the validator default, both ways', async () => {
  const en = await createFull();
  const es = await createFull({ lang: 'es' });
  const one = en.lint(policy, { lang: 'es' });
  const two = es.lint(policy, { lang: 'en' });
  assert.equal(one.diagnostics[0].message, es.lint(policy).diagnostics[0].message);
  assert.equal(two.diagnostics[0].message, en.lint(policy).diagnostics[0].message);
  assert.match(one.diagnostics.find((d) => d.code === 'STS229').message, /^'max_age' debe ser un número entero de segundos .* No se permiten unidades/);
  // format(): each result's messages in the language it was linted in; the output's own words in options.lang.
  const text = en.format([{ file: 'p.txt', result: one }], 'text', { lang: 'es' });
  assert.match(text, /^p\.txt:3:21: error: Quite el punto final del patrón mx \('mail\.example\.com\.'\)\. \[STS239\]\n/);
  assert.match(text, /\n1 archivo revisado: 2 errores, 0 advertencias\n$/);
  const sarif = JSON.parse(es.format(two, 'sarif'));
  assert.equal(sarif.runs[0].tool.driver.rules.find((r) => r.id === 'STS239').shortDescription.text, 'punto final en mx');
  assert.equal(sarif.runs[0].results.find((r) => r.ruleId === 'STS239').message.text, "Remove the trailing dot from the mx pattern ('mail.example.com.').");
});

test('unknown or mistyped languages are refused with a clear error', async () => {
  await assert.rejects(createFull({ lang: 'fr' }), { name: 'RangeError', message: "createValidator({ lang }): unknown language 'fr' (expected 'en' or 'es')" });
  await assert.rejects(createFull({ lang: 1 }), TypeError);
  const v = await createFull();
  assert.throws(() => v.lint('x', { lang: 'de' }), { name: 'RangeError', message: "lint(text, { lang }): unknown language 'de' (expected 'en' or 'es')" });
  assert.throws(() => v.lint('x', { lang: null }), TypeError);
  assert.throws(() => v.format(v.lint('x'), 'text', { lang: 'ES' }), RangeError);
});

test('generate({ lang }) in the full entry: checklist, notes and refusals in Spanish, same outputs', async () => {
  const full = await createFull({ lang: 'es' });
  const o = { domain: 'example.com.', mx: ['mail.example.com.', 'mail.example.com'], now: 1700000000 };
  const es = full.generate(o);
  const en = full.generate({ ...o, lang: 'en' });
  assert.equal(es.policy, en.policy);
  assert.equal(es.txt, en.txt);
  assert.deepEqual(es.notes.map((n) => [n.code, n.field]), en.notes.map((n) => [n.code, n.field]));
  assert.equal(es.checklist[0], 'Sirva el archivo de política en https://mta-sts.example.com/.well-known/mta-sts.txt (RFC 8461 §3.2).');
  assert.equal(en.checklist[0], 'Serve the policy file at https://mta-sts.example.com/.well-known/mta-sts.txt (RFC 8461 §3.2).');
  const refused = full.generate({ mx: ['a.example.com'], maxAge: 1.5 });
  assert.equal(refused.ok, false);
  assert.equal(refused.errors[0].code, 'STS229');
  assert.equal(refused.errors[0].message, "'max_age' debe ser un número entero de segundos (de 1 a 10 dígitos).");
});

// The presets' descriptions are the core's (core/i18n/es.def preset_*): v.presets in the validator's language, and
// v.localized(lang) for another one (the page switches language with one validator).
test('./full: v.presets in the validator\'s language, v.localized(lang) gives rules and presets in another', async () => {
  const en = await createFull();
  const es = await createFull({ lang: 'es' });
  const zoho = (list) => list.find((p) => p.name === 'zoho');
  assert.equal(zoho(en.presets).description, 'Zoho Mail (US data centre)');
  assert.equal(zoho(es.presets).description, 'Zoho Mail (centro de datos de EE. UU.)');
  assert.deepEqual(es.presets.map((p) => [p.name, p.mx]), en.presets.map((p) => [p.name, p.mx]));

  const inEs = en.localized('es');
  assert.equal(inEs.lang, 'es');
  assert.deepEqual(inEs.presets, es.presets);
  assert.deepEqual(inEs.rules, es.rules);
  assert.equal(inEs.rules.find((r) => r.code === 'STS239').title, 'punto final en mx');
  assert.equal(zoho(en.localized('en').presets).description, 'Zoho Mail (US data centre)');
  assert.equal(en.localized().rules, en.rules, "no language: the validator's own");
  assert.equal(es.localized('en').rules.find((r) => r.code === 'STS239').title, en.rules.find((r) => r.code === 'STS239').title);
  assert.equal(en.localized('es').presets, inEs.presets, 'read once per language');
  assert.ok(Object.isFrozen(inEs) && Object.isFrozen(inEs.rules[0]) && Object.isFrozen(inEs.presets[0].mx));
  assert.throws(() => en.localized('fr'), { name: 'RangeError', message: /localized\(lang\): unknown language 'fr'/ });
  assert.throws(() => en.localized(1), TypeError);
  // English stays what it was: the default validator's presets
  assert.equal(en.presets.find((p) => p.name === 'icloud').description, 'iCloud+ Custom Email Domain');
});

// The command line in the user's language (docs/i18n.md): the locale as POSIX orders it (LC_ALL, then LC_MESSAGES,
// then LANG; es_* is Spanish, anything else English) and --lang en|es over it, for the native CLI and the Node bin
// alike; json and sarif carry the messages (and SARIF's rule texts) in that language with the same codes and positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { native, bin } from './helpers.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'mta-sts-lint-i18n-'));
test.after(() => rmSync(scratch, { recursive: true, force: true }));
const policy = join(scratch, 'mta-sts.txt');
// STS239 (trailing dot, with a fix), STS229 with the unit hint, STS209 (blank line).
writeFileSync(policy, 'version: STSv1\nmode: enforce\nmax_age: 86400d\nmx: mail.example.com.\n\n');

const SPANISH_LINE = "mta-sts.txt:4:21: error: Quite el punto final del patrón mx ('mail.example.com.'). [STS239]";
const ENGLISH_LINE = "mta-sts.txt:4:21: error: Remove the trailing dot from the mx pattern ('mail.example.com.'). [STS239]";
// No locale variable of the test runner leaks in: each case sets all three.
const env = (o) => ({ LC_ALL: '', LC_MESSAGES: '', LANG: '', ...o });

const tools = { native, bin };
for (const [name, cli] of Object.entries(tools)) {
  const lint = (args, e) => {
    const r = cli(args, { env: env(e), cwd: scratch });
    return { ...r, out: r.stdout.toString() };
  };

  test(`${name}: the locale chooses the language (LC_ALL > LC_MESSAGES > LANG), --lang overrides it`, () => {
    const cases = [
      [{ LANG: 'es_ES.UTF-8' }, [], 'es'],
      [{ LC_ALL: 'es_MX.UTF-8', LANG: 'en_US.UTF-8' }, [], 'es'],
      [{ LC_MESSAGES: 'es_AR.UTF-8', LANG: 'C' }, [], 'es'],
      [{ LANG: 'C' }, [], 'en'],
      [{}, [], 'en'],
      [{ LC_ALL: 'C', LANG: 'es_ES.UTF-8' }, [], 'en'],
      [{ LC_ALL: 'fr_FR.UTF-8' }, [], 'en'],
      [{ LANG: 'es_ES.UTF-8' }, ['--lang', 'en'], 'en'],
      [{ LC_ALL: 'es_MX.UTF-8' }, ['--lang=en'], 'en'],
      [{ LANG: 'C' }, ['--lang', 'es'], 'es'],
      [{ LC_ALL: 'en_US.UTF-8', LANG: 'es_ES.UTF-8' }, ['--lang', 'es'], 'es'],
    ];
    for (const [e, extra, lang] of cases) {
      const r = lint([...extra, 'mta-sts.txt'], e);
      const label = `${JSON.stringify(e)} ${extra.join(' ')}`;
      assert.equal(r.status, 1, label);
      const first = r.out.split('\n').find((l) => l.includes('[STS239]'));
      assert.equal(first, lang === 'es' ? SPANISH_LINE : ENGLISH_LINE, label);
      assert.match(r.out, lang === 'es' ? /\n1 archivo revisado: 3 errores, 0 advertencias\n$/ : /\n1 file checked: 3 errors, 0 warnings\n$/, label);
      assert.match(r.out, lang === 'es' ? /= corrección: Quitar el punto final\n/ : /= fix: Remove the trailing dot\n/, label);
    }
  });

  test(`${name}: --lang takes en or es only`, () => {
    const r = lint(['--lang', 'fr', 'mta-sts.txt'], {});
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--lang: fr not in \{en,es\}/);
  });

  test(`${name}: json and sarif in both languages: identical codes and positions, messages translated`, () => {
    const en = JSON.parse(lint(['--format', 'json', '-v', 'mta-sts.txt'], { LANG: 'C' }).out);
    const es = JSON.parse(lint(['--format', 'json', '-v', 'mta-sts.txt'], { LANG: 'es_ES.UTF-8' }).out);
    const shape = (j) => j.files[0].diagnostics.map(({ message, fix, ...rest }) => ({ ...rest, edits: fix?.edits }));
    assert.deepEqual(shape(es), shape(en));
    assert.deepEqual(Object.keys(es.files[0]), Object.keys(en.files[0]));
    const byCode = (j, c) => j.files[0].diagnostics.find((d) => d.code === c);
    assert.equal(byCode(es, 'STS229').message,
      "'max_age' debe ser un número entero de segundos (de 1 a 10 dígitos). No se permiten unidades: indique solo el número de segundos.");
    assert.equal(byCode(es, 'STS209').fix.title, 'Eliminar la línea');
    assert.equal(byCode(en, 'STS209').fix.title, 'Delete the line');

    const sen = JSON.parse(lint(['--format', 'sarif', 'mta-sts.txt'], { LC_ALL: 'C' }).out);
    const ses = JSON.parse(lint(['--format', 'sarif', '--lang', 'es', 'mta-sts.txt'], { LC_ALL: 'C' }).out);
    const results = (s) => s.runs[0].results.map(({ message, ...rest }) => rest);
    assert.deepEqual(results(ses), results(sen));
    const rules = (s) => s.runs[0].tool.driver.rules;
    assert.deepEqual(rules(ses).map((r) => [r.id, r.defaultConfiguration.level]), rules(sen).map((r) => [r.id, r.defaultConfiguration.level]));
    const sts239 = rules(ses).find((r) => r.id === 'STS239');
    assert.equal(sts239.shortDescription.text, 'punto final en mx');
    assert.equal(sts239.fullDescription.text, "Quite el punto final del patrón mx ('{p}').");
    assert.equal(ses.runs[0].results.find((r) => r.ruleId === 'STS239').message.text, "Quite el punto final del patrón mx ('mail.example.com.').");
  });

  test(`${name}: --help and generate in Spanish`, () => {
    const help = lint(['--help'], { LANG: 'es_ES.UTF-8' });
    assert.equal(help.status, 0);
    assert.match(help.out, /^mta-sts-lint: validador sin conexión de políticas MTA-STS/);
    assert.match(help.out, /\nUso: mta-sts-lint \[OPCIONES\] \[files\.\.\.\]\n/);
    assert.match(help.out, /\nOpciones:\n {2}-h,--help {19}Mostrar esta ayuda y salir\n/);
    assert.match(help.out, /--lang TEXT:\{en,es\} {9}Idioma de los mensajes/);
    assert.doesNotMatch(help.out, /Print this help/);
    assert.match(help.out, /\n {2}mta-sts-lint paste\.txt +\(salida pegada de dig\/host\/nslookup\/curl\/wget; docs\/paste\.md\)\n/);
    assert.match(help.out, /mta-sts\.txt +\(un conjunto de evidencias\)\n/);
    assert.doesNotMatch(help.out, /one evidence set|pasted dig/);
    const gen = lint(['generate', '--domain', 'example.com', '--mx', 'mail.example.com', '--id', '1'], { LANG: 'es_ES.UTF-8' });
    assert.equal(gen.status, 0, gen.stderr);
    assert.match(gen.out, /^# Archivo de política: sírvalo en https:\/\/mta-sts\.example\.com\/\.well-known\/mta-sts\.txt con Content-Type: text\/plain/);
    assert.match(gen.out, /\n# Lista de verificación\n1\. Sirva el archivo de política en https:\/\/mta-sts\.example\.com\/\.well-known\/mta-sts\.txt \(RFC 8461 §3\.2\)\.\n/);
    assert.match(gen.out, /\nversion: STSv1\nmode: testing\nmx: mail\.example\.com\nmax_age: 86400\n/);  // the policy itself does not change
    const refused = lint(['generate', '--mx', 'mail.example.com', '--id', '1', '--lang', 'es'], {});
    assert.equal(refused.status, 2);
    assert.equal(refused.stderr, "mta-sts-lint generate: error: missing-domain [domain] Se requiere un dominio de la política, p. ej., 'example.com'.\n");
    const ghelp = lint(['generate', '--help', '--lang', 'es'], {});
    assert.match(ghelp.out, /^Genera una política MTA-STS \(RFC 8461\)/);
    assert.match(ghelp.out, /\nProveedores predefinidos \(--preset NOMBRE\):\n/);
  });

  test(`${name}: error lines in Spanish`, () => {
    const r = lint(['no-such-file.txt'], { LANG: 'es_ES.UTF-8' });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, "mta-sts-lint: no se puede leer 'no-such-file.txt'\n");
    const d = lint(['.'], { LANG: 'es_ES.UTF-8' });
    assert.equal(d.stderr, "mta-sts-lint: no se puede leer '.': es un directorio\n");
  });

  test(`${name}: --batch answers in the chosen language`, () => {
    const input = JSON.stringify({ domain: 'example.com', policy: 'version: STSv1\nmode: enforce\nmx: mail.example.com.\nmax_age: 86400\n' }) + '\n';
    const es = cli(['--batch', '--lang', 'es'], { input, env: env({}) });
    const en = cli(['--batch'], { input, env: env({ LANG: 'C' }) });
    assert.equal(es.status, 0, es.stderr);
    const a = JSON.parse(es.stdout.toString()), b = JSON.parse(en.stdout.toString());
    assert.equal(a.policy.diagnostics[0].code, 'STS239');
    assert.equal(a.policy.diagnostics[0].message, "Quite el punto final del patrón mx ('mail.example.com.').");
    assert.deepEqual(a.policy.diagnostics.map((d) => [d.code, d.offset]), b.policy.diagnostics.map((d) => [d.code, d.offset]));
    const viaLocale = cli(['--batch'], { input, env: env({ LANG: 'es_ES.UTF-8' }) });
    assert.equal(viaLocale.stdout.toString(), es.stdout.toString());
    // The error of a line that cannot be answered, and the usage, in Spanish too.
    const bad = cli(['--batch', '--lang=es'], { input: '{"policy": "x"}\n[1]\n{"domain": 1}\n', env: env({}) });
    assert.deepEqual(bad.stdout.toString().trim().split('\n').map((l) => JSON.parse(l)), [
      { line: 1, error: 'falta "domain"' },
      { line: 2, error: 'no es un objeto JSON' },
      { line: 3, error: '"domain" debe ser una cadena' },
    ]);
    const usage = cli(['--batch', '-q'], { input: '', env: env({ LC_ALL: 'es_ES.UTF-8' }) });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^mta-sts-lint: --batch solo admite --verbose, --line-offset N y --lang, no '-q'\nUso: mta-sts-lint --batch \[--verbose\] \[--line-offset N\] \[--lang en\|es\]\nLee JSON Lines de la entrada estándar/);
  });
  test(`${name}: --fix, --fix-dry-run and DMARC fix titles in the chosen language`, () => {
    writeFileSync(join(scratch, 'fx.txt'), 'version: STSv1\nmode: enforce\nmax_age: 86400\nmx: mail.example.com.\n');
    const dry = lint(['--fix-dry-run', 'fx.txt'], { LANG: 'es_ES.UTF-8' });
    assert.equal(dry.status, 1);
    assert.equal(dry.stderr.toString(), 'fx.txt: se corregiría 1 problema (STS239)\n');
    assert.match(dry.out, /^-mx: mail\.example\.com\.\r?\n\+mx: mail\.example\.com\r?\n/m);
    assert.equal(lint(['--fix-dry-run', 'fx.txt'], { LANG: 'C' }).stderr.toString(), 'fx.txt: would fix 1 problem (STS239)\n');
    const both = lint(['--fix', '--diff', 'fx.txt'], { LC_ALL: 'es_MX.UTF-8' });
    assert.equal(both.status, 2);
    assert.equal(both.stderr.toString(), 'mta-sts-lint: --fix y --fix-dry-run (--diff) se excluyen mutuamente\n');
    // RFC 7489: a rua URI without its scheme (DMC615) and an empty tag (DMC624), each with a fix
    writeFileSync(join(scratch, 'dmarc.txt'), 'v=DMARC1; p=none; rua=a@example.com;;\n');
    const titles = (lang) => JSON.parse(lint(['--kind', 'dmarc', '--format', 'json', '--lang', lang, 'dmarc.txt'], {}).out).files[0].diagnostics.map((d) => [d.code, d.fix && d.fix.title]);
    assert.deepEqual(titles('es'), [['DMC615', "Añadir 'mailto:'"], ['DMC624', 'Quitar la etiqueta vacía']]);
    assert.deepEqual(titles('en'), [['DMC615', "Add 'mailto:'"], ['DMC624', 'Remove the empty tag']]);
  });

}

// The native command only (chain verification needs OpenSSL), and the bin's own copies of the DMARC generator's and
// CLI11's words (wasm/bin.js) are still English.
const es = (args, input) => native(args, { env: env({ LANG: 'es_ES.UTF-8' }), cwd: scratch, input });
const en = (args, input) => native(args, { env: env({ LANG: 'C' }), cwd: scratch, input });

test('native: STS238 names the line of an empty mx value in both languages', () => {
  writeFileSync(join(scratch, 'empty-mx.txt'), 'version: STSv1\nmode: testing\nmx:\nmax_age: 86400\n');
  assert.match(es(['empty-mx.txt']).stdout.toString(), /^empty-mx\.txt:3:4: error: Valor de 'mx' vacío en la línea 3\. \[STS238\]$/m);
  assert.match(en(['empty-mx.txt']).stdout.toString(), /^empty-mx\.txt:3:4: error: Empty 'mx' value on line 3\. \[STS238\]$/m);
});

test("native: CLI11's usage errors in Spanish, unchanged in English", () => {
  const cases = [
    [['--nope', 'x.txt'], 'No se esperaba este argumento: --nope', 'The following argument was not expected: --nope'],
    [['--kind', 'zone'], "--kind: 'zone' no es un valor admitido; elija uno de {auto,policy,txt,tlsrpt,dmarc,bundle,cert}", '--kind: zone not in {auto,policy,txt,tlsrpt,dmarc,bundle,cert}'],
    [['--domain'], '--domain: falta su valor (1 TEXT)', '--domain: 1 required TEXT missing'],
    [['generate', '--format', 'yaml'], "--format: 'yaml' no es un valor admitido; elija uno de {text,json,zone,policy}", '--format: yaml not in {text,json,zone,policy}'],
    [['generate', 'dmarc', '--bogus'], 'No se esperaba este argumento: --bogus', 'The following argument was not expected: --bogus'],
  ];
  for (const [args, spanish, english] of cases) {
    const a = es(args), b = en(args);
    assert.equal(a.status, 2, args.join(' '));
    assert.equal(b.status, 2, args.join(' '));
    assert.equal(a.stderr.toString(), `${spanish}\nEjecute con --help para obtener más información.\n`);
    assert.equal(b.stderr.toString(), `${english}\nRun with --help for more information.\n`);
  }
});

test('native: generate dmarc in Spanish (--lang and the locale): help, refusals, text output; English unchanged', () => {
  const help = native(['generate', 'dmarc', '--help', '--lang', 'es'], { env: env({}) }).stdout.toString();
  assert.match(help, /^Genere un registro DMARC \(RFC 7489\) para _dmarc\.DOMINIO/);
  assert.match(help, /\n {2}--lang TEXT:\{en,es\} +Idioma de los mensajes/);
  assert.match(help, /--policy TEXT +p: none \(por omisión\), quarantine o reject\n/);
  assert.match(help, /\nValores por omisión: política none/);
  assert.doesNotMatch(help, /Generate a DMARC|The mail domain|Defaults:/);
  assert.equal(bin(['generate', 'dmarc', '--help', '--lang', 'es'], { env: env({}) }).stdout.toString(), help, 'the Node bin prints the same help');
  const enHelp = en(['generate', 'dmarc', '--help']).stdout.toString();
  assert.match(enHelp, /^Generate a DMARC record \(RFC 7489\) for _dmarc\.DOMAIN, checked by the DMARC linter\.\n/);

  const out = es(['generate', 'dmarc', '--domain', 'example.com', '--policy', 'quarantine', '--rua', 'd@reports.example.net']);
  assert.equal(out.status, 0, out.stderr.toString());
  const text = out.stdout.toString();
  assert.match(text, /^# Registro DNS TXT en _dmarc\.example\.com \(el valor, sin comillas\)\nv=DMARC1; p=quarantine; rua=mailto:d@reports\.example\.net\n/);
  assert.match(text, /\n# Lista de verificación\n1\. Publique el registro TXT en _dmarc\.example\.com/);
  assert.match(text, /\n# Notas\n/);
  assert.match(text, /^mailto-added \[rua\] 'd@reports\.example\.net' se escribe 'mailto:d@reports\.example\.net' en el registro\.$/m);
  const enOut = en(['generate', 'dmarc', '--domain', 'example.com', '--policy', 'quarantine', '--rua', 'd@reports.example.net']).stdout.toString();
  assert.match(enOut, /\n# Checklist\n1\. Publish the TXT record at _dmarc\.example\.com \(the zone line above\)/);
  assert.equal(enOut.split('\n')[1], text.split('\n')[1], 'the record is the same');

  const refused = native(['generate', 'dmarc', '--policy', 'rejct', '--lang', 'es'], { env: env({}) });
  assert.equal(refused.status, 2);
  const lines = refused.stderr.toString().trim().split('\n');
  assert.equal(lines[0], "mta-sts-lint generate dmarc: error: missing-domain [domain] Se requiere un dominio, p. ej., 'example.com': el registro va en _dmarc.DOMINIO.");
  assert.match(lines[1], /^mta-sts-lint generate dmarc: error: DMC605 \[policy\] /);
  const enRefused = en(['generate', 'dmarc', '--policy', 'rejct']).stderr.toString();
  assert.match(enRefused, /^mta-sts-lint generate dmarc: error: missing-domain \[domain\] A domain is required, e\.g\. 'example\.com': the record goes at _dmarc\.DOMAIN\.\n/);
  const zone = es(['generate', 'dmarc', '--domain', 'example.com', '--rua', 'd@example.com', '--format', 'zone']);
  assert.match(zone.stderr.toString(), /^mta-sts-lint generate dmarc: nota: mailto-added \[rua\] 'd@example\.com' se escribe 'mailto:d@example\.com' en el registro\.$/m);
});

test("native: generate's preset descriptions in Spanish", () => {
  assert.match(es(['generate', '--help']).stdout.toString(), /\n {2}zoho {14}Zoho Mail \(centro de datos de EE\. UU\.\): mx\.zoho\.com mx2\.zoho\.com mx3\.zoho\.com\n/);
  assert.match(en(['generate', '--help']).stdout.toString(), /\n {2}zoho {14}Zoho Mail \(US data centre\): mx\.zoho\.com mx2\.zoho\.com mx3\.zoho\.com\n/);
});

test('native: --batch, a line that is not JSON: a Spanish sentence with the byte, the parser\'s words in English', () => {
  const input = '{"domain": x}\n';
  const a = JSON.parse(es(['--batch'], input).stdout.toString());
  const b = JSON.parse(en(['--batch'], input).stdout.toString());
  // byte 12 is the x; what the parser read last ends with it
  assert.match(a.error, /^JSON no válido: error de sintaxis en el byte 12 \(lo último leído: '[^']*x'\)$/);
  assert.deepEqual(Object.keys(a), ['line', 'error']);
  assert.match(b.error, /^invalid JSON: parse error at line 1, column 12: /);
});

test('native: the certificate table and the reasons of CRT801 in Spanish', () => {
  writeFileSync(join(scratch, 'bad.pem'), '-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n');
  const a = es(['--kind', 'cert', '--now', '2026-01-01', 'bad.pem']).stdout.toString();
  const b = en(['--kind', 'cert', '--now', '2026-01-01', 'bad.pem']).stdout.toString();
  assert.match(a, /: error: No se puede leer el certificado 0: .* \(byte \d+ de su DER\)\. \[CRT801\]\n/);
  assert.match(b, /: error: Certificate 0 cannot be read: .* \(byte \d+ of its DER\)\. \[CRT801\]\n/);
  assert.match(a, /^bad\.pem: certificados comprobados en la fecha 2026-01-01T00:00:00Z\n {2}host de la política \(desconocido\)\n {3} ! 0 ilegible: .* de su DER\)\n/m);
  assert.match(b, /^bad\.pem: certificates checked at 2026-01-01T00:00:00Z\n {2}policy host \(unknown\)\n {3} ! 0 unreadable: .* of its DER\)\n/m);
});


test('native: summarize in Spanish (text, HTML and help); JSON and English unchanged', () => {
  const input = [
    { domain: 'a.example', policy: 'version: STSv1\nmode: enforce\nmx: mail.a.example.\nmax_age: 86400\n', txt: 'v=STSv1; id=1' },
    { domain: 'b.example', policy: 'version: STSv1\nmode: testing\nmx: mail.b.example\nmax_age: 604800\n' },
  ].map((l) => JSON.stringify(l)).join('\n') + '\n';
  const answers = en(['--batch'], input).stdout.toString();
  const text = es(['summarize'], answers).stdout.toString();
  assert.match(text, /^Resumen del barrido de mta-sts-lint\n\nDominios revisados: 2 {3}válidos: 1 \(50\.0%\) {3}no válidos: 1\n/);
  assert.match(text, /\n {2}archivo de política +2 +1 +50\.0%\n/);  // a.example's policy has STS239
  assert.match(text, /\n {2}de 1 día a menos de 1 semana +1 +50\.0%/);
  assert.match(text, /\nCódigos más frecuentes \(1 de 1; proporción = de los dominios revisados\)\n {2}código/);
  assert.match(text, /\n {2}STS239 +error +1 +50\.0% +1 {2}a\.example {2}\(punto final en mx\)\n/);
  const english = en(['summarize'], answers).stdout.toString();
  assert.match(english, /^mta-sts-lint sweep summary\n\nDomains checked: 2 {3}valid: 1 \(50\.0%\) {3}invalid: 1\n/);
  assert.match(english, /\nWhat was checked {11}given {6}valid\n/);
  assert.match(english, /\n {2}STS239 +error +1 +50\.0% +1 {2}a\.example {2}\(trailing dot in mx\)\n/);
  const html = es(['summarize', '--format', 'html'], answers).stdout.toString();
  assert.match(html, /^<!DOCTYPE html>\n<html lang="es">/);
  assert.match(html, /<title>Resumen del barrido MTA-STS<\/title>/);
  assert.match(html, /<p class="big"><strong>2<\/strong> dominios revisados, <strong>1<\/strong> válidos \(50\.0%\)\.<\/p>/);
  assert.doesNotMatch(html, /domains checked|Most frequent|What was checked/);
  assert.match(en(['summarize', '--format', 'html'], answers).stdout.toString(), /^<!DOCTYPE html>\n<html lang="en">[\s\S]*<h1>MTA-STS sweep summary<\/h1>/);
  assert.equal(es(['summarize', '--format', 'json'], answers).stdout.toString(), en(['summarize', '--format', 'json'], answers).stdout.toString());
  const help = es(['summarize', '--help']).stdout.toString();
  assert.match(help, /^Resuma un barrido: /);
  assert.match(help, /--top \S+ +Códigos que se enumeran/);
});

// What only the native command does, as the Node bin refuses it: in the chosen language (core/i18n bin_* rows).
test('bin: its native-only refusals in Spanish, unchanged in English', () => {
  const es = env({ LANG: 'es_ES.UTF-8' });
  const cert = bin(['--ca-file', 'ca.pem', 'x.pem'], { env: es, input: '' });
  assert.equal(cert.status, 2);
  assert.equal(cert.stderr, 'verificar cadenas de certificados (--verify-chain, --ca-file, --ca-path) requiere OpenSSL: use el comando nativo\nEjecute con --help para obtener más información.\n');
  assert.equal(bin(['--verify-chain', '--lang', 'en'], { env: es, input: '' }).stderr,
    'verifying certificate chains (--verify-chain, --ca-file, --ca-path) takes OpenSSL: use the native command\nRun with --help for more information.\n');
  const sum = bin(['summarize', '--lang', 'es'], { env: env({}), input: '' });
  assert.equal(sum.status, 2);
  assert.equal(sum.stderr, 'mta-sts-lint: summarize solo existe en el comando nativo (build/mta-sts-lint summarize); véase docs/sweeping.md\n');
  assert.equal(bin(['summarize'], { env: env({ LANG: 'C' }), input: '' }).stderr,
    'mta-sts-lint: summarize is in the native command only (build/mta-sts-lint summarize); see docs/sweeping.md\n');
});

// A --batch line that is not JSON: the bin's English quotes JSON.parse (docs/cli.md); its Spanish has no English words.
test('bin: --batch lines that are not JSON, in Spanish without the parser\'s English', () => {
  const input = Buffer.concat([Buffer.from('{"domain":"a'), Buffer.from([0xff]), Buffer.from('"}\n{"domain":"\\ud800"}\n{bad\n')]);
  const answers = (r) => r.stdout.toString().trim().split('\n').map((l) => JSON.parse(l).error);
  assert.deepEqual(answers(bin(['--batch', '--lang', 'es'], { input, env: env({}) })), ['JSON no válido', 'JSON no válido', 'JSON no válido']);
  assert.deepEqual(answers(bin(['--batch'], { input, env: env({ LANG: 'C' }) })).slice(0, 2), ['invalid JSON: invalid UTF-8', 'invalid JSON: a lone surrogate in a string']);
  for (const e of answers(native(['--batch', '--lang', 'es'], { input, env: env({}) }))) assert.match(e, /^JSON no válido: error de sintaxis en el byte \d+ /);
});

// --fix on a file that cannot be written (chattr +i: even root cannot): the system's reason in the chosen language
// (cli/commands.hpp error_text, the bin's copy), as in English (tests/node/fix.test.mjs) it is strerror()'s.
test('--fix: a file that cannot be written is reported in Spanish by both commands', (t) => {
  const locked = join(scratch, 'locked.txt');
  const broken = 'version: STSv1\nmode: enforce\nmx: a.example.com.\nmax_age: 86400\n';
  writeFileSync(locked, broken);
  if (spawnSync('chattr', ['+i', locked]).status !== 0) return t.skip('chattr +i is not supported on this file system');
  try {
    for (const cli of [native, bin]) {
      const r = cli(['--fix', locked], { env: env({ LANG: 'es_ES.UTF-8' }) });
      assert.equal(r.status, 2);
      assert.equal(r.stderr.split('\n')[0], `mta-sts-lint: no se puede escribir '${locked}': operación no permitida`);
      assert.equal(readFileSync(locked, 'utf8'), broken);
    }
  } finally {
    spawnSync('chattr', ['-i', locked]);
  }
});

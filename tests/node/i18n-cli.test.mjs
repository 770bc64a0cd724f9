// The command line in the user's language (docs/i18n.md): the locale as POSIX orders it (LC_ALL, then LC_MESSAGES,
// then LANG; es_* is Spanish, anything else English) and --lang en|es over it, for the native CLI and the Node bin
// alike; json and sarif carry the messages (and SARIF's rule texts) in that language with the same codes and positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
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

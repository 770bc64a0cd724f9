// The man page mta-sts-lint(1) (build/mta-sts-lint.1.gz, written by help2man from the real --help at build time, plus
// cli/man/mta-sts-lint.h2m): it renders without a single groff warning and documents every option that the three
// helps list (the linter's, `generate --help`, `--batch --help`) in the section of the page that belongs to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { nativeCli, requireFile, run, native, helpOptions, renderMan, section, assertDocumented } from './helpers.mjs';

const manPage = join(dirname(nativeCli), 'mta-sts-lint.1.gz');

test('helpOptions reads CLI11 and hand-written option lines', () => {
  assert.deepEqual(helpOptions('Options:\n  -h,--help      Print\n  --kind TEXT:{a,b}\n       What\n  --verbose, -v   also\nExamples:\n  mta-sts-lint --format x\n'),
    ['-h', '--help', '--kind', '--verbose', '-v']);
});

test('mta-sts-lint.1.gz renders with man and groff without warnings', () => {
  requireFile(manPage, 'run `npm run build:native` (the mta-sts-lint-man target, needs help2man)');
  const man = renderMan(manPage);
  assert.equal(man.status, 0, man.warnings);
  assert.equal(man.warnings, '', 'man --warnings says nothing');
  const g = run('groff', ['-man', '-Tutf8', '-ww', '-z'], { input: gunzipSync(readFileSync(manPage)) });
  assert.equal(g.status, 0);
  assert.equal(g.stderr, '', 'groff -ww says nothing');
  assert.match(man.text, /^MTA-STS-LINT\(1\)/);
  assert.match(man.text, /^NAME\n\s+mta-sts-lint - \S/m, 'whatis/apropos can read the NAME line');
  const version = native(['--version']).stdout.toString().trim().split(' ').pop();
  assert.match(man.text, new RegExp(`mta-sts-lint ${version.replace(/\./g, '\\.')}`), 'the footer carries the version');
});

test('every option of --help, generate --help, --batch --help and summarize --help is in its section of the page', () => {
  requireFile(manPage, 'run `npm run build:native`');
  const { text } = renderMan(manPage);
  const lint = helpOptions(native(['--help']).stdout.toString());
  const generate = helpOptions(native(['generate', '--help']).stdout.toString());
  const batch = helpOptions(native(['--batch', '--help']).stdout.toString());
  const summarize = helpOptions(native(['summarize', '--help']).stdout.toString());
  // the parser found the options (a change of help layout must not make this test vacuous)
  for (const o of ['--kind', '--format', '--verbose', '--max-warnings', '--version']) assert.ok(lint.includes(o), o);
  for (const o of ['--domain', '--mx', '--from-mx', '--preset', '--rua', '--format']) assert.ok(generate.includes(o), o);
  assert.ok(batch.includes('--verbose') && batch.includes('--line-offset'));
  for (const o of ['--format', '--top']) assert.ok(summarize.includes(o), o);
  assertDocumented(text, 'OPTIONS', lint);
  assertDocumented(text, 'GENERATE', generate);
  assertDocumented(text, 'BATCH MODE', batch);
  assertDocumented(text, 'SUMMARIZE', summarize);
});

test('the synopsis shows the four ways to run it', () => {
  requireFile(manPage, 'run `npm run build:native`');
  const synopsis = section(renderMan(manPage).text, 'SYNOPSIS');
  assert.deepEqual(synopsis.trim().split('\n').map((l) => l.trim()), [
    'mta-sts-lint [OPTIONS] [FILE...]',
    'mta-sts-lint generate [OPTIONS]',
    'mta-sts-lint --batch [--verbose] [--line-offset N]',
    'mta-sts-lint summarize [OPTIONS] [FILE...]',
  ]);
});

test('the page gives the exit status of each mode and the examples one per line', () => {
  requireFile(manPage, 'run `npm run build:native`');
  const { text } = renderMan(manPage);
  const exit = section(text, 'EXIT STATUS');
  assert.ok(exit, 'EXIT STATUS section');
  // README: 0 no errors (warnings allowed), 1 errors or more warnings than --max-warnings, 2 usage or I/O error
  assert.match(exit, /^\s+0\s+No input has an error/m);
  assert.match(exit, /^\s+1\s+Some input has an error, or there are more warnings than --max-warnings/m);
  assert.match(exit, /^\s+2\s+A usage error/m);
  const examples = section(text, 'EXAMPLES');
  assert.match(examples, /^\s+mta-sts-lint mta-sts\.txt$/m);
  assert.match(examples, /^\s+dig \+short TXT _mta-sts\.example\.com \| mta-sts-lint --kind txt$/m);
  // the --help footer is not left as a filled paragraph at the end of OPTIONS
  assert.doesNotMatch(section(text, 'OPTIONS'), /Exit status:|Examples:/);
});

// The Spanish page, mta-sts-lint.es.1.gz (from `mta-sts-lint --lang es --help` and cli/man/mta-sts-lint.es.h2m),
// installed as share/man/es/man1/mta-sts-lint.1.gz.
const manPageEs = join(dirname(nativeCli), 'mta-sts-lint.es.1.gz');

test('mta-sts-lint.es.1.gz renders with man and groff without warnings, in Spanish', () => {
  requireFile(manPageEs, 'run `npm run build:native` (the mta-sts-lint-man target, needs help2man)');
  const man = renderMan(manPageEs);
  assert.equal(man.status, 0, man.warnings);
  assert.equal(man.warnings, '', 'man --warnings says nothing');
  const g = run('groff', ['-man', '-Tutf8', '-ww', '-z'], { input: gunzipSync(readFileSync(manPageEs)) });
  assert.equal(g.status, 0);
  assert.equal(g.stderr, '', 'groff -ww says nothing (every accented letter is a groff escape)');
  assert.match(man.text, /^MTA-STS-LINT\(1\) +Órdenes de usuario +MTA-STS-LINT\(1\)/);
  assert.match(man.text, /^NOMBRE\n\s+mta-sts-lint - valida sin conexión políticas MTA-STS/m, 'whatis/apropos can read the NAME line');
  for (const h of ['SINOPSIS', 'DESCRIPCIÓN', 'OPCIONES', 'GENERAR', 'MODO BATCH', 'RESUMIR', 'ESTADO DE SALIDA', 'ENTORNO', 'EJEMPLOS', 'VÉASE TAMBIÉN']) {
    assert.ok(section(man.text, h) !== null, `section ${h}`);
  }
  for (const h of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXIT STATUS', 'SEE ALSO']) assert.equal(section(man.text, h), null, `no ${h}`);
  // the options' texts are the Spanish --help's
  assert.match(section(man.text, 'OPCIONES'), /^ {7}-h, --help\n {14}Mostrar esta ayuda y salir$/m);
  assert.doesNotMatch(section(man.text, 'OPCIONES'), /Código de salida:|Ejemplos:|Print this help/);
  assert.match(section(man.text, 'ESTADO DE SALIDA'), /^\s+0\s+Ninguna entrada tiene errores/m);
});

test('the Spanish page documents every option of the Spanish helps in its section', () => {
  requireFile(manPageEs, 'run `npm run build:native`');
  const { text } = renderMan(manPageEs);
  const es = (args) => native([...args, '--lang', 'es']).stdout.toString();
  const lint = helpOptions(es(['--help']));
  const generate = helpOptions(es(['generate', '--help']));
  const batch = helpOptions(es(['--batch', '--help']));
  for (const o of ['--kind', '--format', '--verbose', '--lang']) assert.ok(lint.includes(o), o);
  assertDocumented(text, 'OPCIONES', lint);
  assertDocumented(text, 'GENERAR', generate);
  assertDocumented(text, 'MODO BATCH', batch);
  assertDocumented(text, 'RESUMIR', helpOptions(es(['summarize', '--help'])));
});

test('cmake --install puts the Spanish page under share/man/es/man1 and the English one under share/man/man1', () => {
  requireFile(manPageEs, 'run `npm run build:native`');
  const prefix = mkdtempSync(join(tmpdir(), 'mta-sts-lint-install-'));
  try {
    const r = run('cmake', ['--install', dirname(nativeCli), '--prefix', prefix]);
    assert.equal(r.status, 0, r.stderr.toString());
    const installed = (p) => gunzipSync(readFileSync(join(prefix, p))).toString();
    assert.match(installed('share/man/es/man1/mta-sts-lint.1.gz'), /^\.SH NOMBRE$/m);
    assert.match(installed('share/man/man1/mta-sts-lint.1.gz'), /^\.SH NAME$/m);
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
});

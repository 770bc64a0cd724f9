// The package's bin (wasm/bin.js) against the native CLI: stdout byte for byte, stderr and exit status, for all
// three formats over the whole corpus, stdin, usage errors, --help/--version, colour on a terminal, and the
// `generate` command in every --format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { native, bin, corpus, requireFile, nativeCli, binJs } from './helpers.mjs';

const policies = requireFile(join(corpus, 'policies'), 'the corpus (tests/corpus)');
const files = readdirSync(policies).filter((f) => f.endsWith('.txt')).sort().map((f) => join(policies, f));
const scratch = mkdtempSync(join(tmpdir(), 'mta-sts-lint-cli-'));
test.after(() => rmSync(scratch, { recursive: true, force: true }));

function same(args, opts, label = args.join(' ')) {
  const n = native(args, opts);
  const b = bin(args, opts);
  assert.equal(b.status, n.status, `${label}: exit status (stderr: ${b.stderr})`);
  assert.equal(b.stderr, n.stderr, `${label}: stderr`);
  assert.ok(b.stdout.equals(n.stdout), `${label}: stdout differs\n--- native\n${n.stdout}\n--- bin\n${b.stdout}`);
  return n;
}

for (const format of ['text', 'json', 'sarif']) {
  test(`whole corpus, --format ${format}: same bytes and exit status`, () => {
    const n = same(['--format', format, ...files], {}, `corpus ${format}`);
    assert.equal(n.status, 1, 'the corpus has errors');
    same(['--format', format, '--verbose', ...files], {}, `corpus ${format} --verbose`);
  });
}

test('every corpus file alone (exit status per file, raw bytes incl. non-UTF-8 and BOM)', () => {
  let failing = 0;
  for (const f of files) failing += same(['--format', 'json', f]).status === 1 ? 1 : 0;
  assert.ok(failing > 10 && failing < files.length, `${failing} files with errors`);
});

test('standard input, -, --kind, records', () => {
  same([], { input: 'v=STSv1; id=abc' });
  same(['-'], { input: 'version: STSv1\nmode: enforcing\n' });
  same(['--kind', 'txt', '--format', 'sarif'], { input: 'v=STSv1 ; id=a!b' });
  same(['--kind=tlsrpt', '-v', '-'], { input: 'v=TLSRPTv1; rua=mailto:é@example.com,ftp://x' });
  same(['--kind', 'dmarc', '-v', '--domain', 'example.com', '--format', 'json', '-'], { input: 'v=DMARC1 p=Reject; pct=50; rua=d@example.net!10m' });
  same(['-v', '-'], { input: '_dmarc.example.com. IN TXT "v=DMARC1; p=none; rua=mailto:d@reports.example.net"\n' });
  same(['--kind', 'policy', '--format=json', '-'], { input: Buffer.from([0xef, 0xbb, 0xbf, 0x76, 0xff, 0x0a]) });
  same(['--', '-'], { input: 'mode: testing\n' });
});

test('a 10-digit max_age prints the same in json (no 32-bit truncation)', () => {
  same(['--format', 'json', '-'], { input: 'version: STSv1\nmode: none\nmax_age: 9999999999\n' });
});

test('evidence: --domain, --mx-host (one value each, repeated), --no-mx-records', () => {
  const p = join(scratch, 'mx.txt');
  writeFileSync(p, 'version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 86400\n');
  assert.equal(same([p, '--mx-host', 'mail.example.com', '--mx-host', 'mail.example.net']).status, 1);
  assert.equal(same([p, '--mx-host', 'mail.example.com', '-v']).status, 0);
  same(['--domain', 'example.com', '--no-mx-records', p]);
  same(['--domain=example.com', '--format', 'json', '-v', p]);
  same([p, '--mx-host', '.', '--format', 'sarif']);
});

test('--max-warnings', () => {
  const warn = join(scratch, 'warn.txt');
  writeFileSync(warn, 'version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 86400\nfoo: bar\n');
  assert.equal(same(['--max-warnings', '0', warn]).status, 1);
  assert.equal(same(['--max-warnings=1', warn]).status, 0);
  assert.equal(same([warn]).status, 0);
  same(['--max-warnings', '010', warn]);
  same(['--max-warnings', '0x10', warn]);
});

test('usage and I/O errors: exit 2, the same message on stderr, nothing on stdout', () => {
  const ok = join(scratch, 'ok.txt');
  writeFileSync(ok, 'v=STSv1; id=1');
  for (const args of [
    ['--kind', 'foo', ok],
    ['--format=xml', ok],
    ['--format=xml', '--kind=zz', ok],
    ['--bogus', ok],
    ['--bogus', '-x', ok],
    ['-vx', ok],
    ['--kind'],
    ['--kind='],
    ['--format', 'json', '--format'],
    ['--kind', 'txt', '--kind', 'policy', ok],
    ['--max-warnings', '-1', ok],
    ['--max-warnings', 'abc', ok],
    ['--max-warnings', '1.5', ok],
    ['--max-warnings', '99999999999', ok],
    [join(scratch, 'missing.txt')],
    [ok, join(scratch, 'missing.txt')],
  ]) {
    const n = same(args, { input: '' });
    assert.equal(n.status, 2, args.join(' '));
    assert.ok(n.stderr.length > 0);
    assert.equal(n.stdout.length, 0);
  }
});

// The usage errors in each language: the bin prints the native command's bytes (cli/commands.hpp failure_message:
// CLI11's own words in English, the catalogue's sentences in Spanish), chosen by the locale or by --lang.
test('usage errors in Spanish and English: the native bytes on stderr, exit 2', () => {
  const ok = join(scratch, 'ok.txt');
  writeFileSync(ok, 'v=STSv1; id=1');
  const clean = { LC_ALL: '', LC_MESSAGES: '', LANG: '' };
  const cases = [
    ['--kind', 'foo', ok],
    ['--format=xml', ok],
    ['--bogus', ok],
    ['--bogus', '-x', ok],
    ['--kind'],
    ['--kind', 'txt', '--kind', 'policy', ok],
    ['--max-warnings', '-1', ok],
    ['--max-warnings', 'abc', ok],
    ['--expiry-warning-days', 'x', ok],
    ['--policy-mode', 'lax', ok],
    ['--lang', 'fr', ok],
    // CLI11 checks option by option in declaration order: the validator on each value, the count, the conversion
    ['--kind', 'foo', '--lang', 'fr', ok],
    ['--kind', 'txt', '--kind', 'foo', ok],
    ['--max-warnings', '1.5', '--policy-mode', 'lax', ok],
    ['--expiry-warning-days', 'x', '--expiry-warning-days', '1', ok],
    ['generate', '--format', 'xml'],
    ['generate', '--format', 'xml', '--lang', 'fr'],
    ['generate', '--lang', 'fr', '--domain', 'a', '--domain', 'b'],
    ['generate', '--domain'],
    ['generate', '--domain', 'a', '--domain', 'b'],
    ['generate', '--bogus'],
    ['generate', 'dmarc', '--format', 'policy'],
    ['generate', 'dmarc', '--pct'],
    ['generate', 'dmarc', 'x', 'y'],
  ];
  const spanish = [];
  for (const args of cases) {
    for (const [env, extra] of [[{ LANG: 'es_ES.UTF-8' }, []], [{ LANG: 'C' }, ['--lang', 'es']], [{ LC_ALL: 'C' }, []], [{ LANG: 'es_ES.UTF-8' }, ['--lang', 'en']]]) {
      const all = args[0] === 'generate' ? [...args, ...extra] : [...extra, ...args];
      const label = `${JSON.stringify(env)} ${all.join(' ')}`;
      const n = same(all, { input: '', env: { ...clean, ...env } }, label);
      assert.equal(n.status, 2, label);
      if (env.LANG === 'es_ES.UTF-8' && !extra.length) spanish.push(n.stderr);
    }
  }
  // The Spanish runs really are Spanish (and the English ones CLI11's words, compared byte for byte above).
  for (const e of spanish) assert.match(e, /\nEjecute con --help para obtener más información\.\n$/, e);
  assert.equal(spanish[0].split('\n')[0], "--kind: 'foo' no es un valor admitido; elija uno de {auto,policy,txt,tlsrpt,dmarc,bundle,cert}");
  assert.equal(spanish[2].split('\n')[0], 'No se esperaba este argumento: --bogus');
  const english = bin(['--bogus', '-x', ok], { input: '', env: { ...clean, LANG: 'C' } }).stderr;
  assert.equal(english, 'The following arguments were not expected: -x --bogus\nRun with --help for more information.\n');
});

test('--help of each command in Spanish: the native bytes, generate\'s presets described in Spanish', () => {
  const env = { LC_ALL: '', LC_MESSAGES: '', LANG: 'es_ES.UTF-8' };
  const n = same(['generate', '--help'], { env });
  assert.match(n.stdout.toString(), /\n {2}zoho {14}Zoho Mail \(centro de datos de EE\. UU\.\): mx\.zoho\.com /);
  same(['generate', '--help'], { env: { ...env, LANG: 'C' } });
  for (const args of [['--help'], ['generate', 'dmarc', '--help'], ['--batch', '--help']]) same(args, { env });
});

test('--help and --version', () => {
  for (const args of [['--help'], ['-h'], ['-hv'], ['--version'], ['--version', '--bogus'], ['--help', '--version']]) {
    assert.equal(same(args).status, 0);
  }
});

// `script` (util-linux) gives the programs a terminal: the text format is coloured unless NO_COLOR is set.
const hasScript = spawnSync('script', ['--version']).status === 0;
test('colour on a terminal, none with NO_COLOR or in json', { skip: !hasScript && 'no script(1)' }, () => {
  const input = join(scratch, 'c.txt');
  writeFileSync(input, 'version: STSv1\nmode: enforcing\n');
  const tty = (cmd, env = {}) => {
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { env: { ...process.env, ...env } });
    return r.stdout.toString();
  };
  const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  const n = tty(`${q(nativeCli)} ${q(input)}`, { NO_COLOR: '' });
  const b = tty(`${q(process.execPath)} ${q(binJs)} ${q(input)}`, { NO_COLOR: '' });
  assert.match(n, /\x1b\[/, 'native colours on a terminal');
  assert.equal(b, n);
  const nn = tty(`${q(nativeCli)} ${q(input)}`, { NO_COLOR: '1' });
  assert.doesNotMatch(nn, /\x1b\[/);
  assert.equal(tty(`${q(process.execPath)} ${q(binJs)} ${q(input)}`, { NO_COLOR: '1' }), nn);
});

test('generate: the same bytes on stdout, the same stderr and exit status as the native command', () => {
  const fixed = ['--domain', 'example.com', '--id', '20261129000000'];
  const cases = [
    ['generate', '--help'],
    ['generate', '-h', '--bogus'], // help wins over unexpected arguments
    // every --format, with notes (which go to stderr for zone and policy), a preset, TLS-RPT, a suggested wildcard
    ...['text', 'json', 'zone', 'policy'].flatMap((f) => [
      ['generate', ...fixed, '--mx', 'mail.example.com', '--format', f],
      ['generate', ...fixed, '--preset', 'google-workspace', '--rua', 'mailto:tls@example.com', '--mode', 'enforce', '--format', f],
      ['generate', ...fixed, '--from-mx', 'mx1.example.net.', '--from-mx', 'mx2.example.net.', `--format=${f}`],
    ]),
    ['generate', '--domain=example.com', '--mx=mail.example.com', '--id', '1', '--max-age', '60'],
    // refused input: exit 2, one line per problem
    ['generate'],
    ['generate', '--domain', 'example.com', '--max-age', '1d'], // STS229 with the units hint
    ['generate', '--domain', 'example.com', '--max-age', '1.5'],
    ['generate', '--domain', 'example.com', '--mx', 'mail*.example.com'],
    ['generate', '--domain', 'example.com', '--preset', 'nope'],
    // usage errors, in CLI11's words and order
    ['generate', '--domain'],
    ['generate', '--domain', 'a', '--domain', 'b'],
    ['generate', 'foo'],
    ['generate', 'a', 'b'],
    ['generate', '--domain', 'a', '--', 'b'],
    ['generate', '--format', 'x', '--help'],
    ['generate', '--bogus'],
    ['generate', '-xh'],
    ['generate', '--mx', 'a', 'b'],
    ['generate', '--domain=', '--help'], // an empty inline value takes the next argument
  ];
  for (const args of cases) same(args);
  // without --id both use the current time; the id has the same shape
  const b = bin(['generate', '--domain', 'example.com', '--mx', 'mail.example.com', '--format', 'zone']);
  assert.equal(b.status, 0, b.stderr);
  assert.match(b.stdout.toString(), /^_mta-sts\.example\.com\. 3600 IN TXT "v=STSv1; id=\d{14};"\n/);
});

test('option parsing edge cases as CLI11 parses them', () => {
  for (const args of [
    ['--domain=', '--help'], // --domain takes "--help" as its value, then lints standard input
    ['--domain', ''], // an empty value is a value
    ['--kind', ''],
    ['-xh'], // an unknown first letter: the whole cluster is unexpected
    ['-vxy'], // after a known letter: the rest of it
    ['--help=1'],
    ['-x', '-y'],
  ]) {
    same(args, { input: 'v=STSv1; id=1' });
  }
});

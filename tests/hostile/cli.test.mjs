// Hostile inputs through the native CLI (build/mta-sts-lint, or MTASTS_NATIVE_CLI): each gets a diagnostic in the
// JSON output (the expected code where one is clear), exits 0 or 1 as its errors say (never a signal, never 2), and
// peak memory stays proportional to the input: peak RSS < 40 x input + 64 MB, measured with /usr/bin/time -v
// (Debian package `time`; without it, the memory assertion is skipped with a note).
// Run: node --test tests/hostile/   (part of scripts/reliability.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = resolve(process.env.MTASTS_NATIVE_CLI ?? join(root, 'build', 'mta-sts-lint'));
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'mtasts-hostile-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

// A deterministic generator (xorshift32), so a failure reproduces.
function randomBytes(n, seed = 42) {
  const b = Buffer.allocUnsafe(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}

const POLICY = 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n';

// Runs the CLI on `input` (written to a file) and returns { status, signal, report, rssKB, seconds }.
function lint(name, input, args = []) {
  assert.ok(existsSync(cli), `missing ${cli}: run \`npm run build:native\` first`);
  const file = join(dir, name);
  writeFileSync(file, input);
  const argv = ['--format', 'json', ...args, file];
  const started = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync(gnuTime, ['-v', cli, ...argv], { maxBuffer: 1024 * MB, timeout: 300_000 })
    : spawnSync(cli, argv, { maxBuffer: 1024 * MB, timeout: 300_000 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(file, { force: true });
  const stderr = r.stderr.toString();
  // /usr/bin/time reports the child's end: "Command terminated by signal N" or "Exit status: N"
  const killed = /Command terminated by signal (\d+)/.exec(stderr);
  const exit = /Exit status: (\d+)/.exec(stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return {
    status: gnuTime ? (exit ? Number(exit[1]) : null) : r.status,
    signal: gnuTime ? (killed ? Number(killed[1]) : r.signal) : r.signal,
    error: r.error,
    stdout: r.stdout,
    stderr,
    rssKB: rss ? Number(rss[1]) : null,
    seconds,
  };
}

// The checks every hostile input must pass; returns the file report for case-specific checks.
function check(t, what, input, { args = [], code, exit } = {}) {
  const r = lint(what.replace(/\W+/g, '-'), input, args);
  assert.equal(r.error, undefined, `${what}: could not run (${r.error})`);
  assert.equal(r.signal ?? null, null, `${what}: killed by signal ${r.signal}\n${r.stderr.slice(-2000)}`);
  assert.ok(r.status === 0 || r.status === 1, `${what}: exit status ${r.status}\n${r.stderr.slice(-2000)}`);
  let report;
  assert.doesNotThrow(() => { report = JSON.parse(r.stdout.toString('utf8')); }, `${what}: output is not JSON`);
  assert.equal(report.files.length, 1);
  const f = report.files[0];
  assert.ok(f.diagnostics.length > 0, `${what}: no diagnostic`);
  assert.equal(r.status, f.errorCount > 0 ? 1 : 0, `${what}: exit status ${r.status} with ${f.errorCount} errors`);
  if (exit !== undefined) assert.equal(r.status, exit, `${what}: exit status`);
  for (const d of f.diagnostics) {
    assert.ok(d.offset >= 0 && d.length >= 0 && d.offset + d.length <= input.length, `${what}: ${d.code} span outside the input`);
    assert.ok(d.line >= 1 && d.column >= 1, `${what}: ${d.code} position`);
  }
  if (code) {
    const codes = new Set(f.diagnostics.map((d) => d.code));
    assert.ok(codes.has(code), `${what}: expected ${code}, got ${[...codes].join(' ')}`);
  }
  const limitKB = (40 * input.length + 64 * MB) / 1024;
  const note = `${what}: ${(input.length / MB).toFixed(2)} MB in ${r.seconds.toFixed(2)} s, peak RSS ${r.rssKB === null ? 'not measured' : `${(r.rssKB / 1024).toFixed(1)} MB`} (limit ${(limitKB / 1024).toFixed(0)} MB), exit ${r.status}, ${f.diagnostics.length} diagnostics`;
  t.diagnostic(note);
  if (r.rssKB === null) t.diagnostic('peak RSS not measured: apt-get install time');
  else assert.ok(r.rssKB < limitKB, `${note}: peak RSS over the limit`);
  return f;
}

test('10 MB of random bytes (auto, policy, txt, tlsrpt, dmarc)', (t) => {
  const input = randomBytes(10 * MB);
  check(t, 'random bytes as auto', input, { code: 'STS202', exit: 1 });
  for (const kind of ['policy', 'txt', 'tlsrpt', 'dmarc']) {
    check(t, `random bytes as ${kind}`, input, { args: ['--kind', kind], exit: 1 });
  }
});

test('a 5 MB line', (t) => {
  check(t, '5 MB line', Buffer.from(`${POLICY}x-long: ${'a'.repeat(5 * MB)}\r\n`), { code: 'STS250', exit: 1 });
  check(t, '5 MB line without a line break', Buffer.from('a'.repeat(5 * MB)), { exit: 1 });
});

test('1,000,000 mx lines', (t) => {
  const parts = ['version: STSv1\r\nmode: enforce\r\nmax_age: 604800\r\n'];
  for (let i = 0; i < 1_000_000; i++) parts.push(`mx: mx${i}.example.com\r\n`);
  const f = check(t, '1,000,000 mx lines', Buffer.from(parts.join('')), { code: 'STS250', exit: 1 });
  assert.equal(f.policy.mx.length, 1_000_000);
});

test('NUL bytes', (t) => {
  check(t, '64 NUL bytes', Buffer.alloc(64), { code: 'STS202', exit: 1 });
  check(t, 'NUL inside a policy', Buffer.from(POLICY.replace('enforce', 'enf\0orce')), { code: 'STS202', exit: 1 });
  check(t, 'NUL in a record', Buffer.from('v=STSv1; id=1\0'), { args: ['--kind', 'txt'], exit: 1 });
});

test('invalid UTF-8', (t) => {
  check(t, 'invalid UTF-8', Buffer.concat([Buffer.from(POLICY), Buffer.from([0x78, 0x2d, 0x6e, 0x3a, 0x20, 0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0x0d, 0x0a])]), { code: 'STS202', exit: 1 });
  check(t, 'overlong encoding', Buffer.from([0x76, 0xc0, 0xaf, 0x0a]), { code: 'STS202', exit: 1 });
});

test('UTF-16 with and without BOM', (t) => {
  const le = Buffer.from(POLICY, 'utf16le');
  check(t, 'UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), le]), { code: 'STS202', exit: 1 });
  check(t, 'UTF-16LE without BOM', le, { code: 'STS202', exit: 1 });
  const be = Buffer.from(le);
  be.swap16();
  check(t, 'UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), { code: 'STS202', exit: 1 });
  check(t, 'UTF-16BE without BOM', be, { code: 'STS202', exit: 1 });
  check(t, 'UTF-16LE record', Buffer.from('v=STSv1; id=1', 'utf16le'), { args: ['--kind', 'txt'], exit: 1 });
});

test('CR-only line endings', (t) => {
  check(t, 'CR-only policy', Buffer.from(POLICY.replaceAll('\r\n', '\r')), { code: 'STS205', exit: 1 });
  check(t, '1 MB of CR', Buffer.alloc(MB, 0x0d), { exit: 1 });
});

test('a TXT record of 1 MB', (t) => {
  const f = check(t, '1 MB raw TXT value', Buffer.from(`v=STSv1; id=1; x=${'a'.repeat(MB)}`), { args: ['--kind', 'txt'], code: 'DNS602' });
  assert.equal(f.record.id, '1');
  check(t, '1 MB quoted TXT string', Buffer.from(`"v=STSv1; id=1; x=${'a'.repeat(MB)}"`), { args: ['--kind', 'txt'], code: 'DNS601', exit: 1 });
});

test('50,000 rua URIs', (t) => {
  const uris = Array.from({ length: 50_000 }, (_, i) => `mailto:r${i}@example.com`);
  const f = check(t, '50,000 rua URIs', Buffer.from(`v=TLSRPTv1; rua=${uris.join(',')}`), { args: ['--kind', 'tlsrpt'] });
  assert.equal(f.record.rua.length, 50_000);
  // '%' without two hex digits used to abort the process (a PEGTL must<> escaping a noexcept function)
  check(t, "bad percent-encoding in rua", Buffer.from('v=TLSRPTv1; rua=mailto:a@example.com%zz,https://r.example.com/%'), { args: ['--kind', 'tlsrpt'], exit: 1 });
});

test('DMARC: 200,000 rua URIs with size limits, a 5 MB size limit, 5 MB of fo', (t) => {
  const uris = Array.from({ length: 200_000 }, (_, i) => `mailto:r${i}@example.com!10m`);
  const f = check(t, '200,000 DMARC rua URIs', Buffer.from(`v=DMARC1; p=reject; rua=${uris.join(',')}`), { args: ['--kind', 'dmarc', '-v'], code: 'DMC634' });
  assert.equal(f.record.rua.length, 200_000);
  check(t, '5 MB size limit', Buffer.from(`v=DMARC1; p=reject; rua=mailto:a@example.com!${'9'.repeat(5 * MB)}`), { args: ['--kind', 'dmarc'], code: 'DMC614', exit: 1 });
  check(t, '5 MB fo', Buffer.from(`v=DMARC1; p=reject; fo=${'0 : '.repeat(MB)}x`), { args: ['--kind', 'dmarc'], code: 'DMC609', exit: 1 });
});

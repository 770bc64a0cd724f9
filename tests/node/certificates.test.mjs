// certificates(text, options) of the "./full" entry (wasm/src/certificates.js, wasm/bindings_cert.cpp): the certificate
// checks and each certificate's facts in JS. Certificates are generated at test time with the openssl command (no key
// or certificate is committed); OpenSSL's own reading (`openssl x509 -enddate -ext subjectAltName`) is the reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullValidator, validator } from './helpers.mjs';
import { selfSigned } from '../fixtures/openssl-cert.mjs';

const iso = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

test('the policy host certificate: diagnostics at its BEGIN line and the facts as OpenSSL reads them', async () => {
  const v = await fullValidator();
  const { pem, notAfter } = selfSigned('mta-sts.example.com', 'DNS:mta-sts.example.com,DNS:*.example.com', 30);
  const now = new Date(notAfter.getTime() - 10.5 * 86400e3); // 10.5 days before notAfter: CRT810 at 14 days
  const r = v.certificates(pem, { domain: 'example.com', now });
  assert.equal(r.now, iso(new Date(Math.floor(now.getTime() / 1000) * 1000)));
  assert.equal(r.expiryWarningDays, 14);
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['CRT805', 'CRT810']);
  const d = r.diagnostics[0];
  assert.deepEqual([d.offset, d.length, d.line, d.column, d.endColumn], [0, 27, 1, 1, 28]);
  assert.equal(pem.slice(d.offset, d.offset + d.length), '-----BEGIN CERTIFICATE-----');
  assert.equal(d.severity, 'error');
  assert.equal(r.valid, false);
  assert.equal(r.errorCount, 1);
  assert.equal(r.warningCount, 1);
  assert.equal(r.chains.length, 1);
  const [chain] = r.chains;
  assert.equal(chain.host, 'mta-sts.example.com');
  assert.equal(chain.role, 'policy');
  assert.equal(chain.inPolicy, undefined);
  const [c] = chain.certificates;
  assert.equal(c.index, 0);
  assert.deepEqual([c.from, c.to, c.line], [0, 27, 1]);
  assert.equal(c.subject, 'CN=mta-sts.example.com');
  assert.equal(c.issuer, 'CN=mta-sts.example.com');
  assert.deepEqual(c.dnsNames, ['mta-sts.example.com', '*.example.com']);
  assert.equal(c.notAfter, iso(notAfter));
  assert.equal(c.daysLeft, 10);
  assert.equal(c.coversHost, true);
  assert.equal(c.selfSigned, true);
  assert.equal(c.key, 'EC 256');
  assert.equal(c.signatureAlgorithm, '1.2.840.10045.4.3.2'); // ecdsa-with-SHA256
  assert.deepEqual(c.problems, ['CRT810', 'CRT805']); // in the order the checks ran
  // expired at `now`: STS308, daysLeft negative; expiryWarningDays 0: no CRT810
  const late = v.certificates(pem, { domain: 'example.com', now: notAfter.getTime() + 3 * 86400e3 });
  assert.deepEqual(late.diagnostics.map((x) => x.code), ['STS308', 'CRT805']);
  assert.equal(late.chains[0].certificates[0].daysLeft, -3);
  const quiet = v.certificates(pem, { domain: 'example.com', now, expiryWarningDays: 0 });
  assert.deepEqual(quiet.diagnostics.map((x) => x.code), ['CRT805']);
  // another host: not covered (STS306) and the fact says so; verbose keeps the STS309 note
  const other = v.certificates(pem, { certHost: 'mta-sts.example.org', now, verbose: true, lang: 'es' });
  assert.deepEqual(other.diagnostics.map((x) => x.code), ['STS306', 'STS309', 'CRT805', 'CRT810']);
  assert.equal(other.chains[0].certificates[0].coversHost, false);
  assert.match(other.diagnostics[0].message, /^El certificado no es válido para mta-sts\.example\.org/);
  // the default validation time is Date.now()
  const t0 = Math.floor(Date.now() / 1000);
  const nowDefault = Date.parse(v.certificates(pem, { domain: 'example.com' }).now) / 1000;
  assert.ok(nowDefault >= t0 && nowDefault <= t0 + 60, `default now ${nowDefault} vs ${t0}`);
});

test('MX captures: the policy mx patterns choose the hosts (CRT815), offsets in UTF-16 code units', async () => {
  const v = await fullValidator();
  const { pem, notAfter } = selfSigned('mx.example.com', 'DNS:other.example.net', 60);
  const cmd = 'openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts';
  const text = `# capturé 😀\n${cmd}\nCONNECTED(00000003)\n${pem}`;
  const now = new Date(notAfter.getTime() - 30 * 86400e3);
  const unlisted = v.certificates(text, { now, policyMode: 'enforce', policyMx: ['mail.example.com'] });
  assert.deepEqual(unlisted.diagnostics.map((d) => d.code), ['CRT815']);
  const d = unlisted.diagnostics[0];
  assert.equal(d.offset, text.indexOf(cmd));
  assert.equal(text.slice(d.offset, d.offset + d.length), cmd);
  assert.equal(d.line, 2);
  assert.equal(d.message, "MX host 'mx.example.com' is not matched by the policy's mx patterns (mail.example.com): in enforce mode senders refuse it, so its certificate is not checked.");
  assert.equal(unlisted.chains[0].role, 'mx');
  assert.equal(unlisted.chains[0].inPolicy, false);
  assert.equal(unlisted.chains[0].certificates[0].from, text.indexOf('-----BEGIN'));
  const listed = v.certificates(text, { now, policyMode: 'enforce', policyMx: ['*.example.com'] });
  assert.deepEqual(listed.diagnostics.map((x) => x.code), ['CRT808', 'CRT808']); // not covering, self-signed
  assert.equal(listed.chains[0].inPolicy, true);
  assert.equal(listed.chains[0].certificates[0].coversHost, false);
  const testing = v.certificates(text, { now, policyMode: 'testing' });
  assert.deepEqual(testing.diagnostics.map((x) => x.code), ['CRT809', 'CRT809']);
  assert.equal(testing.valid, true);
});

test('bad input never throws out of the core; wrong option types throw TypeError; the default entry has no certificates()', async () => {
  const v = await fullValidator();
  for (const junk of ['', 'no certificate', '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n', '\u0000\uFFFF\uD800'.repeat(1000), '0\u0082'.repeat(5000)]) {
    const r = v.certificates(junk, { now: 0 });
    assert.ok(Array.isArray(r.diagnostics) && r.diagnostics.length > 0, JSON.stringify(junk.slice(0, 20)));
  }
  const bad = v.certificates('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', { now: 0 });
  assert.deepEqual(bad.diagnostics.map((d) => d.code), ['CRT801']);
  assert.ok(bad.chains[0].certificates[0].error);
  assert.throws(() => v.certificates(5), TypeError);
  assert.throws(() => v.certificates('', { now: 'today' }), TypeError);
  assert.throws(() => v.certificates('', { policyMode: 'strict' }), RangeError);
  assert.throws(() => v.certificates('', { policyMx: 'mx.example.com' }), TypeError);
  assert.throws(() => v.certificates('', { expiryWarningDays: -1 }), RangeError);
  assert.throws(() => v.certificates('', { nope: 1 }), TypeError);
  assert.throws(() => v.certificates('', { lang: 'fr' }), RangeError);
  const d = await validator();
  assert.equal(d.certificates, undefined);
});

test('lint() of the full entry reads a pasted certificate as certificates (kind cert), never as a broken policy', async () => {
  const v = await fullValidator();
  // valid now (1 day ago .. 30 days on), self-signed: CRT805, and nothing of the policy rules
  const { pem } = selfSigned('mta-sts.example.com', 'DNS:mta-sts.example.com', 30);
  const r = v.lint(pem);
  assert.equal(r.kind, 'cert');
  assert.ok(v.rules.length > 0);
  assert.deepEqual(r.diagnostics.map((d) => d.code), v.certificates(pem).diagnostics.map((d) => d.code));
  assert.ok(r.diagnostics.every((d) => /^(CRT|STS30)/.test(d.code)), r.diagnostics.map((d) => d.code).join(' '));
  assert.equal(v.lint(pem, { kind: 'cert' }).kind, 'cert');
  // the lint-only default entry has no certificate reader: kind 'cert' is not one of its kinds
  const d = await validator();
  assert.notEqual(d.lint(pem).kind, 'cert');
  assert.throws(() => d.lint(pem, { kind: 'cert' }), RangeError);
});

// The Node bin reads certificates as the native command does (wasm/bin.js on the "./full" module, whose certificate
// reader is core/x509/): the same stdout, stderr and exit status, byte for byte, for PEM captures given alone, with
// --kind cert, with a policy in the same run (its mode and mx patterns judge the MX hosts' certificates), with the
// certificate options (--now, --cert-host, --policy-mode, --expiry-warning-days), in text (with the certificate table
// the core's text formatter writes for both) and JSON, in English and Spanish. Chain verification (OpenSSL) stays the native command's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { native, bin } from './helpers.mjs';
import { selfSigned } from '../fixtures/openssl-cert.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'mta-sts-lint-bin-cert-'));
test.after(() => rmSync(scratch, { recursive: true, force: true }));
const env = (lang) => ({ LC_ALL: '', LC_MESSAGES: '', LANG: lang === 'es' ? 'es_ES.UTF-8' : 'C', NO_COLOR: '1' });

// A web server's certificate for the policy host (self-signed: CRT805), one for an MX host the policy names, one for
// a host it does not (CRT815 when a policy is in the run), and a policy in testing mode.
const host = selfSigned('mta-sts.example.com', 'DNS:mta-sts.example.com', 30);
const mx1 = selfSigned('mx1.example.com', 'DNS:mx1.example.com', 5);
const other = selfSigned('mx9.example.org', 'DNS:mx9.example.org,IP:192.0.2.7', 400);
writeFileSync(join(scratch, 'host.pem'), host.pem);
const capture = (h, cert) => `openssl s_client -connect ${h}:25 -starttls smtp -showcerts\nCONNECTED(00000003)\n---\nCertificate chain\n${cert.pem}---\n`;
writeFileSync(join(scratch, 'mx.txt'), capture('mx1.example.com', mx1) + capture('mx9.example.org', other));
writeFileSync(join(scratch, 'mta-sts.txt'), 'version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 86400\n');
writeFileSync(join(scratch, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nMIIBnotbase64!!\n-----END CERTIFICATE-----\n');

const same = (args, lang = 'en') => {
  const opts = { env: env(lang), cwd: scratch };
  const n = native(args, opts);
  const b = bin(args, opts);
  assert.equal(b.stderr, n.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(b.stdout.toString(), n.stdout.toString(), `stdout of ${args.join(' ')}`);
  assert.equal(b.status, n.status, `exit status of ${args.join(' ')}`);
  return n.stdout.toString();
};

test('a certificate capture alone: the diagnostics and the certificate table, English and Spanish', () => {
  for (const lang of ['en', 'es']) {
    const out = same(['--now', '2026-12-05T12:00:00Z', '--domain', 'example.com', 'host.pem'], lang);
    assert.match(out, /\[CRT805\]/);
    // the table (the core's text formatter, LintResult::certificates_table), after the report
    assert.match(out, lang === 'en' ? /^host\.pem: certificates checked at 2026-12-05T12:00:00Z$/m : /^host\.pem: certificados comprobados en la fecha 2026-12-05T12:00:00Z$/m);
  }
  same(['--kind', 'cert', '--now', '2026-12-05', 'host.pem']);
  same(['--kind', 'cert', '--now', '2026-12-05', '--format', 'json', 'host.pem']);
  same(['--now', '2026-12-05', '--verbose', 'broken.pem']);
});

test('a policy in the same run: its mode and mx patterns judge the MX hosts (CRT815), unless --policy-mode says otherwise', () => {
  const out = same(['--now', '2026-12-05T12:00:00Z', '--domain', 'example.com', 'mta-sts.txt', 'mx.txt']);
  assert.match(out, /\[CRT815\]/, 'a captured MX host that the policy does not match');
  same(['--now', '2026-12-05T12:00:00Z', '--domain', 'example.com', '--policy-mode', 'enforce', 'mta-sts.txt', 'mx.txt']);
  same(['--now', '2026-12-05T12:00:00Z', '--expiry-warning-days', '30', '--cert-host', 'mx1.example.com', 'mx.txt'], 'es');
  same(['--now', '2026-12-05T12:00:00Z', '--format', 'json', 'mta-sts.txt', 'mx.txt', 'host.pem']);
});

test('a bad --now is a usage error before any file is read; chain verification is the native command\'s', () => {
  const n = native(['--now', 'tomorrow', 'missing.pem'], { env: env('en'), cwd: scratch });
  assert.equal(n.status, 2);
  same(['--now', 'tomorrow', 'missing.pem']);
  same(['--now', '2026-02-30', 'host.pem'], 'es');
  const b = bin(['--verify-chain', 'host.pem'], { env: env('en'), cwd: scratch });
  assert.equal(b.status, 2);
  assert.match(b.stderr, /^verifying certificate chains \(--verify-chain, --ca-file, --ca-path\) takes OpenSSL: use the native command$/m);
});

// The page's certificate table (web/src/certs.js): a pasted `openssl s_client -showcerts` capture of an MX host and a
// policy host's PEM, one row per certificate, the failing one highlighted, in English and Spanish. The certificates
// are generated at test time with the openssl command (nothing committed); the dates are OpenSSL's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { fileUrl, haveBuild, launch, openPage, lintCount, waitForLint, pasteText } from './helpers.mjs';
import { selfSigned } from '../fixtures/openssl-cert.mjs';

if (!haveBuild()) {
  console.error('tests/browser: web/dist/index.html is missing; run "npm run build:web" first.');
  process.exit(1);
}


let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a pasted s_client capture and a PEM: one row per certificate, the failing one highlighted, English and Spanish', async () => {
  const policy = selfSigned('mta-sts.example.com', 'DNS:mta-sts.example.com', 90);
  const mx = selfSigned('mx.example.com', 'DNS:mail.example.net', 30);
  const text = `openssl s_client -connect mta-sts.example.com:443 -servername mta-sts.example.com -showcerts\nCONNECTED(00000003)\n${policy.pem}` +
    `openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts\nCONNECTED(00000003)\n${mx.pem}`;
  const { context, page, errors } = await openPage(browser, fileUrl);
  try {
    await page.waitForSelector('#certs', { state: 'attached' });
    assert.equal(await page.isHidden('#certs'), true, 'no table without certificates');
    const n = await lintCount(page);
    await pasteText(page, text);
    await waitForLint(page, n);
    await page.waitForSelector('#certs:not([hidden])');
    const rows = await page.$$eval('#certs tbody tr', (trs) => trs.map((tr) => ({ cls: tr.className, cells: [...tr.cells].map((td) => td.textContent) })));
    assert.equal(rows.length, 2);
    const day = (d) => d.toISOString().slice(0, 10);
    const left = (d) => Math.floor((d.getTime() - Date.now()) / 86400e3);
    // the policy host: covered, self-signed (CRT805)
    assert.equal(rows[0].cells[0], 'mta-sts.example.com (policy host)');
    assert.equal(rows[0].cells[1], 'leaf');
    assert.equal(rows[0].cells[2], 'mta-sts.example.com');
    assert.equal(rows[0].cells[3], 'CN=mta-sts.example.com');
    assert.ok(rows[0].cells[4].startsWith(`${day(new Date(policy.notAfter.getTime() - 90 * 86400e3))} to ${day(policy.notAfter)} (`), rows[0].cells[4]);
    assert.ok([`${left(policy.notAfter)} days left`, `${left(policy.notAfter) - 1} days left`].some((s) => rows[0].cells[4].endsWith(`(${s})`)), rows[0].cells[4]);
    assert.equal(rows[0].cells[5], 'CRT805');
    assert.equal(rows[0].cls, 'cert-bad');
    // the MX host: its certificate does not name it (CRT809 without a policy mode) and is self-signed
    assert.equal(rows[1].cells[0], 'mx.example.com (MX host)');
    assert.equal(rows[1].cells[2], 'mail.example.net');
    assert.equal(rows[1].cells[5], 'CRT809 CRT809');
    assert.equal(rows[1].cls, 'cert-bad');
    assert.match(await page.textContent('#certs h2'), /^Certificates \(2\), checked at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Spanish
    const m = await lintCount(page);
    await page.click('.lang-switch button[data-lang="es"]');
    await waitForLint(page, m).catch(() => {});
    await page.waitForFunction(() => document.querySelector('#certs h2')?.textContent.startsWith('Certificados'));
    const es = await page.$$eval('#certs tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    assert.equal(es[0][0], 'mta-sts.example.com (host de la política)');
    assert.equal(es[0][1], 'final');
    assert.match(es[0][4], /\(quedan \d+ días\)$/);
    // a text without certificates hides the table again
    const k = await lintCount(page);
    await pasteText(page, 'version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 86400\n');
    await waitForLint(page, k);
    await page.waitForSelector('#certs', { state: 'hidden' });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

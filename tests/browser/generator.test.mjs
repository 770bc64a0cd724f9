// The Generator view, driven as a user would from file:// (offline). Expectations follow the RFCs, not the program's
// output: RFC 8461 §3.2 (policy: "version: STSv1" first, one "mx:" line per pattern, max_age 0..31557600, CRLF lines),
// §3.1 (_mta-sts TXT: "v=STSv1;" then "id=" 1 to 32 letters or digits), RFC 8460 §3 (TLS-RPT: "v=TLSRPTv1;" then
// "rua=" URIs), and the rule catalogue (STS240: a wildcard other than a whole left-most "*." label).

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';

import { fileUrl, haveBuild, launch, openPage, listed, editorText, foreignRequests } from './helpers.mjs';
import { decodeFragment, zoneLines, fragmentView } from '../../web/src/format.js';

if (!haveBuild()) {
  console.error('tests/browser: web/dist/index.html is missing; run "npm run build:web" first.');
  process.exit(1);
}

const XSS = '<img src=x onerror=window.__xss=1>';

describe('format.js generator helpers', () => {
  test('zoneLines quotes, escapes and splits values into 255-byte strings', () => {
    assert.equal(zoneLines([{ name: '_mta-sts.example.com', type: 'TXT', value: 'v=STSv1; id=1;' }]), '_mta-sts.example.com. IN TXT "v=STSv1; id=1;"');
    assert.equal(zoneLines([{ name: 'a.example.', type: 'TXT', value: 'x"\\y' }]), 'a.example. IN TXT "x\\"\\\\y"');
    const long = zoneLines([{ name: 'b', type: 'TXT', value: 'z'.repeat(300) }]);
    assert.equal(long, `b. IN TXT "${'z'.repeat(255)}" "${'z'.repeat(45)}"`);
  });
  test('fragmentView tells the generator fragment from the validator one', () => {
    assert.equal(fragmentView('#g'), 'generate');
    assert.equal(fragmentView('#t=YQ&k=txt'), 'validate');
    assert.equal(fragmentView(''), null);
    assert.equal(decodeFragment('#g'), null, 'the validator ignores #g');
  });
});

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The text of one output block.
const output = (page, id) => page.textContent(`[data-output="${id}"] pre`);

async function generated(page, before) {
  await page.waitForFunction((n) => (window.__mtasts.generateCount || 0) > n, before);
}
const genCount = (page) => page.evaluate(() => window.__mtasts.generateCount || 0);

describe('generator view (file://)', () => {
  test('form, outputs, errors and "Validate this"', async (t) => {
    const { context, page, requests, errors } = await openPage(browser, fileUrl);
    try {
      await t.test('tabs switch views from the keyboard and put #g in the fragment', async () => {
        assert.equal(await page.getAttribute('#tab-validate', 'aria-selected'), 'true');
        assert.equal(await page.isVisible('#panel-generate'), false);
        await page.focus('#tab-validate');
        await page.keyboard.press('ArrowRight');
        assert.equal(await page.getAttribute('#tab-generate', 'aria-selected'), 'true');
        assert.equal(await page.getAttribute('#tab-validate', 'aria-selected'), 'false');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-generate');
        assert.equal(await page.getAttribute('#tab-generate', 'tabindex'), '0');
        assert.equal(await page.isVisible('#panel-generate'), true);
        assert.equal(await page.isVisible('#panel-validate'), false);
        assert.equal(await page.evaluate(() => location.hash), '#g');
        assert.match(await page.textContent('#gen-status'), /domain/i);
      });

      await t.test('every form field has a label', async () => {
        const unlabelled = await page.$$eval('#gen-form input, #gen-form select, #gen-form textarea',
          (els) => els.filter((e) => !(e.labels && e.labels.length)).map((e) => e.id || e.name));
        assert.deepEqual(unlabelled, []);
        const presets = await page.$$eval('#gen-preset option', (os) => os.map((o) => o.value));
        assert.equal(presets[0], '', 'a "none" choice first');
        assert.ok(presets.includes('google-workspace'), presets.join(' '));
      });

      await t.test('example.com + google-workspace + rua gives an RFC-shaped policy and records', async () => {
        let n = await genCount(page);
        await page.fill('#gen-domain', 'example.com');
        await page.selectOption('#gen-preset', 'google-workspace');
        await page.fill('#gen-rua', 'mailto:tls-reports@example.com');
        await generated(page, n);
        await page.waitForSelector('[data-output="tlsrpt"]');
        const policy = await output(page, 'policy');
        assert.match(policy, /\r\n$/, 'CRLF line endings, final CRLF');
        const lines = policy.split('\r\n').slice(0, -1);
        assert.equal(lines[0], 'version: STSv1', 'version comes first (RFC 8461 §3.2)');
        assert.ok(lines.includes('mode: testing'), 'testing is the default mode');
        assert.ok(lines.includes('mx: smtp.google.com'), policy);
        for (const l of lines.filter((x) => x.startsWith('mx: '))) assert.match(l, /^mx: (\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        const age = lines.find((l) => l.startsWith('max_age: '));
        assert.ok(age, 'max_age is required');
        const seconds = Number(age.slice(9));
        assert.ok(Number.isInteger(seconds) && seconds >= 0 && seconds <= 31557600, age);
        assert.equal(lines.filter((l) => /^[^:]+:/.test(l)).length, lines.length, 'only "key: value" lines');
        assert.match(await page.textContent('[data-output="policy"] .gen-where'), /https:\/\/mta-sts\.example\.com\/\.well-known\/mta-sts\.txt/);

        const txt = await output(page, 'txt');
        assert.match(txt, /^v=STSv1; id=\d{14};$/);
        const [, y, mo, d, h, mi, s] = txt.match(/id=(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/);
        const idTime = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
        assert.ok(Math.abs(Date.now() - idTime) < 5 * 60 * 1000, `the default id is the current UTC time (YYYYMMDDHHMMSS): ${txt}`);
        assert.match(await page.textContent('[data-output="txt"] .gen-where'), /_mta-sts\.example\.com/);
        assert.match(await output(page, 'tlsrpt'), /^v=TLSRPTv1;\s*rua=mailto:tls-reports@example\.com$/);
        const zone = (await output(page, 'zone')).split('\n');
        assert.equal(zone.length, 2);
        assert.equal(zone[0], `_mta-sts.example.com. IN TXT "${txt}"`);
        assert.match(zone[1], /^_smtp\._tls\.example\.com\. IN TXT "v=TLSRPTv1;/);
        assert.ok((await page.$$('[data-output="checklist"] li')).length > 0);

        // Mode enforce: the max_age placeholder shows that mode's default.
        n = await genCount(page);
        await page.check('#gen-mode-enforce');
        await generated(page, n);
        assert.match(await output(page, 'policy'), /\r\nmode: enforce\r\n/);
        const ph = await page.getAttribute('#gen-max-age', 'placeholder');
        assert.match(await output(page, 'policy'), new RegExp(`\\r\\nmax_age: ${ph}\\r\\n`));
        n = await genCount(page);
        await page.check('#gen-mode-testing');
        await generated(page, n);
      });

      await t.test('copy buttons exist for every output and report what they did', async () => {
        for (const id of ['policy', 'txt', 'tlsrpt', 'zone', 'checklist']) {
          assert.equal(await page.$$eval(`[data-output="${id}"] button[data-copy]`, (b) => b.length), 1, id);
        }
        await page.click('[data-output="policy"] button[data-copy]');
        await page.waitForFunction(() => document.getElementById('gen-copy-status').textContent !== '');
        assert.match(await page.textContent('#gen-copy-status'), /Policy file/);
      });

      await t.test('fromMx derives a suggested wildcard', async () => {
        const n = await genCount(page);
        await page.fill('#gen-from-mx', 'mx1.mail.example.com\nmx2.mail.example.com');
        await generated(page, n);
        const policy = await output(page, 'policy');
        assert.ok(policy.includes('mx: mx1.mail.example.com\r\n') && policy.includes('mx: mx2.mail.example.com\r\n'), policy);
        assert.equal(await output(page, 'wildcard'), '*.mail.example.com');
        assert.ok(!policy.includes('*.mail.example.com'), 'the suggestion is not put into the policy');
        const m = await genCount(page);
        await page.fill('#gen-from-mx', '');
        await generated(page, m);
      });

      await t.test('a bad mx pattern shows STS240 next to the MX field and no output', async () => {
        const n = await genCount(page);
        await page.fill('#gen-mx', 'mail*.example.com');
        await generated(page, n);
        assert.match(await page.textContent('#gen-mx-error'), /STS240/);
        assert.equal(await page.getAttribute('#gen-mx', 'aria-invalid'), 'true');
        assert.equal(await page.getAttribute('#gen-mx-error', 'aria-live'), 'polite');
        assert.equal(await page.textContent('#gen-domain-error'), '');
        assert.equal(await page.isVisible('#gen-outputs'), false);
        assert.equal(await page.$$eval('[data-output]', (e) => e.length), 0);
        assert.match(await page.textContent('#gen-status'), /Nothing generated/);
        const m = await genCount(page);
        await page.fill('#gen-mx', '');
        await generated(page, m);
        assert.equal(await page.textContent('#gen-mx-error'), '');
        assert.equal(await page.getAttribute('#gen-mx', 'aria-invalid'), null);
      });

      await t.test('user text in errors is text, never HTML', async () => {
        const n = await genCount(page);
        await page.fill('#gen-domain', XSS);
        await generated(page, n);
        assert.equal(await page.$$eval('#panel-generate img', (e) => e.length), 0);
        assert.equal(await page.evaluate(() => window.__xss), undefined);
        assert.notEqual(await page.textContent('#gen-domain-error'), '');
        const m = await genCount(page);
        await page.fill('#gen-domain', 'example.com');
        await generated(page, m);
      });

      await t.test('"Validate this" on the policy opens it in the validator: valid, no errors', async () => {
        await page.waitForSelector('[data-output="policy"] button[data-validate]');
        const policy = await output(page, 'policy');
        await page.click('[data-output="policy"] button[data-validate]');
        assert.equal(await page.getAttribute('#tab-validate', 'aria-selected'), 'true');
        assert.equal(await page.isVisible('#panel-validate'), true);
        assert.equal(await page.isVisible('#panel-generate'), false);
        assert.equal(await page.inputValue('#kind'), 'policy');
        assert.equal(await editorText(page), policy.replace(/\r\n/g, '\n'));
        const errorsListed = (await listed(page)).filter((d) => d.severity === 'error');
        assert.deepEqual(errorsListed, []);
        assert.match(await page.textContent('#summary'), /^Valid policy/);
        const frag = decodeFragment(await page.evaluate(() => location.hash));
        assert.equal(frag && frag.kind, 'policy', 'the #t=…&k=… link still carries the text');
        assert.equal(frag.text, policy.replace(/\r\n/g, '\n'));
      });

      await t.test('"Validate this" on the TXT and TLS-RPT records sets their kind', async () => {
        for (const [id, kind, summary] of [['txt', 'txt', /^Valid/], ['tlsrpt', 'tlsrpt', /^Valid/]]) {
          await page.click('#tab-generate');
          assert.equal(await page.evaluate(() => location.hash), '#g');
          const text = await output(page, id);
          await page.click(`[data-output="${id}"] button[data-validate]`);
          assert.equal(await page.inputValue('#kind'), kind);
          assert.equal(await editorText(page), text);
          assert.deepEqual((await listed(page)).filter((d) => d.severity === 'error'), [], id);
          assert.match(await page.textContent('#summary'), summary);
        }
      });

      await t.test('no console errors, no requests off the page', () => {
        assert.deepEqual(errors, []);
        assert.deepEqual(foreignRequests(requests, 'file://'), []);
      });
    } finally {
      await context.close();
    }
  });

  test('a #g link opens the generator', async () => {
    const { context, page, errors } = await openPage(browser, fileUrl + '#g');
    try {
      assert.equal(await page.getAttribute('#tab-generate', 'aria-selected'), 'true');
      assert.equal(await page.isVisible('#panel-generate'), true);
      assert.equal(await page.isVisible('#panel-validate'), false);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

// DMARC on the page, from file:// (offline): the example and "DMARC TXT" kind in the validator, and the DMARC
// generator as the third tab. Expectations follow RFC 7489: §6.4 (a record starts "v=DMARC1;" then p), §6.3 (p is
// none, quarantine or reject), §7.1 (an external report domain publishes DOMAIN._report._dmarc.REPORTDOMAIN).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';

import { fileUrl, haveBuild, launch, openPage, listed, lintCount, waitForLint, typeText, editorText, foreignRequests } from './helpers.mjs';
import { fragmentView, KINDS } from '../../web/src/format.js';

if (!haveBuild()) {
  console.error('tests/browser: web/dist/index.html is missing; run "npm run build:web" first.');
  process.exit(1);
}

test('format.js knows the dmarc kind and the #d view', () => {
  assert.ok(KINDS.includes('dmarc'));
  assert.equal(fragmentView('#d'), 'dmarc');
  assert.equal(fragmentView('#g'), 'generate');
});

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const dmarcCount = (page) => page.evaluate(() => window.__mtasts.dmarcCount || 0);
const generated = (page, n) => page.waitForFunction((k) => (window.__mtasts.dmarcCount || 0) > k, n);
const output = (page, id) => page.textContent(`#panel-dmarc [data-output="${id}"] pre`);

describe('DMARC on the page (file://)', () => {
  test('validator: the example, a broken record, the facts', async (t) => {
    const { context, page, requests, errors } = await openPage(browser, fileUrl);
    try {
      await t.test('the DMARC example is a valid DMARC record, detected as such', async () => {
        const n = await lintCount(page);
        await page.click('button[data-example="dmarc"]');
        await waitForLint(page, n);
        assert.match(await page.textContent('#summary'), /^Valid DMARC record/);
        assert.match(await page.textContent('#detected'), /DMARC record/);
        const facts = await page.textContent('#facts');
        assert.match(facts, /What a receiver would use/);
        assert.match(facts, /quarantine/);
        assert.match(facts, /mailto:dmarc-reports@example\.com/);
      });
      await t.test('a record with a missing ";" and a bad p: every mistake listed, fixes applied', async () => {
        const n = await lintCount(page);
        await typeText(page, 'v=DMARC1 p=rejectt; rua=mailto:d@example.com');
        await waitForLint(page, n);
        const items = await listed(page);
        assert.deepEqual(items.map((d) => d.code), ['DMC603', 'DMC605']);
        assert.ok(items[0].fixable, 'the missing ";" has a fix');
        const m = await lintCount(page);
        await page.click('#fix-all');
        await waitForLint(page, m);
        assert.equal(await editorText(page), 'v=DMARC1; p=rejectt; rua=mailto:d@example.com');
      });
      await t.test('the kind menu offers DMARC', async () => {
        const n = await lintCount(page);
        await page.selectOption('#kind', 'dmarc');
        await waitForLint(page, n);
        assert.match(await page.textContent('#detected'), /Checked as: DMARC record/);
      });
      assert.deepEqual(errors, []);
      assert.deepEqual(foreignRequests(requests, 'file://'), []);
    } finally {
      await context.close();
    }
  });

  test('generator tab: a staged record, authorization of an external report domain, refusals', async (t) => {
    const { context, page, requests, errors } = await openPage(browser, fileUrl);
    try {
      await t.test('the third tab, from the keyboard, with #d in the fragment', async () => {
        await page.focus('#tab-generate');
        await page.keyboard.press('ArrowRight');
        assert.equal(await page.getAttribute('#tab-dmarc', 'aria-selected'), 'true');
        assert.equal(await page.isVisible('#panel-dmarc'), true);
        assert.equal(await page.isVisible('#panel-generate'), false);
        assert.equal(await page.evaluate(() => location.hash), '#d');
        const unlabelled = await page.$$eval('#dmarc-form input, #dmarc-form select, #dmarc-form textarea',
          (els) => els.filter((e) => !(e.labels && e.labels.length)).map((e) => e.id || e.name));
        assert.deepEqual(unlabelled, []);
      });
      await t.test('p=none without rua is refused: it would monitor nothing', async () => {
        const n = await dmarcCount(page);
        await page.fill('#dmarc-domain', 'example.com');
        await generated(page, n);
        assert.match(await page.textContent('#dmarc-status'), /Nothing generated/);
        assert.match(await page.textContent('#dmarc-rua-error'), /DMC635/);
      });
      await t.test('quarantine with an external rua: the record, the authorization, the checklist stage', async () => {
        let n = await dmarcCount(page);
        await page.fill('#dmarc-rua', 'reports@dmarc.example.net');
        await generated(page, n);
        n = await dmarcCount(page);
        await page.check('#dmarc-policy-quarantine');
        await generated(page, n);
        const record = await output(page, 'record');
        assert.match(record, /^v=DMARC1; p=quarantine; /);
        assert.match(record, /rua=mailto:reports@dmarc\.example\.net$/);
        assert.match(await page.textContent('#panel-dmarc [data-output="record"] .gen-where'), /_dmarc\.example\.com/);
        assert.match(await page.textContent('#panel-dmarc'), /example\.com\._report\._dmarc\.dmarc\.example\.net/);
        const zone = (await output(page, 'zone')).split('\n');
        assert.equal(zone[0], `_dmarc.example.com. IN TXT "${record}"`);
        assert.equal(zone[1], 'example.com._report._dmarc.dmarc.example.net. IN TXT "v=DMARC1"');
        assert.match(await page.textContent('#panel-dmarc [data-output="checklist"]'), /stage 2, quarantine \(this record\)/);
        assert.match(await page.textContent('#dmarc-status'), /stage 2 of 3/);
      });
      await t.test('a bad pct is refused at its field', async () => {
        const n = await dmarcCount(page);
        await page.fill('#dmarc-pct', '150');
        await generated(page, n);
        assert.match(await page.textContent('#dmarc-pct-error'), /DMC608/);
        assert.equal(await page.getAttribute('#dmarc-pct', 'aria-invalid'), 'true');
        const m = await dmarcCount(page);
        await page.fill('#dmarc-pct', '');
        await generated(page, m);
      });
      await t.test('"Validate this" lints the record in the validator view', async () => {
        const n = await lintCount(page);
        await page.click('#panel-dmarc button[data-validate="record"]');
        await waitForLint(page, n);
        assert.equal(await page.isVisible('#panel-validate'), true);
        assert.match(await page.textContent('#summary'), /^Valid DMARC record/);
      });
      assert.deepEqual(errors, []);
      assert.deepEqual(foreignRequests(requests, 'file://'), []);
    } finally {
      await context.close();
    }
  });
});

// The page on pasted tool output (docs/paste.md): the "found: ..." line links to the parts, the underlines sit on
// the offending bytes of the paste, and "Fix all" fixes the record and the policy without touching the tool's lines.
// Expected codes come from the rule catalogue (RFC 8461 §3.1: no trailing whitespace in the record; §3.2: no
// trailing dot in an mx pattern), not from the program's output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repo, fileUrl, haveBuild, launch, openPage, listed, underlined, lintCount, waitForLint, editorText, pairs } from './helpers.mjs';

if (!haveBuild()) {
  console.error('tests/browser: web/dist/index.html is missing; run "npm run build:web" first.');
  process.exit(1);
}

const PASTE = readFileSync(join(repo, 'web', 'examples', 'pasted-evidence.txt'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a pasted dig + curl session: found line, underlines in place, Fix all keeps the tool output', async () => {
  const { context, page, errors } = await openPage(browser, fileUrl);
  try {
    const n = await lintCount(page);
    await page.click('button[data-example="pasted"]');
    await waitForLint(page, n);
    await page.waitForSelector('#found:not([hidden])');
    const found = await page.textContent('#found');
    assert.match(found, /^found: /);
    assert.ok(found.includes('_mta-sts TXT record (line 2)'), found);
    assert.ok(found.includes('2 MX records (line 4)'), found);
    assert.ok(found.includes('HTTP 200 text/plain with a policy (lines 8\u201317)'), found);
    // the underlines cut out the offending bytes of the paste
    const items = pairs(await listed(page));
    assert.ok(items.includes('STS113@2'), items.join(' '));
    assert.ok(items.includes('STS239@15'), items.join(' '));
    assert.deepEqual(await underlined(page, 'STS113'), [' ']);
    assert.deepEqual(await underlined(page, 'STS239'), ['.']);
    // a link of the found line moves the cursor to its part
    await page.click('#found a.found-part >> nth=0');
    const head = await page.evaluate(() => window.__mtasts.view.state.selection.main.head);
    assert.equal(head, PASTE.indexOf('_mta-sts.example.com.\t300'));
    // Fix all: the record and the policy are fixed, every line of tool output is still there
    const before = await lintCount(page);
    await page.click('#fix-all');
    await waitForLint(page, before);
    const fixed = await editorText(page);
    for (const line of PASTE.split(/\r?\n/)) { // (the editor keeps lines, not their CRLF)
      if (/^(\$ |HTTP\/|server:|content-|\d+ mx)/.test(line)) assert.ok(fixed.includes(line), `kept: ${line}`);
    }
    assert.ok(fixed.includes('"v=STSv1; id=20240501T100000"'));
    assert.ok(fixed.includes('\nmx: mx1.example.com\n'));
    const after = pairs(await listed(page));
    assert.ok(!after.includes('STS113@2') && !after.includes('STS239@15'), after.join(' '));
    assert.ok(!after.some((p) => p.startsWith('STS402')), 'mx1 is covered once the pattern is fixed');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

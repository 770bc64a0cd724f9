// `mta-sts-lint summarize --format html` opened in Debian's Chromium (playwright-core): the page asks for nothing
// beyond itself, logs no console error (its Content-Security-Policy would report any blocked load), needs no script,
// and shows the summary's tables and bar charts.
//   node --test tests/sweep/html.test.mjs       (needs build/mta-sts-lint and /usr/bin/chromium)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from '../browser/helpers.mjs';
import { native } from '../node/helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'mtasts-html-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

test('the HTML summary in Chromium: no request, no console error, no script, tables and bars drawn', { timeout: 120000 }, async () => {
  const r = native(['summarize', '--format', 'html', join(here, 'fixtures', 'answers.jsonl')]);
  assert.equal(r.status, 0);
  const file = join(tmp, 'summary.html');
  writeFileSync(file, r.stdout);
  const url = pathToFileURL(file).href;

  const browser = await launch();
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    const requests = [];
    const errors = [];
    page.on('request', (q) => requests.push(q.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForLoadState('load');
    assert.deepEqual(requests, [url], 'the page itself and nothing else');
    assert.deepEqual(errors, []);
    assert.equal(await page.title(), 'MTA-STS sweep summary');
    assert.match(await page.locator('p.big').innerText(), /^9 domains checked, 3 valid \(33\.3%\)\.$/);
    assert.equal(await page.locator('h2').count(), 5);
    // the three charts are drawn: one bar per row, the widest bar for the largest count
    const charts = page.locator('svg');
    assert.equal(await charts.count(), 3);
    const modeBars = await charts.nth(0).locator('rect').evaluateAll((rs) => rs.map((x) => x.getBoundingClientRect().width));
    assert.equal(modeBars.length, 4);
    assert.ok(modeBars[0] > modeBars[1] && modeBars[1] === modeBars[2] && modeBars[2] > modeBars[3] && modeBars[3] > 0, modeBars.join());
    const codeRows = await page.locator('table').last().locator('tr').count();
    assert.equal(codeRows, 1 + 11);
    // the page is readable without a script: nothing in it runs one
    assert.equal(await page.locator('script').count(), 0);
    await context.close();
  } finally {
    await browser.close();
  }
});

// The page as one file (dist/mta-sts-lint.html), copied alone into an empty folder (a USB stick) and opened from
// file:// in Chromium with every request other than the file itself aborted: it loads, lints a pasted broken policy,
// makes no other request, logs no error and violates no part of its CSP. The CSP allows the inline script and style by
// their hashes only: a one-byte change to the script and the page does not run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch, listed, pairs, pasteText, MISTAKES, EXPECTED } from '../browser/helpers.mjs';
import { cspHash, singleFile } from '../../scripts/dist.mjs';
import { artefact } from './helpers.mjs';

const html = artefact('html');
const stick = mkdtempSync(join(tmpdir(), 'mta-sts-lint-stick-'));
const copy = join(stick, 'mta-sts-lint.html');
copyFileSync(html, copy);
const url = pathToFileURL(copy).href;

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  rmSync(stick, { recursive: true, force: true });
});

// Opens `fileUrl` with the network cut off: every request is recorded, and aborted unless it is the file itself.
async function open(fileUrl) {
  const context = await browser.newContext({ offline: true });
  const requests = [];
  const errors = [];
  await context.route('**', (route) => (route.request().url() === fileUrl ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  // CSP violations as the page sees them (the init script runs before any of the page's own)
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await page.goto(fileUrl);
  return { context, page, requests, errors };
}

const cspOf = (text) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(text)[1];

test('one file: no reference to another file, the CSP names the inline script and style by hash', () => {
  const text = readFileSync(html, 'utf8');
  assert.doesNotMatch(text, /<script[^>]+src=|<link[^>]+rel="stylesheet"|\ssrc="(?!data:)/i);
  const scripts = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1);
  assert.equal(styles.length, 1);
  const csp = Object.fromEntries(cspOf(text).split(/;\s*/).map((d) => d.split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(csp['default-src'], ["'none'"]);
  assert.deepEqual(csp['script-src'], [cspHash(scripts[0]), "'wasm-unsafe-eval'"]);
  assert.equal(csp['style-src'][0], cspHash(styles[0]));
  assert.match(csp['style-src'][1], /^'nonce-[A-Za-z0-9+/=]+'$/, "CodeMirror's run-time styles");
  assert.equal(csp['style-src'].length, 2);
  assert.ok(!cspOf(text).includes("'self'") && !cspOf(text).includes('unsafe-inline'));
  assert.match(scripts[0], /AGFzbQ/, 'the wasm is inside, as base64 ("\\0asm")');
});

test('singleFile refuses what the HTML parser would change', () => {
  const index = '<head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'; style-src \'self\'">'
    + '<link rel="stylesheet" href="style.css"><script src="app.js" defer></script></head><body></body>';
  assert.match(singleFile(index, 'go()', 'a{}'), /<script>go\(\)<\/script>\n<\/body>/);
  assert.throws(() => singleFile(index, 'x="</script>"', ''), /<\/script/);
  assert.throws(() => singleFile(index, 'x="<!--"', ''), /<!--/);
  assert.throws(() => singleFile(index, 'a\r\nb', ''), /CR/);
  assert.throws(() => singleFile(index, '', 'a{content:"</style>"}'), /<\/style/);
  assert.throws(() => singleFile(index.replace("'self'; style", "'none'; style"), '', ''), /script-src has no 'self'/);
});

test('from file:// with the network cut off: lints a pasted broken policy, one request, no error, no violation', async () => {
  const { context, page, requests, errors } = await open(url);
  try {
    await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
    assert.match(await page.textContent('#summary'), /^Valid policy/);
    await pasteText(page, MISTAKES);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagnostic"]').length >= 7);
    const got = pairs(await listed(page));
    for (const e of EXPECTED) assert.ok(got.includes(e), `expected ${e} in ${got.join(' ')}`);
    assert.match(await page.textContent('#summary'), /^Invalid policy: \d+ errors?/);
    // the lint underlines are drawn: CodeMirror's nonce-tagged styles were accepted
    assert.ok(await page.$('.cm-lintRange-error'));
    // the Generate view too (the full module is inline)
    await page.click('#tab-generate');
    await page.fill('#gen-domain', 'example.com');
    await page.fill('#gen-mx', 'mail.example.com');
    await page.waitForFunction(() => /v=STSv1; id=/.test(document.querySelector('#gen-outputs')?.textContent ?? ''));
    // (a data: URL, should Chromium report the glue's fetch of its embedded wasm, is no request to anywhere)
    assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [url], 'the file itself and nothing else');
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  } finally {
    await context.close();
  }
});

test('a one-byte change to the inline script and the CSP blocks it', async () => {
  const tampered = join(stick, 'tampered.html');
  writeFileSync(tampered, readFileSync(html, 'utf8').replace(/<\/script>/, ';</script>'));
  const { context, page, errors } = await open(pathToFileURL(tampered).href);
  try {
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('html', 'data-ready'), null, 'the app never started');
    assert.ok((await page.evaluate(() => window.__violations)).some((v) => v.startsWith('script-src')), 'a script-src violation');
    assert.ok(errors.some((e) => /Content Security Policy/.test(e)));
  } finally {
    await context.close();
  }
});

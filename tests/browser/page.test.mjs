// The static page, tested as a user opens it: from file:// in an offline context, and from scripts/serve.mjs on a free
// port. Drives Debian's /usr/bin/chromium through playwright-core (never a downloaded browser).
// Expected codes come from the project's rule catalogue (spec/rules.md of its shared material; RFC 8461 §3.2), not from the program's output.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import {
  repo, fileUrl, haveBuild, launch, openPage, listed, underlined, lintCount, waitForLint, typeText, editorText, pairs,
  foreignRequests, MISTAKES, EXPECTED, pasteText,
} from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { decodeFragment, encodeFragment } from '../../web/src/format.js';

if (!haveBuild()) {
  console.error('tests/browser: web/dist/index.html is missing; run "npm run build:web" first.');
  process.exit(1);
}

const XSS = '<img src=x onerror=window.__xss=1><script>window.__xss=2</script>';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The checks shared by both origins. `origin` is the prefix every request must have.
async function exercise(t, url, origin, options = {}) {
  const { context, page, requests, errors } = await openPage(browser, url, options);
  try {
    await t.test('loads with an example and a verdict', async () => {
      const summary = await page.textContent('#summary');
      assert.match(summary, /^Valid policy/);
      assert.equal(await page.getAttribute('#summary', 'aria-live'), 'polite');
      assert.match(await page.textContent('#detected'), /Detected: policy/);
    });

    await t.test('typing a policy with known mistakes lists them on their lines', async () => {
      await typeText(page, MISTAKES);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagnostic"]').length >= 7);
      assert.equal(await editorText(page), MISTAKES, 'typing must not add indentation');
      const items = await listed(page);
      const got = pairs(items);
      for (const e of EXPECTED) assert.ok(got.includes(e), `expected ${e} in ${got.join(' ')}`);
      for (const d of items.filter((x) => EXPECTED.includes(`${x.code}@${x.line}`))) assert.equal(d.severity, 'error', `${d.code} is an error`);
      assert.match(await page.textContent('#summary'), /^Invalid policy: \d+ errors?/);
    });

    await t.test('underlines sit on the offending text', async () => {
      const codes = [...new Set((await listed(page)).map((d) => d.code))];
      const by = {};
      for (const code of codes) by[code] = (await underlined(page, code)).join('');
      // Each underline is exactly the span the validator reported (to the character), and that span holds the
      // RFC-relevant text.
      const exact = await page.evaluate(() => {
        const h = window.__mtasts;
        const text = h.view.state.doc.toString();
        const r = h.validator.lint(text, { kind: 'auto' });
        return r.diagnostics.filter((d) => d.to > d.from).map((d) => ({ code: d.code, text: text.slice(d.from, d.to) }));
      });
      for (const { code, text } of exact) {
        if (exact.filter((e) => e.code === code).length === 1) assert.equal(by[code], text, `${code}: underline vs reported span`);
      }
      assert.ok(by.STS214.includes('Mode'), `STS214 underlines ${JSON.stringify(by.STS214)}`);
      assert.ok(/^[ \t]+$/.test(by.STS210) || by.STS210.startsWith('  '), `STS210 underlines the indentation: ${JSON.stringify(by.STS210)}`);
      assert.ok(by.STS253.includes(',') || by.STS253.includes('b.example.com'), `STS253 underlines ${JSON.stringify(by.STS253)}`);
      assert.ok(by.STS239.endsWith('.'), `STS239 underlines the trailing dot: ${JSON.stringify(by.STS239)}`);
      assert.ok(by.STS255.includes('#'), `STS255 underlines the comment: ${JSON.stringify(by.STS255)}`);
      assert.ok(by.STS229.includes('1w'), `STS229 underlines the value: ${JSON.stringify(by.STS229)}`);
      // The blank line (STS209) has no character to underline: a point marker and a marked line.
      const blank = await page.evaluate(() => {
        const lines = document.querySelectorAll('.cm-content > .cm-line');
        const l6 = lines[5];
        return { cls: l6.className, point: !!l6.querySelector('.cm-lintPoint'), range: !!l6.querySelector('.cm-lintRange') };
      });
      assert.match(blank.cls, /mtasts-line-error/);
      assert.ok(blank.point || blank.range, 'the blank line carries a visible marker');
      // Geometry: the indentation underline starts at the left edge of line 3's text.
      const geo = await page.evaluate(() => {
        const view = window.__mtasts.view;
        const line3 = view.state.doc.line(3);
        const mark = document.querySelector('.cm-lintRange.mtasts-STS210');
        const r = mark.getBoundingClientRect();
        const c = view.coordsAtPos(line3.from, 1);
        return { markLeft: r.left, textLeft: c.left, markTop: r.top, lineTop: c.top };
      });
      assert.ok(Math.abs(geo.markLeft - geo.textLeft) < 2, JSON.stringify(geo));
      assert.ok(Math.abs(geo.markTop - geo.lineTop) < 4, JSON.stringify(geo));
      // Gutter markers exist for the lines with errors.
      assert.ok((await page.$$('.cm-lint-marker-error')).length >= 6);
    });

    await t.test('clicking a diagnostic puts the cursor there', async () => {
      const item = page.locator('[data-testid="diagnostic"][data-code="STS229"] .diag-go');
      await item.click();
      const where = await page.evaluate(() => {
        const v = window.__mtasts.view;
        const head = v.state.selection.main.head;
        return { line: v.state.doc.lineAt(head).number, focused: v.hasFocus };
      });
      assert.deepEqual(where, { line: 8, focused: true });
    });

    await t.test('hover shows the message', async () => {
      const box = await page.locator('.cm-lintRange.mtasts-STS229').first().boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForSelector('.cm-tooltip-lint', { timeout: 5000 });
      const tip = await page.textContent('.cm-tooltip-lint');
      assert.match(tip, /STS229/);
      await page.mouse.move(5, 5);
    });

    await t.test('one fix, from the list', async () => {
      const fixable = (await listed(page)).filter((d) => d.fixable);
      assert.ok(fixable.length > 0, 'some diagnostics carry a fix');
      const target = fixable.find((d) => d.code === 'STS239') || fixable[0];
      const n = await lintCount(page);
      const beforeText = await editorText(page);
      await page.locator(`[data-testid="diagnostic"][data-code="${target.code}"][data-line="${target.line}"] .diag-fix`).first().click();
      await waitForLint(page, n);
      const afterText = await editorText(page);
      assert.notEqual(afterText, beforeText);
      if (target.code === 'STS239') assert.ok(afterText.includes('mx: backup.example.net\n'), afterText);
      assert.ok(!pairs(await listed(page)).includes(`${target.code}@${target.line}`), 'the fixed diagnostic is gone');
    });

    await t.test('one fix, from the CodeMirror lint action', async () => {
      const fixable = (await listed(page)).filter((d) => d.fixable);
      if (!fixable.length) return;
      const target = fixable[0];
      const box = await page.locator(`.cm-lintRange.mtasts-${target.code}`).first().boundingBox();
      if (!box) return; // zero-length (point) diagnostics have no range to hover
      await page.mouse.move(box.x + Math.min(box.width / 2, 4), box.y + box.height / 2);
      await page.waitForSelector('.cm-tooltip-lint .cm-diagnosticAction', { timeout: 5000 });
      const n = await lintCount(page);
      await page.locator('.cm-tooltip-lint .cm-diagnosticAction').first().click();
      await waitForLint(page, n);
      const after = pairs(await listed(page));
      assert.ok(after.filter((p) => p === `${target.code}@${target.line}`).length < pairs(fixable).filter((p) => p === `${target.code}@${target.line}`).length);
      await page.mouse.move(5, 5);
    });

    await t.test('Fix all applies every fix in one undoable step', async () => {
      await typeText(page, MISTAKES);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="diagnostic"]').length >= 7);
      const beforeItems = await listed(page);
      const n = await lintCount(page);
      await page.click('#fix-all');
      await waitForLint(page, n);
      const afterItems = await listed(page);
      assert.ok(afterItems.length < beforeItems.length, `${beforeItems.length} -> ${afterItems.length}`);
      assert.equal(afterItems.filter((d) => d.fixable).length, 0, 'nothing fixable is left');
      assert.ok(await page.isDisabled('#fix-all'));
      const fixed = await editorText(page);
      assert.ok(!/^[ \t]/m.test(fixed) || !beforeItems.some((d) => d.code === 'STS210' && d.fixable), 'indentation removed');
      // One undo restores the original text.
      await page.click('.cm-content');
      await page.keyboard.press('Control+Z');
      assert.equal(await editorText(page), MISTAKES);
    });

    await t.test('switching kinds', async () => {
      await page.click('button[data-example="sts-record"]');
      await page.waitForFunction(() => /Detected: _mta-sts record/.test(document.getElementById('detected').textContent));
      assert.match(await page.textContent('#summary'), /^Valid _mta-sts record/);
      assert.match(await page.textContent('#facts'), /20240101000000/);
      await page.selectOption('#kind', 'policy');
      await page.waitForFunction(() => /^Invalid policy/.test(document.getElementById('summary').textContent));
      assert.ok((await listed(page)).some((d) => d.severity === 'error' && d.line === 1));
      await page.selectOption('#kind', 'tlsrpt');
      await page.waitForFunction(() => /^Invalid TLS-RPT record/.test(document.getElementById('summary').textContent));
      assert.ok(pairs(await listed(page)).includes('RPT501@1'), 'a _mta-sts record read as TLS-RPT must fail RPT501');
      await page.selectOption('#kind', 'auto');
      await page.waitForFunction(() => /^Valid _mta-sts record/.test(document.getElementById('summary').textContent));
      // Detection follows typing.
      await typeText(page, 'v=TLSRPTv1; rua=mailto:tls@example.com');
      await page.waitForFunction(() => /Detected: TLS-RPT record/.test(document.getElementById('detected').textContent));
      assert.match(await page.textContent('#summary'), /^Valid TLS-RPT record/);
      assert.match(await page.textContent('#facts'), /mailto:tls@example\.com/);
    });

    await t.test('examples load in one click', async () => {
      const expect = {
        enforce: /^Valid policy/, google: /^Valid policy/, microsoft: /^Valid policy/,
        'sts-record': /^Valid _mta-sts record/, tlsrpt: /^Valid TLS-RPT record/, mistakes: /^Invalid policy/,
      };
      for (const [id, re] of Object.entries(expect)) {
        const n = await lintCount(page);
        await page.click(`button[data-example="${id}"]`);
        await waitForLint(page, n);
        assert.match(await page.textContent('#summary'), re, id);
      }
      await page.click('button[data-example="google"]');
      const facts = await page.textContent('#facts');
      assert.match(facts, /testing/);
      assert.match(facts, /604800 s = 7 days/);
      assert.match(facts, /\*\.aspmx\.l\.google\.com/);
      await page.click('button[data-example="enforce"]');
      assert.match(await page.textContent('#facts'), /1209600 s = 14 days \(2 weeks\)/);
      assert.match(await page.textContent('#facts'), /refuse to deliver/);
    });

    await t.test('pasted markup stays text', async () => {
      await pasteText(page, XSS);
      await page.waitForFunction((m) => window.__mtasts.view.state.doc.toString() === m, XSS);
      await page.waitForTimeout(200);
      const probe = await page.evaluate(() => ({
        xss: window.__xss,
        imgs: document.querySelectorAll('img').length,
        scripts: [...document.scripts].map((s) => s.src.replace(/^.*\//, '')),
        shown: document.querySelector('.cm-content').textContent,
      }));
      assert.equal(probe.xss, undefined);
      assert.equal(probe.imgs, 0);
      assert.deepEqual(probe.scripts, ['app.js']);
      assert.ok(probe.shown.includes('<img src=x onerror=window.__xss=1>'));
      assert.match(await page.textContent('#summary'), /^Invalid policy/);
    });

    await t.test('the text round-trips through the URL fragment', async () => {
      await page.click('button[data-example="microsoft"]');
      await page.selectOption('#kind', 'policy');
      await page.waitForFunction(() => /[#&]k=policy/.test(location.hash), null, { timeout: 5000 });
      const hash = await page.evaluate(() => location.hash);
      const state = decodeFragment(hash);
      assert.equal(state.kind, 'policy');
      assert.equal(state.text, await editorText(page));
      // A fresh page opened with the link shows the same text and kind.
      const link = page.url();
      const p2 = await context.newPage();
      const errors2 = [];
      p2.on('console', (m) => { if (m.type() === 'error') errors2.push(m.text()); });
      await p2.goto(link);
      await p2.waitForSelector('html[data-ready="true"]');
      assert.equal(await p2.evaluate(() => window.__mtasts.view.state.doc.toString()), state.text);
      assert.equal(await p2.inputValue('#kind'), 'policy');
      // hashchange: another shared text replaces the editor's content.
      const other = 'v=STSv1; id=abc123';
      const n = await lintCount(p2);
      await p2.evaluate((frag) => { location.hash = frag; }, encodeFragment({ text: other, kind: 'auto' }));
      await waitForLint(p2, n);
      assert.equal(await p2.evaluate(() => window.__mtasts.view.state.doc.toString()), other);
      assert.equal(await p2.inputValue('#kind'), 'auto');
      // Markup in a link is text too.
      await p2.evaluate((frag) => { location.hash = frag; }, encodeFragment({ text: XSS, kind: 'auto' }));
      await p2.waitForFunction((m) => window.__mtasts.view.state.doc.toString() === m, XSS);
      assert.equal(await p2.evaluate(() => window.__xss), undefined);
      assert.deepEqual(errors2, []);
      await p2.close();
    });

    await t.test('copy buttons report what happened', async () => {
      await page.click('#copy-text');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '' || !document.getElementById('manual-copy').hidden);
      const status = await page.textContent('#copy-status');
      const manual = await page.isVisible('#manual-copy');
      assert.ok(/copied/.test(status) || manual, status);
      if (manual) assert.equal(await page.inputValue('#manual-copy-text'), await editorText(page));
      await page.click('#copy-link');
      await page.waitForFunction(() => /Link copied|copy the link/i.test(document.getElementById('copy-status').textContent));
    });

    await t.test('keyboard: the controls are reachable and labelled', async () => {
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('button, select, input, textarea, [contenteditable="true"]')]
        .filter((e) => e.offsetParent !== null)
        .filter((e) => {
          const name = e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent;
          return !name || !name.trim();
        }).map((e) => e.outerHTML.slice(0, 80)));
      assert.deepEqual(unlabelled, []);
      await page.focus('#kind');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'verbose');
    });

    await t.test('every request stayed local and the console logged no error', async () => {
      assert.deepEqual(foreignRequests(requests, origin), []);
      assert.ok(requests.some((u) => u.endsWith('/app.js')));
      assert.deepEqual(errors, []);
    });
  } finally {
    await context.close();
  }
}

describe('from file://, offline', () => {
  test('the page works', async (t) => {
    await exercise(t, fileUrl, 'file://', { offline: true });
  });

  test('dark scheme follows the system and a screenshot is saved', async () => {
    const { context, page, errors } = await openPage(browser, fileUrl, { colorScheme: 'dark' });
    try {
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, 'rgb(13, 17, 23)');
      // CodeMirror's run-time styles were accepted by the CSP (nonce): its theme and the lint underlines apply.
      await page.click('button[data-example="mistakes"]');
      const styles = await page.evaluate(() => ({
        gutter: getComputedStyle(document.querySelector('.cm-gutters')).backgroundColor,
        underline: getComputedStyle(document.querySelector('.cm-lintRange-error')).backgroundImage,
        nonced: [...document.querySelectorAll('style')].every((st) => st.nonce !== ''),
      }));
      assert.equal(styles.gutter, 'rgb(21, 27, 35)');
      assert.match(styles.underline, /^url\("data:image\/svg\+xml/);
      assert.ok(styles.nonced, 'every <style> element carries the nonce');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
    const shot = await openPage(browser, fileUrl, { colorScheme: 'light', viewport: { width: 1280, height: 820 } });
    try {
      await shot.page.click('button[data-example="mistakes"]');
      await shot.page.waitForFunction(() => document.querySelectorAll('[data-testid="diagnostic"]').length >= 5);
      await shot.page.evaluate(() => document.activeElement && document.activeElement.blur());
      // tests/.tmp/ always (gitignored); docs/screenshot.png (the README's) when missing or UPDATE_SCREENSHOT=1.
      mkdirSync(join(repo, 'tests', '.tmp'), { recursive: true });
      await shot.page.screenshot({ path: join(repo, 'tests', '.tmp', 'screenshot.png') });
      const docsShot = join(repo, 'docs', 'screenshot.png');
      if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync(docsShot)) {
        mkdirSync(join(repo, 'docs'), { recursive: true });
        copyFileSync(join(repo, 'tests', '.tmp', 'screenshot.png'), docsShot);
      }
      assert.deepEqual(shot.errors, []);
    } finally {
      await shot.context.close();
    }
  });
});

describe('large input', () => {
  test('a 64 KiB policy with thousands of diagnostics: the list holds every one, the editor marks them', async () => {
    const { context, page, errors } = await openPage(browser, fileUrl);
    try {
      const lines = ['version: STSv1', 'mode: enforce', 'max_age: 604800'];
      for (let i = 0; lines.join('\n').length < 64000; i++) lines.push(i % 2 ? `  mx: a${i}.example.com` : `mx: b${i}.example.com.`);
      const text = lines.join('\n') + '\n';
      const n = await lintCount(page);
      await page.evaluate((t) => window.__mtasts.setDocument(t, 'auto'), text);
      await waitForLint(page, n);
      const total = await page.evaluate(() => window.__mtasts.validator.lint(window.__mtasts.view.state.doc.toString(), { kind: 'auto' }).diagnostics.length);
      assert.ok(total > 2000, `${total} diagnostics`);
      // The list is virtualised (web/src/diagnostics.js): a window of items is rendered, each saying where it stands
      // in the whole list, and nothing says that some are left out.
      const shown = await page.$$eval('[data-testid="diagnostic"]', (items) => items.map((li) => [Number(li.getAttribute('aria-posinset')), Number(li.getAttribute('aria-setsize'))]));
      assert.ok(shown.length > 0 && shown.length < 500, `${shown.length} items rendered`);
      assert.deepEqual(shown[0], [1, total]);
      for (let k = 1; k < shown.length; k++) assert.deepEqual(shown[k], [shown[k - 1][0] + 1, total]);
      assert.equal(await page.$('#diagnostics-more'), null);
      assert.match(await page.textContent('#summary'), /^Invalid policy: \d{4} errors/);
      // Typing re-lints.
      await page.evaluate(() => { const v = window.__mtasts.view; v.focus(); v.dispatch({ selection: { anchor: v.state.doc.line(3).to } }); });
      const m = await lintCount(page);
      await page.keyboard.type('x');
      await waitForLint(page, m);
      assert.ok((await listed(page)).some((d) => d.code === 'STS229' && d.line === 3));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('from the local server (scripts/serve.mjs)', () => {
  let server;
  before(async () => { server = await startServer({ port: 0 }); });
  after(async () => { await server?.close(); });

  test('serves with correct types, only on 127.0.0.1', async () => {
    const res = await fetch(server.url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.equal((await fetch(server.url + 'app.js')).headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal((await fetch(server.url + 'style.css')).headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal((await fetch(server.url + 'nope.js')).status, 404);
    assert.equal((await fetch(server.url + '..%2fpackage.json')).status, 403);
    assert.equal(server.server.address().address, '127.0.0.1');
  });

  test('the page works', async (t) => {
    // The context is online so that it can reach 127.0.0.1; the CSP and the request log prove nothing else is contacted.
    await exercise(t, server.url, server.url, { offline: false, permissions: ['clipboard-read', 'clipboard-write'] });
  });
});

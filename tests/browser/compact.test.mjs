// The page builds its diagnostics on demand from the validator's compact record (web/src/compact.js, issue #19): on a
// text like the latency bench's case (c) (short wrong lines, two mistakes each) with non-ASCII lines among them, what
// the page holds, lists, underlines and fixes must be exactly what the public lint() reports for the same text, so
// that the compact path cannot drift from it. No timing here.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';

import { haveBuild, launch, openPage, fileUrl, lintCount, waitForLint } from './helpers.mjs';

// Case (c)'s lines ("Mx: a1.": STS214, the field name's case, and STS239, a trailing dot, each with a fix), and every
// 97th line a non-ASCII host (its strings come from the record's blob instead of slices of the text).
function caseC(lines) {
  const out = ['version: STSv1', 'mode: enforce', 'max_age: 1209600'];
  for (let i = 0; i < lines; i++) out.push(i % 97 === 50 ? `Mx: mäil${i}.exämple.` : `Mx: a${i}.`);
  return out.join('\n') + '\n';
}

const skip = !haveBuild() && 'web/dist is not built (npm run build:web)';

describe("the page's diagnostics are the public lint()'s", { skip }, () => {
  let browser;
  let page;
  let context;
  let errors;
  before(async () => {
    browser = await launch();
    ({ context, page, errors } = await openPage(browser, fileUrl));
    const n = await lintCount(page);
    await page.evaluate((t) => window.__mtasts.setDocument(t, 'auto'), caseC(3000));
    await waitForLint(page, n);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
  });

  test('the result the page keeps: every diagnostic, in order, and the rest of the result', async () => {
    const r = await page.evaluate(() => {
      const h = window.__mtasts;
      const pub = h.validator.lint(h.view.state.doc.toString(), { kind: 'auto' });
      const mine = h.lastResult;
      const { diagnostics: a, ...restMine } = mine;
      const { diagnostics: b, ...restPub } = pub;
      // Materialised out of order first, as the editor's window and the list ask for them.
      const probe = [b.length - 1, 1234, 7, 0].map((i) => JSON.stringify(a.at(i)) === JSON.stringify(b[i]));
      return {
        count: b.length,
        length: a.length,
        probe,
        same: JSON.stringify(a.toArray()) === JSON.stringify(b),
        rest: JSON.stringify(restMine) === JSON.stringify(restPub),
        fixable: a.fixable === b.filter((d) => d.fix && d.fix.edits.length).length,
        nonAscii: b.filter((d) => /[^\x00-\x7f]/.test(d.message)).length,
      };
    });
    assert.ok(r.count > 6000, `${r.count} diagnostics`);
    assert.ok(r.nonAscii > 10, `${r.nonAscii} messages with non-ASCII text`);
    assert.deepEqual(r, { ...r, length: r.count, probe: [true, true, true, true], same: true, rest: true, fixable: true });
  });

  // The rendered list items against lint()'s diagnostics at their positions.
  function listAgainstLint() {
    return page.evaluate(() => {
      const h = window.__mtasts;
      const pub = h.validator.lint(h.view.state.doc.toString(), { kind: 'auto' }).diagnostics;
      const items = [...document.querySelectorAll('[data-testid="diagnostic"]')];
      const bad = [];
      for (const li of items) {
        const d = pub[Number(li.getAttribute('aria-posinset')) - 1];
        const got = [li.dataset.code, li.dataset.severity, Number(li.dataset.line), Number(li.dataset.column), li.querySelector('.diag-msg').textContent, !li.querySelector('.diag-fix').hidden];
        const want = [d.code, d.severity, d.line, d.column, d.message, !!(d.fix && d.fix.edits.length)];
        if (JSON.stringify(got) !== JSON.stringify(want)) bad.push({ got, want });
      }
      return { items: items.length, setsize: Number(items[0]?.getAttribute('aria-setsize')), total: pub.length, bad };
    });
  }

  test('the list: each rendered item is the diagnostic lint() has at its place, at the top and further down', async () => {
    let s = await listAgainstLint();
    assert.ok(s.items > 5);
    assert.equal(s.setsize, s.total);
    assert.deepEqual(s.bad, []);
    await page.evaluate(() => { const pane = document.querySelector('.results-pane'); pane.scrollTop = pane.scrollHeight / 2; });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="diagnostic"]')].some((li) => Number(li.getAttribute('aria-posinset')) > 1000));
    s = await listAgainstLint();
    assert.deepEqual(s.bad, []);
  });

  test('the editor: what it holds around its viewport is what lint() reports there (after scrolling too)', async () => {
    const check = () => page.evaluate(() => {
      const h = window.__mtasts;
      const pub = h.validator.lint(h.view.state.doc.toString(), { kind: 'auto' }).diagnostics;
      const [lo, hi] = h.editorDiagnostics.window;
      const want = pub.filter((d) => d.to >= lo - 2 && d.from <= hi + 2);
      const shown = h.editorDiagnostics.shown;
      const bad = [];
      shown.forEach((s, k) => {
        const d = want[k];
        const ok = d && s.severity === d.severity && s.message === d.message && s.markClass === `mtasts-${d.code}` &&
          s.from >= d.from - 2 && s.to <= d.to + 2 && !!s.actions === !!(d.fix && d.fix.edits.length);
        if (!ok) bad.push({ k, shown: { from: s.from, message: s.message }, want: d && { from: d.from, message: d.message } });
      });
      return { shown: shown.length, want: want.length, bad };
    });
    let s = await check();
    assert.ok(s.shown > 5);
    assert.deepEqual(s, { ...s, shown: s.want, bad: [] });
    await page.evaluate(() => { const v = window.__mtasts.view; v.scrollDOM.scrollTop = v.scrollDOM.scrollHeight * 0.6; });
    await page.waitForFunction(() => window.__mtasts.editorDiagnostics.window[0] > 10000);
    s = await check();
    assert.deepEqual(s, { ...s, shown: s.want, bad: [] });
  });

  test("a fix from the list changes the text exactly as lint()'s fix says", async () => {
    await page.evaluate(() => { const pane = document.querySelector('.results-pane'); pane.scrollTop = 0; });
    const item = page.locator('[data-testid="diagnostic"][aria-posinset="9"]');
    await item.waitFor({ timeout: 10000 });
    const expected = await page.evaluate(() => {
      const h = window.__mtasts;
      const text = h.view.state.doc.toString();
      const d = h.validator.lint(text, { kind: 'auto' }).diagnostics[8];
      let out = text;
      for (const e of [...d.fix.edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + (e.insert ?? '') + out.slice(e.to);
      return out;
    });
    const n = await lintCount(page);
    await item.locator('.diag-fix').click();
    await waitForLint(page, n);
    assert.equal(await page.evaluate(() => window.__mtasts.view.state.doc.toString()), expected);
  });

  test('no console errors', () => {
    assert.deepEqual(errors, []);
  });
});

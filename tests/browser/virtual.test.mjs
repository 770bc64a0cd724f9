// The diagnostics view at scale (web/src/diagnostics.js): with thousands of diagnostics the list renders only a window
// of items and the editor holds only the diagnostics around its viewport. Nothing may be lost by that: the last
// diagnostic is reachable by scrolling and by the keyboard and selects its place; after scrolling the editor (and
// typing there), the visible lines carry exactly the underlines the validator reports for them. No timing here.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';

import { haveBuild, launch, openPage, fileUrl, lintCount, waitForLint } from './helpers.mjs';

// 3,000 mx lines, each with a mistake: a trailing dot (STS239, RFC 8461 §3.2: a pattern is a domain name without the
// root dot) or a field name in the wrong case (STS214: "mx" is lower case).
function manyMistakes() {
  const lines = ['version: STSv1', 'mode: enforce', 'max_age: 604800'];
  for (let i = 0; i < 3000; i++) lines.push(i % 3 === 2 ? `Mx: c${i}.example.com` : `mx: h${i}.example.com.`);
  return lines.join('\n') + '\n';
}

const skip = !haveBuild() && 'web/dist is not built (npm run build:web)';

describe('thousands of diagnostics', { skip }, () => {
  let browser;
  let page;
  let context;
  let errors;
  let total;
  before(async () => {
    browser = await launch();
    ({ context, page, errors } = await openPage(browser, fileUrl));
    const n = await lintCount(page);
    await page.evaluate((t) => window.__mtasts.setDocument(t, 'policy'), manyMistakes());
    await waitForLint(page, n);
    total = await page.evaluate(() => window.__mtasts.validator.lint(window.__mtasts.view.state.doc.toString(), { kind: 'policy' }).diagnostics.length);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
  });

  test('the last of 3,000 diagnostics is reached by scrolling the list, and clicking it selects its place', async () => {
    assert.ok(total >= 3000, `${total} diagnostics`);
    const last = await page.evaluate(() => {
      const r = window.__mtasts.validator.lint(window.__mtasts.view.state.doc.toString(), { kind: 'policy' });
      const d = r.diagnostics[r.diagnostics.length - 1];
      return { code: d.code, line: d.line, column: d.column };
    });
    assert.equal(await page.$(`[data-testid="diagnostic"][aria-posinset="${total}"]`), null, 'not rendered before scrolling');
    await page.evaluate(() => { const pane = document.querySelector('.results-pane'); pane.scrollTop = pane.scrollHeight; });
    const item = page.locator(`[data-testid="diagnostic"][aria-posinset="${total}"]`);
    await item.waitFor({ timeout: 10000 });
    assert.equal(await item.getAttribute('data-code'), last.code);
    assert.equal(Number(await item.getAttribute('data-line')), last.line);
    assert.equal(Number(await item.getAttribute('aria-setsize')), total);
    await item.locator('.diag-go').click();
    const where = await page.evaluate(() => {
      const v = window.__mtasts.view;
      const head = v.state.selection.main.head;
      const line = v.state.doc.lineAt(head);
      return { line: line.number, column: head - line.from + 1, focused: v.hasFocus };
    });
    assert.deepEqual(where, { line: last.line, column: last.column, focused: true });
  });

  test('Tab walks the list past the rendered window', async () => {
    await page.evaluate(() => { const pane = document.querySelector('.results-pane'); pane.scrollTop = 0; });
    const first = page.locator('[data-testid="diagnostic"][aria-posinset="1"] .diag-go');
    await first.waitFor({ timeout: 10000 });
    const rendered = await page.$$eval('[data-testid="diagnostic"]', (items) => Math.max(...items.map((li) => Number(li.getAttribute('aria-posinset')))));
    await first.focus();
    let pos = 1;
    // Each item has two buttons (go and, for these fixable mistakes, fix).
    for (let k = 0; k < 2 * rendered + 6; k++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const li = document.activeElement && document.activeElement.closest('[data-testid="diagnostic"]');
        return li ? Number(li.getAttribute('aria-posinset')) : 0;
      });
      assert.ok(now === pos || now === pos + 1, `Tab #${k + 1}: from item ${pos} to ${now}`);
      pos = now;
    }
    assert.ok(pos > rendered, `reached item ${pos}, beyond the ${rendered} first rendered`);
  });

  // The lines on screen and the diagnostics the validator reports on them, against the underlines drawn there.
  async function underlinesOnScreen() {
    return page.evaluate(() => {
      const h = window.__mtasts;
      const view = h.view;
      const doc = view.state.doc;
      const r = h.validator.lint(doc.toString(), { kind: 'policy' });
      const expected = new Map(); // line number -> sorted codes
      const lines = [];
      for (const { from, to } of view.visibleRanges) {
        for (let pos = from; pos <= to;) {
          const line = doc.lineAt(pos);
          lines.push(line.number);
          pos = line.to + 1;
        }
      }
      const shown = new Set(lines);
      for (const d of r.diagnostics) if (shown.has(d.line) && d.line > 3) expected.set(d.line, [...(expected.get(d.line) || []), d.code].sort());
      const got = new Map();
      for (const el of view.contentDOM.querySelectorAll('.cm-lintRange, .cm-lintPoint')) {
        const n = doc.lineAt(view.posAtDOM(el, 0)).number;
        if (!shown.has(n) || n <= 3) continue;
        const code = [...el.classList].find((c) => /^mtasts-STS\d+$/.test(c));
        if (code) got.set(n, [...new Set([...(got.get(n) || []), code.slice(7)])].sort());
      }
      return { lines: lines.length, first: lines[0], last: lines[lines.length - 1], expected: [...expected].sort((a, b) => a[0] - b[0]), got: [...got].sort((a, b) => a[0] - b[0]) };
    });
  }

  test('after scrolling the editor, the lines on screen carry the reported underlines; typing there too', async () => {
    await page.evaluate(() => { const v = window.__mtasts.view; v.scrollDOM.scrollTop = v.scrollDOM.scrollHeight; });
    await page.waitForFunction(() => {
      const v = window.__mtasts.view;
      return v.visibleRanges.length && v.visibleRanges[v.visibleRanges.length - 1].to === v.state.doc.length;
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    let s = await underlinesOnScreen();
    assert.ok(s.last > 2900 && s.lines > 5, JSON.stringify({ first: s.first, last: s.last }));
    assert.ok(s.expected.length > 5);
    assert.deepEqual(s.got, s.expected);

    // Type on a visible line: remove the trailing dot of the last "mx: h…." line on screen (its STS239 goes away).
    const target = await page.evaluate(() => {
      const v = window.__mtasts.view;
      const { from, to } = v.visibleRanges[v.visibleRanges.length - 1];
      for (let n = v.state.doc.lineAt(to).number; n > v.state.doc.lineAt(from).number; n--) {
        const line = v.state.doc.line(n);
        if (line.text.startsWith('mx: ') && line.text.endsWith('.')) return { n, to: line.to };
      }
      return null;
    });
    assert.ok(target);
    await page.evaluate(({ to }) => { const v = window.__mtasts.view; v.focus(); v.dispatch({ selection: { anchor: to } }); }, target);
    const n = await lintCount(page);
    await page.keyboard.press('Backspace');
    await waitForLint(page, n);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    s = await underlinesOnScreen();
    assert.ok(!s.expected.some(([line]) => line === target.n), 'the validator no longer reports the fixed line');
    assert.deepEqual(s.got, s.expected);

    // Back to the top: the first lines carry theirs.
    await page.evaluate(() => { window.__mtasts.view.scrollDOM.scrollTop = 0; });
    await page.waitForFunction(() => window.__mtasts.view.visibleRanges[0].from === 0);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    s = await underlinesOnScreen();
    assert.equal(s.first, 1);
    assert.ok(s.expected.length > 5);
    assert.deepEqual(s.got, s.expected);
  });

  test('F8 goes to the next diagnostic anywhere in the text, beyond what the editor holds', async () => {
    // The cursor at the end of a line whose mistake (a trailing dot) ends there: the next diagnostic is on the line
    // after it, far below the part of the text on screen.
    const target = await page.evaluate(() => {
      const v = window.__mtasts.view;
      let n = v.state.doc.lines - 300;
      while (!v.state.doc.line(n).text.endsWith('.')) n--;
      const line = v.state.doc.line(n);
      v.focus();
      v.dispatch({ selection: { anchor: line.to } });
      const r = window.__mtasts.validator.lint(v.state.doc.toString(), { kind: 'policy' });
      const next = r.diagnostics.filter((d) => d.from > line.to).sort((a, b) => a.from - b.from)[0];
      const win = window.__mtasts.editorDiagnostics.window;
      return { line: next.line, after: n, far: !win || line.to > win[1] };
    });
    assert.equal(target.line, target.after + 1);
    assert.ok(target.far, 'the target lies outside the window the editor held');
    await page.keyboard.press('F8');
    const line = await page.evaluate(() => { const v = window.__mtasts.view; return v.state.doc.lineAt(v.state.selection.main.head).number; });
    assert.equal(line, target.line);
  });

  test('a fix from the message of an underline, after a line was added far above it, fixes that underline', async () => {
    await page.evaluate(() => { const v = window.__mtasts.view; v.scrollDOM.scrollTop = v.scrollDOM.scrollHeight; });
    await page.waitForFunction(() => {
      const v = window.__mtasts.view;
      return v.visibleRanges.length && v.visibleRanges[v.visibleRanges.length - 1].to === v.state.doc.length;
    });
    // A new mistake on line 4 shifts every later diagnostic by one in the validator's list; the ones on screen stay
    // the same (same messages, same places).
    const n = await lintCount(page);
    await page.evaluate(() => {
      const v = window.__mtasts.view;
      v.dispatch({ changes: { from: v.state.doc.line(4).from, insert: 'mx: added.example.com.\n' }, userEvent: 'input.paste' });
    });
    await waitForLint(page, n);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const target = await page.evaluate(() => {
      const v = window.__mtasts.view;
      const marks = [...v.contentDOM.querySelectorAll('.cm-lintRange.mtasts-STS239')];
      const visible = marks.filter((m) => { const r = m.getBoundingClientRect(); const s = v.scrollDOM.getBoundingClientRect(); return r.top > s.top + 20 && r.bottom < s.bottom - 60; });
      const m = visible[Math.floor(visible.length / 2)];
      return { line: v.state.doc.lineAt(v.posAtDOM(m, 0)).number, text: v.state.doc.lineAt(v.posAtDOM(m, 0)).text };
    });
    assert.ok(target.text.endsWith('.'), target.text);
    const box = await page.evaluate((line) => {
      const v = window.__mtasts.view;
      const l = v.state.doc.line(line);
      const m = [...v.contentDOM.querySelectorAll('.cm-lintRange.mtasts-STS239')].find((e) => v.posAtDOM(e, 0) >= l.from && v.posAtDOM(e, 0) <= l.to);
      const r = m.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, target.line);
    await page.mouse.move(box.x, box.y);
    await page.waitForSelector('.cm-tooltip-lint .cm-diagnosticAction', { timeout: 5000 });
    const m = await lintCount(page);
    await page.locator('.cm-tooltip-lint .cm-diagnosticAction').first().click();
    await waitForLint(page, m);
    const after = await page.evaluate((line) => { const d = window.__mtasts.view.state.doc; return { fixed: d.line(line).text, added: d.line(4).text }; }, target.line);
    assert.equal(after.fixed, target.text.slice(0, -1), 'the trailing dot of the hovered line is gone');
    assert.equal(after.added, 'mx: added.example.com.', 'the line added above is untouched');
    await page.mouse.move(5, 5);
  });

  test('no console errors', () => {
    assert.deepEqual(errors, []);
  });
});

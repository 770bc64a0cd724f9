// Shared Playwright plumbing for the page tests: Debian's Chromium (never a downloaded browser), an offline context for
// file://, and collectors for requests and console errors.

import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distIndex = join(repo, 'web', 'dist', 'index.html');
export const fileUrl = pathToFileURL(distIndex).href;

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// A policy with the classic mistakes, one per line (RFC 8461 §3.2 ABNF and prose; codes from the catalogue).
export const MISTAKES = [
  'version: STSv1',
  'Mode: enforce', // 2: STS214 field name in wrong case
  '  mx: mail.example.com', // 3: STS210 indented line
  'mx: a.example.com, b.example.com', // 4: STS253 several hosts on one mx line
  'mx: backup.example.net.', // 5: STS239 trailing dot
  '', // 6: STS209 blank line
  '# relay', // 7: STS255 comment line
  'max_age: 1w', // 8: STS229 invalid max_age
].join('\n') + '\n';

export const EXPECTED = ['STS214@2', 'STS210@3', 'STS253@4', 'STS239@5', 'STS209@6', 'STS255@7', 'STS229@8'];

export function haveBuild() {
  return existsSync(distIndex);
}

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

// Opens the page and records every request and every console error / uncaught exception.
// origin: 'file' (offline context) or the server's base URL.
export async function openPage(browser, url, { offline = true, colorScheme = 'light', viewport = { width: 1280, height: 860 }, permissions } = {}) {
  const context = await browser.newContext({ offline, colorScheme, viewport, permissions });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const consoleLines = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    consoleLines.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push('pageerror: ' + (e && e.message)));
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  return { context, page, requests, errors, consoleLines };
}

// The diagnostics list as the user sees it.
export function listed(page) {
  return page.$$eval('[data-testid="diagnostic"]', (items) => items.map((li) => ({
    code: li.dataset.code,
    severity: li.dataset.severity,
    line: Number(li.dataset.line),
    column: Number(li.dataset.column),
    text: li.querySelector('.diag-msg').textContent,
    fixable: !li.querySelector('.diag-fix').hidden,
  })));
}

// The text under the underlines of one code (CodeMirror may split a marked range into several elements).
export function underlined(page, code) {
  return page.$$eval(`.cm-lintRange.mtasts-${code}`, (els) => els.map((e) => e.textContent));
}

// Waits until the page has linted at least once more than `before` (the page counts its lints in window.__mtasts).
export function lintCount(page) {
  return page.evaluate(() => window.__mtasts.lintCount);
}

export async function waitForLint(page, before) {
  await page.waitForFunction((n) => window.__mtasts.lintCount > n, before);
}

// Replaces the editor's text by typing it, as a user would (select all, delete, type).
export async function typeText(page, text) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

// Replaces the editor's text by pasting it (select all, then a paste event carrying text/plain), as a user would.
export async function pasteText(page, text) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    window.__mtasts.view.contentDOM.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

export async function editorText(page) {
  return page.evaluate(() => window.__mtasts.view.state.doc.toString());
}

// Lines of "code@line" pairs, for compact assertions.
export function pairs(items) {
  return items.map((d) => `${d.code}@${d.line}`);
}

// Every request must stay on the page's own origin (file: or the local server).
export function foreignRequests(requests, allowedPrefix) {
  return requests.filter((u) => !u.startsWith(allowedPrefix) && !u.startsWith('data:'));
}

#!/usr/bin/env node
// Measures the page (web/dist, opened from file:// in Debian's Chromium, offline):
//   1. keystroke -> updated underlines and list, for a typical policy and five 64 KiB texts (goal: median <= 16 ms,
//      p95 <= 25 ms): valid mx lines; (a) common mistakes; (b) a paste of tool output (dig, zone file, curl parts from
//      tests/fixtures/paste/); (c) short wrong lines, over 12,000 diagnostics. Three ways:
//      - key:   real key presses (Playwright/CDP); from the keydown event's timestamp to the end of the lint that
//               follows it: text extraction, wasm lint, conversion, CodeMirror decorations + gutter, list and facts DOM;
//      - sync:  an input transaction dispatched in the page; from just before the dispatch to the end of that lint;
//      - frame: the same, until the next animation frame has run (rendering of the frame that shows the underlines);
//   2. the pipeline alone (hooks.lastLintMs) and the validator call alone;
//   3. where a keystroke's time goes: the page's own split of the lint (validator, conversion, CodeMirror update, list
//      and facts DOM) and, from a Chromium trace of real key presses (devtools.timeline), the main thread's self time
//      per keystroke in script, style, layout and paint;
//   4. the page's transfer size: every file of web/dist, raw and gzip.
// Prints a table and writes bench/results-page.json. A measurement, not a test: it never fails on the budget.
//
// Usage: node scripts/page-latency.mjs [--runs N] [--warmup N] [--cases a,b,...] [--no-trace] [--out bench/results-page.json]
//        [--dist web/dist]
//        node scripts/page-latency.mjs --ab DIR,DIR[,...] [--cases c] [--rounds 12]
//   --ab: builds of the page side by side in one browser, in interleaved rounds of 10 real key presses each (after 2
//   warm-up rounds), so that every build sees the same load: key press median and p95 and the lint's split per build.

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
// --dist DIR: measure another build of the page (e.g. a copy of the old web/dist, to alternate old and new).
const dist = resolve(repo, opt('--dist', join('web', 'dist')));
const RUNS = Number(opt('--runs', 60));
const WARMUP = Number(opt('--warmup', 30)); // unmeasured keystrokes first: JIT tiers (JS and wasm) settle, as in real typing
const OUT = resolve(repo, opt('--out', 'bench/results-page.json'));
const BUDGET_MS = 16;
const GOAL = { medianMs: 16, p95Ms: 25 }; // keystroke to updated underlines and list, for the 64 KiB texts
const ONLY = opt('--cases', '') ? new Set(opt('--cases', '').split(',')) : null;
const TRACE = !args.includes('--no-trace');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(join(dist, 'index.html'))) {
  console.error('bench:page: web/dist/index.html is missing; run "npm run build:web" first.');
  process.exit(2);
}

// ---- inputs ----

const typical = readFileSync(join(repo, 'web', 'examples', 'google-workspace.txt'), 'utf8');

function policyOfSize(bytes, lineAt) {
  let text = 'version: STSv1\nmode: enforce\nmax_age: 1209600\n';
  for (let i = 0; ; i++) {
    const line = lineAt(i);
    if (Buffer.byteLength(text + line) > bytes) break;
    text += line;
  }
  return text;
}
// 64 KiB of valid mx lines (few diagnostics) and 64 KiB of common mistakes (thousands of diagnostics).
const big = policyOfSize(65536, (i) => `mx: mx${i}.mail.example.com\n`);
const MISTAKES = ['  mx: a{i}.example.com\n', 'mx: b{i}.example.com, c{i}.example.com\n', 'mx: d{i}.example.com.\n', '# note {i}\n', '\n', 'Mx: e{i}.example.com\n'];
const bigBad = policyOfSize(65536, (i) => MISTAKES[i % MISTAKES.length].replaceAll('{i}', String(i)));
// (b) 64 KiB of pasted tool output: the fixtures' dig, zone-file and curl outputs one after the other, repeated (a
// bundle: records, MX answers, zone records, HTTP responses with policies). The keystroke goes into the first TXT
// record (line 2 of combined.txt).
const pasteDir = join(repo, 'tests', 'fixtures', 'paste');
const PASTE_PARTS = ['combined', 'dig-full', 'dig-short', 'dig-multiline', 'zone-bind', 'curl-i', 'curl-v', 'curl-head']
  .map((f) => readFileSync(join(pasteDir, `${f}.txt`), 'utf8'));
let paste = '';
for (let i = 0; Buffer.byteLength(paste + PASTE_PARTS[i % PASTE_PARTS.length]) <= 65536; i++) paste += PASTE_PARTS[i % PASTE_PARTS.length];
// (c) short lines, each with two mistakes (field name case, trailing dot): over 12,000 diagnostics.
const manyDiags = policyOfSize(65536, (i) => `Mx: a${i}.\n`);

// [id, name, text, line typed on, goal]
const CASES = [
  ['typical', 'typical policy', typical, 3, null],
  ['valid', '64 KiB policy (valid mx lines)', big, 3, GOAL],
  ['a', '64 KiB policy (common mistakes)', bigBad, 3, GOAL],
  ['b', '64 KiB paste of tool output', paste, 2, GOAL],
  ['c', '64 KiB, 12,000+ diagnostics', manyDiags, 3, GOAL],
];

// ---- helpers ----

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  const r = (x) => Math.round(x * 100) / 100;
  return { n: s.length, median: r(q(0.5)), p95: r(q(0.95)), max: r(s[s.length - 1]), min: r(s[0]) };
};

// Main-thread self time per category, from a Chromium trace (devtools.timeline): events nest (a forced layout inside a
// script, a microtask inside an event), so each event counts only the time not covered by the events inside it.
const TRACE_CATEGORY = {
  EventDispatch: 'script', FunctionCall: 'script', RunMicrotasks: 'script', TimerFire: 'script', FireAnimationFrame: 'script',
  EvaluateScript: 'script', 'v8.callFunction': 'script', RunTask: 'other',
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', ParseAuthorStyleSheet: 'style',
  Layout: 'layout', UpdateLayout: 'layout',
  PrePaint: 'paint', Paint: 'paint', PaintImage: 'paint', Layerize: 'paint', 'Commit': 'paint', UpdateLayerTree: 'paint',
  HitTest: 'other', ScrollLayer: 'other',
};
function traceBreakdown(buffer, keystrokes) {
  const events = JSON.parse(buffer.toString('utf8'));
  const list = Array.isArray(events) ? events : events.traceEvents;
  const names = list.filter((e) => e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const main = new Set(names);
  const xs = list.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && TRACE_CATEGORY[e.name] && e.dur >= 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = { script: 0, style: 0, layout: 0, paint: 0, other: 0 };
  const stack = [];
  for (const e of xs) {
    const end = e.ts + e.dur;
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self[TRACE_CATEGORY[parent.e.name]] -= Math.min(e.dur, parent.end - e.ts);
    self[TRACE_CATEGORY[e.name]] += e.dur;
    stack.push({ e, end });
  }
  const out = {};
  for (const [k, v] of Object.entries(self)) out[k] = Math.round((v / 1000 / keystrokes) * 100) / 100;
  return out;
}

async function measure(page, browser, [id, name, text, lineNo, goal]) {
  await page.evaluate((t) => window.__mtasts.setDocument(t, 'auto'), text);
  await page.waitForTimeout(100);
  const info = await page.evaluate(() => {
    const r = window.__mtasts.validator.lint(window.__mtasts.view.state.doc.toString(), { kind: 'auto' });
    return { bytes: new TextEncoder().encode(window.__mtasts.view.state.doc.toString()).length, lines: window.__mtasts.view.state.doc.lines, diagnostics: r.diagnostics.length, kind: r.kind };
  });

  // Validator call alone: the public lint(), and the page's own call (web/src/compact.js: diagnostics built on demand;
  // here the editor's window of them, ~150), in alternating rounds. (An older page has no hooks.lintText.)
  const [lintOnly, pageLintOnly] = await page.evaluate((runs) => {
    const h = window.__mtasts;
    const v = h.validator;
    const t = h.view.state.doc.toString();
    const pub = [];
    const own = [];
    for (let i = 0; i < runs * 2; i++) {
      let t0 = performance.now();
      v.lint(t, { kind: 'auto' });
      if (i >= runs) pub.push(performance.now() - t0);
      if (!h.lintText) continue;
      t0 = performance.now();
      const r = h.lintText(t);
      for (let k = 0; k < 150 && k < r.diagnostics.length; k++) r.diagnostics.at(k);
      if (i >= runs) own.push(performance.now() - t0);
    }
    return [pub, own];
  }, RUNS);

  // sync + frame: an input transaction dispatched in the page, at the end of line 3 (the max_age line, whose
  // diagnostic appears and disappears with every keystroke: the editor's decorations really change each time; in the
  // paste, line 2: the _mta-sts record).
  const inPage = await page.evaluate(async ({ runs, warmup, lineNo }) => {
    const h = window.__mtasts;
    const view = h.view;
    const sync = [];
    const frame = [];
    const pipeline = [];
    const parts = { text: [], validator: [], convert: [], editor: [], list: [] };
    const held = [];
    for (let i = 0; i < warmup + runs; i++) {
      const pos = view.state.doc.line(lineNo).to;
      const insert = i % 2 === 0;
      const before = h.lintCount;
      const t0 = performance.now();
      view.dispatch(insert
        ? { changes: { from: pos, insert: 'x' }, selection: { anchor: pos + 1 }, userEvent: 'input.type' }
        : { changes: { from: pos - 1, to: pos }, selection: { anchor: pos - 1 }, userEvent: 'delete.backward' });
      await null; // the page lints in a microtask queued by the transaction
      while (h.lintCount === before) await new Promise((r) => setTimeout(r, 0)); // (only if it chose to debounce)
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => r()));
      const t2 = performance.now();
      if (i >= warmup) {
        sync.push(t1 - t0);
        frame.push(t2 - t0);
        pipeline.push(h.lastLintMs);
        for (const k of Object.keys(parts)) parts[k].push(h.lastBreakdown[k]);
        held.push(h.editorDiagnostics ? h.editorDiagnostics.stats.windowSize : 0);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    return { sync, frame, pipeline, parts, held };
  }, { runs: RUNS, warmup: WARMUP, lineNo });

  // key: real key presses at the end of line 3 (2 in the paste), under a Chromium trace.
  await page.evaluate((n) => {
    const view = window.__mtasts.view;
    view.focus();
    view.dispatch({ selection: { anchor: view.state.doc.line(n).to }, scrollIntoView: true });
    window.__mtasts.keyLatencies.length = 0;
  }, lineNo);
  await page.waitForTimeout(50);
  if (TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  for (let i = 0; i < RUNS; i++) { // (already warm from the series above)
    const before = await page.evaluate(() => window.__mtasts.lintCount);
    await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
    await page.waitForFunction((n) => window.__mtasts.lintCount > n, before);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r()))); // the frame that shows it
  }
  const trace = TRACE ? traceBreakdown(await browser.stopTracing(), RUNS) : null;
  const key = await page.evaluate(() => [...window.__mtasts.keyLatencies]);

  return {
    id, name, ...info, goal,
    keystrokeToUnderlines: { key: stats(key), sync: stats(inPage.sync), frame: stats(inPage.frame) },
    pipeline: stats(inPage.pipeline),
    // Medians of the lint's parts (ms): text extraction, wasm validator call, conversion to CodeMirror diagnostics,
    // CodeMirror update (decorations, gutter), list + summary + facts DOM.
    pipelineParts: Object.fromEntries(Object.entries(inPage.parts).map(([k, v]) => [k, stats(v).median])),
    pipelineP95: Object.fromEntries(Object.entries(inPage.parts).map(([k, v]) => [k, stats(v).p95])),
    // How many diagnostics the editor held (those around its viewport; web/src/diagnostics.js), of `diagnostics`.
    editorHeld: stats(inPage.held).median,
    // Main-thread self time per real keystroke (ms), Chromium trace: script (the lint, CodeMirror, the list), style,
    // layout, paint (pre-paint, paint, layerize, commit).
    trace,
    validatorOnly: stats(lintOnly),
    pageValidatorOnly: pageLintOnly.length ? stats(pageLintOnly) : null,
  };
}

function transferSize() {
  const files = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const buf = readFileSync(p);
        files.push({ file: relative(repo, p), bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
      }
    }
  };
  walk(dist);
  return { files, totalBytes: files.reduce((n, f) => n + f.bytes, 0), totalGzip: files.reduce((n, f) => n + f.gzip, 0) };
}

// ---- run ----

// --ab: the builds side by side (see the usage above); prints and exits.
async function compareBuilds(dirs) {
  const rounds = Number(opt('--rounds', 12));
  const per = 10;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const load0 = loadavg()[0];
  for (const [id, name, text, lineNo] of CASES) {
    if (ONLY ? !ONLY.has(id) : id !== 'c') continue;
    const pages = [];
    for (const d of dirs) {
      const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(resolve(repo, d), 'index.html')).href);
      await page.waitForSelector('html[data-ready="true"]');
      await page.evaluate((t) => window.__mtasts.setDocument(t, 'auto'), text);
      await page.waitForTimeout(200);
      await page.evaluate((n) => { const v = window.__mtasts.view; v.focus(); v.dispatch({ selection: { anchor: v.state.doc.line(n).to }, scrollIntoView: true }); }, lineNo);
      pages.push({ d, page, key: [], parts: { validator: [], editor: [], list: [], total: [] } });
    }
    for (let round = 0; round < rounds + 2; round++) {
      for (const p of pages) {
        await p.page.evaluate(() => { window.__mtasts.keyLatencies.length = 0; });
        const parts = [];
        for (let i = 0; i < per; i++) {
          const before = await p.page.evaluate(() => window.__mtasts.lintCount);
          await p.page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
          await p.page.waitForFunction((n) => window.__mtasts.lintCount > n, before);
          parts.push(await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => { const h = window.__mtasts; r({ ...h.lastBreakdown, total: h.lastLintMs }); }))));
        }
        const key = await p.page.evaluate(() => [...window.__mtasts.keyLatencies]);
        if (round >= 2) {
          p.key.push(...key);
          for (const x of parts) for (const k of Object.keys(p.parts)) p.parts[k].push(x[k]);
        }
      }
    }
    console.log(`${name}: ${rounds} interleaved rounds of ${per} real key presses per build (ms)`);
    for (const p of pages) {
      const k = stats(p.key);
      const m = Object.fromEntries(Object.entries(p.parts).map(([n, xs]) => [n, stats(xs)]));
      console.log(`  ${p.d.padEnd(28)} key press median ${k.median}, p95 ${k.p95} | medians: validator ${m.validator.median}, editor ${m.editor.median}, list ${m.list.median}, lint ${m.total.median} (p95 ${m.total.p95})`);
    }
    for (const p of pages) await p.page.context().close();
  }
  await browser.close();
  console.log(`1-minute load average: ${load0.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after.`);
}
if (opt('--ab', '')) {
  await compareBuilds(opt('--ab', '').split(','));
  process.exit(0);
}

const loadBefore = loadavg()[0];
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 860 } });
const page = await context.newPage();
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
const t0 = Date.now();
await page.goto(pathToFileURL(join(dist, 'index.html')).href);
await page.waitForSelector('html[data-ready="true"]');
const loadMs = Date.now() - t0;

const cases = [];
for (const c of CASES) {
  if (ONLY && !ONLY.has(c[0])) continue;
  cases.push(await measure(page, browser, c));
}
const chromiumVersion = browser.version();
await browser.close();

let commit = null;
try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { /* no commit yet */ }

const size = transferSize();
const result = {
  date: new Date().toISOString(),
  commit,
  environment: {
    chromium: chromiumVersion, node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, runs: RUNS, warmup: WARMUP,
    loadAverage1m: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0] * 100) / 100 },
  },
  budgetMs: BUDGET_MS,
  goal: GOAL,
  pageLoadMs: loadMs,
  cases,
  transfer: size,
  consoleErrors,
};
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');

// ---- print ----

const f = (s) => `${String(s.median).padStart(6)} ${String(s.p95).padStart(6)} ${String(s.max).padStart(6)}`;
console.log(`Chromium ${chromiumVersion}, ${RUNS} runs each; times in ms as median / p95 / max; goal for the 64 KiB texts: median <= ${GOAL.medianMs} ms, p95 <= ${GOAL.p95Ms} ms from keystroke (real key press) to updated underlines and list.`);
console.log('');
console.log(`${'case'.padEnd(32)} ${'bytes'.padStart(6)} ${'diags'.padStart(6)} | ${'key (real keypress)'.padEnd(20)} | ${'sync (dispatch)'.padEnd(20)} | ${'to next frame'.padEnd(20)} | ${'validator only'.padEnd(20)}`);
for (const c of cases) {
  const k = c.keystrokeToUnderlines;
  const g = c.goal || GOAL;
  const ok = k.key.median <= g.medianMs && k.key.p95 <= g.p95Ms ? 'within the goal' : 'OVER THE GOAL';
  console.log(`${c.name.padEnd(32)} ${String(c.bytes).padStart(6)} ${String(c.diagnostics).padStart(6)} | ${f(k.key)} | ${f(k.sync)} | ${f(k.frame)} | ${f(c.validatorOnly)}   ${c.goal ? ok : ''}`);
}
console.log('');
console.log("The page's validator call alone (diagnostics on demand, 150 of them built), median / p95 / max:");
for (const c of cases) if (c.pageValidatorOnly) console.log(`  ${c.name.padEnd(32)} ${f(c.pageValidatorOnly)}   (public lint(): ${f(c.validatorOnly)})`);
console.log('');
console.log('Lint pipeline after a keystroke (median ms): text / validator / convert / editor update / list+facts DOM');
for (const c of cases) {
  const p = c.pipelineParts;
  console.log(`  ${c.name.padEnd(32)} ${[p.text, p.validator, p.convert, p.editor, p.list].map((x) => String(x).padStart(5)).join(' /')}   total ${c.pipeline.median} (p95 ${c.pipeline.p95}); the editor held ${c.editorHeld} of ${c.diagnostics}`);
}
if (TRACE) {
  console.log('');
  console.log('Chromium trace of the real key presses, main-thread self time per keystroke (ms): script / style / layout / paint / other');
  for (const c of cases) {
    const t = c.trace;
    console.log(`  ${c.name.padEnd(32)} ${[t.script, t.style, t.layout, t.paint, t.other].map((x) => String(x).padStart(5)).join(' /')}`);
  }
}
console.log('');
console.log('Transfer size (web/dist, gzip -9):');
for (const x of size.files) console.log(`  ${x.file.padEnd(24)} ${String(x.bytes).padStart(8)} B   gzip ${String(x.gzip).padStart(7)} B`);
console.log(`  ${'total'.padEnd(24)} ${String(size.totalBytes).padStart(8)} B   gzip ${String(size.totalGzip).padStart(7)} B  (${(size.totalGzip / 1024).toFixed(1)} KiB)`);
console.log(`Page load to first lint (file://): ${loadMs} ms.${consoleErrors.length ? ` Console errors: ${consoleErrors.length}!` : ''}`);
const busy = Math.max(loadBefore, loadavg()[0]);
console.log(`1-minute load average: ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after.`);
if (busy > cpus().length) console.log(`Note: the machine was busy (1-minute load average ${busy.toFixed(1)} on ${cpus().length} CPUs); figures are pessimistic, rerun when idle.`);
console.log(`Wrote ${relative(process.cwd(), OUT)}`);

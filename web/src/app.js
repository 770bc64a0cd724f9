// The page of mta-sts-lint: a CodeMirror 6 editor linted as you type by the WebAssembly validator, a list of the
// diagnostics, the facts a sender would use, fixes, examples and a shareable link. Bundled by web/build.mjs into one
// classic script (no ES module page: Chromium refuses module scripts from file://).
//
// Rule for everything below: user text reaches the DOM only through textContent / value, never as HTML.

import { EditorState, ChangeSet, Compartment } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, Decoration,
  MatchDecorator, ViewPlugin, tooltips,
} from '@codemirror/view';
import { history as undoHistory, historyKeymap, defaultKeymap, insertNewline } from '@codemirror/commands';
import { linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { createValidator } from 'mtasts-validator';
import { showCertificates } from './certs.js';

import {
  KIND_LABEL, MODE_EXPLANATION, summaryText, foundParts, maxAgeText, fieldPairs, widenSpan, compatibleEdits,
  encodeFragment, decodeFragment, fragmentView,
} from './format.js';
import { EXAMPLES } from './examples.js';
import { chooseLang, applyStatic, intlDuration, WORDS } from './i18n.js';
import { initGenerator } from './generator.js';
import { initDmarcGenerator } from './dmarc.js';
import { EditorDiagnostics, DiagnosticsList } from './diagnostics.js';
import { lintCompact } from './compact.js';

/* global __CSP_NONCE__, __VERSION__ */
const NONCE = typeof __CSP_NONCE__ === 'string' ? __CSP_NONCE__ : '';

// Lint at once (in a microtask after the keystroke's transaction) below this size; above it, at once too while a lint
// costs less than a frame and a half on average (well under the interval of fast typing). A costlier lint runs right
// after the frame that shows the typed character (keys typed meanwhile share one lint); only a lint that costs more
// than AFTER_PAINT_LINT_MS waits for a pause in the typing (docs/performance.md, "page").
const INSTANT_LINT_BYTES = 16 * 1024;
const INSTANT_LINT_MS = 24;
const AFTER_PAINT_LINT_MS = 100;
const MAX_FACT_ITEMS = 200;
const FIX_ALL_ROUNDS = 5;

const $ = (id) => document.getElementById(id);

const hooks = {
  // Instrumentation read by scripts/page-latency.mjs and tests/browser: honest wall-clock figures of the pipeline.
  lastLintMs: 0, // text extraction + wasm lint + conversion + CodeMirror update + list/facts DOM update
  averageLintMs: 0,
  lastKeyToLintMs: 0, // from the keydown event's timestamp to the end of the lint that follows it
  keyLatencies: [],
  lintCount: 0,
};
window.__mtasts = hooks;

let validator = null;
let view = null;
let currentKind = 'auto';
let verbose = false;
let lastResult = null;
let rulesByCode = new Map();
let userEdited = false;
let currentView = 'validate'; // or 'generate'
// The page's language: the fragment's l=, else navigator.languages (web/src/i18n.js). W: its words (null: English).
const browserLang = chooseLang('', navigator.languages);
let lang = chooseLang(location.hash, navigator.languages);
let W = WORDS[lang];
const originalTexts = new Map();
const langListeners = [];

// ---- CodeMirror state: what changed since the last lint (to map fix positions) ----

// The changes typed since the text was last linted: fix edits and list positions refer to the linted text and are
// mapped through these.
let sinceLint = ChangeSet.empty(0);

// What the editor shows of the diagnostics (web/src/diagnostics.js): the ones around its viewport.
const editorDiagnostics = new EditorDiagnostics();
let diagnosticsList = null;

// ---- Light token colouring (field names, comment lines), without a parser ----

const tokenMarks = {
  key: Decoration.mark({ class: 'tok-key' }),
  comment: Decoration.mark({ class: 'tok-comment' }),
};
const tokenMatcher = new MatchDecorator({
  regexp: /^(?:#|\/\/).*|^[A-Za-z0-9_.-]+(?=[ \t]*:)|(?:^"?|;[ \t]*)[A-Za-z0-9_.-]+(?==)/g,
  decorate(add, from, to, match) {
    const s = match[0];
    if (s[0] === '#' || s[0] === '/') { add(from, to, tokenMarks.comment); return; }
    const skip = s.search(/[A-Za-z0-9_.-]/);
    if (to > from + skip) add(from + skip, to, tokenMarks.key);
  },
});
const tokenPlugin = ViewPlugin.fromClass(class {
  constructor(v) { this.decorations = tokenMatcher.createDeco(v); }
  update(u) { this.decorations = tokenMatcher.updateDeco(u, this.decorations); }
}, { decorations: (p) => p.decorations });

// ---- Theme: CSS variables from style.css, so light and dark follow prefers-color-scheme ----

const editorTheme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--editor-bg)', height: '100%', fontSize: '0.95rem' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--fg)', padding: '6px 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'var(--selection) !important' },
  '.cm-gutters': { backgroundColor: 'var(--gutter-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--fg)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel-bg)', color: 'var(--fg)', border: '1px solid var(--border)', borderRadius: '6px' },
  '.cm-tooltip-lint': { maxWidth: '34rem' },
  '.cm-diagnostic': { fontFamily: 'var(--sans)', whiteSpace: 'normal' },
  '.cm-diagnosticSource': { fontFamily: 'var(--mono)', opacity: '0.8' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--action-bg)', color: 'var(--action-fg)', borderRadius: '4px' },
});
const themeCompartment = new Compartment();
// The editor's own words follow the page's language (setLang): its accessible name, and CodeMirror's phrases (the
// lint panel's "Diagnostics" and "close", "Selection deleted" for screen readers, "Control character").
const attributesCompartment = new Compartment();
const editorAttributes = () => [
  EditorView.contentAttributes.of({
    'aria-label': W ? W.editorLabel : 'Policy or record text to check',
    'aria-describedby': 'summary',
    spellcheck: 'false',
    autocorrect: 'off',
    autocapitalize: 'off',
    translate: 'no',
  }),
  W ? EditorState.phrases.of(W.editorPhrases) : [],
];
const darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
const isDark = () => !!(darkQuery && darkQuery.matches);

// ---- Linting ----

let lintQueued = false;
let coldLint = false; // the next lint follows a wholesale replacement of the text
let lintTimer = 0; // a debounced lint, or the lint after the next paint (with lintAfterPaint)
let lintFrame = 0;
let lintAfterPaint = false;
let pendingKeyTs = 0; // timestamp of the last keydown not yet followed by a document change
let lintKeyTs = 0; // timestamp of the keydown whose change the next lint will show

function cancelScheduledLint() {
  clearTimeout(lintTimer);
  lintTimer = 0;
  if (lintFrame) cancelAnimationFrame(lintFrame);
  lintFrame = 0;
  lintAfterPaint = false;
}

function scheduleLint() {
  if (!validator) return;
  const len = view.state.doc.length;
  const avg = hooks.averageLintMs;
  if (len <= INSTANT_LINT_BYTES || avg < INSTANT_LINT_MS) {
    cancelScheduledLint();
    // A microtask: the lint runs right after the keystroke's transaction, before the next frame is painted.
    if (!lintQueued) {
      lintQueued = true;
      queueMicrotask(() => { if (lintQueued) runLint(); });
    }
  } else if (avg < AFTER_PAINT_LINT_MS) {
    if (lintAfterPaint) return; // already due after the next paint: it will see this change too
    cancelScheduledLint();
    lintAfterPaint = true;
    // After the frame's callbacks the frame is painted; the timeout runs next. (A hidden page gets no frames: the
    // plain timeout then lints anyway.)
    lintFrame = requestAnimationFrame(() => {
      lintFrame = 0;
      clearTimeout(lintTimer);
      lintTimer = setTimeout(() => { lintTimer = 0; runLint(); }, 0);
    });
    lintTimer = setTimeout(() => { lintTimer = 0; runLint(); }, 100);
  } else {
    cancelScheduledLint();
    lintTimer = setTimeout(() => { lintTimer = 0; runLint(); }, Math.min(400, Math.max(30, Math.round(avg * 2))));
  }
}

// Per-code strings, built once (a 64 KiB policy can carry thousands of diagnostics per keystroke).
const codeInfo = new Map();
function infoFor(code) {
  let info = codeInfo.get(code);
  if (!info) {
    const rule = rulesByCode.get(code);
    info = { source: rule && rule.reference ? `${code} · ${rule.reference}` : code, markClass: 'mtasts-' + code };
    codeInfo.set(code, info);
  }
  return info;
}

// One diagnostic in CodeMirror's shape, made only when the editor is given it (web/src/diagnostics.js: the ones around
// its viewport), not for each of thousands on every keystroke.
function toCmDiagnostic(d, i, text) {
  let from = d.from;
  let to = d.to;
  if (to <= from || to - from < 3) [from, to] = widenSpan(text, from, to); // only short spans can be invisible
  const info = infoFor(d.code);
  const cm = { from, to, severity: d.severity, message: d.message, source: info.source, markClass: info.markClass };
  if (d.fix && d.fix.edits && d.fix.edits.length) {
    // By index into the latest result: the editor may keep showing this object after later lints that found the
    // same diagnostics around its viewport (web/src/diagnostics.js updates ref.index then), whose fix positions are newer.
    const ref = { index: i };
    cm.ref = ref;
    cm.actions = [{ name: d.fix.title || 'Fix', apply: () => { const cur = lastResult.diagnostics.at(ref.index); if (cur && cur.fix) applyFix(cur.fix); } }];
  }
  return cm;
}

// The validator's result with its diagnostics as a CompactDiagnostics (web/src/compact.js): built as objects only
// when the editor, the list or a fix asks for one (a 64 KiB text can carry 12,000 of them).
function lintText(text) {
  return lintCompact(validator, text, { kind: currentKind, verbose, lang });
}

function runLint() {
  if (!validator || !view) return;
  const t0 = performance.now();
  lintQueued = false;
  cancelScheduledLint();
  const keyTs = lintKeyTs;
  lintKeyTs = 0;
  const state = view.state;
  const text = state.doc.toString();
  const tText = performance.now();
  let result;
  try {
    result = lintText(text);
  } catch (err) {
    showFailure(W ? W.validatorFailed : 'The validator failed on this text', err);
    return;
  }
  const tLint = performance.now();
  lastResult = result;
  showCertificates(validator, text, lang); // a pasted certificate or s_client capture: its table (web/src/certs.js)
  sinceLint = ChangeSet.empty(text.length);
  const tConvert = performance.now(); // (the conversion is now part of the editor's update, for what it holds)
  // (The editor before the list: the other order, tried, made CodeMirror's update lay out the list's changes too when it
  // reads the DOM selection, and cost more: docs/performance.md.)
  editorDiagnostics.set(result.diagnostics, (d, i) => toCmDiagnostic(d, i, text));
  hooks.lastResult = result; // (tests/browser/compact.test.mjs compares it with validator.lint())
  const tEditor = performance.now();
  renderResult(result);
  const t1 = performance.now();
  hooks.lastLintMs = t1 - t0;
  // A smoothed cost decides between linting at once and debouncing. The first lint of a text loaded wholesale (an
  // example, a link) also builds the editor's and the list's DOM from scratch: it is not what a keystroke costs.
  if (!coldLint) hooks.averageLintMs = hooks.averageLintMs === 0 ? hooks.lastLintMs : 0.75 * hooks.averageLintMs + 0.25 * hooks.lastLintMs;
  coldLint = false;
  hooks.lastBreakdown = { text: tText - t0, validator: tLint - tText, convert: tConvert - tLint, editor: tEditor - tConvert, list: t1 - tEditor };
  hooks.lintCount++;
  if (keyTs) {
    hooks.lastKeyToLintMs = t1 - keyTs;
    hooks.keyLatencies.push(hooks.lastKeyToLintMs);
    if (hooks.keyLatencies.length > 200) hooks.keyLatencies.shift();
  }
  if (userEdited) scheduleFragmentUpdate();
}

// ---- Fixes ----

// Applies one diagnostic's fix. The edits are positions in the text that was linted; map them through whatever was
// typed since (a large document may be linted with a delay), and refuse when the typing touched them.
function applyFix(fix) {
  const changes = sinceLint;
  const specs = [];
  for (const e of fix.edits) {
    if (!changes.empty && changes.touchesRange(e.from, e.to)) { runLint(); return false; }
    const from = changes.mapPos(e.from, 1);
    specs.push({ from, to: Math.max(from, changes.mapPos(e.to, -1)), insert: e.insert ?? '' });
  }
  specs.sort((a, b) => a.from - b.from);
  const first = specs.length ? specs[0].from : view.state.selection.main.head;
  userEdited = true;
  view.dispatch({ changes: specs, selection: { anchor: first }, userEvent: 'input.fix', scrollIntoView: true });
  runLint();
  view.focus();
  return true;
}

// Applies every fix: compatible (non-overlapping) edits together, then re-lint and repeat until nothing is left to fix
// or a few rounds have passed. All rounds become one transaction, so one undo restores the text.
function fixAll() {
  if (!validator) return;
  if (!sinceLint.empty) runLint();
  let doc = view.state.doc;
  let fixes = lastResult ? lastResult.diagnostics.fixes() : [];
  let total = null;
  for (let round = 0; round < FIX_ALL_ROUNDS; round++) {
    const edits = compatibleEdits(fixes);
    if (!edits.length) break;
    const cs = ChangeSet.of(edits, doc.length);
    total = total ? total.compose(cs) : cs;
    doc = cs.apply(doc);
    // The public lint() here (every fix is wanted): the page's compact results stay its latest lint's (compact.js).
    fixes = validator.lint(doc.toString(), { kind: currentKind, verbose, lang }).diagnostics.filter((d) => d.fix).map((d) => d.fix);
  }
  if (total) {
    userEdited = true;
    view.dispatch({ changes: total, userEvent: 'input.fix' });
    runLint();
  }
  view.focus();
}

// ---- Rendering the result (textContent only) ----

const els = {};

function setText(el, text) { if (el.textContent !== text) el.textContent = text; }

function renderResult(result) {
  const summary = W ? W.summary(result, verbose) : summaryText(result, { verbose });
  setText(els.summary, summary);
  const cls = 'summary ' + (result.errorCount ? 'summary-invalid' : result.warningCount ? 'summary-warn' : 'summary-valid');
  if (els.summary.className !== cls) els.summary.className = cls;
  const kindLabel = (W ? W.kind : KIND_LABEL)[result.kind] || result.kind;
  setText(els.detected, currentKind === 'auto' ? (W ? W.detected(kindLabel) : `Detected: ${kindLabel}`) : (W ? W.checkedAs(kindLabel) : `Checked as: ${kindLabel}`));
  renderFound(result);
  diagnosticsList.set(result.diagnostics);
  const fixable = result.diagnostics.fixable;
  els.fixAll.disabled = fixable === 0;
  setText(els.fixAll, W ? W.fixAll(fixable) : fixable ? `Fix all (${fixable})` : 'Fix all');
  renderFacts(result);
}

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function codeList(items, total = items.length, emptyText = W ? W.none : 'none') {
  const ul = el('ul', undefined, 'fact-list');
  for (const it of items) {
    const li = el('li');
    li.append(el('code', it));
    ul.append(li);
  }
  if (total > items.length) ul.append(el('li', W ? W.andMore(total - items.length) : `…and ${total - items.length} more`, 'muted'));
  if (!total) ul.append(el('li', emptyText, 'muted'));
  return ul;
}

// The facts, as rows [term, key, build]: a row's content is rebuilt only when its key changed (a 64 KiB policy has
// thousands of mx lines, and typing elsewhere must not rebuild that list).
function factRows(result) {
  const rows = [];
  const p = result.policy;
  const r = result.record;
  const w = W || FACT_WORDS_EN;
  if (p) {
    const mode = p.mode;
    const explanation = (W ? W.modeExplanation : MODE_EXPLANATION)[mode];
    rows.push([w.mode, String(mode), () => [mode ? el('code', mode) : el('span', w.modeUnset, 'muted'),
      ...(mode && explanation ? [el('p', explanation, 'fact-note')] : [])]]);
    const age = W ? (p.maxAge === undefined || p.maxAge === null ? null : `${p.maxAge} s = ${intlDuration(Number(p.maxAge), lang)}`) : maxAgeText(p.maxAge);
    rows.push(['max_age', String(age), () => [age ? el('span', age) : el('span', w.notSet, 'muted'),
      el('p', w.maxAgeNote, 'fact-note')]]);
    const mx = Array.isArray(p.mx) ? p.mx : [];
    const mxShown = mx.slice(0, MAX_FACT_ITEMS).map(String);
    const wildcard = mx.some((m) => String(m).startsWith('*.'));
    rows.push([w.mxPatterns(mx.length), `${mx.length}\u0001${wildcard}\u0001${mxShown.join('\u0000')}`, () => [codeList(mxShown, mx.length, w.none),
      ...(wildcard ? [el('p', w.wildcardNote, 'fact-note')] : [])]]);
    rows.push(['version', String(p.version), () => [p.version ? el('code', p.version) : el('span', w.notSet, 'muted')]]);
    const ext = fieldPairs(p.extensions);
    if (ext.length) {
      const shownExt = ext.slice(0, MAX_FACT_ITEMS).map(([k, v]) => `${k}: ${v}`);
      rows.push([w.otherFields, `${ext.length}\u0001${shownExt.join('\u0000')}`, () => [codeList(shownExt, ext.length)]]);
    }
  } else if (r) {
    const fields = fieldPairs(r.fields);
    fields.slice(0, MAX_FACT_ITEMS).forEach(([name, value], i) => rows.push([name, `${i}\u0000${value}`, () => [el('code', value)]]));
    if (!fields.length) rows.push([w.fields, '', () => [el('span', w.noneFound, 'muted')]]);
    if (result.kind === 'txt') {
      rows.push([w.policyId, String(r.id), () => [r.id ? el('code', r.id) : el('span', w.notUsable, 'muted'),
        el('p', w.policyIdNote, 'fact-note')]]);
    }
    if (result.kind === 'dmarc') {
      rows.push([w.dmarcPolicy, String(r.p), () => [r.p ? el('code', r.p) : el('span', w.notUsable, 'muted'),
        el('p', w.dmarcPolicyNote, 'fact-note')]]);
    }
    if (result.kind === 'tlsrpt' || result.kind === 'dmarc') {
      const rua = Array.isArray(r.rua) ? r.rua.map(String) : [];
      rows.push([w.destinations(rua.length), rua.join('\u0000'), () => [codeList(rua.slice(0, MAX_FACT_ITEMS), rua.length, w.noneUsable)]]);
    }
  }
  // The language is part of every row's key: switching it rebuilds the rows.
  return rows.map(([term, key, build]) => [term, `${lang}\u0002${key}`, build]);
}

// The English words of the facts (the Spanish ones are in web/src/i18n.js).
const FACT_WORDS_EN = {
  mode: 'Mode',
  modeUnset: 'not set (the policy is unusable)',
  notSet: 'not set',
  maxAgeNote: 'How long senders may cache this policy after fetching it.',
  mxPatterns: (k) => `mx patterns (${k})`,
  none: 'none',
  wildcardNote: 'A “*.” pattern matches exactly one extra label: *.example.com covers mail.example.com, not example.com or a.b.example.com.',
  otherFields: 'Other fields (ignored by senders)',
  fields: 'Fields',
  noneFound: 'none found',
  policyId: 'Policy id',
  notUsable: 'not usable',
  policyIdNote: 'Change the id whenever you change the policy file, so senders fetch it again.',
  destinations: (k) => `Report destinations (${k})`,
  noneUsable: 'none usable',
  dmarcPolicy: 'Policy (p)',
  dmarcPolicyNote: 'What receivers do with mail that fails DMARC: none (report only), quarantine (spam folder) or reject.',
};

let shownFacts = []; // [{term, key, dt, dd}]
function renderFacts(result) {
  const rows = factRows(result);
  const label = result.kind === 'tlsrpt' ? (W ? W.reporterUses : 'What a reporter would use') : result.kind === 'dmarc' ? (W ? W.receiverUses : 'What a receiver would use') : (W ? W.senderUses : 'What a sender would use');
  setText(els.factsLabel, label);
  const sameTerms = rows.length === shownFacts.length && rows.every((row, i) => row[0] === shownFacts[i].term);
  if (!sameTerms) {
    els.factsList.replaceChildren();
    shownFacts = rows.map(([term]) => {
      const dt = el('dt', term);
      const dd = el('dd');
      els.factsList.append(dt, dd);
      return { term, key: null, dt, dd };
    });
  }
  rows.forEach(([, key, build], i) => {
    const f = shownFacts[i];
    if (f.key === key) return;
    f.key = key;
    f.dd.replaceChildren(...build());
  });
  const hidden = rows.length === 0;
  if (els.facts.hidden !== hidden) els.facts.hidden = hidden;
}

function showFailure(what, err) {
  const detail = err && err.message ? err.message : String(err);
  setText(els.summary, `${what}: ${detail}`);
  els.summary.className = 'summary summary-invalid';
  console.error(what, err);
}

// A pasted bundle: "found: _mta-sts TXT record (line 2), 2 MX records (line 4), HTTP 200 text/plain with a policy
// (lines 7-16)", each part a link to its first line.
// A paste of 64 KiB has hundreds of parts: the links are rebuilt only when their texts change; a click goes to where
// the part starts in the latest lint.
let shownFound = { key: '', parts: [] };
function renderFound(result) {
  const parts = result.kind === 'bundle' && result.artefacts ? foundParts(result.artefacts, W ? W.foundWords : undefined) : [];
  const key = `${lang}\u0001${parts.map((p) => p.text).join('\u0000')}`;
  const same = key === shownFound.key;
  shownFound = { key, parts };
  if (same) return;
  els.found.hidden = parts.length === 0;
  els.found.replaceChildren();
  if (!parts.length) return;
  els.found.append(W ? W.found : 'found: ');
  parts.forEach((p, k) => {
    if (k) els.found.append(', ');
    const a = document.createElement('a');
    a.href = '#';
    a.className = 'found-part';
    a.textContent = p.text;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      const cur = shownFound.parts[k];
      if (cur) gotoDiagnostic({ from: cur.from });
    });
    els.found.append(a);
  });
}

// ---- Navigation from the list ----

function gotoDiagnostic(d) {
  const changes = sinceLint;
  const len = view.state.doc.length;
  const pos = Math.min(changes.empty ? d.from : changes.mapPos(d.from, 1), len);
  view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  view.focus();
}

// ---- Document, kind, fragment ----

function setDocument(text, kind) {
  if (kind) setKind(kind, false);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, userEvent: 'input.replace' });
  coldLint = true;
  runLint();
}

function setKind(kind, relint = true) {
  currentKind = kind;
  if (els.kind.value !== kind) els.kind.value = kind;
  if (relint) runLint();
}

let fragmentTimer = 0;
function scheduleFragmentUpdate() {
  clearTimeout(fragmentTimer);
  // Encoding a large text and replacing the URL costs a few milliseconds: wait for a pause in the typing.
  fragmentTimer = setTimeout(updateFragment, view.state.doc.length > INSTANT_LINT_BYTES ? 1500 : 300);
}

function currentFragment() {
  return encodeFragment({ text: view.state.doc.toString(), kind: currentKind });
}

// The language in the fragment when it is not the one the browser would choose: "l=es" after the other parameters.
function withLang(frag) {
  const l = lang === browserLang ? '' : `l=${lang}`;
  return frag && l ? `${frag}&${l}` : frag || l;
}

function updateFragment() {
  if (currentView !== 'validate') return;
  const frag = '#' + withLang(currentFragment());
  if (location.hash === frag) return;
  try {
    window.history.replaceState(null, '', frag);
  } catch {
    // Some browsers refuse replaceState on file: URLs; the "Copy link" button still works.
  }
}

function restoreFromFragment() {
  const state = decodeFragment(location.hash);
  if (!state) return false;
  if (state.text === view.state.doc.toString() && state.kind === currentKind) return true;
  setDocument(state.text, state.kind);
  return true;
}

// ---- Views (tabs): Validate / Generate ----

function replaceHash(frag) {
  try {
    window.history.replaceState(null, '', frag ? '#' + frag : location.pathname + location.search);
  } catch {
    // Some browsers refuse replaceState on file: URLs.
  }
}

// Shows one view. The fragment says which: "#g" for the generator; the validator's "#t=…&k=…" (or nothing) otherwise.
function showView(name, { focusTab = false, updateHash = true } = {}) {
  const gen = name === 'generate';
  const dmarc = name === 'dmarc';
  currentView = gen || dmarc ? name : 'validate';
  for (const [tab, panel, on] of [[els.tabValidate, els.panelValidate, !gen && !dmarc], [els.tabGenerate, els.panelGenerate, gen], [els.tabDmarc, els.panelDmarc, dmarc]]) {
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    panel.hidden = !on;
  }
  if (focusTab) (gen ? els.tabGenerate : dmarc ? els.tabDmarc : els.tabValidate).focus();
  if (updateHash) {
    const g = withLang('g');
    const d = withLang('d');
    if (gen) { if (location.hash !== '#' + g) replaceHash(g); }
    else if (dmarc) { if (location.hash !== '#' + d) replaceHash(d); }
    else if (userEdited && view) replaceHash(withLang(currentFragment()));
    else if (location.hash !== (withLang('') ? '#' + withLang('') : '')) replaceHash(withLang(''));
  }
}

// "Validate this" in the generator: the text goes into the editor with its kind, in the validator view.
function validateText(text, kind) {
  userEdited = true;
  showView('validate', { updateHash: false });
  setDocument(text, kind);
  updateFragment();
  view.focus();
}

// ---- Clipboard ----

async function copy(text, what, button) {
  const ui = currentView === 'generate' ? els.gen : currentView === 'dmarc' ? els.dmarc : els;
  const done = (msg) => {
    setText(ui.copyStatus, msg);
    clearTimeout(copy.timer);
    copy.timer = setTimeout(() => setText(ui.copyStatus, ''), 4000);
  };
  try {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      await navigator.clipboard.writeText(text);
      ui.manual.hidden = true;
      done(W ? W.copied(what) : `${what} copied to the clipboard.`);
      return;
    }
  } catch {
    // Permission refused or no secure context: fall through.
  }
  ui.manualText.value = text;
  ui.manual.hidden = false;
  ui.manualText.focus();
  ui.manualText.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch { ok = false; }
  if (ok) {
    ui.manual.hidden = true;
    if (button) button.focus();
    done(W ? W.copied(what) : `${what} copied to the clipboard.`);
  } else {
    done(W ? W.copyByHand(what) : `Copy the ${what.toLowerCase()} from the box below (Ctrl+C or ⌘C).`);
  }
}

// ---- Start ----

function buildEditor(initialText) {
  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    undoHistory(),
    drawSelection(),
    highlightActiveLine(),
    EditorView.lineWrapping,
    // Enter inserts a bare line break: copying the previous line's indentation would create STS210 errors.
    keymap.of([{ key: 'Enter', run: insertNewline }, ...lintKeymap, ...defaultKeymap, ...historyKeymap]),
    lintGutter(),
    linter(null),
    // The editor's box is layout-contained (style.css): hover messages live in <body> so that they are never clipped.
    tooltips({ parent: document.body }),
    editorDiagnostics.extension,
    tokenPlugin,
    editorTheme,
    themeCompartment.of(EditorView.darkTheme.of(isDark())),
    EditorView.cspNonce.of(NONCE),
    attributesCompartment.of(editorAttributes()),
    EditorView.updateListener.of((u) => {
      if (!u.docChanged) return;
      for (const tr of u.transactions) {
        if (!tr.docChanged) continue;
        sinceLint = sinceLint.compose(tr.changes);
        editorDiagnostics.mapThrough(tr.changes);
      }
      if (u.transactions.some((tr) => tr.isUserEvent('input') || tr.isUserEvent('delete') || tr.isUserEvent('undo') || tr.isUserEvent('redo') || tr.isUserEvent('move'))) userEdited = true;
      if (pendingKeyTs) { lintKeyTs = pendingKeyTs; pendingKeyTs = 0; }
      scheduleLint();
    }),
  ];
  view = new EditorView({
    state: EditorState.create({ doc: initialText, extensions }),
    parent: $('editor'),
  });
  view.contentDOM.addEventListener('keydown', (e) => { pendingKeyTs = e.timeStamp; }, true);
  view.contentDOM.addEventListener('keyup', () => { pendingKeyTs = 0; }, true);
  if (darkQuery) {
    const onScheme = () => view.dispatch({ effects: themeCompartment.reconfigure(EditorView.darkTheme.of(isDark())) });
    if (darkQuery.addEventListener) darkQuery.addEventListener('change', onScheme);
  }
  sinceLint = ChangeSet.empty(view.state.doc.length);
  editorDiagnostics.attach(view);
  hooks.view = view;
  hooks.editorDiagnostics = editorDiagnostics;
}

function wireUi() {
  els.summary = $('summary');
  els.found = $('found');
  els.detected = $('detected');
  els.list = $('diagnostics');
  els.facts = $('facts');
  els.factsList = $('facts-list');
  els.factsLabel = $('facts-label');
  els.fixAll = $('fix-all');
  els.kind = $('kind');
  els.copyStatus = $('copy-status');
  els.manual = $('manual-copy');
  els.manualText = $('manual-copy-text');
  els.gen = { copyStatus: $('gen-copy-status'), manual: $('gen-manual-copy'), manualText: $('gen-manual-copy-text') };
  els.tabValidate = $('tab-validate');
  els.tabGenerate = $('tab-generate');
  els.panelValidate = $('panel-validate');
  els.panelGenerate = $('panel-generate');
  els.tabDmarc = $('tab-dmarc');
  els.panelDmarc = $('panel-dmarc');
  els.dmarc = { copyStatus: $('dmarc-copy-status'), manual: $('dmarc-manual-copy'), manualText: $('dmarc-manual-copy-text') };

  // Tabs (WAI-ARIA tabs pattern, automatic activation): click, or the arrow keys / Home / End on the tab list.
  const tabs = [els.tabValidate, els.tabGenerate, els.tabDmarc];
  const viewOf = (tab) => (tab === els.tabGenerate ? 'generate' : tab === els.tabDmarc ? 'dmarc' : 'validate');
  for (const tab of tabs) {
    tab.addEventListener('click', () => showView(viewOf(tab)));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      let j = -1;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') j = (i + 1) % tabs.length;
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') j = (i + tabs.length - 1) % tabs.length;
      else if (e.key === 'Home') j = 0;
      else if (e.key === 'End') j = tabs.length - 1;
      if (j < 0) return;
      e.preventDefault();
      showView(viewOf(tabs[j]), { focusTab: true });
    });
  }

  els.kind.addEventListener('change', () => { userEdited = true; setKind(els.kind.value); });
  $('verbose').addEventListener('change', (e) => { verbose = e.target.checked; runLint(); });
  els.fixAll.addEventListener('click', fixAll);
  $('copy-link').addEventListener('click', (e) => {
    const url = location.href.replace(/#.*$/, '') + '#' + withLang(currentFragment());
    copy(url, W ? W.link : 'Link', e.currentTarget);
  });
  $('copy-text').addEventListener('click', (e) => copy(view.state.doc.toString(), W ? W.text : 'Text', e.currentTarget));

  // Every diagnostic has its place in the list, rendered when it scrolls (or the keyboard focus moves) near view.
  diagnosticsList = new DiagnosticsList(els.list, {
    words: () => W,
    lang: () => lang,
    rule: (code) => rulesByCode.get(code),
    onGo: (d) => gotoDiagnostic(d),
    onFix: (d) => { if (d.fix) applyFix(d.fix); },
  });
  hooks.diagnosticsList = diagnosticsList;

  const exampleList = $('example-list');
  for (const ex of EXAMPLES) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'example';
    b.dataset.example = ex.id;
    b.textContent = W ? W.examples[ex.id] || ex.label : ex.label;
    langListeners.push(() => { b.textContent = W ? W.examples[ex.id] || ex.label : ex.label; });
    b.addEventListener('click', () => {
      userEdited = true;
      setDocument(ex.text, ex.kind);
    });
    li.append(b);
    exampleList.append(li);
  }

  for (const b of document.querySelectorAll('.lang-switch button')) {
    b.addEventListener('click', () => setLang(b.dataset.lang));
  }

  window.addEventListener('hashchange', () => {
    const l = chooseLang(location.hash, navigator.languages);
    if (l !== lang) setLang(l, { updateHash: false });
    const which = fragmentView(location.hash);
    if (which === 'generate' || which === 'dmarc') { showView(which, { updateHash: false }); return; }
    if (view && validator && restoreFromFragment()) showView('validate', { updateHash: false });
  });
  // The skip link focuses the editor itself (following "#editor" would also replace the shareable fragment).
  document.querySelector('.skip').addEventListener('click', (e) => {
    e.preventDefault();
    if (currentView !== 'validate') showView('validate');
    if (view) view.focus();
  });
}

// Switches everything on screen to `next`: the static texts, the diagnostics (linted again in that language, the
// editor's text untouched), the facts, the examples and the generator; remembered in the fragment.
function setLang(next, { updateHash = true } = {}) {
  if (!WORDS.hasOwnProperty(next)) return;
  lang = next;
  W = WORDS[lang];
  applyStatic(document, lang, originalTexts, typeof __VERSION__ === 'string' ? __VERSION__ : '');
  for (const b of document.querySelectorAll('.lang-switch button')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  for (const f of langListeners) f();
  hooks.lang = lang;
  if (view) view.dispatch({ effects: attributesCompartment.reconfigure(editorAttributes()) });
  if (validator && view) {
    rulesByCode = rulesIn(lang);
    coldLint = true;
    runLint();
  }
  if (updateHash) {
    if (currentView === 'generate') replaceHash(withLang('g'));
    else if (currentView === 'dmarc') replaceHash(withLang('d'));
    else if (userEdited && view) replaceHash(withLang(currentFragment()));
    else replaceHash(withLang(''));
  }
}

// The catalogue's rules by code, titles in language `l` (the ./full module's localized(); else the validator's).
function rulesIn(l) {
  const rules = validator.localized ? validator.localized(l).rules : validator.rules || [];
  return new Map(rules.map((r) => [r.code, r]));
}

async function main() {
  wireUi();
  setLang(lang, { updateHash: false });
  if (W) setText(els.summary, W.loading);
  const fromHash = decodeFragment(location.hash);
  if (fromHash) setKind(fromHash.kind, false);
  if (fragmentView(location.hash) === 'generate' || fragmentView(location.hash) === 'dmarc') showView(fragmentView(location.hash), { updateHash: false });
  buildEditor(fromHash ? fromHash.text : EXAMPLES[0].text);
  try {
    validator = await createValidator();
  } catch (err) {
    showFailure(W ? W.validatorNotLoaded : 'The validator could not be loaded', err);
    return;
  }
  rulesByCode = rulesIn(lang);
  hooks.validator = validator;
  hooks.lint = runLint;
  hooks.lintText = lintText; // (the page's validator call: scripts/page-latency.mjs times it)
  hooks.setDocument = setDocument;
  coldLint = true;
  runLint();
  try {
    initGenerator({ validator, copy, validate: validateText, hooks, language: () => lang, onLang: (f) => langListeners.push(f) });
  } catch (err) {
    console.error('The generator could not be started', err);
  }
  try {
    initDmarcGenerator({ validator, copy, validate: validateText, hooks, language: () => lang, onLang: (f) => langListeners.push(f) });
  } catch (err) {
    console.error('The DMARC generator could not be started', err);
  }
  document.documentElement.dataset.ready = 'true';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();

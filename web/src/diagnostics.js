// The diagnostics view of the page: what the editor shows (underlines, gutter markers, hover messages, F8) and the list
// beside it. Both are sized by what is on screen, not by the number of diagnostics, so that a keystroke in a text with
// thousands of mistakes stays within a frame (docs/performance.md, "page"):
//
// - the editor is given (through @codemirror/lint's setDiagnostics) only the diagnostics that overlap its viewport
//   plus a margin; scrolling past that margin hands it the next window; F8 looks in the full list;
// - the list renders only the items near the visible part of its scroll box, with spacers standing for the others;
//   scrolling (or moving the keyboard focus) reaches every one of them.
//
// Rule: user text reaches the DOM only through textContent, never as HTML.

import { ChangeSet, StateEffect, StateField, RangeSetBuilder, Prec } from '@codemirror/state';
import { EditorView, Decoration, ViewPlugin, keymap } from '@codemirror/view';
import { setDiagnostics, nextDiagnostic } from '@codemirror/lint';

// ---- The editor ----

const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
const linted = StateEffect.define();

const lineDecos = {
  error: Decoration.line({ class: 'mtasts-line mtasts-line-error' }),
  warning: Decoration.line({ class: 'mtasts-line mtasts-line-warning' }),
  info: Decoration.line({ class: 'mtasts-line mtasts-line-info' }),
};

// Only diagnostics that cannot be underlined (an empty line: no character to mark) colour their whole line.
function buildLineMarks(doc, diagnostics) {
  const worst = new Map();
  for (const d of diagnostics) {
    if (d.to > d.from) continue;
    const from = Math.min(Math.max(d.from, 0), doc.length);
    const start = doc.lineAt(from).from;
    const prev = worst.get(start);
    if (!prev || SEVERITY_RANK[d.severity] > SEVERITY_RANK[prev]) worst.set(start, d.severity);
  }
  const builder = new RangeSetBuilder();
  for (const start of [...worst.keys()].sort((a, b) => a - b)) builder.add(start, start, lineDecos[worst.get(start)] || lineDecos.info);
  return builder.finish();
}

const lineMarks = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) if (e.is(linted)) return buildLineMarks(tr.state.doc, e.value);
    return tr.docChanged ? deco.map(tr.changes) : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// No diagnostics yet (the shape of web/src/compact.js's CompactDiagnostics).
const NONE = { length: 0, starts: new Int32Array(0), ends: new Int32Array(0), at: () => undefined };

// The margin (characters) kept on each side of the viewport: CodeMirror's own viewport already reaches about a screen
// (1000 px) beyond what is visible, and a scroll that moves it hands over the next window before the frame is painted.
const MIN_MARGIN = 256;

// Holds every diagnostic of the latest lint (the validator's, positions in the linted text) and hands the editor the
// ones in a window around its viewport, converted to CodeMirror's shape on first use. `since`: the changes typed after that lint; `sinceShown`: after the last
// dispatch to the editor (whose marks CodeMirror maps through every edit by itself).
export class EditorDiagnostics {
  constructor() {
    this.view = null;
    this.all = NONE;
    this.converted = [];
    this.convert = (d) => d;
    this.since = ChangeSet.empty(0);
    this.shown = [];
    this.sinceShown = ChangeSet.empty(0);
    this.window = null; // [from, to] in the current text, or null before the first dispatch
    this.refreshQueued = false;
    this.stats = { dispatched: 0, windowSize: 0 };
    const self = this;
    this.extension = [
      lineMarks,
      ViewPlugin.define(() => ({
        update(u) {
          if (self.window && u.docChanged) self.window = [u.changes.mapPos(self.window[0], -1), u.changes.mapPos(self.window[1], 1)];
          if ((u.viewportChanged || u.docChanged) && !self.covers(u.view.viewport)) self.queueRefresh();
        },
      })),
      // F8 goes to the next diagnostic of the whole text (the editor only holds a window of them): that window is
      // moved there first, then @codemirror/lint's own command selects it, scrolls and shows its message.
      Prec.high(keymap.of([{ key: 'F8', run: (view) => this.next(view) }])),
    ];
  }

  attach(view) {
    this.view = view;
    this.since = ChangeSet.empty(view.state.doc.length);
    this.sinceShown = ChangeSet.empty(view.state.doc.length);
  }

  // Every transaction's changes, in order (from an update listener).
  mapThrough(changes) {
    this.since = this.since.compose(changes);
    this.sinceShown = this.sinceShown.compose(changes);
  }

  covers(vp) {
    return !!this.window && vp.from >= this.window[0] && vp.to <= this.window[1];
  }

  queueRefresh() {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    // Not inside CodeMirror's update cycle (no dispatch there): right after it, before the frame is painted.
    queueMicrotask(() => { this.refreshQueued = false; if (this.view) this.show(); });
  }

  // A new lint: `all` (a CompactDiagnostics, web/src/compact.js: spans in `starts`/`ends`, objects from at(i)) holds
  // positions in the current text; convert(d, i) gives CodeMirror's diagnostic (its span may be widened by a character
  // or two so that it shows).
  set(all, convert) {
    this.all = all;
    this.converted = new Array(all.length);
    this.convert = convert;
    this.since = ChangeSet.empty(this.view.state.doc.length);
    this.show();
  }

  windowAround(from, to) {
    const len = this.view.state.doc.length;
    const margin = Math.max(MIN_MARGIN, (to - from) >> 3);
    return [Math.max(0, from - margin), Math.min(len, to + margin)];
  }

  // The diagnostics overlapping `win` (current text), at their current positions.
  pick(win) {
    const ch = this.since;
    let lo = win[0];
    let hi = win[1];
    if (!ch.empty) {
      const back = ch.invertedDesc;
      lo = back.mapPos(lo, -1);
      hi = back.mapPos(hi, 1);
    }
    lo -= 2; // (a widened span reaches at most two characters further)
    hi += 2;
    const out = [];
    const all = this.all;
    const starts = all.starts;
    const ends = all.ends;
    for (let i = 0; i < starts.length; i++) {
      if (ends[i] < lo || starts[i] > hi) continue;
      const d = this.converted[i] || (this.converted[i] = this.convert(all.at(i), i));
      if (ch.empty) { out.push(d); continue; }
      const from = ch.mapPos(d.from, 1);
      out.push({ ...d, from, to: Math.max(from, ch.mapPos(d.to, -1)) });
    }
    return out;
  }

  // Dispatches the window around the viewport (or `win`) unless the editor already shows exactly that.
  show(win) {
    const view = this.view;
    if (!view) return false;
    const vp = view.viewport;
    win = win || this.windowAround(vp.from, vp.to);
    const subset = this.pick(win);
    this.window = win;
    this.stats.windowSize = subset.length;
    if (this.sameAsShown(subset)) {
      // The editor keeps its objects; their fixes must find the same diagnostics in the new lint, whose positions
      // (and, when something changed outside the window, indexes) are newer.
      for (let k = 0; k < subset.length; k++) if (this.shown[k].ref && subset[k].ref) this.shown[k].ref.index = subset[k].ref.index;
      return false;
    }
    const spec = setDiagnostics(view.state, subset);
    spec.effects = [].concat(spec.effects || [], linted.of(subset));
    view.dispatch(spec);
    this.shown = subset;
    this.sinceShown = ChangeSet.empty(view.state.doc.length);
    this.stats.dispatched++;
    return true;
  }

  // When the editor's marks, mapped through what was typed since they were dispatched, are exactly `diagnostics`
  // (typing inside a line that stays correct, or stays wrong in the same way), the editor needs no update at all.
  sameAsShown(diagnostics) {
    const shown = this.shown;
    if (diagnostics.length !== shown.length) return false;
    const ch = this.sinceShown;
    for (let i = 0; i < diagnostics.length; i++) {
      const o = shown[i];
      const n = diagnostics[i];
      if (n.severity !== o.severity || n.message !== o.message || n.markClass !== o.markClass || !!n.actions !== !!o.actions) return false;
      if (ch.empty) {
        if (n.from !== o.from || n.to !== o.to) return false;
        continue;
      }
      // An edit at a boundary may extend a mark or not: only a mapping that does not depend on that is trusted.
      const from = ch.mapPos(o.from, -1);
      const to = ch.mapPos(o.to, -1);
      if (from !== ch.mapPos(o.from, 1) || to !== ch.mapPos(o.to, 1) || n.from !== from || n.to !== to) return false;
    }
    return true;
  }

  next(view) {
    const sel = view.state.selection.main;
    const ch = this.since;
    let after = null;
    let first = null;
    for (const start of this.all.starts) {
      const from = ch.empty ? start : ch.mapPos(start, 1);
      if (!first || from < first) first = from;
      if (from >= sel.to + 1 && (after === null || from < after)) after = from;
    }
    const target = after === null ? first : after;
    if (target === null) return false;
    if (!this.window || target < this.window[0] || target > this.window[1]) this.show(this.windowAround(target, target));
    return nextDiagnostic(view);
  }
}

// ---- The list ----

const SEVERITY_ICON = { error: '✖', warning: '▲', info: 'ℹ' };
const BUFFER_ITEMS = 12; // items rendered beyond each edge of the visible part
const FIRST_ESTIMATE_PX = 62; // an item's height (with its margin) before one was measured

function fixTitleOf(d, W) {
  return d.fix && d.fix.edits && d.fix.edits.length ? d.fix.title || (W ? W.fix : 'Fix') : '';
}

function spacer() {
  const li = document.createElement('li');
  li.className = 'diag-spacer';
  li.setAttribute('role', 'presentation');
  li.setAttribute('aria-hidden', 'true');
  return li;
}

// A virtualised <ol>: every diagnostic has its place (the spacers hold the height of those not rendered), items are
// rendered for the visible part and a few beyond. ctx: { words(), lang(), rule(code), onGo(d), onFix(d) }.
export class DiagnosticsList {
  constructor(ol, ctx) {
    this.ol = ol;
    this.ctx = ctx;
    this.diagnostics = [];
    this.items = [];
    this.itemOfLi = new WeakMap();
    this.start = 0;
    this.end = 0;
    this.estimate = FIRST_ESTIMATE_PX;
    this.measured = false;
    this.band = { top: 0, bottom: Math.max(600, window.innerHeight || 0) }; // visible part, px from the list's top
    this.focusIndex = -1;
    this.frame = 0;
    this.top = spacer();
    this.bottom = spacer();
    ol.replaceChildren(this.top, this.bottom);

    ol.addEventListener('click', (e) => {
      const button = e.target.closest('button');
      const li = e.target.closest('li');
      const item = li && this.itemOfLi.get(li);
      if (!button || !item) return;
      const d = this.diagnostics.at(item.index);
      if (!d) return;
      if (button.classList.contains('diag-fix')) ctx.onFix(d);
      else ctx.onGo(d);
    });
    // Keyboard: Tab and Shift+Tab walk the rendered items; the window follows the focus so that the next item is
    // always there.
    ol.addEventListener('focusin', (e) => {
      const li = e.target.closest('li');
      const item = li && this.itemOfLi.get(li);
      if (!item) return;
      this.focusIndex = item.index;
      if (item.index < this.start + 2 || item.index >= this.end - 2) this.render();
    });
    ol.addEventListener('focusout', () => { this.focusIndex = -1; });
    const onScroll = (e) => { if (e.target === document || (e.target.contains && e.target.contains(ol))) this.scheduleMeasure(); };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', () => this.scheduleMeasure(), { passive: true });
  }

  set(diagnostics) {
    this.diagnostics = diagnostics;
    if (this.focusIndex >= diagnostics.length) this.focusIndex = -1;
    this.render();
    if (!this.measured && this.items.length) this.scheduleMeasure();
  }

  // Reads the layout once a frame at most, after a scroll or a resize (never on the keystroke's path).
  scheduleMeasure() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.measure(); });
  }

  measure() {
    const r = this.ol.getBoundingClientRect();
    const box = this.ol.closest('.results-pane');
    const b = box ? box.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const top = Math.max(0, b.top);
    const bottom = Math.min(window.innerHeight, b.bottom);
    this.band = { top: top - r.top, bottom: Math.max(top, bottom) - r.top };
    if (this.items.length >= 4) {
      const first = this.items[0].li.getBoundingClientRect().top;
      const per = (this.bottom.getBoundingClientRect().top - first) / this.items.length;
      // Items differ in height (wrapped messages, fix buttons): only a clear change moves the spacers.
      if (per > 8 && (!this.measured || Math.abs(per - this.estimate) > 0.2 * this.estimate)) this.estimate = per;
      this.measured = true;
    }
    const [start, end] = this.range();
    if (start !== this.start || end !== this.end) this.render();
  }

  range() {
    const n = this.diagnostics.length;
    const est = this.estimate;
    let start = Math.max(0, Math.floor(this.band.top / est) - BUFFER_ITEMS);
    let end = Math.min(n, Math.ceil(this.band.bottom / est) + BUFFER_ITEMS);
    if (start >= n) { end = n; start = Math.max(0, n - 2 * BUFFER_ITEMS); }
    if (end < start) end = start;
    const f = this.focusIndex;
    if (f >= 0 && f < n && (f < start + 2 || f >= end - 2)) {
      start = Math.max(0, Math.min(start, f - BUFFER_ITEMS));
      end = Math.min(n, Math.max(end, f + BUFFER_ITEMS + 1));
      if (end - start > 6 * BUFFER_ITEMS + Math.ceil((this.band.bottom - this.band.top) / est)) {
        start = Math.max(0, f - BUFFER_ITEMS);
        end = Math.min(n, f + BUFFER_ITEMS + 1);
      }
    }
    return [start, end];
  }

  makeItem() {
    const li = document.createElement('li');
    li.className = 'diag';
    li.setAttribute('data-testid', 'diagnostic');
    const go = document.createElement('button');
    go.type = 'button';
    go.className = 'diag-go';
    const icon = document.createElement('span');
    icon.className = 'diag-icon';
    icon.setAttribute('aria-hidden', 'true');
    const sev = document.createElement('span');
    sev.className = 'visually-hidden';
    const loc = document.createElement('span');
    loc.className = 'diag-loc';
    const code = document.createElement('span');
    code.className = 'diag-code';
    const msg = document.createElement('span');
    msg.className = 'diag-msg';
    go.append(icon, sev, loc, code, msg);
    const fix = document.createElement('button');
    fix.type = 'button';
    fix.className = 'diag-fix';
    li.append(go, fix);
    const item = { li, go, icon, sev, loc, code, msg, fix, key: '', index: -1 };
    this.itemOfLi.set(li, item);
    return item;
  }

  key(d) {
    return `${this.ctx.lang()}\u0000${d.code}\u0000${d.severity}\u0000${d.line}:${d.column}\u0000${d.message}\u0000${fixTitleOf(d, this.ctx.words())}`;
  }

  fill(item, d, key) {
    const W = this.ctx.words();
    const fixTitle = fixTitleOf(d, W);
    item.key = key;
    item.li.className = 'diag diag-' + d.severity;
    item.li.dataset.code = d.code;
    item.li.dataset.severity = d.severity;
    item.li.dataset.line = String(d.line);
    item.li.dataset.column = String(d.column);
    item.icon.textContent = SEVERITY_ICON[d.severity] || '•';
    item.sev.textContent = (W ? W.severity[d.severity] || W.severity.error : d.severity === 'error' ? 'Error' : d.severity === 'warning' ? 'Warning' : 'Note') + ' ';
    item.loc.textContent = `${d.line}:${d.column}`;
    item.code.textContent = d.code;
    const rule = this.ctx.rule(d.code);
    item.code.title = rule ? [rule.title, rule.reference].filter(Boolean).join(' · ') : '';
    item.msg.textContent = d.message;
    item.go.title = W ? W.goTo(d.line, d.column) : 'Go to line ' + d.line + ', column ' + d.column;
    if (fixTitle) {
      item.fix.hidden = false;
      item.fix.textContent = W ? W.fixLabel(fixTitle) : 'Fix: ' + fixTitle;
      item.fix.setAttribute('aria-label', W ? W.fixAria(d.code, d.line, fixTitle) : `Fix ${d.code} on line ${d.line}: ${fixTitle}`);
    } else {
      item.fix.hidden = true;
      item.fix.textContent = '';
    }
  }

  // Renders the window. Items are matched by content, so that a diagnostic appearing or disappearing costs one DOM
  // insertion or removal, not a rewrite of every item after it.
  render() {
    const diagnostics = this.diagnostics;
    const n = diagnostics.length;
    const [start, end] = this.range();
    this.start = start;
    this.end = end;
    const pool = new Map();
    for (const it of this.items) {
      const same = pool.get(it.key);
      if (same) same.push(it);
      else pool.set(it.key, [it]);
    }
    const count = end - start;
    const next = new Array(count);
    const keys = new Array(count);
    const unmatched = [];
    for (let k = 0; k < count; k++) {
      const key = this.key(diagnostics.at(start + k));
      keys[k] = key;
      const same = pool.get(key);
      const it = same && same.length ? same.shift() : null;
      if (it) next[k] = it; else unmatched.push(k);
    }
    const spare = [];
    for (const same of pool.values()) for (const it of same) spare.push(it);
    // Prefer recycling items that hold no focus (removing a focused element would drop the keyboard focus).
    spare.sort((a, b) => Number(a.li.contains(document.activeElement)) - Number(b.li.contains(document.activeElement)));
    for (const k of unmatched) {
      const it = spare.length ? spare.shift() : this.makeItem();
      // Out of the DOM first: the walk below then moves only new items, never a kept one (moving an element that
      // holds the keyboard focus would drop it).
      it.li.remove();
      this.fill(it, diagnostics.at(start + k), keys[k]);
      next[k] = it;
    }
    for (const it of spare) it.li.remove();
    let cursor = this.top.nextSibling;
    for (let k = 0; k < count; k++) {
      const it = next[k];
      const index = start + k;
      if (it.index !== index || it.li.getAttribute('aria-posinset') === null) {
        it.index = index;
        it.li.setAttribute('aria-posinset', String(index + 1));
      }
      if (it.li.getAttribute('aria-setsize') !== String(n)) it.li.setAttribute('aria-setsize', String(n));
      if (it.li === cursor) cursor = cursor.nextSibling;
      else this.ol.insertBefore(it.li, cursor);
    }
    while (cursor && cursor !== this.bottom) { const after = cursor.nextSibling; cursor.remove(); cursor = after; }
    this.items = next;
    const topPx = `${Math.round(start * this.estimate)}px`;
    const bottomPx = `${Math.round((n - end) * this.estimate)}px`;
    if (this.top.style.height !== topPx) this.top.style.height = topPx;
    if (this.bottom.style.height !== bottomPx) this.bottom.style.height = bottomPx;
  }
}

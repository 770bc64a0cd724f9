// The page's way to the validator's diagnostics (issue #19, docs/performance.md): a text with 12,000 diagnostics must
// not cost 12,000 diagnostic objects, fix objects, edit lists and edits per keystroke (about 48,000 objects that the
// garbage collector then clears), when the page shows a few dozen of them. lintCompact() lints through the same
// validator.lint() (same options checks, same result fields: kind, counts, policy, record, artefacts), but its
// `diagnostics` is a CompactDiagnostics: the record Module._mtasts_lint() wrote (wasm/bindings.cpp) copied as it is, the
// spans of every diagnostic in two Int32Arrays, and each diagnostic built as an object only when the page asks for it
// (at(i): the editor's window, the list's visible rows, a fix), exactly as validator.lint() builds it
// (tests/node/compact.test.mjs and tests/browser/compact.test.mjs compare the two).
//
// The hook is internal to this project (wasm/src/api.js: an options key that is a symbol; not public API).

const READ = Symbol.for('mtasts.read');
const decoder = new TextDecoder();

// The record's layout is api.js's: the hook gets its readers (layout.diagnosticAt, diagnosticWords, fixEdits, from, to)
// and the record's header, so that a diagnostic built here is the one validator.lint() builds, from the same code.

export class CompactDiagnostics {
  constructor(slot, count, text, layout, fixable, ascii) {
    this.slot = slot; // the buffers (below) this result is in: rec, the record's words for the diagnostics;
    // pos, where each diagnostic starts in rec; blob, the record's strings (UTF-8 bytes)
    this.count = count;
    this.starts = slot.starts.subarray(0, count); // each one's `from` (UTF-16 offset in the linted text)
    this.ends = slot.ends.subarray(0, count); // and `to`
    this.text = text;
    this.layout = layout;
    this.strAt = (j) => this.str(j);
    this.fixable = fixable; // how many have a fix with at least one edit
    this.cache = [];
    this.ascii = ascii; // the blob is ASCII
    this.strings = new Map(); // (blob offset, length) -> string: the record holds each distinct string once
  }

  get length() {
    return this.count;
  }

  str(j) {
    const off = this.slot.rec[j];
    const len = this.slot.rec[j + 1];
    if (len < 0) return null;
    if (off < 0) return this.text.substring(-1 - off, -1 - off + len);
    const key = off * 4096 + len; // (the record may hold a string and a shorter one at the same offset)
    let s = len < 4096 ? this.strings.get(key) : undefined;
    if (s === undefined) {
      // A short ASCII string costs less from its codes than through TextDecoder (a call into the browser each).
      const bytes = this.slot.blob.subarray(off, off + len);
      s = this.ascii && len <= 128 ? String.fromCharCode.apply(null, bytes) : decoder.decode(bytes);
      if (len < 4096) this.strings.set(key, s);
    }
    return s;
  }

  // The buffers, unless a newer lint reused them.
  words() {
    if (this.slot.owner !== this) throw new Error('mta-sts-lint page: diagnostics read after the next-but-one lint');
    return this.slot.rec;
  }

  // The i-th diagnostic, as validator.lint() returns it (the same object on every call).
  at(i) {
    if (!(i >= 0 && i < this.count)) return undefined;
    const cached = this.cache[i];
    if (cached) return cached;
    const d = this.layout.diagnosticAt(this.words(), this.slot.pos[i], this.strAt);
    this.cache[i] = d;
    return d;
  }

  // Whether the i-th diagnostic has a fix with at least one edit, without building it.
  hasFix(i) {
    return this.layout.fixEdits(this.words(), this.slot.pos[i]) > 0;
  }

  // Every fix (Fix all: a rare click, not a keystroke).
  fixes() {
    const out = [];
    for (let i = 0; i < this.count; i++) if (this.layout.fixEdits(this.words(), this.slot.pos[i]) >= 0) out.push(this.at(i).fix);
    return out;
  }

  toArray() {
    return Array.from({ length: this.count }, (_, i) => this.at(i));
  }

  *[Symbol.iterator]() {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }
}

// The text being linted (for the strings that are slices of it), while lintCompact() runs.
let linting = '';

// The memory of the results: two sets of buffers used in turn, grown when a text needs more and then kept, because
// allocating a fresh 800 KB copy per keystroke costs more than the objects it replaces (typed arrays outside the JS
// heap push the garbage collector: 3-15 ms per call measured in Node, against 0.1 ms to copy into a kept buffer). A
// result is thus valid until the next-but-one lint; the page only ever reads its latest one. A result read after
// that throws rather than mixing two lints (the diagnostics it already built stay valid).
const slots = [0, 1].map(() => ({ owner: null, rec: new Int32Array(0), pos: new Int32Array(0), starts: new Int32Array(0), ends: new Int32Array(0), blob: new Uint8Array(0) }));
let turn = 0;
const room = (a, n) => (a.length >= n ? a : new a.constructor(Math.max(n, Math.ceil(a.length * 1.5))));

// Reads the diagnostics' part of the record (wasm/src/api.js calls it in place of its own decoder): copies it and
// notes where each diagnostic starts and its span. Returns [diagnostics, the word after them].
function read(w, i, Module, layout, { count, blobAt, blobSize, ascii }) {
  const slot = slots[(turn ^= 1)];
  slot.owner = null;
  const pos = (slot.pos = room(slot.pos, count));
  const starts = (slot.starts = room(slot.starts, count));
  const ends = (slot.ends = room(slot.ends, count));
  const start = i;
  let fixable = 0;
  for (let k = 0; k < count; k++) {
    pos[k] = i - start;
    starts[k] = layout.from(w, i);
    ends[k] = layout.to(w, i);
    if (layout.fixEdits(w, i) > 0) fixable++;
    i += layout.diagnosticWords(w, i);
  }
  // Copies: the record and the blob live in the wasm heap only until the next call.
  slot.rec = room(slot.rec, i - start);
  slot.rec.set(w.subarray(start, i));
  slot.blob = room(slot.blob, blobSize);
  slot.blob.set(Module.views.HEAPU8.subarray(blobAt, blobAt + blobSize));
  const d = new CompactDiagnostics(slot, count, linting, layout, fixable, ascii);
  slot.owner = d;
  return [d, i];
}

// validator.lint(text, options) with the diagnostics as a CompactDiagnostics.
export function lintCompact(validator, text, options) {
  if (typeof text === 'string' && !text.isWellFormed()) text = text.toWellFormed(); // as lint() does: same slices
  linting = text;
  try {
    return validator.lint(text, { ...options, [READ]: read });
  } finally {
    linting = '';
  }
}

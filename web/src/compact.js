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
const EMPTY = new Uint8Array(0);

// Rule codes by the core's index and severity names by value, as api.js reads them (Module.info), once per module.
const tables = new WeakMap();
function tablesOf(Module) {
  let t = tables.get(Module);
  if (!t) {
    const info = Module.info(0);
    const codes = [];
    for (const r of info.rules) codes[r.index] = r.code;
    t = { codes, severities: [...info.severities] };
    tables.set(Module, t);
  }
  return t;
}

// One diagnostic in the record (wasm/bindings.cpp): code, severity, from, to, line, column, endLine, endColumn (UTF-16
// units, 1-based lines and columns), message (a string: offset, length), edit count (-1: no fix), then when there is
// a fix its title (a string) and per edit from, to, insert (a string). A string's offset is into the blob, or -1 - its
// offset in the linted text (ASCII text), and a length of -1 is null.
const WORDS = 11;

export class CompactDiagnostics {
  constructor(slot, count, text, t, fixable, ascii) {
    this.slot = slot; // the buffers (below) this result is in: rec, the record's words for the diagnostics;
    // pos, where each diagnostic starts in rec; blob, the record's strings (UTF-8 bytes)
    this.count = count;
    this.starts = slot.starts.subarray(0, count); // each one's `from` (UTF-16 offset in the linted text)
    this.ends = slot.ends.subarray(0, count); // and `to`
    this.text = text;
    this.tables = t;
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
    const r = this.words();
    let j = this.slot.pos[i];
    const d = {
      code: this.tables.codes[r[j]],
      severity: this.tables.severities[r[j + 1]],
      message: this.str(j + 8),
      line: r[j + 4],
      column: r[j + 5],
      endLine: r[j + 6],
      endColumn: r[j + 7],
      from: r[j + 2],
      to: r[j + 3],
    };
    const edits = r[j + 10];
    if (edits >= 0) {
      const title = this.str(j + 11);
      j += 13;
      const list = new Array(edits);
      for (let e = 0; e < edits; ++e, j += 4) list[e] = { from: r[j], to: r[j + 1], insert: this.str(j + 2) };
      d.fix = { title, edits: list };
    }
    this.cache[i] = d;
    return d;
  }

  // Whether the i-th diagnostic has a fix with at least one edit, without building it.
  hasFix(i) {
    return this.words()[this.slot.pos[i] + 10] > 0;
  }

  // Every fix (Fix all: a rare click, not a keystroke).
  fixes() {
    const out = [];
    for (let i = 0; i < this.count; i++) if (this.words()[this.slot.pos[i] + 10] >= 0) out.push(this.at(i).fix);
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
function read(w, i, Module) {
  const at = i - 10; // the record's header (wasm/bindings.cpp)
  const count = w[at + 4];
  const blobAt = w[at + 5];
  const blobSize = w[at + 6];
  const slot = slots[(turn ^= 1)];
  slot.owner = null;
  const pos = (slot.pos = room(slot.pos, count));
  const starts = (slot.starts = room(slot.starts, count));
  const ends = (slot.ends = room(slot.ends, count));
  const start = i;
  let fixable = 0;
  for (let k = 0; k < count; k++) {
    pos[k] = i - start;
    starts[k] = w[i + 2];
    ends[k] = w[i + 3];
    const edits = w[i + 10];
    i += WORDS;
    if (edits >= 0) {
      i += 2 + 4 * edits;
      if (edits > 0) fixable++;
    }
  }
  // Copies: the record and the blob live in the wasm heap only until the next call.
  slot.rec = room(slot.rec, i - start);
  slot.rec.set(w.subarray(start, i));
  slot.blob = room(slot.blob, blobSize);
  slot.blob.set(Module.HEAPU8.subarray(blobAt, blobAt + blobSize));
  const d = new CompactDiagnostics(slot, count, linting, tablesOf(Module), fixable, w[at + 7] === 1);
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

// What only the "./full" module (mta-sts-lint-full.wasm) has: the generator's half of the JS API, generate() and
// presets, added to the validator by the "./full" entries (full-node.js, full-index.js, full-inline.js); and, for
// wasm/bin.js only, the native `generate` output and the `--batch` answer lines. The default entries do not import
// this file.
import { checkOptions, describe } from './api.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const GENERATE_OPTIONS = ['domain', 'mode', 'mx', 'fromMx', 'preset', 'maxAge', 'id', 'rua', 'now', 'lang'];
const DMARC_OPTIONS = ['domain', 'policy', 'subdomainPolicy', 'rua', 'ruf', 'adkim', 'aspf', 'pct'];
const DMARC_TAGS = { domain: 1, policy: 2, subdomainPolicy: 3, rua: 4, ruf: 5, adkim: 6, aspf: 7, pct: 8 }; // mtasts_generate_dmarc

// "an array", or "an array with a number at index 2" for an array of strings that is not.
function describeList(value) {
  if (!Array.isArray(value)) return describe(value);
  const k = value.findIndex((x) => typeof x !== 'string');
  const what = describe(value[k]);
  const article = ['null', 'undefined', 'an array'].includes(what) ? '' : /^[aeiou]/.test(what) ? 'an ' : 'a ';
  return `an array with ${article}${what} at index ${k}`;
}

const internals = new WeakMap();

/** Internal (used by wasm/bin.js, not public API): see generateOutput below. */
export function generateOutput(validator, options, format) {
  return internals.get(validator).generateOutput(options, format);
}

/** Internal (used by wasm/bin.js, not public API): see fixFile below. */
export function fixFile(validator, file) {
  return internals.get(validator).fixFile(file);
}

/** Internal (used by wasm/bin.js, not public API): see dmarcOutput below. */
export function dmarcOutput(validator, options, format) {
  return internals.get(validator).dmarcOutput(options, format);
}

/** Internal (used by wasm/bin.js, not public API): see batchLine below. */
export function batchLine(validator, items) {
  return internals.get(validator).batchLine(items);
}

// Adds generate() and presets to `validator` (api.js calls this from instantiate()).
export function withGenerator(validator, Module, { usable, failed, langIndex }) {
  // The generator (mtasts_generate in wasm/bindings.cpp): the options are checked here, written as one blob of
  // (tag, length, UTF-8 bytes) items, and the core answers with one JSON object (the CLI's `generate --format json`
  // keys, plus ok and errors).
  function generate(options) {
    const where = 'generate(options)';
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(`${where}: expected an options object, got ${describe(options)}`);
    }
    checkOptions(where, options, GENERATE_OPTIONS);
    const items = [];
    const add = (tag, text) => items.push([tag, encoder.encode(text)]);
    add(11, String(langIndex(options.lang, `${where}.lang`)));  // first: it words the refusals of the items after it
    for (const [key, tag] of [['domain', 1], ['mode', 2], ['preset', 5], ['id', 7]]) {
      const value = options[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') throw new TypeError(`${where}.${key}: expected a string, got ${describe(value)}`);
      add(tag, value);
    }
    for (const [key, tag] of [['mx', 3], ['fromMx', 4], ['rua', 8]]) {
      const value = options[key];
      if (value === undefined || value === null) continue;
      // findIndex, unlike some(), visits the holes of a sparse array.
      if (!Array.isArray(value) || value.findIndex((x) => typeof x !== 'string') >= 0) {
        throw new TypeError(`${where}.${key}: expected an array of strings, got ${describeList(value)}`);
      }
      for (const x of value) add(tag, x);
    }
    if (options.maxAge !== undefined && options.maxAge !== null) {
      if (typeof options.maxAge !== 'number') {
        throw new TypeError(`${where}.maxAge: expected a number of seconds, got ${describe(options.maxAge)}`);
      }
      // Not a whole number (1.5, NaN, Infinity, 1e21): the core refuses it as the CLI refuses --max-age 1.5 (STS229).
      add(6, Number.isSafeInteger(options.maxAge) ? String(options.maxAge) : '.');
    }
    let now = Math.floor(Date.now() / 1000);
    if (options.now !== undefined && options.now !== null) {
      if (typeof options.now !== 'number') {
        throw new TypeError(
          `${where}.now: expected a number of seconds since 1970-01-01T00:00:00Z, got ${describe(options.now)}`,
        );
      }
      if (!Number.isSafeInteger(options.now)) {
        throw new RangeError(`${where}.now: expected a whole number of seconds, got ${options.now}`);
      }
      now = options.now;
    }
    add(9, String(now));
    return readJson(call(Module._mtasts_generate, items));
  }

  // The DMARC generator (mtasts_generate_dmarc): a _dmarc record from a few answers, checked by the DMARC linter.
  function generateDmarc(options) {
    const where = 'generateDmarc(options)';
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(`${where}: expected an options object, got ${describe(options)}`);
    }
    checkOptions(where, options, DMARC_OPTIONS);
    const items = [];
    const add = (tag, text) => items.push([tag, encoder.encode(text)]);
    for (const key of ['domain', 'policy', 'subdomainPolicy', 'adkim', 'aspf']) {
      const value = options[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') throw new TypeError(`${where}.${key}: expected a string, got ${describe(value)}`);
      add(DMARC_TAGS[key], value);
    }
    for (const key of ['rua', 'ruf']) {
      const value = options[key];
      if (value === undefined || value === null) continue;
      if (!Array.isArray(value) || value.findIndex((x) => typeof x !== 'string') >= 0) {
        throw new TypeError(`${where}.${key}: expected an array of strings, got ${describeList(value)}`);
      }
      for (const x of value) add(DMARC_TAGS[key], x);
    }
    if (options.pct !== undefined && options.pct !== null) {
      if (typeof options.pct !== 'number') throw new TypeError(`${where}.pct: expected a number, got ${describe(options.pct)}`);
      add(8, Number.isSafeInteger(options.pct) ? String(options.pct) : '.');
    }
    return readJson(call(Module._mtasts_generate_dmarc, items));
  }

  // For wasm/bin.js (not public API): `mta-sts-lint generate dmarc`, options as the command line gives them (strings;
  // pct as typed). Returns { result, output } as generateOutput does.
  function dmarcOutput(o, format) {
    const items = [];
    for (const [key, tag] of Object.entries(DMARC_TAGS)) {
      for (const x of Array.isArray(o[key]) ? o[key] : o[key] === undefined ? [] : [o[key]]) items.push([tag, encoder.encode(x)]);
    }
    items.push([10, encoder.encode(format)]);
    const r = call(Module._mtasts_generate_dmarc, items);
    const w = Module.HEAP32;
    return { result: readJson(r), output: decoder.decode(Module.HEAPU8.subarray(w[r + 2], w[r + 2] + w[r + 3])) };
  }

  // Writes the (tag, UTF-8 bytes) items as one block and runs `entry` (mtasts_generate or mtasts_batch) on it;
  // returns the answer's word index.
  function call(entry, items) {
    usable();
    const size = items.reduce((n, [, bytes]) => n + 5 + bytes.length, 0);
    const block = Module._malloc(Math.max(size, 1));
    if (!block) throw new RangeError('generate(): out of memory');
    try {
      const heap = Module.HEAPU8;
      let at = block;
      for (const [tag, bytes] of items) {
        const n = bytes.length;
        heap[at] = tag;
        heap[at + 1] = n & 255;
        heap[at + 2] = (n >>> 8) & 255;
        heap[at + 3] = (n >>> 16) & 255;
        heap[at + 4] = (n >>> 24) & 255;
        heap.set(bytes, at + 5);
        at += 5 + n;
      }
      try {
        return entry(block, size) >> 2;
      } catch (e) {
        throw failed(e);
      }
    } finally {
      Module._free(block);
    }
  }

  // For wasm/bin.js (not public API): the native `generate` command's work, options as the command line gives them
  // (strings; maxAge as typed, so the core refuses it exactly as the native CLI does) and the bytes that
  // `mta-sts-lint generate --format F` prints. Returns { result, output }.
  function generateOutput(o, format) {
    const items = [];
    const add = (tag, text) => items.push([tag, encoder.encode(text)]);
    add(11, String(langIndex(undefined, 'generate')));  // the validator's language
    for (const [key, tag] of [['domain', 1], ['mode', 2], ['preset', 5], ['maxAge', 6], ['id', 7]]) {
      if (o[key] !== undefined) add(tag, o[key]);
    }
    for (const [key, tag] of [['mx', 3], ['fromMx', 4], ['rua', 8]]) for (const x of o[key] ?? []) add(tag, x);
    add(9, String(Math.floor(Date.now() / 1000)));
    add(10, format);
    const r = call(Module._mtasts_generate, items);
    const w = Module.HEAP32;
    return { result: readJson(r), output: decoder.decode(Module.HEAPU8.subarray(w[r + 2], w[r + 2] + w[r + 3])) };
  }

  // For wasm/bin.js (not public API): one answer line of `mta-sts-lint --batch`, written by the core
  // (core/batch.hpp) as the native command writes it. `items` are [tag, string or Uint8Array] pairs, the tags of
  // mtasts_batch in wasm/bindings.cpp. Returns the line's UTF-8 bytes (a copy).
  function batchLine(items) {
    const r = call(Module._mtasts_batch, [[13, String(langIndex(undefined, 'batch'))], ...items].map(([tag, x]) => [tag, typeof x === 'string' ? encoder.encode(x) : x]));
    const w = Module.HEAP32;
    return Module.HEAPU8.slice(w[r], w[r] + w[r + 1]);
  }
  // For wasm/bin.js (not public API): one file of `mta-sts-lint --fix` / `--fix-dry-run` (mtasts_fix; core/fix/).
  // `text` is the file's bytes. Returns { changed, text (bytes), summary (the stderr line, or ''), diff (bytes) }.
  function fixFile({ name, text, kind, verbose, domain, mxHosts, dryRun }) {
    const items = [[1, encoder.encode(name)], [2, text], [3, encoder.encode(kind)]];
    if (verbose) items.push([4, new Uint8Array(0)]);
    if (domain) items.push([5, encoder.encode(domain)]);
    if (mxHosts) {
      items.push([7, new Uint8Array(0)]);
      for (const h of mxHosts) items.push([6, encoder.encode(h)]);
    }
    if (dryRun) items.push([8, new Uint8Array(0)]);
    items.push([9, encoder.encode(String(langIndex(undefined, 'fix')))]);  // the validator's language
    const r = call(Module._mtasts_fix, items);
    const w = Module.HEAP32;
    const heap = Module.HEAPU8;
    return {
      changed: w[r] === 1,
      text: heap.slice(w[r + 1], w[r + 1] + w[r + 2]),
      summary: decoder.decode(heap.subarray(w[r + 3], w[r + 3] + w[r + 4])),
      diff: heap.slice(w[r + 5], w[r + 5] + w[r + 6]),
    };
  }
  internals.set(validator, { generateOutput, dmarcOutput, batchLine, fixFile });

  // [pointer, bytes] of a JSON text in the heap (valid until the next call) -> the parsed value.
  function readJson(r) {
    const w = Module.HEAP32;
    return JSON.parse(decoder.decode(Module.HEAPU8.subarray(w[r], w[r] + w[r + 1])));
  }

  let presets = null;
  function deepFreeze(x) {
    if (x !== null && typeof x === 'object') {
      for (const value of Object.values(x)) deepFreeze(value);
      Object.freeze(x);
    }
    return x;
  }

  validator.generate = generate;
  validator.generateDmarc = generateDmarc;
  Object.defineProperty(validator, 'presets', {
    enumerable: true,
    /** The generator's presets: [{ name, description, mx }], read from the C++ table on first use. */
    get() {
      if (presets === null) {
        usable();
        let r;
        try {
          r = Module._mtasts_presets() >> 2;
        } catch (e) {
          throw failed(e);
        }
        presets = deepFreeze(readJson(r));
      }
      return presets;
    },
  });
}

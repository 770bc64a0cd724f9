// The JS face of the WebAssembly build, shared by every entry (node.js, index.js, inline.js).
// One async instantiation, then synchronous calls that return plain objects (never embind handles).
//
// The module's functions are declared with embind in wasm/bindings.cpp and return plain JS values. Hot path (lint):
// the text is written into a reusable heap buffer with TextEncoder.encodeInto, Module._mtasts_lint() lints it and returns the
// address of a compact int32 record plus one UTF-8 blob, which is decoded once; the objects are built here.
// Rare calls (the catalogue, format) take and return plain JS values. The generator's calls are in generator.js
// (the "./full" entry only).

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Each result carries its input text and options for format() to lint again in C++, in a private field added to the
// plain result object (the "return override" idiom: Input's constructor runs on an object it did not create). It is
// invisible to JSON, Object.keys, spreading and deepStrictEqual, so results stay plain data, and it costs ~20 ns:
// Object.defineProperty of a hidden symbol cost ~200 ns per lint() and a WeakMap about 1 µs (garbage collection).
class ReturnsItsArgument {
  constructor(o) {
    return o;
  }
}
class Input extends ReturnsItsArgument {
  #input;
  constructor(o, input) {
    super(o);
    this.#input = input;
  }
  // (Reading a private field that the object lacks throws, as it does on null and primitives.)
  static of(x) {
    try {
      return x.#input;
    } catch {
      return undefined;
    }
  }
}
const READ = Symbol.for('mtasts.read'); // see lint()

export function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function listOf(names) {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted.join('');
}

export function checkOptions(where, options, allowed) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${where}: expected an options object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${where}: unknown option '${key}' (expected ${listOf(allowed)})`);
    }
  }
  return options;
}

// An optional option of a JS type: `${call}, { name })`: expected a boolean (or a string), got ...
function checkType(call, o, name, type) {
  if (o[name] !== undefined && typeof o[name] !== type) {
    throw new TypeError(`${call}, { ${name} }): expected a ${type}, got ${describe(o[name])}`);
  }
}

// What Module._mtasts_lint() takes as evidence: "domain\0host\0host\0" (wasm/bindings.cpp).
const evidenceText = (domain, mxHosts) => `${domain ?? ''}\0${(mxHosts ?? []).map((h) => `${h}\0`).join('')}`;

// createValidator()'s options, in the order they are checked: [valid(value), what it must be, the key it sets].
const MODULE_OPTIONS = {
  wasmBinary: [(v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v), 'an ArrayBuffer or a typed array', 'wasm'],
  wasmModule: [(v) => v instanceof WebAssembly.Module, 'a WebAssembly.Module', 'wasm'],
  locateFile: [(v) => typeof v === 'function', 'a function'],
  lang: [(v) => typeof v === 'string', "a string ('en' or 'es')"],
};

// Validates createValidator()'s options: { wasm } (bytes or a compiled module) when the caller gave it, locateFile
// and lang.
function moduleOptions(options) {
  const o = checkOptions('createValidator(options)', options, Object.keys(MODULE_OPTIONS));
  const m = {};
  for (const [name, [valid, what, key = name]] of Object.entries(MODULE_OPTIONS)) {
    const value = o[name];
    if (value === undefined) continue;
    if (!valid(value)) throw new TypeError(`createValidator(options): ${name} must be ${what}, got ${describe(value)}`);
    m[key] = value;
  }
  return m;
}

// What every entry's createValidator() does: check the options, let `locate(mod)` find the .wasm (it sets mod.wasm;
// it may be async) when the caller did not give it, instantiate; errors come back as a rejected promise, never
// thrown. The glue is Emscripten's minimal runtime (-sMINIMAL_RUNTIME, wasm/build.mjs): it instantiates `wasm` and
// fetches nothing itself. `extend(validator, Module, { usable, failed })` adds what a bigger module offers
// (generator.js, "./full").
export async function load(factory, options, locate, extend) {
  const mod = moduleOptions(options);
  if (mod.wasm === undefined) await locate(mod);
  const Module = await factory({ wasm: mod.wasm });
  return makeValidator(Module, extend, mod.lang);
}

// A browser's way to the .wasm at `url`: streaming compilation when the server says application/wasm, else the bytes.
export async function fetchWasm(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`mta-sts-lint: cannot load ${url} (HTTP ${response.status})`);
  if (WebAssembly.compileStreaming && response.headers.get('content-type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return response.arrayBuffer();
}

function makeValidator(Module, extend, lang) {
  // Everything the JS side names comes from the C++ tables (info() in wasm/bindings.cpp), the rules' texts in the
  // validator's language (English unless createValidator({ lang }) says otherwise).
  const { langs } = Module.info(0);
  // The index of a language tag (what the core takes), or a RangeError naming the tags there are.
  const langIndex = (tag, where) => {
    if (tag === undefined) return defaultLang;
    if (typeof tag !== 'string') throw new TypeError(`${where}: expected a language tag (${listOf(langs)}), got ${describe(tag)}`);
    const k = langs.indexOf(tag);
    if (k < 0) {
      const full = langs.length === 1 ? "; the other languages are in the 'mta-sts-lint/full' entry" : '';
      throw new RangeError(`${where}: unknown language '${tag}' (expected ${listOf(langs)}${full})`);
    }
    return k;
  };
  let defaultLang = 0;
  defaultLang = langIndex(lang, 'createValidator({ lang })');
  const info = Module.info(defaultLang);
  const byIndex = [];
  const rules = [];
  for (const r of info.rules) {
    const rule = Object.freeze({
      code: r.code,
      severity: info.severities[r.severity],
      dualSeverity: r.dualSeverity,
      title: r.title,
      message: r.message,
      reference: r.reference,
    });
    byIndex[r.index] = rule;
    rules.push(rule);
  }
  Object.freeze(rules);
  const { kinds, severities, version } = info; // kinds[i] / severities[i]: name of the C++ enum value i
  const formats = ['text', 'json', 'sarif'];

  // A failure inside the core (built without exceptions: running out of memory aborts the instance) leaves the heap
  // in an unknown state: report it once, then refuse further calls.
  let broken = null;
  function usable() {
    if (broken) throw new Error(`mta-sts-lint: this validator is unusable after an internal error (${broken}); create a new one`);
  }
  function failed(e) {
    broken = e && e.message ? e.message : String(e);
    return new Error(`mta-sts-lint: internal error in the WebAssembly core: ${broken}`, { cause: e });
  }

  const lintArgs = Module.lintArgs() >> 2; // Module._mtasts_lint()'s arguments: six int32 words in the heap
  // Read once: Module is a dictionary-mode object (a hash lookup per property read). views.HEAPU8 and views.HEAP32
  // are the heap's current views (the glue replaces them when memory grows; wasm/build.mjs).
  const rawLint = Module._mtasts_lint;
  const views = Module.views;

  // The reusable input buffer in the wasm heap.
  let buf = 0;
  let cap = 0;
  let view = null; // HEAPU8.subarray(buf, buf + cap)
  let viewHeap = null;
  let viewAt = 0;
  function reserve(bytes, keep) {
    if (bytes <= cap) return;
    const size = Math.max(bytes, Math.ceil(cap * 1.5), 1024);
    const p = Module._malloc(size);
    if (!p) throw new RangeError(`lint(text): out of memory (needed ${size} bytes)`);
    if (keep) views.HEAPU8.copyWithin(p, buf, buf + keep);
    if (buf) Module._free(buf);
    buf = p;
    cap = size;
  }

  // The optional evidence (domain, MX hosts) in its own small buffer.
  let evidenceBuf = 0;
  let evidenceCap = 0;
  function evidence(domain, mxHosts) {
    if (!domain && !mxHosts) return 0;
    const bytes = encoder.encode(evidenceText(domain, mxHosts));
    if (bytes.length > evidenceCap) {
      if (evidenceBuf) Module._free(evidenceBuf);
      evidenceCap = Math.max(bytes.length, 256);
      evidenceBuf = Module._malloc(evidenceCap);
    }
    views.HEAPU8.set(bytes, evidenceBuf);
    return bytes.length;
  }

  function checkEvidence(where, o) {
    if (o.domain !== undefined && typeof o.domain !== 'string') {
      throw new TypeError(`${where}: domain: expected a string, got ${describe(o.domain)}`);
    }
    if (o.mxHosts !== undefined && o.mxHosts !== null) {
      if (!Array.isArray(o.mxHosts) || o.mxHosts.some((h) => typeof h !== 'string')) {
        throw new TypeError(`${where}: mxHosts: expected an array of strings, got ${describe(o.mxHosts)}`);
      }
    }
  }

  // Writes `text` as UTF-8 into the buffer; returns the byte count.
  function encode(text) {
    reserve(text.length, 0);
    // The view is re-made only after a reallocation (reserve) or memory growth (the glue replaces HEAPU8 then);
    // comparing the arrays themselves is cheaper than reading view.buffer on every call.
    if (viewHeap !== views.HEAPU8 || viewAt !== buf || view.length !== cap) {
      viewHeap = views.HEAPU8;
      viewAt = buf;
      view = viewHeap.subarray(buf, buf + cap);
    }
    let { read, written } = encoder.encodeInto(text, view);
    if (read < text.length) {
      // Non-ASCII text that did not fit: at most 3 bytes per remaining UTF-16 code unit.
      const rest = text.length - read;
      reserve(written + rest * 3, written);
      const more = encoder.encodeInto(text.substring(read), views.HEAPU8.subarray(buf + written, buf + cap));
      written += more.written;
    }
    return written;
  }

  // Internal, the page's (web/src/compact.js), not public API: `options[Symbol.for('mtasts.read')]`, a function, takes the diagnostics part
  // of the record instead of the decoder below (symbol keys are not options: checkOptions reads Object.keys):
  // read(heap32, word of the first diagnostic, Module, layout, { count, blobAt, blobSize, ascii }) -> [diagnostics, the
  // word after them], where layout's diagnosticAt(heap32, word, strAt), diagnosticWords, fixEdits, from and to
  // (heap32, word) read the record as this decoder does (strAt(word): the string at that word; see decode()).
  function lint(text, options) {
    if (typeof text !== 'string') {
      throw new TypeError(`lint(text): expected a string, got ${describe(text)}`);
    }
    // lint(text) checks no option (the common call; the checks were ~3 % of a typical call, node --cpu-prof)
    let kind = 0;
    let verbose = false;
    let domain;
    let mxHosts;
    let file;
    let read;
    let lang = defaultLang;
    if (options !== undefined) {
      const o = checkOptions('lint(text, options)', options, ['kind', 'verbose', 'file', 'domain', 'mxHosts', 'lang']);
      if (o.kind !== undefined) {
        if (typeof o.kind !== 'string') {
          throw new TypeError(`lint(text, { kind }): expected a string (${listOf(kinds)}), got ${describe(o.kind)}`);
        }
        kind = kinds.indexOf(o.kind);
        if (kind < 0) {
          throw new RangeError(`lint(text, { kind }): unknown kind '${o.kind}' (expected ${listOf(kinds)})`);
        }
      }
      checkType('lint(text', o, 'verbose', 'boolean');
      checkType('lint(text', o, 'file', 'string');
      checkEvidence('lint(text, options)', o);
      lang = langIndex(o.lang, 'lint(text, { lang })'); // (the validator's language when not given)
      verbose = o.verbose === true;
      domain = o.domain || undefined;
      mxHosts = o.mxHosts ? [...o.mxHosts] : undefined;
      file = o.file;
      read = o[READ];
    }
    usable();
    // Lone surrogates would be encoded as U+FFFD by TextEncoder; make the JS string agree with the bytes linted so
    // that every offset slices the string the caller gets back in the same way.
    if (!text.isWellFormed()) text = text.toWellFormed();

    const size = encode(text);
    const ascii = size === text.length;
    const flags = (verbose ? 1 : 0) | (ascii ? 2 : 0) | (mxHosts ? 4 : 0) | (lang << 3);
    const extra = evidence(domain, mxHosts);
    // Module._mtasts_lint() takes its six arguments in a static block (lintArgs): a call without arguments costs
    // about half as much as one with six (docs/api.md).
    const heap32 = views.HEAP32;
    heap32[lintArgs] = buf;
    heap32[lintArgs + 1] = size;
    heap32[lintArgs + 2] = kind;
    heap32[lintArgs + 3] = flags;
    heap32[lintArgs + 4] = evidenceBuf;
    heap32[lintArgs + 5] = extra;
    let at;
    try {
      at = rawLint() >> 2;
    } catch (e) {
      throw failed(e);
    }
    const result = decode(views.HEAP32, at, text, read);
    new Input(result, { text, kind, verbose, domain, mxHosts, file, lang });
    return result;
  }

  // The decoder's state for the record being read, with helpers defined once per validator rather than as new
  // closures on every call.
  let w = null; // Int32Array: the heap
  let i = 0; // the next word
  let blob = null; // the ASCII blob as a string, decoded on first use
  let blobAt = 0;
  let blobSize = 0;
  let blobAscii = true;
  let input = ''; // the text linted (ASCII when the record holds slices of it)
  function str() {
    const s = strAt(i);
    i += 2;
    return s;
  }
  // The string whose offset and length are words j and j + 1.
  function strAt(j) {
    const off = w[j];
    const len = w[j + 1];
    if (len < 0) return null;
    if (off < 0) return input.substring(-1 - off, -1 - off + len); // a slice of the text (wasm/bindings.cpp)
    return blobAscii
      ? (blob ??= decoder.decode(views.HEAPU8.subarray(blobAt, blobAt + blobSize))).substring(off, off + len)
      : decoder.decode(views.HEAPU8.subarray(blobAt + off, blobAt + off + len));
  }
  // Unknown policy fields as { name: value } (as the CLI's JSON prints them; a repeated name keeps the last value,
  // as JSON.parse does); record fields as [{ name, value }].
  function object() {
    const n = w[i++];
    if (n === 0) return {};
    const entries = new Array(n);
    for (let k = 0; k < n; ++k) entries[k] = [str(), str()];
    return Object.fromEntries(entries); // (own data properties, "__proto__" included)
  }
  function pairs() {
    const n = w[i++];
    const list = new Array(n);
    for (let k = 0; k < n; ++k) list[k] = { name: str(), value: str() };
    return list;
  }
  function strings() {
    const n = w[i++];
    const list = new Array(n);
    for (let k = 0; k < n; ++k) list[k] = str();
    return list;
  }

  // One diagnostic of the record, at word j, as lint() returns it; the only reader of its layout (wasm/bindings.cpp):
  // code, severity, from, to, line, column, endLine, endColumn (UTF-16 units, 1-based lines and columns), message (a
  // string: two words), edit count (-1: no fix), then with a fix its title (a string) and per edit from, to, insert (a
  // string). strAt(j): the string whose offset and length are words j and j + 1.
  function diagnosticAt(w, j, strAt) {
    const d = {
      code: byIndex[w[j]].code,
      severity: severities[w[j + 1]],
      message: strAt(j + 8),
      line: w[j + 4],
      column: w[j + 5],
      endLine: w[j + 6],
      endColumn: w[j + 7],
      from: w[j + 2],
      to: w[j + 3],
    };
    const edits = w[j + 10];
    if (edits >= 0) {
      const title = strAt(j + 11);
      const list = new Array(edits);
      for (let e = 0, x = j + 13; e < edits; ++e, x += 4) list[e] = { from: w[x], to: w[x + 1], insert: strAt(x + 2) };
      d.fix = { title, edits: list };
    }
    return d;
  }
  // How many words the diagnostic at word j takes, and how many edits its fix has (-1: none).
  const diagnosticWords = (w, j) => (w[j + 10] >= 0 ? 13 + 4 * w[j + 10] : 11);
  const fixEdits = (w, j) => w[j + 10];
  // and its span (from, to)
  const from = (w, j) => w[j + 2];
  const to = (w, j) => w[j + 3];
  const layout = { diagnosticAt, diagnosticWords, fixEdits, from, to };

  function decode(heap32, at, text, read) {
    w = heap32;
    input = text;
    blobSize = w[at + 6];
    blobAt = w[at + 5];
    blobAscii = w[at + 7] === 1;
    blob = null;
    i = at + 10;

    const count = w[at + 4];
    let diagnostics;
    if (read) [diagnostics, i] = read(w, i, Module, layout, { count, blobAt, blobSize, ascii: blobAscii });
    else diagnostics = new Array(count);
    for (let k = 0; !read && k < count; ++k) {
      diagnostics[k] = diagnosticAt(w, i, strAt);
      i += diagnosticWords(w, i);
    }

    const kind = kinds[w[at]];
    const errorCount = w[at + 1];
    const facts = w[at + 8];
    let policy;
    if (facts & 1) {
      const version = str();
      const mode = str();
      const hasMaxAge = w[i] === 1;
      const maxAge = hasMaxAge ? (w[i + 2] >>> 0) * 4294967296 + (w[i + 1] >>> 0) : null;
      i += 3;
      const mx = strings();
      policy = { version, mode, maxAge, mx, extensions: object() };
    }
    // (a policy's result is made with its facts at once: adding them afterwards was a second object shape per call)
    const result = policy
      ? { kind, valid: errorCount === 0, errorCount, warningCount: w[at + 2], infoCount: w[at + 3], diagnostics, policy }
      : { kind, valid: errorCount === 0, errorCount, warningCount: w[at + 2], infoCount: w[at + 3], diagnostics };
    if (facts & 2) {
      const value = str();
      const fields = pairs();
      const version = str();
      const id = str();
      const rua = strings();
      const p = str();
      // Same keys, in the same order, as the CLI's JSON output.
      result.record = kind === 'tlsrpt' ? { value, version, rua, fields }
        : kind === 'dmarc' ? { value, version, rua, p, fields } : { value, version, id, fields };
    }
    if (kind === 'bundle') {
      // the parts found in a paste (core/evidence/): kind, UTF-16 span, first and last line, label
      const n = w[i++];
      const artefacts = new Array(n);
      for (let k = 0; k < n; ++k) {
        const akind = str();
        const from = w[i], to = w[i + 1], line = w[i + 2], endLine = w[i + 3];
        i += 4;
        artefacts[k] = { kind: akind, from, to, line, endLine, label: str() };
      }
      result.artefacts = artefacts;
    }
    w = null;
    blob = null;
    input = '';
    return result;
  }

  function format(results, name = 'text', options) {
    const where = 'format(results, format)';
    if (typeof name !== 'string') {
      throw new TypeError(`${where}: expected a format name (${listOf(formats)}), got ${describe(name)}`);
    }
    if (!formats.includes(name)) {
      throw new RangeError(`${where}: unknown format '${name}' (expected ${listOf(formats)})`);
    }
    const o = checkOptions('format(results, format, options)', options, ['color', 'lang']);
    checkType('format(results, format', o, 'color', 'boolean');
    const lang = langIndex(o.lang, 'format(results, format, { lang })');
    const list = Array.isArray(results) ? results : [results];
    const files = list.map((item, k) => {
      let result = item;
      let file;
      if (item !== null && typeof item === 'object' && Input.of(item) === undefined && 'result' in item) {
        result = item.result;
        file = item.file;
        if (file !== undefined && typeof file !== 'string') {
          throw new TypeError(`${where}: results[${k}].file: expected a string, got ${describe(file)}`);
        }
      }
      const input = Input.of(result);
      if (input === undefined) {
        throw new TypeError(
          `${where}: expected a result returned by lint() (or { file, result }, or an array of them), ` +
            `got ${describe(result)}${Array.isArray(results) ? ` at index ${k}` : ''}`,
        );
      }
      return { name: file ?? input.file ?? '<input>', ...coreFile(input) };
    });
    return decoder.decode(callFormat(files, name, o.color === true, lang).output);
  }

  // A file for the C++ format(): kind index, flags and evidence as Module._mtasts_lint takes them (the messages in the
  // language the result was linted in).
  // The text goes as UTF-8 bytes (TextEncoder is native; embind's std::string from a JS string is a loop per character).
  function coreFile({ text, kind, verbose, domain, mxHosts, lang = defaultLang }) {
    return {
      text: typeof text === 'string' ? encoder.encode(text) : text,
      kind,
      flags: (verbose ? 1 : 0) | (mxHosts ? 4 : 0) | (lang << 3),
      evidence: domain || mxHosts ? evidenceText(domain, mxHosts) : '',
    };
  }

  // Calls the core's format() (wasm/bindings.cpp). Returns the output (a view of the heap, valid until the next call)
  // and the counts.
  function callFormat(files, name, color, lang = defaultLang) {
    usable();
    let r;
    try {
      r = Module.format(files, name, (color ? 1 : 0) | (lang << 1));
    } catch (e) {
      throw failed(e);
    }
    if (r === null) throw new RangeError(`format(): unknown format '${name}'`);
    return r;
  }

  // For the bin: files [{ name, text: string | Uint8Array, kind: KindOption, verbose, domain?, mxHosts? }] ->
  // { output: Uint8Array, errors, warnings }. Raw bytes reach the core unchanged (a non-UTF-8 file is reported as
  // the native CLI does).
  // cert (./full): { now (seconds), expiryWarningDays, certHost, policyMode } for every file, as the native command's
  // options (the text output then ends with the certificate tables, as the native command's).
  function formatFiles(list, name, color, cert) {
    const files = list.map((f) => ({ name: f.name, set: f.set === true, ...coreFile({ ...f, kind: kinds.indexOf(f.kind) }) }));
    if (cert && files.length) files[0].cert = cert;
    const { output, errors, warnings } = callFormat(files, name, color);
    return { output: output.slice(), errors, warnings };
  }
  // The bin's --now: seconds since 1970, or null when the text is not YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD (./full).
  const parseTime = (text) => (Module.mtastsParseTime ? Module.mtastsParseTime(text) : null);

  const validator = {
    lint,
    format,
    rules,
    version,
    /** The language of messages and rules unless a call says otherwise ('en' or 'es'). */
    lang: langs[defaultLang],
    /** The languages of the catalogue (core/i18n/languages.def). */
    langs: Object.freeze([...langs]),
    /** Debug: the size of the WebAssembly linear memory in bytes (it grows for large inputs, never per call). */
    get heapSize() {
      return views.HEAPU8.buffer.byteLength;
    },
  };
  internals.set(validator, { formatFiles, parseTime });
  if (extend) {
    extend(validator, Module, { usable, failed, langIndex });
  } else {
    // The default module has no generator (wasm/CMakeLists.txt): say where it is rather than "not a function".
    validator.generate = () => {
      throw new Error("mta-sts-lint: generate() is in the 'mta-sts-lint/full' entry (the default one leaves the generator out to stay small)");
    };
  }
  return validator;
}

const internals = new WeakMap();

/** Internal (used by wasm/bin.js, not public API): formats raw file contents exactly as the native CLI does. */
export function formatFiles(validator, files, format, color, cert) {
  return internals.get(validator).formatFiles(files, format, color, cert);
}

/** Internal (wasm/bin.js): the native command's --now parsing (seconds since 1970, or null). */
export function parseTime(validator, text) {
  return internals.get(validator).parseTime(text);
}

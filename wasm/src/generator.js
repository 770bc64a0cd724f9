// What only the "./full" module (mta-sts-lint-full.wasm) has: the generator's half of the JS API, generate() and
// presets, added to the validator by the "./full" entries (full-node.js, full-index.js, full-inline.js); and, for
// wasm/bin.js only, the native `generate` output and the `--batch` answer lines. The default entries do not import
// this file.
import { checkOptions, describe } from './api.js';

const GENERATE_OPTIONS = ['domain', 'mode', 'mx', 'fromMx', 'preset', 'maxAge', 'id', 'rua', 'now', 'lang'];
const DMARC_OPTIONS = ['domain', 'policy', 'subdomainPolicy', 'rua', 'ruf', 'adkim', 'aspf', 'pct', 'lang'];

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
export function batchLine(validator, entry) {
  return internals.get(validator).batchLine(entry);
}

// Adds generate(), generateDmarc(), presets and localized() to `validator` (api.js calls this from instantiate()).
export function withGenerator(validator, Module, { usable, failed, langIndex }) {
  // Calls the core's function `name` (declared with embind in wasm/bindings.cpp) on plain JS values.
  function call(name, ...args) {
    usable();
    try {
      return Module[name](...args);
    } catch (e) {
      throw failed(e);
    }
  }

  // The generator: the options are checked here and handed over as they are (the core reads them); the core answers
  // with the CLI's `generate --format json` object, plus ok and errors.
  function generate(options) {
    const where = 'generate(options)';
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(`${where}: expected an options object, got ${describe(options)}`);
    }
    checkOptions(where, options, GENERATE_OPTIONS);
    const o = { lang: langIndex(options.lang, `${where}.lang`) };
    for (const key of ['domain', 'mode', 'preset', 'id']) {
      const value = options[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') throw new TypeError(`${where}.${key}: expected a string, got ${describe(value)}`);
      o[key] = value;
    }
    for (const key of ['mx', 'fromMx', 'rua']) {
      const value = options[key];
      if (value === undefined || value === null) continue;
      // findIndex, unlike some(), visits the holes of a sparse array.
      if (!Array.isArray(value) || value.findIndex((x) => typeof x !== 'string') >= 0) {
        throw new TypeError(`${where}.${key}: expected an array of strings, got ${describeList(value)}`);
      }
      o[key] = [...value];
    }
    if (options.maxAge !== undefined && options.maxAge !== null) {
      if (typeof options.maxAge !== 'number') {
        throw new TypeError(`${where}.maxAge: expected a number of seconds, got ${describe(options.maxAge)}`);
      }
      // Not a whole number (1.5, NaN, Infinity, 1e21): the core refuses it as the CLI refuses --max-age 1.5 (STS229).
      o.maxAge = Number.isSafeInteger(options.maxAge) ? String(options.maxAge) : '.';
    }
    o.now = Math.floor(Date.now() / 1000);
    if (options.now !== undefined && options.now !== null) {
      if (typeof options.now !== 'number') {
        throw new TypeError(
          `${where}.now: expected a number of seconds since 1970-01-01T00:00:00Z, got ${describe(options.now)}`,
        );
      }
      if (!Number.isSafeInteger(options.now)) {
        throw new RangeError(`${where}.now: expected a whole number of seconds, got ${options.now}`);
      }
      o.now = options.now;
    }
    return call('generate', o).result;
  }

  // The DMARC generator: a _dmarc record from a few answers, checked by the DMARC linter.
  function generateDmarc(options) {
    const where = 'generateDmarc(options)';
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(`${where}: expected an options object, got ${describe(options)}`);
    }
    checkOptions(where, options, DMARC_OPTIONS);
    const o = { lang: langIndex(options.lang, `${where}.lang`) };
    for (const key of ['domain', 'policy', 'subdomainPolicy', 'adkim', 'aspf']) {
      const value = options[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') throw new TypeError(`${where}.${key}: expected a string, got ${describe(value)}`);
      o[key] = value;
    }
    for (const key of ['rua', 'ruf']) {
      const value = options[key];
      if (value === undefined || value === null) continue;
      if (!Array.isArray(value) || value.findIndex((x) => typeof x !== 'string') >= 0) {
        throw new TypeError(`${where}.${key}: expected an array of strings, got ${describeList(value)}`);
      }
      o[key] = [...value];
    }
    if (options.pct !== undefined && options.pct !== null) {
      if (typeof options.pct !== 'number') throw new TypeError(`${where}.pct: expected a number, got ${describe(options.pct)}`);
      o.pct = Number.isSafeInteger(options.pct) ? String(options.pct) : '.';
    }
    return call('generateDmarc', o).result;
  }

  // For wasm/bin.js (not public API): `mta-sts-lint generate dmarc`, options as the command line gives them (strings;
  // pct as typed), and the bytes the native command prints. Returns { result, output }.
  function dmarcOutput(o, format) {
    return call('generateDmarc', { ...o, lang: langIndex(undefined, 'generateDmarc'), format });
  }

  // For wasm/bin.js (not public API): the native `generate` command's work, options as the command line gives them
  // (strings; maxAge as typed, so the core refuses it exactly as the native CLI does) and the bytes that
  // `mta-sts-lint generate --format F` prints. Returns { result, output }.
  function generateOutput(o, format) {
    return call('generate', { ...o, lang: langIndex(undefined, 'generate'), now: Math.floor(Date.now() / 1000), format });
  }

  // For wasm/bin.js (not public API): one answer line of `mta-sts-lint --batch`, written by the core
  // (core/batch.hpp) as the native command writes it. `entry` is what batch() in wasm/bindings.cpp takes. Returns
  // the line's UTF-8 bytes (a copy).
  function batchLine(entry) {
    return call('batch', { ...entry, lang: langIndex(undefined, 'batch') }).slice();
  }

  // For wasm/bin.js (not public API): one file of `mta-sts-lint --fix` / `--fix-dry-run` (core/fix/). `text` is the
  // file's bytes. Returns { changed, text (bytes), summary (the stderr line, or ''), diff (bytes) }.
  function fixFile(file) {
    return call('fix', { ...file, lang: langIndex(undefined, 'fix') });
  }
  internals.set(validator, { generateOutput, dmarcOutput, batchLine, fixFile });

  // Per language index, made on first use: the presets ([{ name, description, mx }], from the C++ table, descriptions
  // in that language) and the rules.
  const presetsByLang = [];
  const rulesByLang = [];
  function deepFreeze(x) {
    if (x !== null && typeof x === 'object') {
      for (const value of Object.values(x)) deepFreeze(value);
      Object.freeze(x);
    }
    return x;
  }
  const presetsIn = (k) => (presetsByLang[k] ??= deepFreeze(call('presets', k)));

  // The catalogue's rules and the generator's presets in language `lang` (default: the validator's), for a page or a
  // tool that switches language without creating another validator.
  function localized(lang) {
    const k = langIndex(lang, 'localized(lang)');
    if (k === langIndex(undefined)) rulesByLang[k] = validator.rules;
    if (!rulesByLang[k]) {
      // v.rules with the texts of language k (code, severity and reference never change with the language)
      const texts = new Map(call('info', k).rules.map((r) => [r.code, r]));
      rulesByLang[k] = Object.freeze(validator.rules.map((r) => Object.freeze({ ...r, title: texts.get(r.code).title, message: texts.get(r.code).message })));
    }
    return Object.freeze({ lang: validator.langs[k], rules: rulesByLang[k], presets: presetsIn(k) });
  }

  validator.generate = generate;
  validator.generateDmarc = generateDmarc;
  validator.localized = localized;
  Object.defineProperty(validator, 'presets', {
    enumerable: true,
    /** The generator's presets: [{ name, description, mx }], descriptions in the validator's language. */
    get() {
      return presetsIn(langIndex(undefined));
    },
  });
}

// Browser and bundler entry ("default" condition of "."): the .wasm is resolved next to this module through
// `new URL(..., import.meta.url)`, the pattern webpack 5, Vite, Parcel and esbuild's file loader recognise as an
// asset, and fetched (compiled while it streams when served as application/wasm). Pass `locateFile`, `wasmBinary`
// or `wasmModule` to load it from elsewhere.
import factory from './glue.js';
import { fetchWasm, load } from './api.js';

/** @type {import('../index.js').createValidator} */
export const createValidator = (options) =>
  load(factory, options, async (mod) => {
    const url = new URL('./mta-sts-lint.wasm', import.meta.url).href;
    mod.wasm = await fetchWasm(mod.locateFile ? mod.locateFile('mta-sts-lint.wasm', new URL('./', import.meta.url).href) : url);
  });

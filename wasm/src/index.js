// Browser and bundler entry ("default" condition of "."): the .wasm is resolved next to this module through
// `new URL(..., import.meta.url)`, the pattern webpack 5, Vite, Parcel and esbuild's file loader recognise as an
// asset. Pass `locateFile`, `wasmBinary` or `wasmModule` to load it from elsewhere.
import factory from './glue.js';
import { load } from './api.js';

/** @type {import('../index.js').createValidator} */
export const createValidator = (options) =>
  load(factory, options, (mod) => {
    if (!mod.locateFile) {
      const url = new URL('./mta-sts-lint.wasm', import.meta.url).href;
      mod.locateFile = () => url;
    }
  });

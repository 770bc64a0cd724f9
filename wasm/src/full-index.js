// Browser and bundler entry of "./full" (the default API plus the generator); see index.js.
import factory from './glue-full.js';
import { load } from './api.js';
import { withGenerator } from './generator.js';

/** @type {import('../full.js').createValidator} */
export const createValidator = (options) =>
  load(
    factory,
    options,
    (mod) => {
      if (!mod.locateFile) {
        const url = new URL('./mta-sts-lint-full.wasm', import.meta.url).href;
        mod.locateFile = () => url;
      }
    },
    withGenerator,
  );

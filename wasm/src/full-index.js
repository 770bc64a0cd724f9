// Browser and bundler entry of "./full" (the default API plus the generator); see index.js.
import factory from './glue-full.js';
import { fetchWasm, load } from './api.js';
import { withGenerator } from './generator.js';
import { withCertificates } from './certificates.js';

// the generator and the certificates (wasm/src/certificates.js)
const withFull = (validator, Module, how) => {
  withGenerator(validator, Module, how);
  withCertificates(validator, Module, how);
};

/** @type {import('../full.js').createValidator} */
export const createValidator = (options) =>
  load(
    factory,
    options,
    async (mod) => {
      const url = new URL('./mta-sts-lint-full.wasm', import.meta.url).href;
      mod.wasm = await fetchWasm(mod.locateFile ? mod.locateFile('mta-sts-lint-full.wasm', new URL('./', import.meta.url).href) : url);
    },
    withFull,
  );

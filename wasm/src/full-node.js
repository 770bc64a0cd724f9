// Node entry of "./full": the default API plus generate() and presets, with mta-sts-lint-full.wasm.
import factory from './glue-full.js';
import { load } from './api.js';
import { withGenerator } from './generator.js';
import { withCertificates } from './certificates.js';
import { fromFile } from './node-load.js';

// the generator and the certificates (wasm/src/certificates.js)
const withFull = (validator, Module, how) => {
  withGenerator(validator, Module, how);
  withCertificates(validator, Module, how);
};

/** @type {import('../full.js').createValidator} */
export const createValidator = (options) => load(factory, options, fromFile('mta-sts-lint-full.wasm'), withFull);

// Inline entry of "./full" (the default API plus the generator, the .wasm as base64); see inline.js.
import factory from './glue-full.js';
import { load } from './api.js';
import { withGenerator } from './generator.js';
import { withCertificates } from './certificates.js';
import { fromBase64 } from './inline-load.js';
import { wasmBase64 } from './wasm-full-base64.js';

// the generator and the certificates (wasm/src/certificates.js)
const withFull = (validator, Module, how) => {
  withGenerator(validator, Module, how);
  withCertificates(validator, Module, how);
};

/** @type {import('../full.js').createValidator} */
export const createValidator = (options) => load(factory, options, fromBase64(wasmBase64), withFull);

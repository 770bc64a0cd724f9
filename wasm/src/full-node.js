// Node entry of "./full": the default API plus generate() and presets, with mta-sts-lint-full.wasm.
import factory from './glue-full.js';
import { load } from './api.js';
import { withGenerator } from './generator.js';
import { fromFile } from './node-load.js';

/** @type {import('../full.js').createValidator} */
export const createValidator = (options) => load(factory, options, fromFile('mta-sts-lint-full.wasm'), withGenerator);

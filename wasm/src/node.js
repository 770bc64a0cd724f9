// Node entry ("node" condition of "."): lint, rules and format, with mta-sts-lint.wasm read from this directory.
import factory from './glue.js';
import { load } from './api.js';
import { fromFile } from './node-load.js';

/** @type {import('../index.js').createValidator} */
export const createValidator = (options) => load(factory, options, fromFile('mta-sts-lint.wasm'));

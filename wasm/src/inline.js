// Inline entry ("./inline"): the .wasm travels inside this file as base64, for pages and tools without an asset
// pipeline (a file:// page, a strict CSP with connect-src 'none'). Needs script-src 'wasm-unsafe-eval' and nothing
// else: the glue is built with -sDYNAMIC_EXECUTION=0 (no eval, no new Function).
import factory from './glue.js';
import { load } from './api.js';
import { fromBase64 } from './inline-load.js';
import { wasmBase64 } from './wasm-base64.js';

/** @type {import('../index.js').createValidator} */
export const createValidator = (options) => load(factory, options, fromBase64(wasmBase64));

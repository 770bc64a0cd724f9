// Inline entry ("./inline"): the .wasm travels inside this file as base64, for pages and tools without an asset
// pipeline (a file:// page, a strict CSP with connect-src 'none'). The bytes are handed to the glue as wasmBinary,
// so it never fetches anything (not even a data: URL). Needs script-src 'wasm-unsafe-eval' and nothing else: the
// glue is built with -sDYNAMIC_EXECUTION=0 (no eval, no new Function).
import factory from './glue.js';
import { instantiate, moduleOptions } from './api.js';
import { wasmBase64 } from './wasm-base64.js';

function bytes(base64) {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; ++i) out[i] = s.charCodeAt(i);
  return out;
}

/** @type {import('../index.js').createValidator} */
export function createValidator(options) {
  try {
    const mod = moduleOptions(options);
    if (!mod.wasmBinary && !mod.instantiateWasm) mod.wasmBinary = bytes(wasmBase64);
    return instantiate(factory, mod);
  } catch (e) {
    return Promise.reject(e);
  }
}

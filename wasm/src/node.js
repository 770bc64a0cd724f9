// Node entry ("node" condition of "."): reads the .wasm next to this file with fs (Node's fetch cannot load file:
// URLs), so nothing touches the network.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import factory from './glue.js';
import { instantiate, moduleOptions } from './api.js';

const WASM = 'mta-sts-lint.wasm';

/** @type {import('../index.js').createValidator} */
export function createValidator(options) {
  try {
    const mod = moduleOptions(options);
    if (!mod.wasmBinary && !mod.instantiateWasm) {
      // locateFile is honoured: a path or a file: URL is read with fs too.
      let where = new URL(WASM, import.meta.url);
      if (mod.locateFile) {
        const located = String(mod.locateFile(WASM, fileURLToPath(new URL('./', import.meta.url))));
        where = /^file:/.test(located) ? new URL(located) : located;
      }
      if (typeof where !== 'string' || !/^(https?|data|blob):/.test(where)) {
        mod.wasmBinary = readFileSync(where);
      }
    }
    return instantiate(factory, mod);
  } catch (e) {
    return Promise.reject(e);
  }
}

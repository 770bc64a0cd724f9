// Where the Node entries (node.js, full-node.js) find their .wasm: next to this file, read with fs (Node's fetch
// cannot load file: URLs), so nothing touches the network. locateFile is honoured: a path or a file: URL is read
// with fs too; an http(s), data or blob URL is fetched (the caller asked for it).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fetchWasm } from './api.js';

export const fromFile = (name) => async (mod) => {
  let where = new URL(name, import.meta.url);
  if (mod.locateFile) {
    const located = String(mod.locateFile(name, fileURLToPath(new URL('./', import.meta.url))));
    where = /^file:/.test(located) ? new URL(located) : located;
  }
  mod.wasm = typeof where === 'string' && /^(https?|data|blob):/.test(where) ? await fetchWasm(where) : readFileSync(where);
};

// The .wasm of the inline entries (inline.js, full-inline.js) travels inside the bundle as base64 and is handed to
// the glue as bytes, so nothing is fetched (not even a data: URL).
export const fromBase64 = (base64) => (mod) => {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; ++i) out[i] = s.charCodeAt(i);
  mod.wasm = out;
};

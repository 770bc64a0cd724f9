#!/usr/bin/env node
// Builds the static page into web/dist/: index.html (with a strict CSP), style.css and app.js, one classic IIFE script
// that holds CodeMirror and the single-file WebAssembly validator (wasm embedded). Opens from file:// and any static host.
//
// Usage: node web/build.mjs [--dev]      (--dev: no minification, inline source map)
// Env:   MTASTS_VALIDATOR_MODULE=path    build against another ESM build of the validator (default: the package's
//                                        "./full/inline" export, i.e. wasm/dist/full-inline.js: the page generates
//                                        policies too)

import { build } from 'esbuild';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const src = join(here, 'src');
const dist = join(here, 'dist');
const dev = process.argv.includes('--dev');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function validatorModule() {
  if (process.env.MTASTS_VALIDATOR_MODULE) return resolve(process.env.MTASTS_VALIDATOR_MODULE);
  // The package's "./full/inline" export (linter and generator, the .wasm inside), whatever its file name.
  const pick = (e) => (typeof e === 'string' ? e : e && (e.browser || e.import || e.default || pick(e.node)));
  const exp = pkg.exports && typeof pkg.exports === 'object' ? pick(pkg.exports['./full/inline']) : null;
  const candidates = [exp && join(root, exp), join(root, 'wasm/dist/full-inline.js')].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    console.error(`build:web: the single-file validator is missing (looked for ${candidates.map((p) => relative(root, p)).join(', ')}).`);
    console.error('Build the WebAssembly package first (see wasm/), or set MTASTS_VALIDATOR_MODULE.');
    process.exit(2);
  }
  return found;
}

// A fresh nonce per build: CodeMirror injects its styles at run time (style-mod) and tags them with
// EditorView.cspNonce; the same nonce goes into the CSP's style-src. Nothing else may add styles.
const nonce = randomBytes(18).toString('base64');

const csp = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // The single-file glue first tries fetch(data:…) of its embedded wasm; data: keeps that silent and allows no network.
  'connect-src data:',
  // @codemirror/lint draws its squiggles and gutter markers as data: SVG images.
  'img-src data:',
  `style-src 'self' 'nonce-${nonce}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const validatorPath = validatorModule();

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const result = await build({
  entryPoints: [join(src, 'app.js')],
  outfile: join(dist, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome111', 'firefox119', 'safari16.4'],
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'eof',
  charset: 'utf8',
  alias: { 'mtasts-validator': validatorPath },
  loader: { '.txt': 'text' },
  define: {
    __CSP_NONCE__: JSON.stringify(nonce),
    __VERSION__: JSON.stringify(pkg.version),
    // In a classic script there is no import.meta; the embedded wasm needs no URL.
    'import.meta.url': 'undefined',
  },
  logLevel: 'warning',
  metafile: true,
});

const css = readFileSync(join(src, 'style.css'), 'utf8');
writeFileSync(join(dist, 'style.css'), css);

const html = readFileSync(join(src, 'index.html'), 'utf8')
  .replace('{{CSP}}', csp)
  .replaceAll('{{VERSION}}', pkg.version);
writeFileSync(join(dist, 'index.html'), html);

// A small check that the bundle obeys the CSP: no eval, no Function constructor calls from our code paths.
const app = readFileSync(join(dist, 'app.js'), 'utf8');
const suspicious = [/\beval\(/, /new Function\(/].filter((re) => re.test(app));
if (suspicious.length) console.warn(`build:web: warning: app.js matches ${suspicious.map(String).join(', ')} (blocked by the CSP)`);

let total = 0;
let totalGz = 0;
for (const f of ['index.html', 'style.css', 'app.js']) {
  const buf = readFileSync(join(dist, f));
  const gz = gzipSync(buf, { level: 9 }).length;
  total += buf.length;
  totalGz += gz;
  console.log(`  web/dist/${f.padEnd(11)} ${(buf.length / 1024).toFixed(1).padStart(7)} KiB  gzip ${(gz / 1024).toFixed(1).padStart(6)} KiB`);
}
console.log(`  total             ${(total / 1024).toFixed(1).padStart(7)} KiB  gzip ${(totalGz / 1024).toFixed(1).padStart(6)} KiB`);
console.log(`  validator: ${relative(root, validatorPath)}  (sha256 ${createHash('sha256').update(readFileSync(validatorPath)).digest('hex').slice(0, 12)})`);
void result;

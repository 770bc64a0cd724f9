#!/usr/bin/env node
// `npm run dist`: the artefacts to carry to a machine without internet, in dist/ (docs/dist.md):
//   mta-sts-lint_<version>_<arch>.deb         the native CLI and its man page (cpack -G DEB, Depends from dpkg-shlibdeps)
//   mta-sts-lint-<version>-linux-<arch>       the native CLI linked statically (glibc and libstdc++ inside), stripped
//   mta-sts-lint-<version>.tgz                the npm package (npm pack): the WebAssembly build, its API and its bin
//   mta-sts-lint.html                         the web page as one file: script, style and wasm inline, a CSP of hashes
//   SHA256SUMS                                to check the copies after the trip (sha256sum -c SHA256SUMS)
//
// Builds the native parts itself (build/: the targets mta-sts-lint, mta-sts-lint-man and mta-sts-lint-static, which
// share their objects), and packs what `npm run build` left in wasm/dist/ and web/dist/ (`npm run dist` runs the build
// first). Needs cmake, g++, help2man, dpkg-dev (dpkg-shlibdeps) and binutils (strip): scripts/setup.sh.
//
// Usage: node scripts/dist.mjs

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const version = pkg.version;

// What the artefacts are called, for the tests (tests/dist/) and the docs.
export function artefactNames(arch = machine()) {
  const debArch = { x86_64: 'amd64', aarch64: 'arm64' }[arch] ?? arch;
  return {
    deb: `mta-sts-lint_${version}_${debArch}.deb`,
    static: `mta-sts-lint-${version}-linux-${arch}`,
    npm: `mta-sts-lint-${version}.tgz`,
    html: 'mta-sts-lint.html',
  };
}

function machine() {
  return { x64: 'x86_64', arm64: 'aarch64' }[process.arch] ?? process.arch;
}

function run(cmd, args, { cwd = root, capture = false } = {}) {
  if (!capture) console.log(`dist: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (r.error) {
    console.error(`dist: cannot run ${cmd}: ${r.error.message} (bash scripts/setup.sh installs what is needed)`);
    process.exit(2);
  }
  if (r.status !== 0) {
    console.error(`dist: ${cmd} failed (exit ${r.status})`);
    process.exit(r.status || 1);
  }
  return r.stdout;
}

// ---- the page as one file -------------------------------------------------------------------------------------------

export const cspHash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// web/dist/index.html with style.css and app.js inline. The CSP keeps every directive of the built page and replaces
// only 'self' (which, from file://, means nothing and allows nothing inline) by the hashes of the inline style and
// script; CodeMirror's run-time styles keep their nonce. The script moves to the end of <body>: an inline script
// cannot be deferred, and app.js expects the document it works on to be parsed.
export function singleFile(indexHtml, appJs, css) {
  const fail = (why) => {
    throw new Error(`dist: cannot inline the page: ${why}`);
  };
  // The HTML parser ends a script at "</script" and a style at "</style", changes CR and NUL, and "<!--" in a script
  // changes how "</script" is read: any of them would make the text run differ from the text hashed.
  if (/<\/script|<!--/i.test(appJs)) fail('app.js contains "</script" or "<!--"');
  if (/<\/style/i.test(css)) fail('style.css contains "</style"');
  if (/[\r\0]/.test(appJs + css)) fail('a CR or NUL in app.js or style.css');

  const link = '<link rel="stylesheet" href="style.css">';
  const script = '<script src="app.js" defer></script>';
  for (const tag of [link, script, '</body>']) if (indexHtml.split(tag).length !== 2) fail(`expected one ${tag} in index.html`);
  const cspRe = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
  const m = cspRe.exec(indexHtml);
  if (!m) fail('no CSP meta tag in index.html');

  const hashes = { 'script-src': cspHash(appJs), 'style-src': cspHash(css) };
  const directives = m[1].split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    if (!(name in hashes)) return d;
    if (!sources.includes("'self'")) fail(`${name} has no 'self' to replace: ${d}`);
    if (sources.some((s) => /^'unsafe-inline'$/.test(s))) fail(`${name} allows 'unsafe-inline'`);
    return [name, ...sources.map((s) => (s === "'self'" ? hashes[name] : s))].join(' ');
  });
  for (const name of Object.keys(hashes)) if (!directives.some((d) => d.startsWith(name + ' '))) fail(`the CSP has no ${name}`);
  const csp = directives.join('; ');

  return indexHtml
    .replace(cspRe, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(link, () => `<style>${css}</style>`)
    .replace(script, '')
    .replace('</body>', () => `<script>${appJs}</script>\n</body>`);
}

// ---- the build ------------------------------------------------------------------------------------------------------

function need(path, hint) {
  if (!existsSync(path)) {
    console.error(`dist: ${relative(root, path)} is missing: ${hint}`);
    process.exit(2);
  }
}

export function main() {
  const names = artefactNames();
  const build = join(root, 'build');
  const web = join(root, 'web', 'dist');
  need(join(root, 'wasm', 'dist', 'full-inline.js'), 'run `npm run build` (or `npm run build:wasm`) first');
  for (const f of ['index.html', 'app.js', 'style.css']) need(join(web, f), 'run `npm run build` (or `npm run build:web`) first');

  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });

  // Native: the same objects linked twice, and the man page from the dynamic binary's --help.
  if (!existsSync(join(build, 'CMakeCache.txt'))) run('cmake', ['-S', '.', '-B', 'build', '-DCMAKE_BUILD_TYPE=Release']);
  run('cmake', ['--build', 'build', '-j', '2', '--target', 'mta-sts-lint', 'mta-sts-lint-man', 'mta-sts-lint-static']);

  // The .deb: cpack installs build/ into a staging root (binary stripped, man page gzipped) and computes Depends.
  const cpackDir = join(build, 'cpack');
  rmSync(cpackDir, { recursive: true, force: true });
  run('cpack', ['-G', 'DEB', '--config', join(build, 'CPackConfig.cmake'), '-B', cpackDir]);
  need(join(cpackDir, names.deb), 'cpack wrote no package of that name');
  copyFileSync(join(cpackDir, names.deb), join(distDir, names.deb));

  // The static binary, stripped (the symbols are a third of it and no use to a user).
  const staticOut = join(distDir, names.static);
  run('strip', ['-o', staticOut, join(build, 'mta-sts-lint-static')]);
  chmodSync(staticOut, 0o755);

  // The npm package exactly as `npm publish` would upload it (package.json "files").
  run('npm', ['pack', '--pack-destination', distDir, '--loglevel=error']);
  need(join(distDir, names.npm), 'npm pack wrote no tarball of that name');

  // The page as one file.
  const html = singleFile(
    readFileSync(join(web, 'index.html'), 'utf8'),
    readFileSync(join(web, 'app.js'), 'utf8'),
    readFileSync(join(web, 'style.css'), 'utf8'),
  );
  writeFileSync(join(distDir, names.html), html);

  const files = Object.values(names);
  const sums = files.map((f) => `${createHash('sha256').update(readFileSync(join(distDir, f))).digest('hex')}  ${f}\n`).join('');
  writeFileSync(join(distDir, 'SHA256SUMS'), sums);

  for (const f of readdirSync(distDir)) if (![...files, 'SHA256SUMS'].includes(f)) console.warn(`dist: unexpected file dist/${f}`);
  for (const f of files) {
    const buf = readFileSync(join(distDir, f));
    const gz = f.endsWith('.html') ? `  (gzip ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(1)} KiB)` : '';
    console.log(`  dist/${f.padEnd(36)} ${(statSync(join(distDir, f)).size / 1024).toFixed(1).padStart(8)} KiB${gz}`);
  }
}

// Run as a script (not when a test imports it), also through a symlinked path.
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) main();

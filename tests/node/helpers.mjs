// Shared paths and helpers of the Node suite (`npm run test:node`). Needs `npm run build:wasm` (wasm/dist) and, for
// the comparisons with the native CLI, `npm run build:native` (build/mta-sts-lint).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The real-world corpus is test data of the repository (tests/corpus); MTASTS_CORPUS may point to another copy.
export const corpus = resolve(process.env.MTASTS_CORPUS ?? join(root, 'tests', 'corpus'));
export const nativeCli = resolve(process.env.MTASTS_NATIVE_CLI ?? join(root, 'build', 'mta-sts-lint'));
export const binJs = join(root, 'wasm', 'bin.js');
export const dist = join(root, 'wasm', 'dist');

export function requireFile(path, hint) {
  if (!existsSync(path)) throw new Error(`missing ${path}: ${hint}`);
  return path;
}

export async function validator() {
  requireFile(join(dist, 'node.js'), 'run `npm run build:wasm` first');
  const { createValidator } = await import(join(dist, 'node.js'));
  return createValidator();
}

// The "./full" entry's validator: the default API plus generate() and presets (mta-sts-lint-full.wasm).
export async function fullValidator() {
  requireFile(join(dist, 'full-node.js'), 'run `npm run build:wasm` first');
  const { createValidator } = await import(join(dist, 'full-node.js'));
  return createValidator();
}

// Runs a program; returns { status, stdout: Buffer, stderr: string }.
export function run(cmd, args, { input, env, cwd } = {}) {
  const r = spawnSync(cmd, args, {
    input,
    cwd,
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

// npm in `cwd`, quiet, with a cache of its own under `scratch` (so that nothing comes from the user's cache).
export function npmIn(args, cwd, scratch) {
  return run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    env: { npm_config_cache: join(scratch, 'npm-cache') },
    cwd,
  });
}

// Installs a packed tarball (`npm pack`) the way a user without a registry does: a new project in scratch/<name>,
// `npm install --offline <tgz>`. Returns { project, status, stderr }; the package's bin is project/node_modules/.bin/.
export function installPacked(tgz, scratch, name = 'consumer') {
  const project = join(scratch, name);
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
  const r = npmIn(['install', '--offline', tgz], project, scratch);
  return { project, status: r.status, stderr: r.stderr };
}

export const native = (args, opts) =>
  run(requireFile(nativeCli, 'run `npm run build:native` first'), args, opts);
export const bin = (args, opts) => run(process.execPath, [binJs, ...args], opts);

// UTF-16 offset of a UTF-8 byte offset into `bytes` (a BOM counts as one unit, as in the JS string).
export function utf16Offset(bytes, byteOffset) {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, byteOffset)).length;
}

// ---- man pages (tests/node/man.test.mjs, tests/dist/) ----

// The options a help text lists: "  -h,--help   ...", "  --kind TEXT:{...}", "  --verbose, -v   ..." -> ['--help', '--kind', '-v', ...]
export function helpOptions(help) {
  const names = new Set();
  for (const line of help.split('\n')) {
    const m = /^ {2}((?:-{1,2}[A-Za-z][\w-]*)(?:, ?-{1,2}[A-Za-z][\w-]*)*)/.exec(line);
    if (m) for (const n of m[1].split(/, ?/)) names.add(n);
  }
  return [...names];
}

// The page as man shows it: plain text (no pager, no bold), wide enough that option lines do not wrap.
export function renderMan(path) {
  const r = run('man', ['--warnings', '-l', path], { env: { MANWIDTH: '200', LC_ALL: 'C.UTF-8', MANPAGER: 'cat', PAGER: 'cat' } });
  return { status: r.status, text: r.stdout.toString(), warnings: r.stderr };
}

// The text of one section of a rendered page: from its heading (at column 0) to the next heading.
export function section(text, name) {
  const m = new RegExp(`^${name}\\n([\\s\\S]*?)(?=^\\S)`, 'm').exec(text + '\nEND\n');
  return m ? m[1] : null;
}

export function assertDocumented(text, name, options) {
  const body = section(text, name);
  assert.ok(body, `the page has a ${name} section`);
  for (const o of options) {
    // an item of its own: a tag line (".TP", indented 7) that starts with the option or with its other name
    assert.match(body, new RegExp(`^ {7}(-{1,2}[\\w-]+, )?${o}(?![\\w-])`, 'm'), `${o} is an item under ${name}`);
  }
}

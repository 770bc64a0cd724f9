// Shared paths and helpers of the Node suite (`npm run test:node`). Needs `npm run build:wasm` (wasm/dist) and, for
// the comparisons with the native CLI, `npm run build:native` (build/mta-sts-lint).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

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

export const native = (args, opts) =>
  run(requireFile(nativeCli, 'run `npm run build:native` first'), args, opts);
export const bin = (args, opts) => run(process.execPath, [binJs, ...args], opts);

// UTF-16 offset of a UTF-8 byte offset into `bytes` (a BOM counts as one unit, as in the JS string).
export function utf16Offset(bytes, byteOffset) {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, byteOffset)).length;
}

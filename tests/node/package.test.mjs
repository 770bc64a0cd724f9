// The packed npm package as a user installs it: `npm pack`, `npm install --offline` into a scratch project, then
// ESM import, CommonJS require, the ./inline and .wasm subpaths, the bin, TypeScript types (tsc --noEmit on an ESM
// and a CommonJS consumer), and the inline entry bundled by esbuild as an IIFE running with eval/new Function
// disabled (what a page's CSP `script-src 'self' 'wasm-unsafe-eval'` allows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { root, run, requireFile, dist, installPacked } from './helpers.mjs';

requireFile(join(dist, 'node.js'), 'run `npm run build:wasm` first');
const scratch = mkdtempSync(join(tmpdir(), 'mta-sts-lint-pkg-'));
test.after(() => rmSync(scratch, { recursive: true, force: true }));
const node = (args, cwd) => run(process.execPath, args, { cwd });

const project = join(scratch, 'consumer');
let packed;

test('npm pack contains the allowlisted files only, and installs offline', () => {
  const r = run('npm', ['pack', '--json', '--pack-destination', scratch, '--loglevel=error'], {
    env: { npm_config_cache: join(scratch, 'npm-cache') },
    cwd: root,
  });
  assert.equal(r.status, 0, r.stderr);
  const [info] = JSON.parse(r.stdout.toString());
  const files = info.files.map((f) => f.path).sort();
  for (const f of ['package.json', 'wasm/index.d.ts', 'wasm/full.d.ts', 'wasm/codes.d.ts', 'wasm/bin.js', 'wasm/dist/node.js',
    'wasm/dist/index.js', 'wasm/dist/inline.js', 'wasm/dist/api.js', 'wasm/dist/glue.js', 'wasm/dist/mta-sts-lint.wasm',
    'wasm/dist/full-node.js', 'wasm/dist/full-index.js', 'wasm/dist/full-inline.js', 'wasm/dist/generator.js',
    'wasm/dist/glue-full.js', 'wasm/dist/mta-sts-lint-full.wasm']) {
    assert.ok(files.includes(f), `${f} is packed`);
  }
  for (const f of files) {
    assert.match(f, /^(package\.json|README\.md|LICENSE.*|wasm\/(index\.d\.ts|full\.d\.ts|codes\.d\.ts|bin\.js|dist\/.*))$/, `${f} should not be packed`);
  }
  packed = join(scratch, info.filename);
  const i = installPacked(packed, scratch, 'consumer');
  assert.equal(i.project, project);
  assert.equal(i.status, 0, i.stderr);
});

const policy = 'version: STSv1\\nmode: enforcing\\nmx: mail.example.com\\nmax_age: 86400\\n';

test('ESM import (node condition) and the ./inline, ./full, ./full/inline and .wasm subpaths', () => {
  const esm = `
    import { createValidator } from 'mta-sts-lint';
    import { createValidator as inline } from 'mta-sts-lint/inline';
    import { createValidator as full } from 'mta-sts-lint/full';
    import { createValidator as fullInline } from 'mta-sts-lint/full/inline';
    import { createRequire } from 'node:module';
    import { readFileSync } from 'node:fs';
    const v = await createValidator();
    const r = v.lint('${policy}');
    const w = await inline();
    const resolve = createRequire(import.meta.url).resolve;
    const x = await createValidator({ wasmBinary: readFileSync(resolve('mta-sts-lint/mta-sts-lint.wasm')) });
    const f = await full();
    const fi = await fullInline();
    const fx = await full({ wasmBinary: readFileSync(resolve('mta-sts-lint/mta-sts-lint-full.wasm')) });
    const g = { domain: 'example.com', mx: ['mail.example.com'], now: 0 };
    console.log(JSON.stringify([r.valid, r.diagnostics[0].code, w.lint('${policy}').errorCount, x.rules.length > 0,
      f.generate(g).txt, fi.generate(g).ok, fx.lint('${policy}').errorCount, typeof v.generate, 'presets' in v]));`;
  writeFileSync(join(project, 'esm.mjs'), esm);
  const r = node(['esm.mjs'], project);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [false, 'STS225', 1, true, 'v=STSv1; id=19700101000000;', true, 1, 'function', false]);
});

test('CommonJS require() of the ESM package (Node >= 20.19, no top-level await)', () => {
  writeFileSync(
    join(project, 'cjs.cjs'),
    `const { createValidator } = require('mta-sts-lint');
     const full = require('mta-sts-lint/full');
     Promise.all([createValidator(), full.createValidator()]).then(([v, f]) => console.log(JSON.stringify([
       v.lint('${policy}').diagnostics.map((d) => d.code), f.generate({ domain: 'example.com', mx: ['mx.example.com'] }).ok])));`,
  );
  const r = node(['cjs.cjs'], project);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [['STS225'], true]);
});

test('the bin is installed and runs', () => {
  const r = run(join(project, 'node_modules', '.bin', 'mta-sts-lint'), ['--format', 'json', '-'], {
    input: 'v=STSv1; id=1',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).files[0].kind, 'txt');
  // --batch and generate run on the "./full" module, which must be in the tarball too
  const b = run(join(project, 'node_modules', '.bin', 'mta-sts-lint'), ['--batch'], {
    input: '{"domain":"example.com","txt":"v=STSv1; id=1"}\n',
  });
  assert.equal(b.status, 0, b.stderr);
  assert.deepEqual(JSON.parse(b.stdout).txt.diagnostics, []);
  const g = run(join(project, 'node_modules', '.bin', 'mta-sts-lint'), ['generate', '--domain', 'example.com', '--mx', 'mx.example.com', '--format', 'policy']);
  assert.equal(g.status, 0, g.stderr);
  assert.match(g.stdout.toString(), /^version: STSv1\r?\n/);
});

test('TypeScript: tsc --noEmit on an ESM and a CommonJS consumer', () => {
  const consumer = readFileSync(join(root, 'tests', 'node', 'types', 'consumer.ts'), 'utf8');
  writeFileSync(join(project, 'consumer.mts'), consumer);
  writeFileSync(
    join(project, 'consumer.cts'),
    `import mtaSts = require('mta-sts-lint');
     export async function f(): Promise<mtaSts.LintResult> { return (await mtaSts.createValidator()).lint('x'); }`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', noEmit: true, types: [], skipLibCheck: false },
      files: ['consumer.mts', 'consumer.cts'],
    }),
  );
  // A consumer that misuses the types must fail, or the check proves nothing.
  // Line 7: the default entry's validator has no generate() in its types (it is in "./full").
  writeFileSync(join(project, 'bad.mts'), `import { createValidator } from 'mta-sts-lint';\nimport type { Code } from 'mta-sts-lint';\nconst v = await createValidator();\nv.lint(42);\nv.lint('x', { kind: 'spf' });\nconst c: Code = 'STS999';\nv.generate({ domain: 'example.com' });\n`);
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const good = node([tsc, '-p', 'tsconfig.json'], project);
  assert.equal(good.status, 0, good.stdout.toString() + good.stderr);
  const bad = node([tsc, '--ignoreConfig', '--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', 'bad.mts'], project);
  assert.notEqual(bad.status, 0);
  const out = bad.stdout.toString();
  assert.match(out, /bad\.mts\(4,/);
  assert.match(out, /bad\.mts\(5,/);
  assert.match(out, /bad\.mts\(6,/);
  assert.match(out, /bad\.mts\(7,/);
});

test('./inline bundled by esbuild as an IIFE runs with eval and new Function disabled', () => {
  writeFileSync(
    join(project, 'page.js'),
    `import { createValidator } from 'mta-sts-lint/inline';
     createValidator().then((v) => { globalThis.report(JSON.stringify(v.lint('${policy}').diagnostics.map((d) => d.code))); },
                            (e) => { globalThis.report('failed: ' + e); });`,
  );
  const b = esbuild.buildSync({
    absWorkingDir: project,
    entryPoints: ['page.js'],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  assert.deepEqual(b.warnings, [], 'no esbuild warnings (e.g. import.meta in an IIFE)');
  const code = b.outputFiles[0].text;
  assert.doesNotMatch(code, /\bnew Function\b|\beval\(/);
  return new Promise((resolve, reject) => {
    const context = vm.createContext(
      {
        TextEncoder,
        TextDecoder,
        atob,
        console,
        setTimeout,
        report: (x) => {
          try {
            assert.equal(x, JSON.stringify(['STS225'])); // JSON: the array comes from another realm
            resolve();
          } catch (e) {
            reject(e);
          }
        },
      },
      { codeGeneration: { strings: false, wasm: true } },
    );
    assert.throws(() => vm.runInContext('eval("1")', context), /Code generation from strings disallowed/);
    vm.runInContext(code, context);
  });
});

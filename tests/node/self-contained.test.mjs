// The repository is self-contained: its tests, benchmarks and fuzz seeds read their data from inside the clone
// (tests/corpus), never from a folder beside it. Two proofs:
//  1. no tracked file (prose in *.md aside) names the shared folder that used to sit beside the clone;
//  2. a copy of the clone's tracked files, alone in an empty temporary folder, runs what reads test data: CMake
//     configures it with the corpus inside the copy, the Catch2 corpus tests (the already-built binary, pointed at the
//     copy's corpus) pass, the node corpus and CLI suites pass from the copy, and the benchmark's JSON Lines generator
//     and the fuzz seed writer find the copy's corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { root, nativeCli, dist, requireFile } from './helpers.mjs';

// Built from pieces so that this file does not contain them.
const beside = ['..', 'shared'].join('/');
const absolute = ['', 'work', 'shared'].join('/');

function trackedFiles() {
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return r.stdout.split('\0').filter(Boolean);
}

test('no tracked file outside the *.md prose names the shared folder beside the repository', (t) => {
  const files = trackedFiles();
  if (!files) return t.skip('not a git work tree');
  const offenders = [];
  for (const f of files) {
    if (f.endsWith('.md')) continue;
    const p = join(root, f);
    if (!existsSync(p) || !lstatSync(p).isFile()) continue;
    const bytes = readFileSync(p);
    for (const needle of [beside, absolute]) if (bytes.includes(needle)) offenders.push(`${f}: ${needle}`);
  }
  assert.deepEqual(offenders, [], 'these files read (or name) data outside the repository');
  assert.ok(files.includes('tests/corpus/policies.expected.jsonl') && files.includes('tests/corpus/records.expected.jsonl'));
  assert.ok(files.filter((f) => /^tests\/corpus\/policies\/\d+\.txt$/.test(f)).length === 242, 'the 242 corpus policies are tracked');
});

// The environment of every child: no override that could point back at a corpus elsewhere, and not a child of this
// test runner (a nested `node --test` would otherwise report in the parent's serialized format).
function cleanEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const k of ['MTASTS_CORPUS', 'MTASTS_CORPUS_DIR', 'NODE_TEST_CONTEXT']) if (!(k in extra)) delete env[k];
  return env;
}

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  return r;
}

test('the suites that read test data run from a copy of the clone with nothing beside it', { timeout: 240_000 }, (t) => {
  const files = trackedFiles();
  if (!files) return t.skip('not a git work tree');
  const catch2 = requireFile(join(root, 'build', 'tests', 'mtasts_tests'), 'run `npm run build:native` first');
  requireFile(nativeCli, 'run `npm run build:native` first');
  requireFile(join(dist, 'node.js'), 'run `npm run build:wasm` first');

  const outer = mkdtempSync(join(tmpdir(), 'mta-sts-lint-clone-'));
  t.after(() => rmSync(outer, { recursive: true, force: true }));
  const copy = join(outer, 'repo');
  // The tracked files as they are in the work tree (what the next commit holds), with their modes.
  for (const f of files) {
    const from = join(root, f);
    if (!existsSync(from) || !lstatSync(from).isFile()) continue;
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    copyFileSync(from, join(copy, f));
    chmodSync(join(copy, f), statSync(from).mode & 0o777);
  }
  // Build output reused rather than rebuilt: the WebAssembly package (untracked) and, below, the native binaries.
  cpSync(dist, join(copy, 'wasm', 'dist'), { recursive: true });
  assert.deepEqual(readdirSync(outer), ['repo'], 'nothing beside the copy');
  const corpus = join(copy, 'tests', 'corpus');

  // CMake configures the copy and compiles the Catch2 corpus test with the copy's own corpus.
  const cfg = run('cmake', ['-S', copy, '-B', join(copy, 'build'), '-DCMAKE_BUILD_TYPE=Release'], { env: cleanEnv() });
  assert.equal(cfg.status, 0, `cmake configure of the copy:\n${cfg.stdout}\n${cfg.stderr}`);
  const commands = JSON.parse(readFileSync(join(copy, 'build', 'compile_commands.json'), 'utf8'));
  const entry = commands.find((c) => c.file.endsWith('tests/catch2/corpus_test.cpp'));
  assert.ok(entry, 'corpus_test.cpp is compiled');
  const m = /-DMTASTS_CORPUS_DIR=\\?"([^"\\]*)\\?"/.exec(entry.command);
  assert.ok(m, `MTASTS_CORPUS_DIR in ${entry.command}`);
  assert.equal(m[1], corpus, 'the Catch2 corpus test reads the corpus inside the clone');

  // The Catch2 corpus tests, on the copy's corpus.
  const c2 = run(catch2, ['-w', 'NoTests', '*corpus*'], { cwd: copy, env: cleanEnv({ MTASTS_CORPUS_DIR: corpus }) });
  assert.equal(c2.status, 0, `Catch2 corpus tests from the copy:\n${c2.stdout}\n${c2.stderr}`);
  assert.match(c2.stdout, /corpus policies: 242\/242 agree/);

  // The node tests that read the corpus, from the copy (helpers.mjs finds it from its own place): the API and the bin
  // against the native CLI on every policy and record, and the batch mode on the corpus as JSON Lines. (The other
  // tests of these files read no test data; the main run has them.)
  const suites = ['corpus.test.mjs', 'cli.test.mjs', 'batch.test.mjs'].map((f) => join(copy, 'tests', 'node', f));
  const only = '^(policies: API|records: API|whole corpus|the corpus as JSON Lines)';
  const nt = run(process.execPath, ['--test', `--test-name-pattern=${only}`, ...suites], { cwd: copy, env: cleanEnv({ MTASTS_NATIVE_CLI: nativeCli }) });
  assert.equal(nt.status, 0, `node corpus tests from the copy:\n${nt.stdout.slice(-4000)}\n${nt.stderr.slice(-2000)}`);
  assert.match(nt.stdout, /^# fail 0$/m);
  assert.equal(Number(/^# pass (\d+)$/m.exec(nt.stdout)?.[1]), 6, `six corpus tests ran:\n${nt.stdout.slice(-1500)}`);

  // The benchmark's JSON Lines generator and the fuzz seed writer.
  const gen = run(process.execPath, [join(copy, 'bench', 'gen_jsonl.mjs'), '--count', '20'], { cwd: copy, env: cleanEnv() });
  assert.equal(gen.status, 0, gen.stderr);
  assert.equal(gen.stdout.trim().split('\n').length, 20);
  const seeds = run(process.execPath, [join(copy, 'fuzz', 'make-seeds.mjs'), join(copy, 'build-fuzz', 'seeds')], { cwd: copy, env: cleanEnv() });
  assert.equal(seeds.status, 0, seeds.stderr);
  const policies = Number(/policy (\d+)/.exec(seeds.stdout)?.[1]);
  assert.ok(policies > 200, `fuzz seeds from the copy's corpus: ${seeds.stdout}`);
});

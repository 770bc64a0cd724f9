// --fix and --fix-dry-run (--diff) of the native CLI and of the package's bin (wasm/bin.js), docs/fix.md: the same
// bytes written, printed and exit status from both; nothing fixable left and a no-op second run over the whole corpus;
// line endings kept; the diff is what `diff -u` prints and `patch` applies to the --fix result; standard input; I/O
// errors (a directory, a missing file, an immutable file, a symbolic-link loop) give exit 2 and one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { native, bin, corpus, requireFile, root, run } from './helpers.mjs';

const policies = requireFile(join(corpus, 'policies'), 'the shared corpus');
const names = readdirSync(policies).filter((f) => f.endsWith('.txt')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'mta-sts-lint-fix-'));
test.after(() => rmSync(scratch, { recursive: true, force: true }));
const commands = { native, bin };

// A fresh copy of the corpus policies in scratch/<label>.
function copyCorpus(label) {
  const dir = join(scratch, label);
  mkdirSync(dir);
  for (const n of names) cpSync(join(policies, n), join(dir, n));
  return dir;
}
const contents = (dir) => Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n))]));

// Line endings of a text: which of LF, CRLF and bare CR it uses.
function endings(buf) {
  const s = buf.toString('latin1');
  return { crlf: /\r\n/.test(s), lf: /(^|[^\r])\n/.test(s), cr: /\r(?!\n)/.test(s) };
}

const fixed = {}; // command -> { dir, run }
for (const [label, cmd] of Object.entries(commands)) {
  test(`${label}: --fix over the whole corpus, nothing fixable left, a second run is a no-op`, () => {
    const dir = copyCorpus(`fix-${label}`);
    const before = contents(dir);
    const first = cmd(['--fix', ...names], { cwd: dir });
    assert.equal(first.status, 1, 'errors that need a choice remain in the corpus');
    const lines = first.stderr.split('\n').filter(Boolean);
    assert.ok(lines.length >= 30, `${lines.length} files fixed`);
    for (const line of lines) assert.match(line, /^\d+\.txt: fixed \d+ problems? \((STS\d{3}|RPT\d{3})(, (STS\d{3}|RPT\d{3}))*\)$/);
    const after = contents(dir);
    const changed = names.filter((n) => !after[n].equals(before[n]));
    assert.equal(changed.length, lines.length, 'one summary line per changed file');
    // the report is the one of the fixed files: the same as linting them afterwards
    assert.ok(first.stdout.equals(native(names, { cwd: dir }).stdout));
    // nothing fixable is left (json has each diagnostic's fix)
    const json = JSON.parse(native(['--format', 'json', ...names], { cwd: dir }).stdout);
    const left = json.files.flatMap((f) => f.diagnostics.filter((d) => d.fix).map((d) => `${f.file}: ${d.code}`));
    assert.deepEqual(left, [], 'fixable diagnostics after --fix');
    // line endings: a file that had one kind of line ending keeps only that kind (STS205's fix, which completes a
    // bare CR into CRLF, is the only one that changes a line ending)
    for (const n of changed) {
      const was = endings(before[n]);
      const is = endings(after[n]);
      if (!was.cr) assert.deepEqual(is, was, `${n}: line endings`);
    }
    // the second run changes nothing and says nothing on stderr
    const second = cmd(['--fix', ...names], { cwd: dir });
    assert.equal(second.stderr, '');
    assert.equal(second.status, first.status);
    for (const n of names) assert.ok(readFileSync(join(dir, n)).equals(after[n]), `${n} changed on the second run`);
    fixed[label] = { dir, first, after };
  });
}

test('native and bin: the same files written, the same stdout, stderr and exit status', (t) => {
  if (!fixed.native || !fixed.bin) return t.skip('needs both --fix runs above');
  for (const n of names) assert.ok(fixed.bin.after[n].equals(fixed.native.after[n]), `${n}: bin and native wrote different bytes`);
  assert.equal(fixed.bin.first.stderr, fixed.native.first.stderr);
  assert.ok(fixed.bin.first.stdout.equals(fixed.native.first.stdout));
  assert.equal(fixed.bin.first.status, fixed.native.first.status);
});

for (const [label, cmd] of Object.entries(commands)) {
  test(`${label}: --fix-dry-run prints what diff -u prints, changes nothing, and patch applies it to the --fix result`, (t) => {
    const dir = copyCorpus(`diff-${label}`);
    const before = contents(dir);
    const r = cmd(['--fix-dry-run', ...names], { cwd: dir });
    assert.equal(r.status, 1, 'exit 1: there is something to fix');
    for (const n of names) assert.ok(readFileSync(join(dir, n)).equals(before[n]), `${n} changed by a dry run`);
    assert.match(r.stderr, /^\d+\.txt: would fix \d+ problems? \(/m);
    if (!fixed.native) return t.skip('needs the native --fix run');
    // what diff -u prints for each changed file, labelled as git labels it
    const expected = [];
    for (const n of names) {
      if (fixed.native.after[n].equals(before[n])) continue;
      const d = run('diff', ['-u', '--label', `a/${n}`, '--label', `b/${n}`, join(dir, n), join(fixed.native.dir, n)]);
      assert.equal(d.status, 1);
      expected.push(d.stdout);
    }
    assert.ok(r.stdout.equals(Buffer.concat(expected)), 'the dry-run diff is not what diff -u prints');
    // --diff is the same option
    assert.ok(cmd(['--diff', ...names], { cwd: dir }).stdout.equals(r.stdout));
    // patch applies it and gives the --fix result
    const check = run('patch', ['-p1', '--dry-run', '--batch'], { cwd: dir, input: r.stdout });
    assert.equal(check.status, 0, check.stderr);
    const applied = run('patch', ['-p1', '--batch', '--quiet'], { cwd: dir, input: r.stdout });
    assert.equal(applied.status, 0, applied.stderr);
    for (const n of names) assert.ok(readFileSync(join(dir, n)).equals(fixed.native.after[n]), `${n}: patched != --fix`);
    // nothing left: an empty diff, exit 0
    const again = cmd(['--diff', ...names], { cwd: dir });
    assert.equal(again.status, 0);
    assert.equal(again.stdout.length, 0);
  });
}

test('line endings: LF, CRLF and mixed are kept byte for byte outside the fixes', () => {
  const cases = [
    ['Version: STSv1\nmode : enforce\nmx: a.example.com.\nmax_age: 86400\n', 'version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n'],
    ['Version: STSv1\r\nmode : enforce\r\nmx: a.example.com.\r\nmax_age: 86400\r\n', 'version: STSv1\r\nmode: enforce\r\nmx: a.example.com\r\nmax_age: 86400\r\n'],
    // mixed: a pattern split onto a line of its own ends as its line did
    ['Version: STSv1\r\nmode : enforce\nmx: a.example.com, b.example.com\r\nmx: c.example.com.\nmax_age: 86400\n', 'version: STSv1\r\nmode: enforce\nmx: a.example.com\r\nmx: b.example.com\r\nmx: c.example.com\nmax_age: 86400\n'],
  ];
  for (const [label, cmd] of Object.entries(commands)) {
    cases.forEach(([input, output], k) => {
      const p = join(scratch, `eol-${label}-${k}.txt`);
      writeFileSync(p, input);
      const r = cmd(['--fix', p]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(p, 'latin1'), output, `${label} case ${k}`);
    });
  }
});

for (const [label, cmd] of Object.entries(commands)) {
  test(`${label}: standard input: the fixed text on stdout, the report on stderr`, () => {
    const input = 'Version: STSv1\r\nmode: enforce\r\nmx: a.example.com.\r\nmax_age: 86400\r\n';
    let r = cmd(['--fix'], { input });
    assert.equal(r.status, 0);
    assert.equal(r.stdout.toString('latin1'), 'version: STSv1\r\nmode: enforce\r\nmx: a.example.com\r\nmax_age: 86400\r\n');
    assert.equal(r.stderr, '<stdin>: fixed 2 problems (STS214, STS239)\n1 file checked: 0 errors, 0 warnings\n');
    // with --format json the report (and only it) goes to stderr; stdout is still only the text
    r = cmd(['--fix', '--format', 'json', '-'], { input: 'version: STSv1\nmode: enforce\nmx: a.example.com\nmode: testing\n' });
    assert.equal(r.status, 1);
    assert.equal(r.stdout.toString(), 'version: STSv1\nmode: enforce\nmx: a.example.com\nmode: testing\n', 'nothing to fix: the input as it was');
    assert.equal(JSON.parse(r.stderr).files[0].file, '<stdin>');
    // a dry run on standard input: the diff, labelled <stdin>
    r = cmd(['--diff'], { input });
    assert.equal(r.status, 1);
    assert.match(r.stdout.toString(), /^--- <stdin>\n\+\+\+ <stdin>\n@@ -1,4 \+1,4 @@\n-Version: STSv1\r\n\+version: STSv1\r\n/);
  });

  test(`${label}: --format json and sarif print only machine output on stdout, no summary`, () => {
    for (const format of ['json', 'sarif']) {
      const p = join(scratch, `machine-${label}-${format}.txt`);
      writeFileSync(p, 'Version: STSv1\nmode: enforce\nmx: a.example.com.\nmax_age: 86400\n');
      const r = cmd(['--fix', '--format', format, p]);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, '');
      const doc = JSON.parse(r.stdout);
      assert.ok(format === 'json' ? doc.files[0].diagnostics.length === 0 : doc.runs[0].results.length === 0);
      assert.equal(readFileSync(p, 'latin1'), 'version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n');
    }
  });

  test(`${label}: the file's mode is kept, a symbolic link stays a link, text that is not UTF-8 is left alone`, () => {
    const p = join(scratch, `mode-${label}.txt`);
    writeFileSync(p, 'Version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n');
    chmodSync(p, 0o640);
    const link = join(scratch, `link-${label}.txt`);
    symlinkSync(p, link);
    assert.equal(cmd(['--fix', link]).status, 0);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(statSync(p).mode & 0o7777, 0o640);
    assert.equal(readFileSync(p, 'latin1').slice(0, 8), 'version:');
    const latin1 = join(scratch, `latin1-${label}.txt`);
    const bytes = Buffer.from('Version: STSv1\nmode: enforce\nmx: caf\xe9.example.com\nmax_age: 86400\n', 'latin1');
    writeFileSync(latin1, bytes);
    const r = cmd(['--fix', latin1]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /latin1-\w+\.txt: not valid UTF-8 text; not fixed\n/);
    assert.ok(readFileSync(latin1).equals(bytes));
  });
}

// An immutable file (chattr +i) refuses writing and renaming over it, even to root; chmod would not stop root.
function makeImmutable(p) {
  const r = spawnSync('chattr', ['+i', p]);
  return r.status === 0;
}

test('I/O errors: exit 2 and one line; each file is either fixed or untouched', (t) => {
  const broken = 'Version: STSv1\nmode: enforce\nmx: a.example.com.\nmax_age: 86400\n';
  const good = 'version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n';
  for (const [label, cmd] of Object.entries(commands)) {
    const dir = join(scratch, `io-${label}`);
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const other = join(dir, 'other.txt');
    // a directory or a missing file: nothing is read past it, nothing is written, exit 2
    for (const [bad, message] of [[join(dir, 'sub'), 'it is a directory'], [join(dir, 'missing.txt'), null]]) {
      writeFileSync(other, broken);
      const r = cmd(['--fix', other, bad]);
      assert.equal(r.status, 2, label);
      assert.equal(r.stderr, message ? `mta-sts-lint: cannot read '${bad}': ${message}\n` : `mta-sts-lint: cannot read '${bad}'\n`);
      assert.equal(r.stdout.length, 0);
      assert.equal(readFileSync(other, 'latin1'), broken, 'untouched');
    }
    // a symbolic-link loop
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    const loop = cmd(['--fix', join(dir, 'loop-a')]);
    assert.equal(loop.status, 2);
    assert.equal(loop.stderr, `mta-sts-lint: cannot read '${join(dir, 'loop-a')}'\n`);
  }
  // a file that cannot be written: the others are fixed, that one is untouched and reported as it is
  const dirs = Object.keys(commands).map((label) => join(scratch, `io-${label}`));
  const locked = dirs.map((d) => join(d, 'locked.txt'));
  locked.forEach((p) => writeFileSync(p, broken));
  if (!locked.every(makeImmutable)) {
    return t.skip('chattr +i is not supported on this file system (the test needs a file that root cannot write)');
  }
  try {
    const out = {};
    for (const [k, [label, cmd]] of Object.entries(commands).entries()) {
      const other = join(dirs[k], 'other.txt');
      writeFileSync(other, broken);
      const r = cmd(['--fix', locked[k], other], { cwd: dirs[k] });
      assert.equal(r.status, 2, label);
      assert.equal(r.stderr.split('\n')[0], `mta-sts-lint: cannot write '${locked[k]}': Operation not permitted`);
      assert.match(r.stderr, /other\.txt: fixed 2 problems \(STS214, STS239\)\n$/);
      assert.match(r.stdout.toString(), /locked\.txt:1:1: error: .*\[STS214\]/, 'reported as it still is');
      assert.equal(readFileSync(locked[k], 'latin1'), broken);
      assert.equal(readFileSync(other, 'latin1'), good);
      assert.deepEqual(readdirSync(dirs[k]).filter((n) => n.includes('mta-sts-lint-')), [], 'no temporary file left');
      out[label] = r;
    }
    assert.equal(out.bin.stdout.toString().replaceAll(dirs[1], 'D'), out.native.stdout.toString().replaceAll(dirs[0], 'D'));
  } finally {
    for (const p of locked) spawnSync('chattr', ['-i', p]);
  }
});

test('--fix and --fix-dry-run exclude each other; --help lists both', () => {
  for (const cmd of Object.values(commands)) {
    const r = cmd(['--fix', '--diff', 'x.txt']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'mta-sts-lint: --fix and --fix-dry-run (--diff) exclude each other\n');
  }
  const h = native(['--help']).stdout.toString();
  assert.match(h, /--fix  /);
  assert.match(h, /--fix-dry-run,--diff/);
  assert.ok(bin(['--help']).stdout.equals(native(['--help']).stdout));
});

test('docs/fix.md lists every code that carries a fix in the corpus', () => {
  const doc = readFileSync(join(root, 'docs', 'fix.md'), 'utf8');
  const documented = new Set([...doc.matchAll(/^\| ((?:STS|RPT)\d{3}(?:, (?:STS|RPT)\d{3})*) \|/gm)].flatMap((m) => m[1].split(', ')));
  assert.ok(documented.size >= 30, `${documented.size} codes in the table`);
  const json = JSON.parse(native(['--format', 'json', '--verbose', ...names], { cwd: policies }).stdout);
  const fixable = new Set(json.files.flatMap((f) => f.diagnostics.filter((d) => d.fix).map((d) => d.code)));
  assert.ok(fixable.size >= 10);
  for (const code of fixable) assert.ok(documented.has(code), `${code} has fixes but is not in docs/fix.md`);
});

// The Debian package, installed by dpkg itself without a container: `dpkg -i` with --instdir (a scratch root that
// receives the files) and --admindir (a scratch package database). The database holds the host's own entries for the
// packages the .deb depends on (from dpkg-query), so dpkg really checks the Depends that dpkg-shlibdeps computed
// against the libraries the installed binary will load; nothing else of the host is touched.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { run, renderMan, section } from '../node/helpers.mjs';
import { artefact, assertLintsFixtures, version } from './helpers.mjs';

const deb = artefact('deb');
const scratch = mkdtempSync(join(tmpdir(), 'mta-sts-lint-deb-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const instdir = join(scratch, 'root');
const admindir = join(scratch, 'dpkg');
// --log: dpkg's log would otherwise be the host's /var/log/dpkg.log
const dpkg = (args) => run('dpkg', [`--instdir=${instdir}`, `--admindir=${admindir}`, `--log=${join(scratch, 'dpkg.log')}`, '--force-not-root', ...args]);

const field = (name) => run('dpkg-deb', ['-f', deb, name]).stdout.toString().trim();
// "libc6 (>= 2.34), libgcc-s1 (>= 3.0), libstdc++6 (>= 11)" -> ['libc6', 'libgcc-s1', 'libstdc++6']
const depends = () => field('Depends').split(',').map((d) => d.trim().split(/[\s(]/)[0]).filter(Boolean);

test('the control fields: name, version, section, maintainer, computed Depends, description', () => {
  assert.equal(field('Package'), 'mta-sts-lint');
  assert.equal(field('Version'), version);
  assert.equal(field('Architecture'), run('dpkg', ['--print-architecture']).stdout.toString().trim());
  assert.equal(field('Section'), 'mail');
  assert.match(field('Maintainer'), /^.+ <[^@\s]+@[^@\s]+>$/);
  // dpkg-shlibdeps: the C and C++ runtimes with minimum versions, from the binary's own symbols
  assert.match(field('Depends'), /(^|, )libc6 \(>= [\d.]+\)/);
  assert.match(field('Depends'), /(^|, )libstdc\+\+6 \(>= [\d.]+\)/);
  const description = field('Description').split('\n');
  assert.ok(description[0].length > 10 && description[0].length <= 80, 'a one-line synopsis');
  assert.ok(description.length > 2, 'an extended description');
  assert.deepEqual(run('dpkg-deb', ['-c', deb]).stdout.toString().split('\n').filter(Boolean).map((l) => l.split(/\s+/).pop()).filter((p) => !p.endsWith('/')).sort(),
    ['./usr/bin/mta-sts-lint', './usr/share/doc/mta-sts-lint/copyright', './usr/share/man/es/man1/mta-sts-lint.1.gz', './usr/share/man/man1/mta-sts-lint.1.gz']);
});

test('the copyright file is machine-readable (DEP-5) and states the licence of the project and of what it compiles in', () => {
  const text = run('dpkg-deb', ['--fsys-tarfile', deb]).stdout;
  const copyright = run('tar', ['-xO', './usr/share/doc/mta-sts-lint/copyright'], { input: text }).stdout.toString();
  assert.match(copyright, /^Format: https:\/\/www\.debian\.org\/doc\/packaging-manuals\/copyright-format\/1\.0\/\n/);
  assert.match(copyright, /^Files: \*\nCopyright: .+\nLicense: Expat$/m);
  for (const lib of ['PEGTL', 'CLI11', 'nlohmann-json']) assert.ok(copyright.includes(lib), lib);
  // every licence named in a Files or Comment paragraph has its own stand-alone License paragraph with the text
  for (const name of ['Expat', 'BSD-3-clause']) assert.match(copyright, new RegExp(`^License: ${name}\\n [^\\n]+`, 'm'), name);
  assert.ok(!/[ \t]$/m.test(copyright), 'no trailing blanks');
});

test('dpkg -i installs it into a scratch root, checking its dependencies', () => {
  mkdirSync(instdir, { recursive: true });
  for (const d of ['info', 'updates', 'triggers']) mkdirSync(join(admindir, d), { recursive: true });
  const deps = depends();
  const host = run('dpkg-query', ['-s', ...deps]);
  assert.equal(host.status, 0, `the host has ${deps.join(', ')}: ${host.stderr}`);
  writeFileSync(join(admindir, 'status'), host.stdout);
  writeFileSync(join(admindir, 'available'), '');
  // dpkg wants each installed package's file list; these entries stand for packages whose files are the host's
  for (const p of run('dpkg-query', ['-W', '-f=${binary:Package}\n', ...deps]).stdout.toString().split('\n').filter(Boolean)) {
    writeFileSync(join(admindir, 'info', `${p}.list`), '');
  }
  const i = dpkg(['-i', deb]);
  assert.equal(i.status, 0, i.stderr);
  assert.equal(i.stderr, '', 'no warning');
  assert.match(i.stdout.toString(), new RegExp(`Setting up mta-sts-lint \\(${version.replace(/\./g, '\\.')}\\)`));
  assert.match(dpkg(['-s', 'mta-sts-lint']).stdout.toString(), /^Status: install ok installed$/m);
  const listed = dpkg(['-L', 'mta-sts-lint']).stdout.toString().split('\n');
  for (const f of ['/usr/bin/mta-sts-lint', '/usr/share/man/man1/mta-sts-lint.1.gz']) {
    assert.ok(listed.includes(f), `dpkg -L lists ${f}`);
    assert.ok(existsSync(join(instdir, f)), `${f} is installed`);
  }
  assert.equal(statSync(join(instdir, 'usr/bin/mta-sts-lint')).mode & 0o777, 0o755);
});

test('a package whose dependency is missing is refused (the dependency check is real)', () => {
  const other = join(scratch, 'empty-db');
  for (const d of ['info', 'updates', 'triggers']) mkdirSync(join(other, d), { recursive: true });
  writeFileSync(join(other, 'status'), '');
  mkdirSync(join(scratch, 'root2'));
  const r = run('dpkg', [`--instdir=${join(scratch, 'root2')}`, `--admindir=${other}`, `--log=${join(scratch, 'dpkg.log')}`, '--force-not-root', '-i', deb]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /mta-sts-lint depends on libc6 \(>= [\d.]+\); however:\s+Package libc6 is not installed/);
  assert.match(run('dpkg', [`--admindir=${other}`, '-s', 'mta-sts-lint']).stdout.toString(), /^Status: install ok unpacked$/m, 'left unconfigured');
});

test('the installed binary lints the fixtures with the documented exit codes', () => {
  assertLintsFixtures(join(instdir, 'usr/bin/mta-sts-lint'));
});

test('man finds the installed page by name and renders it without warnings', () => {
  const byName = run('man', ['--warnings', '-M', join(instdir, 'usr/share/man'), '1', 'mta-sts-lint'], { env: { MANWIDTH: '200', LC_ALL: 'C.UTF-8', MANPAGER: 'cat', PAGER: 'cat' } });
  assert.equal(byName.status, 0, byName.stderr);
  assert.equal(byName.stderr, '');
  const { status, text, warnings } = renderMan(join(instdir, 'usr/share/man/man1/mta-sts-lint.1.gz'));
  assert.equal(status, 0);
  assert.equal(warnings, '');
  assert.equal(text, byName.stdout.toString());
  for (const s of ['SYNOPSIS', 'OPTIONS', 'GENERATE', 'BATCH MODE', 'EXIT STATUS', 'EXAMPLES']) assert.ok(section(text, s), s);
});

test('dpkg -P removes every file it installed', () => {
  const r = dpkg(['-P', 'mta-sts-lint']);
  assert.equal(r.status, 0, r.stderr);
  const left = [];
  const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : left.push(join(d, e.name)); };
  walk(instdir);
  assert.deepEqual(left, []);
});

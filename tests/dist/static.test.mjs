// The statically linked binary: no program interpreter and no dynamic section in its ELF headers (what `file` calls
// "statically linked"), and it runs where there is no library at all (a chroot holding only itself).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { run, nativeCli } from '../node/helpers.mjs';
import { artefact, assertLintsFixtures, fixtures } from './helpers.mjs';

const bin = artefact('static');

// The p_type of each program header of a 64-bit little-endian ELF file.
function programHeaderTypes(elf) {
  assert.equal(elf.subarray(0, 4).toString('latin1'), '\x7fELF', 'an ELF file');
  assert.equal(elf[4], 2, 'ELFCLASS64');
  assert.equal(elf[5], 1, 'little-endian');
  const phoff = Number(elf.readBigUInt64LE(0x20));
  const phentsize = elf.readUInt16LE(0x36);
  const phnum = elf.readUInt16LE(0x38);
  return Array.from({ length: phnum }, (_, i) => elf.readUInt32LE(phoff + i * phentsize));
}
const PT_DYNAMIC = 2;
const PT_INTERP = 3;

test('the ELF headers have no interpreter and no dynamic section; file(1) agrees', () => {
  const types = programHeaderTypes(readFileSync(bin));
  assert.ok(types.length > 0);
  assert.ok(!types.includes(PT_INTERP), 'no PT_INTERP (no ld.so to load it)');
  assert.ok(!types.includes(PT_DYNAMIC), 'no PT_DYNAMIC (no shared library)');
  const f = run('file', ['-b', bin]).stdout.toString().trim();
  assert.match(f, /^ELF 64-bit LSB executable, /);
  assert.match(f, /statically linked/);
  assert.match(f, /, stripped$/);
  assert.equal(statSync(bin).mode & 0o111, 0o111, 'executable');
  // the dynamic binary, for contrast: the check above can fail
  const dynamic = programHeaderTypes(readFileSync(nativeCli));
  assert.ok(dynamic.includes(PT_INTERP));
});

test('it lints the fixtures with the documented exit codes', () => {
  assertLintsFixtures(bin);
});

test('it runs in a chroot that holds nothing but itself and one policy', { skip: process.getuid?.() !== 0 && 'chroot needs root' }, () => {
  const jail = mkdtempSync(join(tmpdir(), 'mta-sts-lint-jail-'));
  after(() => rmSync(jail, { recursive: true, force: true }));
  copyFileSync(bin, join(jail, 'mta-sts-lint'));
  copyFileSync(join(fixtures, 'broken.txt'), join(jail, 'broken.txt'));
  const r = run('chroot', [jail, '/mta-sts-lint', '--format', 'json', '/broken.txt']);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(JSON.parse(r.stdout).files[0].errorCount, 4);
});

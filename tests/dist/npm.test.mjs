// The npm tarball of dist/, installed offline into a new project as on a machine without a registry
// (tests/node/package.test.mjs checks the package's contents and API in depth on a fresh `npm pack`).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { installPacked, run } from '../node/helpers.mjs';
import { artefact, assertLintsFixtures } from './helpers.mjs';

const tgz = artefact('npm');
const scratch = mkdtempSync(join(tmpdir(), 'mta-sts-lint-dist-npm-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let project;

test('npm install --offline <tgz> installs it', () => {
  const i = installPacked(tgz, scratch);
  assert.equal(i.status, 0, i.stderr);
  project = i.project;
});

test('its bin lints the fixtures with the documented exit codes', () => {
  assertLintsFixtures(join(project, 'node_modules', '.bin', 'mta-sts-lint'));
});

test('its module imports and validates', () => {
  const r = run(process.execPath, ['--input-type=module', '-e',
    "const { createValidator } = await import('mta-sts-lint'); const v = await createValidator(); console.log(v.lint('v=STSv1; id=1').valid)"], { cwd: project });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.toString().trim(), 'true');
});

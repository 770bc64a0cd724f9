// dist/ holds the four artefacts and SHA256SUMS, which `sha256sum -c` accepts (how a copy is checked after the trip).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { run } from '../node/helpers.mjs';
import { distDir, names } from './helpers.mjs';

test('dist/ has the artefacts and their checksums, and nothing else', () => {
  assert.deepEqual(readdirSync(distDir).sort(), [...Object.values(names), 'SHA256SUMS'].sort());
  const r = run('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: distDir });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.toString().trim().split('\n').sort(), Object.values(names).map((n) => `${n}: OK`).sort());
});

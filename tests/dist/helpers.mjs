// Shared by the artefact tests (`npm run test:dist`, which runs scripts/dist.mjs first): where the artefacts are, and
// the checks every build of the command line must pass, whichever way it was carried and installed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artefactNames, distDir, version } from '../../scripts/dist.mjs';
import { root, run, requireFile } from '../node/helpers.mjs';

export { distDir, version };
export const names = artefactNames();
export const fixtures = join(root, 'tests', 'fixtures');

export function artefact(key) {
  return requireFile(join(distDir, names[key]), 'run `npm run dist` (or `node scripts/dist.mjs`) first');
}

// The fixtures with the verdicts README.md gives them (exit 0: no error, warnings allowed; 1: an error, or more
// warnings than --max-warnings) and the codes of the catalogue (rules.md of the specification): broken.txt has
// 'Mode' (STS214), a trailing dot (STS239), a blank line (STS209) and 'max_age: 1w' (STS229); warning.txt an unknown
// field (STS215, a warning).
export const FIXTURE_VERDICTS = [
  { file: 'valid.txt', args: [], status: 0, codes: [] },
  { file: 'warning.txt', args: [], status: 0, codes: ['STS215'] },
  { file: 'warning.txt', args: ['--max-warnings', '0'], status: 1, codes: ['STS215'] },
  { file: 'broken.txt', args: [], status: 1, codes: ['STS214', 'STS239', 'STS209', 'STS229'] },
];

// Runs a built command line (`cmd`, with `pre` arguments: e.g. node and the bin script) on the fixtures.
export function assertLintsFixtures(cmd, pre = []) {
  const v = run(cmd, [...pre, '--version']);
  assert.equal(v.status, 0, v.stderr);
  assert.equal(v.stdout.toString().trim(), `mta-sts-lint ${version}`);
  for (const { file, args, status, codes } of FIXTURE_VERDICTS) {
    const r = run(cmd, [...pre, ...args, '--format', 'json', join(fixtures, file)]);
    assert.equal(r.status, status, `${file} ${args.join(' ')}: exit ${r.status}, ${r.stderr}`);
    assert.deepEqual(JSON.parse(r.stdout).files[0].diagnostics.map((d) => d.code).sort(), [...codes].sort(), file);
  }
  // text output, from standard input: the id's '-' (STS105, RFC 8461 §3.1 1*32(ALPHA / DIGIT)) at byte column 17
  const t = run(cmd, [...pre, '--kind', 'txt'], { input: 'v=STSv1; id=2024-01-01\n' });
  assert.equal(t.status, 1);
  assert.match(t.stdout.toString(), /^<stdin>:1:17: error: .*\[STS105\]$/m);
  // a missing file is a usage/I/O error
  assert.equal(run(cmd, [...pre, join(fixtures, 'no-such-file.txt')]).status, 2);
}

// The JS API (mta-sts-lint/full) on pasted tool output (docs/paste.md): kind 'bundle', the parts found with their UTF-16 spans and lines,
// diagnostics at the offending bytes of the paste, and the same verdict as the native CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, fullValidator, native, validator } from './helpers.mjs';

// Pastes are read by mta-sts-lint/full (the page's module) and the bin; the lint-only default module leaves the
// paste reader out (docs/api.md) and says so for an explicit 'bundle'.
const v = await fullValidator();
const lintOnly = await validator();
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'paste');

test('a combined dig + curl paste is a bundle with its parts labelled', () => {
  const text = readFileSync(join(fixtures, 'combined.txt'), 'utf8');
  const r = v.lint(text);
  assert.equal(r.kind, 'bundle');
  assert.equal(r.valid, true);
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['STS402']);
  // the uncovered MX host is underlined where the paste shows it: "20 mx2.example.com." on line 5
  const d = r.diagnostics[0];
  assert.equal(text.slice(d.from, d.to), 'mx2.example.com.');
  assert.equal(d.line, 5);
  const kinds = r.artefacts.map((a) => a.kind);
  for (const k of ['tool', 'txt', 'mx', 'no-record', 'http', 'policy']) assert.ok(kinds.includes(k), k);
  const txt = r.artefacts.find((a) => a.kind === 'txt');
  assert.equal(txt.line, 2);
  assert.equal(txt.label, '_mta-sts TXT record');
  assert.ok(text.slice(txt.from, txt.to).startsWith('_mta-sts.example.com.\t300\tIN\tTXT'));
  const policy = r.artefacts.find((a) => a.kind === 'policy');
  assert.equal(text.slice(policy.from, policy.to), 'version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 604800\n');
  assert.equal(policy.line, 13);
  assert.equal(r.policy.mode, 'testing');
  assert.equal(r.record.id, '20240501T100000');
});

test('bundle spans are UTF-16 offsets of the paste', () => {
  const text = '$ dig +short TXT _mta-sts.exämple.com\n"v=STSv1; id=€1"\n';
  const r = v.lint(text, { kind: 'bundle' });
  const d = r.diagnostics.find((x) => x.code === 'STS105');
  assert.equal(text.slice(d.from, d.to), '€');
  for (const a of r.artefacts) assert.ok(a.from >= 0 && a.from <= a.to && a.to <= text.length);
});

test('plain inputs keep their kind and have no artefacts', () => {
  assert.equal(v.lint('version: STSv1\nmode: none\nmax_age: 86400\n').kind, 'policy');
  assert.equal(v.lint('v=STSv1; id=1').kind, 'txt');
  assert.equal('artefacts' in v.lint('v=STSv1; id=1'), false);
});

test('the lint-only default module does not read pastes: auto keeps the plain kinds, an explicit bundle gets EVD708', () => {
  const text = readFileSync(join(fixtures, 'combined.txt'), 'utf8');
  assert.equal(v.lint(text).kind, 'bundle');
  const auto = lintOnly.lint(text);
  assert.notEqual(auto.kind, 'bundle');
  assert.equal(auto.artefacts, undefined);
  const explicit = lintOnly.lint(text, { kind: 'bundle' });
  assert.deepEqual(explicit.diagnostics.map((d) => [d.code, d.from, d.to]), [['EVD708', 0, 0]]);
  assert.equal(explicit.valid, false);
});

test('the bin reads pastes as the native command does: same bytes in text and JSON for every paste fixture', () => {
  // The bin once linted with the default module, which has no paste reader: dig output gave 24 false errors there.
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).map((f) => join(fixtures, f));
  assert.ok(files.length >= 20);
  for (const format of ['text', 'json']) {
    const n = native(['--format', format, ...files]);
    const b = bin(['--format', format, ...files]);
    assert.equal(b.stdout.toString(), n.stdout.toString(), format);
    assert.equal(b.status, n.status, format);
  }
  const dig = join(fixtures, 'dig-full.txt');
  assert.equal(bin(['--kind', 'bundle', dig]).stdout.toString(), native(['--kind', 'bundle', dig]).stdout.toString());
});

test('the bin joins several files given with --domain into one evidence set, as the native command does', () => {
  // host.txt shows the MX hosts, curl-i.txt the policy: only together is mx1 found uncovered (STS401 on host.txt's
  // line 4, where the MX record is), because the policy's pattern 'mx1.example.com.' has a trailing dot.
  const files = [join(fixtures, 'host.txt'), join(fixtures, 'curl-i.txt')];
  for (const format of ['text', 'json']) {
    const args = ['--domain', 'example.com', '--format', format, ...files];
    const n = native(args);
    const b = bin(args);
    assert.equal(b.stdout.toString(), n.stdout.toString(), format);
    assert.equal(b.status, n.status, format);
  }
  const out = bin(['--domain', 'example.com', ...files]).stdout.toString();
  assert.match(out, /host\.txt:4:35: error: MX host 'mx1\.example\.com' is not covered by the policy.*\[STS401\]/);
  // one at a time (or without --domain) the files are not checked against each other
  assert.doesNotMatch(bin(['--domain', 'example.com', files[0]]).stdout.toString(), /STS401/);
  assert.doesNotMatch(bin(files).stdout.toString(), /STS401/);
});

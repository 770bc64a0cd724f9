// The real-world corpus (tests/corpus) through the JS API, against the native CLI's --format json on the same bytes:
// same kind, verdict, counts, codes, severities, messages, lines and facts, and UTF-16 positions that are exactly
// the native byte offsets converted. format() must print the native bytes too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validator, native, corpus, requireFile, utf16Offset } from './helpers.mjs';

const v = await validator();
const policiesDir = requireFile(join(corpus, 'policies'), 'the corpus (tests/corpus, or set MTASTS_CORPUS)');
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function compare(name, bytes, text, api, cli) {
  const where = `${name}`;
  assert.equal(api.kind, cli.kind, `${where}: kind`);
  assert.equal(api.valid, cli.valid, `${where}: verdict`);
  assert.deepEqual(
    [api.errorCount, api.warningCount, api.infoCount],
    [cli.errorCount, cli.warningCount, cli.infoCount],
    `${where}: counts`,
  );
  assert.deepEqual(
    api.diagnostics.map((d) => [d.code, d.severity, d.message, d.line, d.endLine]),
    cli.diagnostics.map((d) => [d.code, d.severity, d.message, d.line, d.endLine]),
    `${where}: diagnostics`,
  );
  api.diagnostics.forEach((d, k) => {
    const c = cli.diagnostics[k];
    const from = utf16Offset(bytes, c.offset);
    const to = utf16Offset(bytes, c.offset + c.length);
    assert.deepEqual([d.from, d.to], [from, to], `${where}: ${d.code} from/to are the byte span in UTF-16`);
    assert.equal(text.slice(d.from, d.to), strict.decode(bytes.subarray(c.offset, c.offset + c.length)));
    if (c.fix) {
      assert.deepEqual(
        d.fix.edits.map((e) => [e.from, e.to, e.insert]),
        c.fix.edits.map((e) => [utf16Offset(bytes, e.offset), utf16Offset(bytes, e.offset + e.length), e.insert]),
        `${where}: ${d.code} fix`,
      );
      assert.equal(d.fix.title, c.fix.title);
    } else {
      assert.equal(d.fix, undefined);
    }
  });
  assert.deepEqual(api.policy, cli.policy, `${where}: policy facts`);
  assert.deepEqual(api.record, cli.record, `${where}: record facts`);
}

test('policies: API verdicts, lines and positions equal the native CLI', () => {
  const files = readdirSync(policiesDir).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(files.length >= 200, `corpus has ${files.length} policies`);
  const paths = files.map((f) => join(policiesDir, f));
  const out = native(['--format', 'json', '--verbose', ...paths]);
  const cli = JSON.parse(out.stdout.toString()).files;
  assert.equal(cli.length, files.length);
  const results = [];
  const names = [];
  paths.forEach((path, i) => {
    const bytes = readFileSync(path);
    let text;
    try {
      text = strict.decode(bytes);
    } catch {
      return; // not UTF-8: a JS string cannot carry these bytes (the bin test covers them)
    }
    const api = v.lint(text, { verbose: true, file: path });
    compare(files[i], bytes, text, api, cli[i]);
    results.push(api);
    names.push(path);
  });
  assert.ok(results.length >= files.length - 5, `${results.length} of ${files.length} files are UTF-8`);
  // The same results through format(): the native bytes for the same files.
  for (const format of ['json', 'sarif', 'text']) {
    const expected = native(['--format', format, '--verbose', ...names], { env: { NO_COLOR: '1' } }).stdout.toString();
    assert.equal(v.format(results, format), expected, `format(${format})`);
  }
});

test('records: API verdicts and positions equal the native CLI (--kind from the corpus)', () => {
  const lines = readFileSync(join(corpus, 'records.expected.jsonl'), 'utf8').split('\n').filter(Boolean);
  assert.ok(lines.length > 10);
  for (const line of lines) {
    const { kind, value } = JSON.parse(line);
    const bytes = Buffer.from(value);
    const out = native(['--format', 'json', '--verbose', '--kind', kind, '-'], { input: bytes });
    const cli = JSON.parse(out.stdout.toString()).files[0];
    compare(value, bytes, value, v.lint(value, { kind, verbose: true }), cli);
    compare(value, bytes, value, v.lint(value, { verbose: true }), JSON.parse(
      native(['--format', 'json', '--verbose', '-'], { input: bytes }).stdout.toString(),
    ).files[0]);
  }
});

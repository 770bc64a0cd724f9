// The JS API of the WebAssembly build: shapes, UTF-16 positions, argument checking, sizes, heap stability.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validator, native, dist } from './helpers.mjs';

const v = await validator();

// An independent reference for positions: 1-based line/column in UTF-16 units, lines ending at LF, CRLF or CR.
function lineCol(text, offset) {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; ++i) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      ++line;
      start = i + 1;
    } else if (c === 13) {
      // CRLF: the break ends after the LF
    }
  }
  return { line, column: offset - start + 1 };
}

function checkPositions(text, result) {
  for (const d of result.diagnostics) {
    assert.ok(d.from >= 0 && d.from <= d.to && d.to <= text.length, `${d.code}: ${d.from}..${d.to} within the text`);
    assert.deepEqual(
      { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn },
      (({ line, column }, e) => ({ line, column, endLine: e.line, endColumn: e.column }))(
        lineCol(text, d.from),
        lineCol(text, d.to),
      ),
      `${d.code} line/column agree with from/to`,
    );
    for (const e of d.fix?.edits ?? []) assert.ok(e.from >= 0 && e.from <= e.to && e.to <= text.length);
  }
}

const find = (result, code) => {
  const d = result.diagnostics.find((x) => x.code === code);
  assert.ok(d, `expected ${code} in ${result.diagnostics.map((x) => x.code).join(', ')}`);
  return d;
};

test('createValidator resolves to plain synchronous functions and data', () => {
  assert.equal(typeof v.lint, 'function');
  assert.equal(typeof v.format, 'function');
  assert.match(v.version, /^\d+\.\d+\.\d+/);
  assert.ok(Array.isArray(v.rules) && v.rules.length > 50);
  for (const r of v.rules) {
    assert.match(r.code, /^[A-Z]{3}\d{3}$/);
    assert.ok(['error', 'warning', 'info'].includes(r.severity));
    assert.ok(r.title && r.message && r.reference);
  }
  assert.equal(v.rules.find((r) => r.code === 'STS225').reference, 'RFC 8461 §3.2', 'UTF-8 text (§) survives');
});

test('rules are the C++ catalogue (same ids, order and titles as the native SARIF rules)', () => {
  const sarif = JSON.parse(native(['--format', 'sarif', '-'], { input: '' }).stdout.toString());
  const rules = sarif.runs[0].tool.driver.rules;
  assert.deepEqual(
    v.rules.map((r) => [r.code, r.title, r.message]),
    rules.map((r) => [r.id, r.shortDescription.text, r.fullDescription.text]),
  );
});

test('a valid policy: result shape and facts', () => {
  const text = 'version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmax_age: 1209600\nfoo: bar\n';
  const r = v.lint(text);
  assert.deepEqual(Object.keys(r), ['kind', 'valid', 'errorCount', 'warningCount', 'infoCount', 'diagnostics', 'policy']);
  assert.equal(r.kind, 'policy');
  assert.equal(r.valid, true);
  assert.equal(r.errorCount, 0);
  assert.deepEqual(r.policy, {
    version: 'STSv1',
    mode: 'enforce',
    maxAge: 1209600,
    mx: ['mail.example.com', '*.example.net'],
    extensions: { foo: 'bar' },
  });
  assert.equal(r.infoCount, 0, 'infos only with verbose');
  assert.ok(v.lint(text, { verbose: true }).infoCount > 0);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(r)), r, 'plain data: nothing hidden shows up');
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  // what format() needs (the input) is in a private field: no own symbol or hidden key either
  assert.deepEqual(Object.getOwnPropertySymbols(r), []);
  assert.deepEqual(Object.getOwnPropertyNames(r), Object.keys(r));
  assert.match(v.format(r, 'json'), /"kind":"policy"/);
  assert.throws(() => v.format({ ...r }, 'json'), { name: 'TypeError', message: /result returned by lint\(\)/ }, 'a copy has no input');
});

test('records: txt and tlsrpt facts, auto detection and forced kinds', () => {
  const sts = v.lint('v=STSv1; id=20240101T000000');
  assert.equal(sts.kind, 'txt');
  assert.equal(sts.valid, true);
  assert.deepEqual(sts.record, {
    value: 'v=STSv1; id=20240101T000000',
    version: 'STSv1',
    id: '20240101T000000',
    fields: [{ name: 'id', value: '20240101T000000' }],
  });
  const rpt = v.lint('v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example.net/x');
  assert.equal(rpt.kind, 'tlsrpt');
  assert.deepEqual(rpt.record.rua, ['mailto:tls@example.com', 'https://r.example.net/x']);
  assert.equal('id' in rpt.record, false);
  assert.equal(v.lint('v=STSv1; id=1', { kind: 'policy' }).kind, 'policy');
  assert.equal(v.lint('version: STSv1', { kind: 'txt' }).kind, 'txt');
  assert.equal(v.lint('anything', { kind: 'tlsrpt' }).kind, 'tlsrpt');
});

test('maxAge keeps 10-digit values exactly', () => {
  assert.equal(v.lint('version: STSv1\nmode: none\nmax_age: 9999999999\n').policy.maxAge, 9999999999);
});

test('UTF-16 positions: é and emoji on earlier lines', () => {
  const text =
    'version: STSv1\r\nx-note: café 😀 ok\r\nmode: enforcing\r\nmx: é😀.example.com\r\nmx: mail.exämple.com.\r\nmax_age: 86400 😀\r\n';
  const r = v.lint(text);
  checkPositions(text, r);
  const mode = find(r, 'STS225');
  assert.equal(text.slice(mode.from, mode.to), 'enforcing');
  assert.deepEqual([mode.line, mode.column, mode.endLine, mode.endColumn], [3, 7, 3, 16]);
  const unknown = find(r, 'STS215');
  assert.equal(text.slice(unknown.from, unknown.to), 'x-note');
  const age = find(r, 'STS229');
  assert.equal(text.slice(age.from, age.to), '86400 😀');
  assert.equal(age.line, 6);
  const unicode = r.diagnostics.filter((d) => d.code === 'STS245').map((d) => text.slice(d.from, d.to));
  assert.deepEqual(unicode, ['é😀.example.com', 'mail.exämple.com.']);
});

test('UTF-16 positions: é and emoji earlier on the same line', () => {
  const text = 'v=TLSRPTv1; rua=mailto:é😀@example.com,ftp://x.example';
  const r = v.lint(text);
  checkPositions(text, r);
  const scheme = find(r, 'RPT509');
  assert.equal(text.slice(scheme.from, scheme.to), 'ftp://x.example');
  assert.equal(scheme.column, text.indexOf('ftp') + 1, 'column in UTF-16 units (the byte column would be 43)');
  const txt = 'v=STSv1; id=é😀; foo=bar';
  const unknown = find(v.lint(txt), 'STS112');
  assert.equal(txt.slice(unknown.from, unknown.to), 'foo');
  assert.equal(unknown.column, 18);
});

test('line breaks: LF, CRLF and a bare CR each end a line', () => {
  const text = 'version: STSv1\rmode: x\r\nmax_age: 1\nmx: \u00e9\n';
  const r = v.lint(text, { verbose: true });
  checkPositions(text, r);
  const mode = find(r, 'STS225');
  assert.equal(mode.line, 2);
  assert.equal(text.slice(mode.from, mode.to), 'x');
});

test('fix edits are UTF-16 and apply with slice', () => {
  const text = 'version: STSv1\nmode: testing 😀\nmx: a.example.com\nmax_age: 86400\n';
  const d = find(v.lint(text), 'STS225');
  assert.ok(d.fix, 'STS225 offers a fix here');
  let fixed = text;
  for (const e of [...d.fix.edits].reverse()) fixed = fixed.slice(0, e.from) + e.insert + fixed.slice(e.to);
  assert.equal(fixed, 'version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 86400\n');
  assert.equal(v.lint(fixed).diagnostics.some((x) => x.code === 'STS225'), false);
});

test('lone surrogates are linted as U+FFFD without shifting positions', () => {
  const text = 'version: STSv1\nx-a: \uD800\nmode: \uDC00enforcing\nmax_age: 86400\nmx: a.example.com\n';
  const r = v.lint(text);
  checkPositions(text, r);
  const mode = find(r, 'STS225');
  assert.equal(text.toWellFormed().slice(mode.from, mode.to), '\uFFFDenforcing');
});

test('text of any size: empty, 1 MiB ASCII, 4 MiB non-ASCII (buffer growth)', () => {
  assert.equal(find(v.lint(''), 'STS201').from, 0);
  const heapBefore = v.heapSize;
  const big = 'version: STSv1\nmode: enforce\nmax_age: 86400\n' + 'mx: a.example.com\n'.repeat(60000) + 'mode: zz\n';
  const r = v.lint(big);
  find(r, 'STS250');
  const dup = r.diagnostics.find((d) => d.code === 'STS219');
  assert.ok(dup, 'duplicate mode reported');
  assert.equal(big.slice(dup.from, dup.to).startsWith('mode'), true);
  const wide = 'version: STSv1\n' + 'x-é😀: ü\n'.repeat(400000) + 'mode: enforcing\n';
  const w = v.lint(wide);
  const mode = find(w, 'STS225');
  assert.equal(wide.slice(mode.from, mode.to), 'enforcing');
  assert.equal(mode.line, 400002);
  // the heap grew during these calls, and their results were read through the grown heap's views
  assert.ok(v.heapSize > heapBefore, `heap ${heapBefore} -> ${v.heapSize}`);
});

test('hostile record values are diagnosed, never abort the instance', async () => {
  // A fresh validator: a core failure makes an instance unusable.
  const { createValidator } = await import(join(dist, 'node.js'));
  const w = await createValidator();
  for (const value of [
    'v=TLSRPTv1; rua=https://[zz]/', // once a raise inside PEGTL's contrib/uri (now grammar/uri.hpp, which cannot)
    'v=TLSRPTv1; rua=https://[v1.x/',
    'v=TLSRPTv1; rua=https://[::1/',
    'v=TLSRPTv1; rua=mailto:a@[1.2.3.4',
  ]) {
    const r = w.lint(value);
    assert.equal(r.valid, false, value);
  }
  assert.equal(w.lint('v=STSv1; id=1').valid, true);
});

test('wrong argument types and values throw clear errors', () => {
  assert.throws(() => v.lint(42), { name: 'TypeError', message: 'lint(text): expected a string, got number' });
  assert.throws(() => v.lint(), { name: 'TypeError', message: 'lint(text): expected a string, got undefined' });
  assert.throws(() => v.lint(null), { name: 'TypeError', message: 'lint(text): expected a string, got null' });
  assert.throws(() => v.lint(Buffer.from('x')), { name: 'TypeError', message: /expected a string, got object/ });
  assert.throws(() => v.lint('x', 'policy'), { name: 'TypeError', message: /expected an options object, got string/ });
  assert.throws(() => v.lint('x', { kind: 'xml' }), {
    name: 'RangeError',
    message: "lint(text, { kind }): unknown kind 'xml' (expected 'auto', 'policy', 'txt', 'tlsrpt', 'dmarc' or 'bundle')",
  });
  assert.throws(() => v.lint('x', { kind: 1 }), { name: 'TypeError', message: /kind.*got number/ });
  assert.throws(() => v.lint('x', { verbose: 'yes' }), { name: 'TypeError', message: /verbose.*boolean, got string/ });
  assert.throws(() => v.lint('x', { knd: 'txt' }), { name: 'TypeError', message: /unknown option 'knd'/ });
  const r = v.lint('x');
  assert.throws(() => v.format(r, 'xml'), {
    name: 'RangeError',
    message: "format(results, format): unknown format 'xml' (expected 'text', 'json' or 'sarif')",
  });
  assert.throws(() => v.format(r, 1), { name: 'TypeError', message: /expected a format name/ });
  assert.throws(() => v.format({ kind: 'policy' }, 'json'), { name: 'TypeError', message: /result returned by lint\(\)/ });
  assert.throws(() => v.format([r, 5], 'json'), { name: 'TypeError', message: /got number at index 1/ });
  assert.throws(() => v.format(r, 'text', { color: 1 }), { name: 'TypeError' });
});

test('createValidator checks its options', async () => {
  const { createValidator } = await import(join(dist, 'node.js'));
  await assert.rejects(createValidator({ wasmBinary: 'x' }), { name: 'TypeError', message: /wasmBinary/ });
  await assert.rejects(createValidator({ locateFile: 'x' }), { name: 'TypeError', message: /locateFile/ });
  await assert.rejects(createValidator(5), { name: 'TypeError', message: /options object/ });
  const bytes = readFileSync(join(dist, 'mta-sts-lint.wasm'));
  const a = await createValidator({ wasmBinary: bytes });
  assert.equal(a.lint('v=STSv1; id=1').valid, true);
  const b = await createValidator({ wasmModule: await WebAssembly.compile(bytes) });
  assert.equal(b.lint('v=STSv1; id=1').valid, true);
  const c = await createValidator({ locateFile: (f) => join(dist, f) });
  assert.equal(c.lint('v=STSv1; id=1').valid, true);
  // bytes that are not WebAssembly: a rejection, not a promise left pending
  await assert.rejects(createValidator({ wasmBinary: new Uint8Array([0, 97, 115, 109, 9]) }), WebAssembly.CompileError);
});

test('the browser/bundler entry fetches its .wasm: streamed when served as application/wasm, else as bytes', async () => {
  const { createServer } = await import('node:http');
  const wasm = readFileSync(join(dist, 'mta-sts-lint.wasm'));
  const server = createServer((req, res) => {
    if (req.url === '/missing.wasm') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': req.url === '/typed/mta-sts-lint.wasm' ? 'application/wasm' : 'application/octet-stream' });
    res.end(wasm);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const { createValidator } = await import(join(dist, 'index.js'));
    for (const dir of ['typed', 'plain']) {
      const seen = [];
      const w = await createValidator({ locateFile: (f, scriptDir) => (seen.push([f, scriptDir]), `${base}/${dir}/${f}`) });
      assert.equal(w.lint('v=STSv1; id=1').valid, true, dir);
      assert.equal(seen[0][0], 'mta-sts-lint.wasm');
      assert.match(seen[0][1], /\/dist\/$/, 'scriptDirectory: the directory of the entry');
    }
    await assert.rejects(createValidator({ locateFile: () => `${base}/missing.wasm` }), /HTTP 404/);
  } finally {
    server.close();
  }
});

test('the browser/bundler entry: asset pattern kept, and it runs when given the bytes', async () => {
  const source = readFileSync(join(dist, 'index.js'), 'utf8');
  assert.match(source, /new URL\("\.\/mta-sts-lint\.wasm",import\.meta\.url\)/, 'bundlers see the .wasm asset');
  const { createValidator } = await import(join(dist, 'index.js'));
  const b = await createValidator({ wasmBinary: readFileSync(join(dist, 'mta-sts-lint.wasm')) });
  assert.equal(b.lint('version: STSv1\nmode: enforcing\n').diagnostics.some((d) => d.code === 'STS225'), true);
});

test('format: names, arrays and the same bytes as the native CLI', () => {
  const text = 'version: STSv1\nmode: enforcing\nmx: é.example.com\n';
  const r = v.lint(text);
  for (const format of ['text', 'json', 'sarif']) {
    const expected = native(['--format', format, '-'], { input: text, env: { NO_COLOR: '1' } }).stdout.toString();
    assert.equal(v.format({ file: '<stdin>', result: r }, format), expected, format);
    assert.equal(v.format([{ file: '<stdin>', result: r }], format), expected, format);
  }
  assert.match(v.format(r, 'text'), /^<input>:2:7: error: /m, 'default name');
  assert.match(v.format(v.lint(text, { file: 'p.txt' })), /^p\.txt:2:7: error: /m, 'lint option file');
  const two = v.format([v.lint(text, { file: 'a' }), { file: 'b', result: r }], 'json');
  assert.deepEqual(JSON.parse(two).files.map((f) => f.file), ['a', 'b']);
  assert.match(v.format(r, 'text', { color: true }), /\x1b\[/);
});

test('evidence: domain and mxHosts reach the core, and format() keeps them', () => {
  const text = 'version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 86400\n';
  assert.equal(v.lint(text).errorCount, 0);
  const r = v.lint(text, { mxHosts: ['mail.example.com', 'mx.example.net'] });
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), ['STS401']);
  assert.match(find(r, 'STS401').message, /mx\.example\.net/);
  const none = v.lint(text, { domain: 'example.com', mxHosts: [] });
  const expected = native(['--format', 'json', '--domain', 'example.com', '--no-mx-records', '-'], { input: text });
  assert.equal(v.format({ file: '<stdin>', result: none }, 'json'), expected.stdout.toString());
  assert.throws(() => v.lint(text, { mxHosts: 'a' }), { name: 'TypeError', message: /mxHosts: expected an array of strings/ });
  assert.throws(() => v.lint(text, { domain: 1 }), { name: 'TypeError', message: /domain: expected a string/ });
});

test('format keeps verbose and kind of each result', () => {
  const text = 'v=STSv1; id=1';
  const verbose = JSON.parse(v.format(v.lint(text, { kind: 'policy', verbose: true }), 'json')).files[0];
  assert.equal(verbose.kind, 'policy');
  const expected = JSON.parse(native(['--format', 'json', '--kind', 'policy', '-v', '-'], { input: text }).stdout);
  assert.deepEqual(verbose.diagnostics, expected.files[0].diagnostics);
});

test('100,000 calls do not grow the wasm heap', () => {
  const inputs = [
    'version: STSv1\nmode: enforcing\nmx: é😀.example.com\nmax_age: 86400\n',
    'v=TLSRPTv1; rua=mailto:é@example.com,ftp://x',
    'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 1209600\r\n',
  ];
  for (let i = 0; i < 1000; ++i) v.lint(inputs[i % 3], { verbose: true });
  const before = v.heapSize;
  let errors = 0;
  for (let i = 0; i < 100000; ++i) errors += v.lint(inputs[i % 3], { verbose: i % 2 === 0 }).errorCount;
  for (let i = 0; i < 2000; ++i) v.format(v.lint(inputs[i % 3]), 'sarif');
  assert.ok(errors > 0);
  assert.equal(v.heapSize, before);
});

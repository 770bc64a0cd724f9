// `--batch` with the keys `http` (a raw HTTP response) and `dns` (pasted tool output): the domain's texts are one
// evidence set (docs/batch.md), each answered with positions in its own text. Expected positions are counted by hand
// from the texts below (columns in bytes, 1-based). The native command answers them; the bin (wasm/bin.js) checks
// their JSON types as the native command does, and answers them once its WebAssembly module passes them to the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { native, bin } from './helpers.mjs';

const answers = (r) => r.stdout.toString().trimEnd().split('\n').map((l) => JSON.parse(l));
const batch = (lines, args = [], env) => {
  const r = native(['--batch', ...args], { input: lines.map((l) => JSON.stringify(l)).join('\n') + '\n', env });
  assert.equal(r.status, 0, r.stderr);
  return answers(r);
};
const brief = (d) => ({ code: d.code, line: d.line, column: d.column, offset: d.offset, length: d.length });
const codes = (o) => o.diagnostics.map((d) => d.code);

const HTTP_HTML =
  'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nversion: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n';
const DIG_MX = '$ dig +short MX example.com\n10 mx1.example.com.\n20 mx2.example.com.\n';
const POLICY = 'version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 604800\n';

test('http and dns: each part where it stands, cross-checked, positions in its own text', () => {
  const [a] = batch([{ domain: 'example.com', http: HTTP_HTML, dns: DIG_MX }]);
  assert.equal(a.valid, false);
  assert.equal(a.http.kind, 'bundle');
  assert.equal(a.dns.kind, 'bundle');
  // "Content-Type: " after the 17 bytes of the status line: the media type at offset 31, line 2, column 15
  assert.deepEqual(a.http.diagnostics.map(brief), [{ code: 'STS304', line: 2, column: 15, offset: 31, length: 9 }]);
  assert.equal(HTTP_HTML.substr(31, 9), 'text/html');
  // the body's policy (enforce) does not cover mx2: reported at the MX record in dns (28 + 20 bytes, then "20 ")
  assert.deepEqual(a.dns.diagnostics.map(brief), [{ code: 'STS401', line: 3, column: 4, offset: 51, length: 16 }]);
  assert.equal(DIG_MX.substr(51, 16), 'mx2.example.com.');
  assert.equal(a.http.mode, 'enforce', 'mode and maxAge are on the object that holds the policy');
  assert.equal(a.http.maxAge, 604800);
  assert.equal(a.policy, undefined);
});

test('a body in http gets the policy rules as the same text under policy does, at the body\'s bytes', () => {
  const body = 'version: STSv1\nmode: enforced\nmx: mx1.example.com.\nmax_age: 0604800\nfoo bar\n';
  const head = 'HTTP/1.1 200 OK\nContent-Type: text/plain\n\n';
  const [alone, inHttp] = batch([
    { domain: 'example.com', policy: body },
    { domain: 'example.com', http: head + body },
  ]);
  assert.ok(alone.policy.diagnostics.length >= 4, 'the body has several problems');
  assert.deepEqual(
    inHttp.http.diagnostics.map(brief),
    alone.policy.diagnostics.map((d) => ({ ...brief(d), line: d.line + 3, offset: d.offset + head.length })),
  );
  assert.equal(inHttp.valid, alone.valid);
});

test('a line without http and dns is answered as before; null is absent', () => {
  const line = { domain: 'example.com', policy: POLICY, txt: 'v=STSv1; id=1', mx: ['mx1.example.com'] };
  for (const args of [[], ['--verbose']]) {
    const [before, withNull] = batch([line, { ...line, http: null, dns: null }], args);
    assert.deepEqual(withNull, { ...before, line: 2 });
    assert.equal(before.policy.kind, 'policy');
  }
});

test('the evidence set: MX from dns unless mx is given, the record in dns, RPT523 and EVD702', () => {
  const [shown, given] = batch([
    { domain: 'example.com', policy: POLICY.replace('testing', 'enforce'), dns: DIG_MX },
    { domain: 'example.com', policy: POLICY.replace('testing', 'enforce'), dns: DIG_MX, mx: ['mx1.example.com'] },
  ]);
  assert.deepEqual(codes(shown.dns), ['STS401']);
  assert.equal(shown.policy.kind, 'policy', 'a text under policy keeps its kind');
  assert.deepEqual(codes(given.dns), [], 'mx wins over the MX records of dns');
  assert.equal(given.valid, true);

  const rptDig = '$ dig +short TXT _smtp._tls.example.com\n"v=TLSRPTv1; rua=mailto:tlsrpt@example.com"\n';
  const [noRpt, rptShown, rptQueried] = batch(
    [
      { domain: 'example.com', policy: POLICY, dns: DIG_MX },
      { domain: 'example.com', policy: POLICY, dns: DIG_MX + rptDig },
      { domain: 'example.com', policy: POLICY, dns: '$ dig +short TXT _smtp._tls.example.com\n' },
    ],
    ['--verbose'],
  );
  assert.deepEqual(noRpt.policy.diagnostics.filter((d) => d.code === 'RPT523').map(brief), [
    { code: 'RPT523', line: 2, column: 7, offset: 21, length: 7 },
  ]);
  assert.ok(!codes(rptShown.policy).includes('RPT523'), 'a TLS-RPT record shown in dns');
  assert.equal(codes(rptQueried.policy).filter((c) => c === 'RPT523').length, 1, 'said once');

  const nx = '$ host -t TXT _mta-sts.example.com\nHost _mta-sts.example.com not found: 3(NXDOMAIN)\n';
  const [none] = batch([{ domain: 'example.com', dns: nx }]);
  const evd = none.dns.diagnostics.filter((d) => d.code === 'EVD702');
  assert.equal(evd.length, 1);
  assert.equal(nx.substr(evd[0].offset, evd[0].length), '3(NXDOMAIN)');

  const rec = '$ dig +noall +answer TXT _mta-sts.example.com\n_mta-sts.example.com.\t300\tIN\tTXT\t"v=STSv1; id=2024-05"\n';
  const [bad] = batch([{ domain: 'example.com', dns: rec }]);
  const sts105 = bad.dns.diagnostics.filter((d) => d.code === 'STS105');
  assert.equal(sts105.length, 1);
  assert.equal(rec.substr(sts105[0].offset, sts105[0].length), '-');
  assert.equal(bad.valid, false);
});

test('http and dns: the SAX path answers as the fast path', () => {
  const lines = [
    { domain: 'example.com', http: HTTP_HTML, dns: DIG_MX },
    { domain: 'example.com', policy: POLICY, dns: DIG_MX, tlsrpt: 'v=TLSRPTv1; rua=mailto:a@example.com' },
  ];
  assert.deepEqual(batch(lines, ['-v'], { MTASTS_BATCH_SLOW_PATH: '1' }), batch(lines, ['-v']));
});

test('http and dns that are not strings, or repeated: the same error lines from the native command and the bin', () => {
  const input = [
    '{"domain":"t.example","http":5}',
    '{"domain":"t.example","dns":["a"]}',
    '{"domain":"t.example","dns":"x","dns":null}',
    '{"domain":"t.example","http":{"a":1}}',
  ].join('\n') + '\n';
  const n = native(['--batch'], { input });
  const b = bin(['--batch'], { input });
  assert.equal(n.status, 0);
  assert.equal(b.status, 0);
  assert.ok(b.stdout.equals(n.stdout), `\n--- native\n${n.stdout}\n--- bin\n${b.stdout}`);
  const out = answers(n);
  assert.deepEqual(out[0], { line: 1, domain: 't.example', error: '"http" must be a string or null' });
  assert.equal(out[2].error, 'duplicate key "dns"');
});

// The bin answers http and dns once wasm/bindings.cpp's mtasts_batch maps items 14 and 15 to batch::http and
// batch::dns (the bin already sends them; the module drops tags it does not know).
const binAnswersHttp = (() => {
  const r = bin(['--batch'], { input: '{"domain":"example.com","http":"HTTP/1.1 200 OK\\n\\n"}\n' });
  return r.status === 0 && JSON.parse(r.stdout.toString()).http !== undefined;
})();

test('the bin answers http and dns as the native command', { todo: binAnswersHttp ? false : 'mtasts_batch (wasm/bindings.cpp) does not pass items 14/15 yet' }, () => {
  const input =
    [
      { domain: 'example.com', http: HTTP_HTML, dns: DIG_MX },
      { domain: 'example.com', policy: POLICY, dns: DIG_MX },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n') + '\n';
  for (const args of [[], ['--verbose']]) {
    const n = native(['--batch', ...args], { input });
    const b = bin(['--batch', ...args], { input });
    assert.ok(b.stdout.equals(n.stdout), `\n--- native\n${n.stdout}\n--- bin\n${b.stdout}`);
  }
});

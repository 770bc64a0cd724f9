// The bin's `--batch` mode (wasm/bin.js on the "./full" module) against the native one (cli/batch.cpp): the same
// answer lines byte for byte (both are written by core/batch.hpp; the lines are read by JSON.parse in one and
// nlohmann in the other), the same usage output, errors and exit status, and answers that stream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { domainLine, loadCorpus } from '../../bench/gen_jsonl.mjs';
import { native, bin, corpus, requireFile, binJs } from './helpers.mjs';

const data = loadCorpus(requireFile(corpus, 'the corpus (tests/corpus)'));

function same(args, input, label) {
  const n = native(['--batch', ...args], { input });
  const b = bin(['--batch', ...args], { input });
  assert.equal(b.status, n.status, `${label}: exit status (stderr: ${b.stderr})`);
  assert.equal(b.stderr, n.stderr, `${label}: stderr`);
  assert.ok(b.stdout.equals(n.stdout), `${label}: stdout differs\n--- native\n${n.stdout}\n--- bin\n${b.stdout}`);
  return n.stdout.toString();
}

// The corpus's policies and records as JSON Lines, with MX hosts on some lines: given, none ([]) and a null MX.
function corpusLines(count) {
  const lines = [];
  for (let i = 0; i < count; ++i) {
    const o = JSON.parse(domainLine(data, i));
    if (i % 5 === 0) o.mx = [`mail.d${i}.example`, 'mx.example.net.'];
    else if (i % 7 === 0) o.mx = [];
    else if (i % 11 === 0) o.mx = ['.'];
    lines.push(JSON.stringify(o));
  }
  return lines.join('\n') + '\n';
}

test('the corpus as JSON Lines: the native answers byte for byte, with and without --verbose', () => {
  const input = corpusLines(3 * data.policies.length);
  const out = same([], input, 'corpus');
  same(['--verbose'], input, 'corpus --verbose');
  const answers = out.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(answers.length, 3 * data.policies.length);
  assert.deepEqual(answers.map((a) => a.line), answers.map((_, i) => i + 1), 'one answer per line, in order');
  const valid = answers.filter((a) => a.valid).length;
  assert.ok(valid > 0 && valid < answers.length, `${valid} valid domains: the corpus has both verdicts`);
  assert.ok(answers.some((a) => a.policy.diagnostics.some((d) => d.code === 'STS401')), 'the MX hosts are checked');
});

// What a line may hold that the native reader refuses, skips or reads in a particular way: each gets the same answer.
const EDGE_LINES = [
  '',
  ' \t ',
  '{"domain":"crlf.example","policy":"version: STSv1\\r\\nmode: testing\\r\\nmx: mail.crlf.example\\r\\nmax_age: 86400\\r\\n"}\r',
  '\uFEFF{"domain":"bom.example","txt":"v=STSv1; id=1"}',
  '{"x":{"domain":5,"mx":[1]},"domain":"nested.example","y":[1,{"z":null}],"tlsrpt":null,"policy":null}',
  '{"domain":"nomx.example","mx":[],"policy":"version: STSv1\\nmode: enforce\\nmx: mail.other.example\\nmax_age: 604800\\n"}',
  '{"domain":"nullmx.example","policy":"version: STSv1\\nmode: enforce\\nmx: *.nullmx.example\\nmax_age: 604800\\n","mx":["."]}',
  '{"domain":"mxnull.example","mx":null,"policy":"version: STSv1\\nmode: testing\\nmx: *.mxnull.example\\nmax_age: 86400\\n"}',
  '{"domain":"\\u00e9.example","policy":"version: STSv1\\nmode: enforce\\nmx: \\u00e9\\u2028.example\\n\\ud83d\\ude00: x\\n"}',
  '{"domain":"nul.example","policy":"version: STSv1\\u0000\\nmode: \\/testing\\n"}',
  '{"domain":"say.example","txt":"say \\"domain\\"","tlsrpt":"v=TLSRPTv1; rua=mailto:r@say.example"}',
  '{"domain":5}',
  '{"domain":null,"policy":"x"}',
  '{"domain":{}}',
  '{"domain":[]}',
  '{"domain":"types.example","policy":true}',
  '{"policy":1.5,"domain":"types.example"}',
  '{"domain":"types.example","mx":"mail.types.example"}',
  '{"domain":"types.example","mx":["a",1]}',
  '{"domain":"types.example","mx":[["a"]]}',
  '{"domain":"types.example","mx":{}}',
  '{"domain":"types.example","txt":{"v":1}}',
  '{"domain":"a.example","domain":"b.example"}',
  '{"domain":"dup.example","policy":"x","policy":null}',
  '{"policy":5,"policy":"x","domain":"dup.example"}',
  '{"domain":"dup.example","\\u0070olicy":"x","policy":"y"}',
  '{"\\u0064omain":"escaped.example","txt":"v=STSv1; id=2"}',
  '[{"domain":"array.example"}]',
  '"domain"',
  '5',
  'null',
  'true',
  '{}',
  '{"policy":"version: STSv1\\n"}',
  '{"domain":"last.example","tlsrpt":"v=TLSRPTv1;rua=mailto:a@last.example"}',
  '{"domain":"dmarc.example","dmarc":"v=DMARC1; p=quarantine; rua=mailto:d@reports.example.net","tlsrpt":null}',
  '{"domain":"dmarc2.example","dmarc":["v=DMARC1"]}',
];

test('lines refused, skipped or read with care: the same answers (blank, CRLF, BOM, nulls, types, duplicates, escapes)', () => {
  const input = EDGE_LINES.join('\n'); // the last line has no line break
  same([], input, 'edge lines');
  const out = same(['-v'], input, 'edge lines -v').trimEnd().split('\n').map((l) => JSON.parse(l));
  const at = (n) => out.find((a) => a.line === n);
  // Spot checks against the batch contract (cli/batch.cpp): blank lines are skipped but counted.
  assert.equal(at(1), undefined);
  assert.equal(at(2), undefined);
  assert.equal(at(3).domain, 'crlf.example');
  assert.equal(at(12).error, '"domain" must be a string');
  assert.deepEqual(at(16), { line: 16, domain: 'types.example', error: '"policy" must be a string or null' });
  assert.deepEqual(at(17), { line: 17, error: '"policy" must be a string or null' }, 'domain not read yet');
  assert.deepEqual(at(23), { line: 23, domain: 'a.example', error: 'duplicate key "domain"' });
  assert.deepEqual(at(25), { line: 25, error: '"policy" must be a string or null' }, 'the first problem in the line');
  assert.equal(at(26).error, 'duplicate key "policy"', 'a key written with an escape is the same key');
  assert.equal(at(27).domain, 'escaped.example');
  assert.equal(at(28).error, 'not a JSON object');
  assert.equal(at(33).error, 'missing "domain"');
  assert.equal(at(35).domain, 'last.example');
});

test('text that is not JSON: an error line at the same line (worded by the parser), and the stream goes on', () => {
  const bad = [
    'not json',
    '{"domain":"cut.example",',
    '{"domain":"a.example"} trailing',
    '{"domain":"comma.example",}',
    '{"domain":"lone\\ud800.example"}',
    Buffer.from([0x7b, 0x22, 0x64, 0xff, 0x22, 0x3a, 0x31, 0x7d]).toString('latin1'),
    '{"domain":"raw\ttab.example"}',
  ];
  const good = '{"domain":"ok.example","txt":"v=STSv1; id=20240101"}';
  const input = Buffer.concat([...bad, good].map((l) => Buffer.from(l + '\n', 'latin1')));
  const n = native(['--batch'], { input });
  const b = bin(['--batch'], { input });
  assert.equal(b.status, 0);
  assert.equal(n.status, 0);
  const lines = (r) => r.stdout.toString().trimEnd().split('\n').map((l) => JSON.parse(l));
  const [nl, bl] = [lines(n), lines(b)];
  assert.equal(bl.length, bad.length + 1);
  for (let i = 0; i < bad.length; ++i) {
    assert.equal(bl[i].line, i + 1);
    assert.equal(nl[i].line, i + 1);
    assert.match(bl[i].error, /^invalid JSON: /, `line ${i + 1}: ${bl[i].error}`);
    assert.match(nl[i].error, /^invalid JSON: /, `native line ${i + 1}: ${nl[i].error}`);
  }
  assert.deepEqual(bl.at(-1), nl.at(-1), 'the next line is answered as usual');
  assert.equal(bl.at(-1).valid, true);
});

test('a line over 4 MiB: the same error line, and the next line answered', () => {
  const long = `{"domain":"long.example","policy":"${'mx: a.example\\n'.repeat(300000)}"}`;
  assert.ok(long.length > 4 << 20);
  const input = `${long}\n{"domain":"after.example","txt":"v=STSv1; id=1"}\n${long}`;
  const out = same([], input, 'long lines').trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out[0], { line: 1, error: 'line longer than 4194304 bytes' });
  assert.equal(out[1].domain, 'after.example');
  assert.deepEqual(out[2], { line: 3, error: 'line longer than 4194304 bytes' }, 'also when the stream ends in it');
});

test('--help, -h, an unknown argument, empty input: same output and exit status', () => {
  same(['--help'], '', '--help');
  same(['-v', '-h', '--nope'], '', '-h first');
  const n = native(['--batch', '--format', 'json'], { input: '' });
  assert.equal(n.status, 2);
  same(['--format', 'json'], '', 'unknown argument');
  same([], '', 'empty input');
  same([], '\n\n', 'only blank lines');
});

test('--line-offset N: the same answers, numbered from N + 1, and the same refusals', () => {
  const input = corpusLines(20) + '\n[1]\n';
  const plain = same([], input, 'no offset').trimEnd().split('\n');
  for (const args of [['--line-offset', '4000'], ['--line-offset=4000'], ['-v', '--line-offset', '4000']]) {
    const out = same(args, input, args.join(' ')).trimEnd().split('\n');
    assert.equal(out.length, 21);
    assert.equal(out.at(-1), '{"line":4022,"error":"not a JSON object"}', 'the blank line is counted');
    if (!args.includes('-v')) assert.deepEqual(out.map((l) => l.replace(/^\{"line":(\d+)/, (_, n) => `{"line":${n - 4000}`)), plain);
  }
  for (const bad of [['--line-offset'], ['--line-offset='], ['--line-offset', 'x'], ['--line-offset', '1000000000000000']]) same(bad, input, bad.join(' '));
});

test('answers stream: each line is answered while standard input is still open', async () => {
  const child = spawn(process.execPath, [binJs, '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let got = '';
  const waitFor = (n) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer ${n} after 60 s: ${got}`)), 60000);
      const check = () => {
        if (got.split('\n').length > n) {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          resolve();
        }
      };
      const onData = (chunk) => {
        got += chunk;
        check();
      };
      child.stdout.on('data', onData);
      check();
    });
  child.stdin.write('{"domain":"one.example","txt":"v=STSv1; id=1"}\n');
  await waitFor(1);
  child.stdin.write('{"domain":"two.example","txt":"v=STSv1 id=1"}\n');
  await waitFor(2);
  child.stdin.end();
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
  const [one, two] = got.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(one.valid, true);
  assert.equal(two.valid, false);
});

test('a reader that goes away (| head): exit 2 with one line on stderr, as the native command with SIGPIPE ignored', async () => {
  const line = '{"domain":"many.example","txt":"v=STSv1; id=1"}\n';
  const child = spawn(process.execPath, [binJs, '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.stdout.once('data', () => child.stdout.destroy());
  child.stdin.on('error', () => {}); // it may exit before it has read everything
  child.stdin.end(line.repeat(200000));
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 2);
  assert.equal(stderr, 'mta-sts-lint: cannot write standard output: Broken pipe\n');
});

test('"certificates": the native command answers it, the bin (certificates in files only) answers an error line with the domain', () => {
  // Not a real certificate: the bin must refuse the key before reading it; the native command reads it (CRT801/CRT802).
  const lines = [
    '{"domain":"cert.example","certificates":"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n","now":"2026-12-01"}',
    '{"domain":"nullcert.example","certificates":null,"txt":"v=STSv1; id=1"}',
    '{"domain":"after.example","txt":"v=STSv1; id=1"}',
  ];
  const input = lines.join('\n') + '\n';
  const b = bin(['--batch'], { input });
  const n = native(['--batch'], { input });
  assert.equal(b.status, 0);
  const bl = b.stdout.toString().trimEnd().split('\n').map((l) => JSON.parse(l));
  const nl = n.stdout.toString().trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(bl[0], {
    line: 1,
    domain: 'cert.example',
    error: '"certificates" is read only by the native mta-sts-lint --batch (the bin reads certificates in files, not in --batch lines)',
  });
  assert.equal(nl[0].certificates.kind, 'cert');
  assert.deepEqual(nl[0].certificates.diagnostics.map((d) => d.code), ['CRT801']);
  // null is absent in both; the lines after are answered alike
  assert.deepEqual(bl.slice(1), nl.slice(1));
  assert.equal(bl[1].certificates, undefined);
  const es = bin(['--batch', '--lang', 'es'], { input: lines[0] + '\n' });
  assert.equal(JSON.parse(es.stdout.toString()).error, '"certificates" solo lo lee el mta-sts-lint --batch nativo (el bin lee certificados en archivos, no en líneas de --batch)');
});

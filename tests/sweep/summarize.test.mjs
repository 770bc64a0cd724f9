// `mta-sts-lint summarize`: the summary of a sweep's answer lines (cli/summarize.cpp, cli/summary.cpp).
//   node --test tests/sweep/summarize.test.mjs      (needs build/mta-sts-lint: npm run build:native)
// fixtures/answers.jsonl is written by hand in the answer format of README "Batch mode" (not by the program): 16 lines,
// one blank, one with CRLF, 9 answers, 2 error lines of the batch and 4 lines that are not answers. The expected numbers
// below were counted by hand from it (see the comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus, native, nativeCli, run } from '../node/helpers.mjs';
import { domainLine, loadCorpus } from '../../bench/gen_jsonl.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, 'fixtures', 'answers.jsonl');
const tmp = mkdtempSync(join(tmpdir(), 'mtasts-summarize-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

const summarize = (args, input) => {
  const r = native(['summarize', ...args], { input });
  return { ...r, out: r.stdout.toString() };
};
const jsonOf = (args, input) => {
  const r = summarize(['--format', 'json', ...args], input);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.out.split('\n').length, 2, 'the JSON summary is one line');
  return JSON.parse(r.out);
};

// Counted by hand from fixtures/answers.jsonl.
const expected = {
  summary: 'mta-sts-lint sweep',
  version: 1,
  lines: 15, // 16 lines, one blank
  domains: 9, // a b c d f g h i aa
  valid: 3, // a f i
  inputErrors: 2, // lines 5 and 6
  malformed: 4, // 7 (not JSON), 8 (an array), 9 (no domain), 15 ("policy" is a string)
  inputErrorMessages: { 'invalid JSON': 1, '"policy" is not a string': 1 },
  texts: {
    policy: { given: 8, valid: 3 }, // a b c f g h i aa; valid: a f i
    txt: { given: 7, valid: 6 }, // a b d f g h i; d invalid
    tlsrpt: { given: 2, valid: 1 }, // b c; c invalid
  },
  recordWithoutPolicy: 1, // d
  policyWithoutRecord: 2, // c aa
  modes: {
    enforce: { domains: 3, valid: 2 }, // a g i; a i valid
    testing: { domains: 2, valid: 0 }, // b h
    none: { domains: 2, valid: 1 }, // f aa; f valid
    unread: { domains: 1, valid: 0 }, // c (no mode line read)
  },
  // f 0, b 86399, aa 86400, a 604800, i 2419200, h 31536000, g 31557601, c none read
  maxAge: { zero: 1, underDay: 1, dayToWeek: 1, weekTo4Weeks: 1, '4WeeksToYear': 1, year: 1, overYear: 1, unread: 1 },
  mxCoverageFailures: 2, // g STS401, h STS402
  otherCodes: 0,
  // by domains, then code; the example is the smallest domain with the code (aa.example < b.example, whatever the order)
  codes: [
    { code: 'STS209', severity: 'error', domains: 4, count: 5, example: 'aa.example' }, // b (twice) c h aa
    { code: 'STS107', severity: 'warning/error', domains: 2, count: 2, example: 'b.example' }, // b warning, d error
    { code: 'RPT501', severity: 'error', domains: 1, count: 1, example: 'c.example' },
    { code: 'STS104', severity: 'error', domains: 1, count: 1, example: 'd.example' },
    { code: 'STS224', severity: 'error', domains: 1, count: 1, example: 'c.example' },
    { code: 'STS228', severity: 'error', domains: 1, count: 1, example: 'c.example' },
    { code: 'STS230', severity: 'error', domains: 1, count: 1, example: 'g.example' },
    { code: 'STS233', severity: 'warning', domains: 1, count: 1, example: 'b.example' },
    { code: 'STS401', severity: 'error', domains: 1, count: 1, example: 'g.example' },
    { code: 'STS402', severity: 'warning', domains: 1, count: 1, example: 'h.example' },
    { code: 'STS403', severity: 'info', domains: 1, count: 1, example: 'i.example' },
  ],
};

test('a fixed input gives the numbers counted by hand (json)', () => {
  assert.deepEqual(jsonOf([fixture]), expected);
  // standard input, as a file or '-', gives the same
  assert.deepEqual(jsonOf([], readFileSync(fixture)), expected);
  assert.deepEqual(jsonOf(['-'], readFileSync(fixture)), expected);
});

test('the text summary shows the same numbers, with shares', () => {
  const r = summarize([fixture]);
  assert.equal(r.status, 0);
  const t = r.out;
  assert.match(t, /^Domains checked: 9 {3}valid: 3 \(33\.3%\) {3}invalid: 6$/m);
  assert.match(t, /^Lines read: 15 {3}answers: 9 {3}input errors: 2 {3}not answer lines: 4$/m);
  assert.match(t, /^ {2}policy file +8 +3 +37\.5%$/m);
  assert.match(t, /^ {2}_mta-sts record without a policy: 1$/m);
  assert.match(t, /^ {2}policy without an _mta-sts record: 2$/m);
  assert.match(t, /^ {2}enforce +3 +37\.5% +2 +#+$/m);
  assert.match(t, /^ {2}no mode read +1 +12\.5% +0 +#+$/m);
  assert.match(t, /^ {2}over 31557600 s \(over the RFC maximum\) +1 +12\.5%/m);
  assert.match(t, /^MX coverage failures .*: 2 domains \(22\.2%\)$/m);
  // 4 of 9 domains = 44.4%; 5 occurrences; the smallest domain as the example; the catalogue's title
  assert.match(t, /^ {2}STS209 +error +4 +44\.4% +5 {2}aa\.example {2}\(blank line\)$/m);
  assert.match(t, /^ {2}STS107 +warning\/error +2 +22\.2% +2 {2}b\.example/m);
  // --top limits the list; the first line says how many are shown
  const top2 = summarize(['--top', '2', fixture]).out;
  assert.match(top2, /^Most frequent codes \(2 of 11;/m);
  assert.doesNotMatch(top2, /RPT501/);
});

test('lines that are not answers are counted and named on stderr, not fatal', () => {
  const r = summarize([fixture]);
  assert.equal(r.status, 0);
  const named = r.stderr.trim().split('\n');
  assert.deepEqual(named.map((l) => l.split(': not an answer line')[0]), [
    `${fixture}:7`,
    `${fixture}:8`,
    `${fixture}:9`,
    `${fixture}:15`,
  ]);
  assert.match(named[3], /"policy" is not an object/);
  // Only junk: still a summary, all of it counted as malformed; a missing file is an I/O error (2).
  const junk = Buffer.concat([Buffer.from('\x00\xff\xfe{{{\n'), Buffer.from('{"domain":"x"'.repeat(1000) + '\n'), Buffer.from('['.repeat(100000) + '\n')]);
  const deep = '{"summary":' + '['.repeat(1000000) + ']'.repeat(1000000) + '}\n';
  const j = jsonOf([], Buffer.concat([junk, Buffer.from(deep)]));
  assert.equal(j.lines, 4);
  assert.equal(j.malformed, 4);
  assert.equal(j.domains, 0);
  const many = summarize([], Buffer.from('x\n'.repeat(25)));
  assert.equal(many.status, 0);
  assert.equal(many.stderr.trim().split('\n').length, 11, 'ten lines named, then how many more');
  assert.match(many.stderr, /15 more lines that are not answer lines/);
  // null for a text is no text (as in the batch's input); a top-level null is not an answer
  const n = jsonOf([], '{"line":1,"domain":"n.example","valid":true,"policy":null,"txt":{"kind":"txt","valid":true,"diagnostics":[]}}\nnull\n');
  assert.deepEqual([n.domains, n.malformed, n.texts.policy.given, n.texts.txt.given, n.recordWithoutPolicy], [1, 1, 0, 1, 1]);
  assert.equal(summarize([join(tmp, 'missing.jsonl')]).status, 2);
  assert.equal(summarize([tmp]).status, 2, 'a directory');
});

test('partial summaries merge: summarize of the parts\' JSON summaries is the summary of the whole', () => {
  const lines = readFileSync(fixture, 'latin1').split('\n');
  lines.pop();
  // every way of cutting the fixture in two, and in three at two places
  for (let cut = 0; cut <= lines.length; ++cut) {
    const a = join(tmp, 'a.jsonl');
    const b = join(tmp, 'b.jsonl');
    writeFileSync(a, lines.slice(0, cut).map((l) => l + '\n').join(''), 'latin1');
    writeFileSync(b, lines.slice(cut).map((l) => l + '\n').join(''), 'latin1');
    const sa = join(tmp, 'a.json');
    const sb = join(tmp, 'b.json');
    writeFileSync(sa, summarize(['--format', 'json', a]).out);
    writeFileSync(sb, summarize(['--format', 'json', b]).out);
    assert.deepEqual(jsonOf([sa, sb]), expected, `cut at ${cut}`);
    assert.deepEqual(jsonOf([sb, sa]), expected, `cut at ${cut}, parts in the other order`);
    assert.deepEqual(jsonOf([sa, b]), expected, `cut at ${cut}: a summary and answer lines`);
    assert.deepEqual(jsonOf([], readFileSync(sb).toString() + readFileSync(a)), expected, 'mixed on standard input');
  }
  // summaries of summaries
  const s1 = join(tmp, 's1.json');
  writeFileSync(s1, summarize(['--format', 'json', fixture]).out);
  const s2 = join(tmp, 's2.json');
  writeFileSync(s2, summarize(['--format', 'json', s1]).out);
  assert.deepEqual(jsonOf([s2]), expected);
  // the text of a merged summary is the text of the whole
  assert.equal(summarize([s1]).out, summarize([fixture]).out);
  // a summary line this version cannot read is counted as malformed, not merged
  const bad = jsonOf([], '{"summary":"mta-sts-lint sweep","version":1,"domains":5}\n{"summary":"mta-sts-lint sweep","version":2}\n');
  assert.equal(bad.malformed, 2);
  assert.equal(bad.domains, 0);
});

test('real answers: one process or four, the same summary', () => {
  const c = loadCorpus(corpus);
  const input = Array.from({ length: 1000 }, (_, i) => domainLine(c, i) + '\n').join('');
  const whole = native(['--batch', '--verbose'], { input });
  assert.equal(whole.status, 0);
  const answers = whole.stdout.toString();
  const all = jsonOf([], answers);
  assert.equal(all.domains, 1000);
  assert.equal(all.malformed, 0);
  assert.equal(all.texts.policy.given, 1000);
  assert.equal(all.texts.txt.given, 900); // every tenth line has no _mta-sts record (bench/gen_jsonl.mjs)
  assert.equal(all.texts.tlsrpt.given, 750); // every fourth has no TLS-RPT record
  assert.equal(all.policyWithoutRecord, 100);
  assert.equal(Object.values(all.modes).reduce((n, m) => n + m.domains, 0), 1000);
  // the batch names the mode and max_age it read: most real policies have both
  assert.ok(all.modes.enforce.domains > 300 && all.modes.testing.domains > 300, JSON.stringify(all.modes));
  assert.ok(all.maxAge.unread < 100 && all.maxAge.weekTo4Weeks > 300, JSON.stringify(all.maxAge));
  assert.equal(Object.values(all.maxAge).reduce((n, k) => n + k, 0), 1000);
  // four batch processes on four slices of the input, each summarized apart, then merged
  const inLines = input.split('\n').slice(0, -1);
  const parts = [];
  for (let k = 0; k < 4; ++k) {
    const slice = inLines.slice(k * 250, (k + 1) * 250).map((l) => l + '\n').join('');
    const p = native(['--batch', '--verbose'], { input: slice });
    const f = join(tmp, `part${k}.json`);
    writeFileSync(f, summarize(['--format', 'json'], p.stdout).out);
    parts.push(f);
  }
  assert.deepEqual(jsonOf(parts.reverse()), all);
});

test('html: one self-contained page with the same numbers, tables and inline SVG bars', () => {
  const r = summarize(['--format', 'html', fixture]);
  assert.equal(r.status, 0);
  const h = r.out;
  assert.match(h, /^<!DOCTYPE html>/);
  assert.doesNotMatch(h, /<script|<link|<img|<iframe|src=|url\(|@import/i);
  assert.match(h, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
  assert.equal((h.match(/<svg /g) || []).length, 3);
  assert.match(h, /<strong>9<\/strong> domains checked, <strong>3<\/strong> valid \(33\.3%\)/);
  assert.match(h, /<tr><td><code>STS209<\/code><\/td><td>error<\/td><td class="n">4<\/td><td class="n">44\.4%<\/td><td class="n">5<\/td><td>aa\.example<\/td>/);
  // what comes from the input is escaped
  const evil = '{"line":1,"domain":"<script>alert(1)</script>.example","valid":false,"policy":{"kind":"policy","valid":false,"diagnostics":[{"code":"<b>X</b>","severity":"error"}]}}\n';
  const e = summarize(['--format', 'html'], evil).out;
  assert.doesNotMatch(e, /<script>|<b>X/);
  assert.match(e, /&lt;script&gt;alert\(1\)&lt;\/script&gt;\.example/);
});

test('hostile input: 10 MB of random bytes, one 10 MB line, a long stream: exit 0, memory bounded by the longest line', { timeout: 120000 }, () => {
  let x = 42;
  const junk = Buffer.allocUnsafe(10 << 20);
  for (let i = 0; i < junk.length; ++i) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    junk[i] = x & 0xff;
  }
  const oneLine = Buffer.from('{"line":1,"domain":"' + 'a'.repeat(10 << 20) + '","valid":true}\n');
  const answer = readFileSync(fixture, 'latin1').split('\n')[1] + '\n';
  const stream = Buffer.from(answer.repeat(40000)); // 40,000 answers, about 30 MB
  // peak RSS limits (KiB): a few buffers of the longest line (~4 when they have all doubled), never the whole input
  const cases = [['random', junk, 24 << 10], ['one 10 MB line', oneLine, 64 << 10], ['40,000 answers', stream, 16 << 10]];
  for (const [name, data, limit] of cases) {
    const f = join(tmp, 'hostile.in');
    writeFileSync(f, data);
    const r = native(['summarize', '--format', 'json', f]);
    assert.equal(r.status, 0, `${name}: ${r.stderr.slice(0, 300)}`);
    const s = JSON.parse(r.stdout.toString());
    if (name === 'random') assert.equal(s.malformed, s.lines);
    if (name === 'one 10 MB line') {
      assert.equal(s.domains, 1);
      assert.equal(s.valid, 1);
    }
    if (name === '40,000 answers') {
      assert.equal(s.domains, 40000);
      assert.equal(s.codes.find((c) => c.code === 'STS209').count, 80000); // twice in that answer
    }
    const t = run('/usr/bin/time', ['-f', '%M', nativeCli, 'summarize', '--format', 'json', f]);
    const kib = Number(t.stderr.trim().split('\n').at(-1));
    assert.ok(kib > 0 && kib < limit, `${name}: peak RSS ${kib} KiB, limit ${limit}`);
  }
});

// The command's own stderr lines in the user's language (docs/i18n.md): the lines that are not answers, why, how many
// more, a file it cannot read. The reasons are those of the English test above, in the catalogue's Spanish
// (core/i18n/es.def sum_*); English stays as it was.
test('summarize speaks Spanish on stderr with LANG=es_ES.UTF-8 or --lang es', () => {
  const es = { LC_ALL: '', LC_MESSAGES: '', LANG: 'es_ES.UTF-8' };
  const r = native(['summarize', fixture], { env: es });
  assert.equal(r.status, 0);
  assert.deepEqual(r.stderr.trim().split('\n'), [
    `${fixture}:7: no es una línea de respuesta (no es JSON): se cuenta y se omite`,
    `${fixture}:8: no es una línea de respuesta (no es un objeto JSON): se cuenta y se omite`,
    `${fixture}:9: no es una línea de respuesta (falta la cadena "domain"): se cuenta y se omite`,
    `${fixture}:15: no es una línea de respuesta ("policy" no es un objeto): se cuenta y se omite`,
  ]);
  const many = native(['summarize', '--lang', 'es'], { input: Buffer.from('{"line":1,"domain":"x"}\n'.repeat(12)), env: { LANG: 'C' } });
  const lines = many.stderr.trim().split('\n');
  assert.equal(lines[0], '<stdin>:1: no es una línea de respuesta (falta "valid" con true o false): se cuenta y se omite');
  assert.equal(lines[10], 'mta-sts-lint summarize: 2 líneas más que no son líneas de respuesta');
  const missing = join(tmp, 'missing.jsonl');
  const m = native(['summarize', missing], { env: es });
  assert.equal(m.status, 2);
  assert.equal(m.stderr, `mta-sts-lint summarize: no se puede leer '${missing}': no existe el archivo o el directorio\n`);
  const d = native(['summarize', '--lang=es', tmp], { env: { LANG: 'C' } });
  assert.equal(d.stderr, `mta-sts-lint summarize: no se puede leer '${tmp}': es un directorio\n`);
  // English: the words of before, the system's error text (strerror) unchanged
  const en = native(['summarize', missing], { env: { ...es, LANG: 'C' } });
  assert.equal(en.stderr, `mta-sts-lint summarize: cannot read '${missing}': No such file or directory\n`);
  assert.equal(native(['summarize', fixture], { env: { ...es, LANG: 'C' } }).stderr.split('\n')[0], `${fixture}:7: not an answer line (not JSON): counted and skipped`);
});

// Writes the seed corpus of the fuzz targets into DIR (default build-fuzz/seeds), one file per input:
//  - tests/corpus/policies/*.txt and every `value` of tests/corpus/records.expected.jsonl (the real-world corpus);
//  - tests/fixtures/*;
//  - the plain string literals given as inputs in tests/catch2/*.cpp (C escapes decoded);
//  - fuzz/seeds/* (hand-written DNS presentation forms and edge cases);
//  - for fuzz_x509: a few public root certificates from /etc/ssl/certs/ca-certificates.crt, as PEM, as DER and inside
//    an s_client-style session (no certificate is committed).
// Usage: node fuzz/make-seeds.mjs [DIR]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'build-fuzz', 'seeds'));
mkdirSync(out, { recursive: true });
const seen = new Set();
const counts = {};
function add(origin, bytes) {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'latin1');
  const hash = createHash('sha1').update(buf).digest('hex');
  if (seen.has(hash)) return;
  seen.add(hash);
  writeFileSync(join(out, `${origin}-${hash.slice(0, 12)}`), buf);
  counts[origin] = (counts[origin] ?? 0) + 1;
}
const files = (dir) => (existsSync(dir) ? readdirSync(dir).sort().map((f) => join(dir, f)) : []);

const corpus = join(root, 'tests', 'corpus');
if (!existsSync(corpus)) throw new Error(`make-seeds: ${corpus} not found`);
for (const f of files(join(corpus, 'policies'))) if (f.endsWith('.txt')) add('policy', readFileSync(f));
for (const name of ['records.expected.jsonl', 'policies.expected.jsonl']) {
  const p = join(corpus, name);
  if (!existsSync(p)) continue;
  for (const line of readFileSync(p, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line);
    if (typeof rec.value === 'string') add('record', Buffer.from(rec.value, 'utf8'));
  }
}
for (const f of files(join(root, 'tests', 'fixtures'))) if (statSync(f).isFile()) add('fixture', readFileSync(f));
for (const f of files(join(root, 'tests', 'fixtures', 'paste'))) if (f.endsWith('.txt')) add('paste', readFileSync(f));
for (const f of files(join(root, 'fuzz', 'seeds'))) add('seed', readFileSync(f));

// C++ string literals ("..." possibly several adjacent ones) of at least 4 bytes from the Catch2 sources.
function decode(lit) {
  let s = '';
  for (let i = 0; i < lit.length; i++) {
    const c = lit[i];
    if (c !== '\\') { s += c; continue; }
    const e = lit[++i];
    const simple = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', "'": "'", '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '?': '?' };
    if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(lit.slice(i + 1));
      s += String.fromCharCode(parseInt(m[0], 16));
      i += m[0].length;
    } else if (e >= '0' && e <= '7') {
      const m = /^[0-7]{1,3}/.exec(lit.slice(i));
      s += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length - 1;
    } else s += simple[e] ?? e;
  }
  return s;
}
for (const f of files(join(root, 'tests', 'catch2'))) {
  if (!f.endsWith('.cpp')) continue;
  const src = readFileSync(f, 'utf8');
  for (const m of src.matchAll(/"((?:[^"\\\n]|\\.)*)"(?:\s*"((?:[^"\\\n]|\\.)*)")*/g)) {
    const whole = [...m[0].matchAll(/"((?:[^"\\\n]|\\.)*)"/g)].map((x) => decode(x[1])).join('');
    // UTF-8 literals in the source are kept as their UTF-8 bytes
    const bytes = Buffer.from(whole, 'latin1');
    const utf8 = /[^\x00-\xff]/.test(whole) ? Buffer.from(whole, 'utf8') : bytes;
    if (utf8.length >= 4 && !/^(STS|RPT|DNS|EVD)\d{3}$/.test(whole)) add('catch2', utf8);
  }
}
const bundle = '/etc/ssl/certs/ca-certificates.crt';
if (existsSync(bundle)) {
  const pems = readFileSync(bundle, 'latin1').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g) ?? [];
  for (const pem of pems.filter((_, i) => i % 20 === 0)) {
    add('cert', pem);
    add('cert', Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'));
    add('cert', `$ openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts\ndepth=0 CN = mx.example.com\nverify error:num=20:unable to get local issuer certificate\nCONNECTED(00000003)\n---\nCertificate chain\n 0 s:CN = mx.example.com\n   i:CN = x\n${pem}---\nVerify return code: 21 (unable to verify the first certificate)\n`);
  }
}
console.log(`make-seeds: ${seen.size} seeds in ${out} (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})`);

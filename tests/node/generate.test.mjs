// v.generate(options) of the "./full" entry: the outputs lint clean, the result is the native `mta-sts-lint generate --format json` output
// (same options, fixed --id), refusals carry the C++ codes and fields, and wrong JS types throw TypeError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validator, fullValidator, native } from './helpers.mjs';

const v = await fullValidator();

// The native CLI for the same options. Returns { ok: true, json } or { ok: false, errors } (from stderr).
function cli(o) {
  const args = ['generate', '--format', 'json'];
  const one = (flag, value) => value !== undefined && args.push(`${flag}=${value}`); // `=`: values may start with '-'
  one('--domain', o.domain);
  one('--mode', o.mode);
  for (const m of o.mx ?? []) one('--mx', m);
  for (const m of o.fromMx ?? []) one('--from-mx', m);
  one('--preset', o.preset);
  one('--max-age', o.maxAge);
  one('--id', o.id);
  for (const u of o.rua ?? []) one('--rua', u);
  const r = native(args);
  if (r.status === 0) return { ok: true, json: JSON.parse(r.stdout.toString()) };
  assert.equal(r.status, 2, r.stderr);
  const errors = r.stderr
    .trimEnd()
    .split('\n')
    .map((line) => {
      const m = /^mta-sts-lint generate: error: (\S+) \[([^\]]*)\] (.*)$/.exec(line);
      assert.ok(m, `unexpected stderr line: ${line}`);
      return { code: m[1], field: m[2], message: m[3] };
    });
  return { ok: false, errors };
}

// The JS result against the CLI's: the same keys and values on success (both print the core's generate_json); on
// failure the CLI prints only the errors, on stderr.
function sameAsCli(o, where = JSON.stringify(o)) {
  const r = v.generate(o);
  const c = cli(o);
  assert.equal(r.ok, c.ok, `${where}: ok (${JSON.stringify(r.errors)} / ${JSON.stringify(c.errors)})`);
  if (c.ok) {
    assert.deepEqual(r.errors, [], where);
    assert.deepEqual(r, c.json, where);
  } else {
    assert.deepEqual(r.errors, c.errors, where);
  }
  return r;
}

// The generated texts lint with no error and no warning (infos such as STS226 "testing mode" are fine). The one
// exception is a warning the caller asked for (max_age below a day, STS232/STS233): the core hands the file out and
// says so in `notes`; `noted` lists the codes allowed there, each of which must be in the notes for that output.
function lintsClean(r, domain, where, noted = []) {
  assert.ok(r.ok, `${where}: ${JSON.stringify(r.errors)}`);
  const check = (text, kind) => {
    const l = v.lint(text, { kind, domain });
    assert.equal(l.kind, kind);
    const field = kind === 'policy' ? 'policy' : kind;
    const unexpected = l.diagnostics.filter(
      (d) =>
        d.severity !== 'warning' ||
        !noted.includes(d.code) ||
        !r.notes.some((n) => n.code === d.code && n.field === field && n.message === d.message),
    );
    assert.deepEqual(
      unexpected.map((d) => `${d.code} ${d.message}`),
      [],
      `${where}: the generated ${kind} lints clean:\n${text}`,
    );
  };
  check(r.policy, 'policy');
  check(r.txt, 'txt');
  if (r.tlsrpt !== undefined) check(r.tlsrpt, 'tlsrpt');
  for (const rec of r.records) check(rec.value, rec.name.startsWith('_smtp._tls.') ? 'tlsrpt' : 'txt');
}

test('a max_age the caller asks for is honoured, with the lint warning as a note', () => {
  const r = v.generate({ domain: 'example.com', mx: ['mail.example.com'], maxAge: 0, id: 'x1' });
  assert.equal(r.ok, true);
  assert.match(r.policy, /\r\nmax_age: 0\r\n/);
  assert.ok(r.notes.some((n) => n.code === 'STS232' && n.field === 'policy'));
  lintsClean(r, 'example.com', 'max_age 0', ['STS232']);
  assert.throws(() => lintsClean(r, 'example.com', 'max_age 0'), /STS232/, 'the check does see the warning');
});

test('result shape', () => {
  const r = v.generate({ domain: 'example.com', mx: ['mail.example.com'], rua: ['mailto:tlsrpt@example.com'], id: 'abc1' });
  assert.deepEqual(Object.keys(r), ['ok', 'errors', 'notes', 'policy', 'txt', 'tlsrpt', 'policyUrl', 'records', 'checklist']);
  assert.equal(r.ok, true);
  assert.equal(r.policy, 'version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmax_age: 86400\r\n');
  assert.equal(r.txt, 'v=STSv1; id=abc1;');
  assert.equal(r.tlsrpt, 'v=TLSRPTv1;rua=mailto:tlsrpt@example.com');
  assert.equal(r.policyUrl, 'https://mta-sts.example.com/.well-known/mta-sts.txt');
  assert.deepEqual(r.records, [
    { name: '_mta-sts.example.com', type: 'TXT', value: 'v=STSv1; id=abc1;' },
    { name: '_smtp._tls.example.com', type: 'TXT', value: 'v=TLSRPTv1;rua=mailto:tlsrpt@example.com' },
  ]);
  assert.ok(r.checklist.length > 3 && r.checklist.every((s) => typeof s === 'string' && s.length > 0));
  const w = v.generate({ domain: 'example.com', fromMx: ['mx1.example.net.', 'mx2.example.net.'], id: 'abc1' });
  assert.equal(w.suggestedWildcard, '*.example.net');
  assert.match(w.policy, /mx: mx1\.example\.net\r\nmx: mx2\.example\.net\r\n/);
  assert.deepEqual(JSON.parse(JSON.stringify(w)), w, 'plain JSON data');
});

test('the id: given, or derived from now (UTC) or from the clock', () => {
  assert.equal(v.generate({ domain: 'example.com', mx: ['mail.example.com'], now: 0 }).txt, 'v=STSv1; id=19700101000000;');
  assert.equal(
    v.generate({ domain: 'example.com', mx: ['mail.example.com'], now: 1764419696 }).txt,
    'v=STSv1; id=20251129123456;',
  );
  const before = new Date().toISOString().replace(/\D/g, '').slice(0, 12);
  const id = /id=(\d{14});/.exec(v.generate({ domain: 'example.com', mx: ['mail.example.com'] }).txt)[1];
  const after = new Date().toISOString().replace(/\D/g, '').slice(0, 12);
  assert.ok(id.slice(0, 12) === before || id.slice(0, 12) === after, `${id} is now (${before})`);
  const far = v.generate({ domain: 'example.com', mx: ['mail.example.com'], now: 400000000000 });
  assert.equal(far.ok, false);
  assert.deepEqual(far.errors.map((e) => [e.code, e.field]), [['STS104', 'now']]);
});

test('presets: the C++ table, and each generates a policy that lints clean and equals the CLI output', () => {
  assert.ok(v.presets.length >= 6);
  assert.ok(Object.isFrozen(v.presets) && Object.isFrozen(v.presets[0]) && Object.isFrozen(v.presets[0].mx));
  assert.equal(v.presets, v.presets, 'read once');
  assert.deepEqual(
    v.presets.find((p) => p.name === 'google-workspace'),
    { name: 'google-workspace', description: 'Google Workspace (Gmail)', mx: ['smtp.google.com', 'aspmx.l.google.com', '*.aspmx.l.google.com'] },
  );
  for (const p of v.presets) {
    assert.match(p.name, /^[a-z0-9-]+$/);
    assert.ok(p.description && p.mx.length > 0);
    for (const mode of ['testing', 'enforce', 'none']) {
      for (const rua of [undefined, ['mailto:tlsrpt@example.org', 'https://reports.example.org/tlsrpt']]) {
        const o = { domain: 'example.org', preset: p.name, mode, id: '20250101000000', ...(rua && { rua }) };
        const r = sameAsCli(o);
        lintsClean(r, 'example.org', JSON.stringify(o));
        if (mode !== 'none') for (const m of p.mx) assert.ok(r.policy.includes(`\r\nmx: ${m}\r\n`), `${p.name}: ${m}`);
      }
    }
  }
});

test('refusals: ok false with the C++ codes and fields (the same as the CLI prints)', () => {
  const cases = [
    [{ domain: 'example.com', mx: ['mail.*.example.com'] }, [['STS240', 'mx']]],
    [{ mx: ['mail.example.com'] }, [['missing-domain', 'domain']]],
    [{ domain: 'example.com', preset: 'no-such-provider' }, [['unknown-preset', 'preset']]],
    [{ domain: 'example.com', mx: ['mail.example.com'], maxAge: 31557601 }, [['STS230', 'maxAge']]],
    [{ domain: 'example.com', mx: ['mail.example.com'], maxAge: -1 }, [['STS229', 'maxAge']]],
    [{ domain: 'example.com', mx: ['mail.example.com'], maxAge: 1.5 }, [['STS229', 'maxAge']]],
    [{ domain: 'example.com', mx: ['mail.example.com'], id: 'not-an-id' }, [['STS105', 'id']]],
    [{ domain: 'example.com', mode: 'enforce' }, [['STS236', 'mx']]],
  ];
  for (const [o, expected] of cases) {
    const r = sameAsCli({ id: o.id ?? 'abc1', ...o });
    assert.equal(r.ok, false);
    assert.deepEqual(r.errors.map((e) => [e.code, e.field]), expected, JSON.stringify(o));
    assert.ok(r.errors.every((e) => e.message.length > 0));
    assert.equal(r.policy, '');
    assert.deepEqual(r.records, []);
  }
  // A non-finite max_age is refused too (the CLI cannot be given one).
  for (const maxAge of [NaN, Infinity, 2 ** 60]) {
    const r = v.generate({ domain: 'example.com', mx: ['mail.example.com'], maxAge });
    assert.deepEqual(r.errors.map((e) => [e.code, e.field]), [['STS229', 'maxAge']], String(maxAge));
  }
});

test('wrong JS types and unknown option names throw TypeError', () => {
  const bad = [
    [undefined, /generate\(options\): expected an options object, got undefined/],
    [null, /expected an options object, got null/],
    ['example.com', /expected an options object, got string/],
    [['example.com'], /expected an options object, got an array/],
    [{ domain: 42 }, /generate\(options\)\.domain: expected a string, got number/],
    [{ domain: 'example.com', mode: true }, /\.mode: expected a string/],
    [{ domain: 'example.com', preset: {} }, /\.preset: expected a string/],
    [{ domain: 'example.com', id: 1 }, /\.id: expected a string/],
    [{ domain: 'example.com', mx: 'mail.example.com' }, /generate\(options\)\.mx: expected an array of strings, got string/],
    [{ domain: 'example.com', mx: ['a.example.com', 3] }, /\.mx: expected an array of strings, got an array with a number at index 1/],
    [{ domain: 'example.com', fromMx: 'mx.example.com' }, /\.fromMx: expected an array of strings/],
    // A hole in a sparse array is not a string either.
    [{ domain: 'example.com', rua: [, 'mailto:a@example.com'] }, /\.rua: expected an array of strings, got an array with undefined at index 0/],
    [{ domain: 'example.com', rua: 'mailto:a@example.com' }, /\.rua: expected an array of strings/],
    [{ domain: 'example.com', maxAge: '86400' }, /\.maxAge: expected a number of seconds, got string/],
    [{ domain: 'example.com', now: new Date() }, /\.now: expected a number of seconds/],
    [{ domain: 'example.com', max_age: 86400 }, /unknown option 'max_age' \(expected 'domain', 'mode', 'mx', 'fromMx', 'preset', 'maxAge', 'id', 'rua', 'now' or 'lang'\)/],
    [{ domain: 'example.com', from_mx: [] }, /unknown option 'from_mx'/],
  ];
  for (const [o, message] of bad) assert.throws(() => v.generate(o), { name: 'TypeError', message }, JSON.stringify(o));
  assert.throws(() => v.generate({ domain: 'example.com', now: 1.5 }), { name: 'RangeError' });
  // undefined and null mean "not given"; an empty mode is the default (as in C++; the CLI cannot be given '' with '=').
  assert.equal(v.generate({ domain: 'example.com', mx: ['mail.example.com'], mode: '', id: 'x1' }).policy, v.generate({ domain: 'example.com', mx: ['mail.example.com'], id: 'x1' }).policy);
  const r = v.generate({ domain: 'example.com', mx: ['mail.example.com'], mode: undefined, preset: null, rua: null, id: 'x1' });
  assert.equal(r.ok, true);
  assert.equal(v.lint('x').kind, 'policy', 'the validator stays usable');
});

// mulberry32: a small PRNG with a fixed seed, so every run checks the same options.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomOptions(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const some = (max, make) => Array.from({ length: Math.floor(rand() * (max + 1)) }, make);
  const labels = ['mail', 'mx1', 'mx2', 'smtp', 'in', 'b-c', 'xn--bcher-kva', 'example', 'corp', 'x', 'a1'];
  const tlds = ['com', 'net', 'org', 'co.uk', 'de', 'io'];
  const host = () => [...some(2, () => pick(labels)), pick(labels), pick(tlds)].join('.');
  let domain = host();
  const r = rand();
  if (r < 0.05) domain += '.';
  else if (r < 0.08) domain = domain.toUpperCase();
  else if (r < 0.1) domain = pick(['exa mple.com', '*.example.com', 'com', '-bad.example.com', 'a..b.com']);
  const o = { domain };
  if (rand() < 0.7) o.mode = rand() < 0.9 ? pick(['testing', 'enforce', 'none']) : pick(['Enforce', 'report', 'enforced']);
  const mxPattern = () => {
    const x = rand();
    if (x < 0.6) return host();
    if (x < 0.8) return `*.${host()}`;
    if (x < 0.85) return `${host()}.`;
    if (x < 0.95) return host().toUpperCase();
    return pick(['mail.*.example.com', '*', 'mail..example.com', 'a_b.example.com', '*.com', 'mx.example.com:25']);
  };
  if (rand() < 0.7) {
    o.mx = some(4, mxPattern);
    if (o.mx.length && rand() < 0.1) o.mx.push(o.mx[0]); // a duplicate (STS220 note)
  }
  if (rand() < 0.3) {
    const parent = pick([`${pick(labels)}.${domain.replace(/\.$/, '')}`, 'example.net', 'co.uk']);
    o.fromMx = some(3, () => `${pick(labels)}.${parent}${rand() < 0.5 ? '.' : ''}`);
  }
  if (rand() < 0.2) o.preset = rand() < 0.9 ? pick(v.presets).name : 'no-such-provider';
  if (rand() < 0.4) o.maxAge = pick([0, 1, 3600, 86400, 604800, 1209600, 31557600, 31557601, -5, 2.5]);
  o.id = rand() < 0.9 ? pick(['20250101000000', 'abc123', 'X', 'a'.repeat(32)]) : pick(['a'.repeat(33), 'bad-id', '2025.1']);
  if (rand() < 0.5) {
    o.rua = some(3, () =>
      rand() < 0.85 ? pick([
        `mailto:tlsrpt@${domain.replace(/\.$/, '')}`,
        'mailto:reports@example.net',
        'https://reports.example.net/tlsrpt',
        'https://reports.example.net/v1?x=1',
      ]) : pick([
        `mailto:tlsrpt@${domain.replace(/\.$/, '')}`,
        'mailto:reports@example.net',
        'https://reports.example.net/tlsrpt',
        'https://reports.example.net/v1?x=1',
        'mailto:no-at-sign',
        'ftp://example.net/r',
        'mailto:a@example.net!10m',
      ]),
    );
  }
  return o;
}

test('400 random option sets: the same result as the native CLI, and every generated text lints clean', () => {
  const rand = prng(0x5eed8461);
  let generated = 0;
  let refused = 0;
  const codes = new Set();
  for (let k = 0; k < 400; ++k) {
    const o = randomOptions(rand);
    const where = `#${k} ${JSON.stringify(o)}`;
    const r = sameAsCli(o, where);
    for (const m of [...r.errors, ...r.notes]) codes.add(m.code);
    if (r.ok) {
      ++generated;
      // max_age 0 (STS232) and under a day (STS233) are honoured with a note; nothing else may warn.
      const short = o.maxAge !== undefined && o.maxAge < 86400 ? ['STS232', 'STS233'] : [];
      lintsClean(r, o.domain.replace(/\.$/, ''), where, short);
    } else {
      ++refused;
      assert.ok(r.errors.length > 0, where);
    }
  }
  // The set covers both outcomes and a spread of refusals and notes.
  assert.ok(generated >= 100, `generated ${generated}`);
  assert.ok(refused >= 50, `refused ${refused}`);
  assert.ok(codes.size >= 10, [...codes].join(' '));
  console.log(`# generate: ${generated} generated, ${refused} refused; codes seen: ${[...codes].sort().join(' ')}`);
});

test('repeated generate() calls do not grow the heap', () => {
  const o = { domain: 'example.com', preset: 'google-workspace', rua: ['mailto:tlsrpt@example.com'], now: 0 };
  v.generate(o);
  const before = v.heapSize;
  for (let k = 0; k < 20000; ++k) v.generate(o);
  assert.equal(v.heapSize, before);
});

test('the default entry has no generator and says where it is; ./full lints exactly as the default does', async () => {
  const lean = await validator();
  assert.throws(() => lean.generate({ domain: 'example.com' }), /generate\(\) is in the 'mta-sts-lint\/full' entry/);
  assert.equal('presets' in lean, false);
  assert.ok(v.presets.length > 0);
  // the same core: the same results for a policy, a record and a TLS-RPT record with errors, fixes and facts
  for (const text of [
    'version: STSv1\r\nmode: enforcing\r\nmx: mail.example.com\r\nmx: *.example.net \r\nmax_age: 86400\r\n',
    '"v=STSv1; id=2024-01-01"',
    'v=TLSRPTv1; rua=mailto:tls@example.com,http://example.com/r',
  ]) {
    assert.deepEqual(v.lint(text, { verbose: true }), lean.lint(text, { verbose: true }));
    assert.equal(v.format(v.lint(text), 'sarif'), lean.format(lean.lint(text), 'sarif'));
  }
  assert.deepEqual(v.rules, lean.rules);
});

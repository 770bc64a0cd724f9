// The recipes of docs/sweeping.md, run for real: a Dask LocalCluster with two worker processes (contrib/dask_sweep.py,
// the code path of a multi-machine cluster) and GNU parallel. Each must give the answers of one `mta-sts-lint --batch`
// process on the same input: line for line after sorting by "line" (and here, byte for byte).
//   node --test tests/sweep/recipes.test.mjs
// Needs build/mta-sts-lint (npm run build:native) and Debian's python3-distributed, python3-dask and parallel
// (scripts/setup.sh installs them). Python is Debian's /usr/bin/python3, where those packages are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, native, nativeCli, requireFile, root, run } from '../node/helpers.mjs';
import { domainLine, loadCorpus } from '../../bench/gen_jsonl.mjs';

const python = process.env.MTASTS_PYTHON ?? '/usr/bin/python3';
// Each recipe runs under coreutils' timeout, which signals the whole process group (a LocalCluster's worker processes
// too): a hang fails the test instead of holding CI (spawnSync blocks node's own test timeout).
const bounded = (cmd, args, opts) => {
  const r = run('timeout', ['-k', '10', '200', cmd, ...args], opts);
  assert.notEqual(r.status, 124, `${cmd} ${args.join(' ').slice(0, 200)}: still running after 200 s`);
  return r;
};
const daskSweep = join(root, 'contrib', 'dask_sweep.py');
const tmp = mkdtempSync(join(tmpdir(), 'mtasts-recipes-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// A few thousand lines of the corpus, with what real input has: blank lines, CRLF, lines that are not JSON, invalid
// UTF-8, a raw CR as JSON whitespace inside a line, tabs in values, a repeated domain, non-ASCII, MX hosts.
function sweepInput(count) {
  const c = loadCorpus(requireFile(corpus, 'the shared corpus'));
  const lines = [];
  for (let i = 0; i < count; ++i) {
    const o = JSON.parse(domainLine(c, i));
    if (i % 5 === 0) o.mx = [`mail.d${i}.example`];
    lines.push(Buffer.from(JSON.stringify(o) + (i % 97 === 0 ? '\r\n' : '\n')));
    if (i % 401 === 0) lines.push(Buffer.from('\n'));
    if (i % 503 === 0) lines.push(Buffer.from('not JSON\n'));
    if (i % 601 === 0) lines.push(Buffer.concat([Buffer.from('{"domain":"bad-'), Buffer.from([0xff, 0xfe]), Buffer.from('.example"}\n')]));
    if (i % 701 === 0) lines.push(Buffer.from(`{"domain":"cr${i}.example",\r"txt":"v=STSv1;\tid=1"}\n`));
    if (i % 801 === 0) lines.push(Buffer.from(JSON.stringify({ domain: 'd0.example', policy: 'version: STSv1\nmode:\tenforce\r\nmx: m\u2028x.example\nmax_age: 86400\n' }) + '\n'));
    if (i % 901 === 0) lines.push(Buffer.from(JSON.stringify({ domain: 'bücher.example', tlsrpt: 'v=TLSRPTv1; rua=mailto:tls@bücher.example' }) + '\n'));
  }
  return Buffer.concat(lines);
}

const input = sweepInput(3000);
// Three files of uneven sizes, cut at line ends (the recipes take several files, one after another).
const cuts = [0, 0.2, 0.75, 1].map((f) => {
  if (f === 0 || f === 1) return f * input.length;
  return input.indexOf(10, Math.floor(f * input.length)) + 1;
});
const files = [0, 1, 2].map((k) => {
  const f = join(tmp, `domains-${k}.jsonl`);
  writeFileSync(f, input.subarray(cuts[k], cuts[k + 1]));
  return f;
});

const single = native(['--batch'], { input });
assert.equal(single.status, 0);
const reference = single.stdout;
const nonBlank = input.toString('latin1').split('\n').filter((l) => l.replace(/\r$/, '').replace(/[ \t]/g, '') !== '').length;

const byLine = (buf) =>
  buf
    .toString()
    .trimEnd()
    .split('\n')
    .map((l) => [JSON.parse(l).line, l])
    .sort((a, b) => a[0] - b[0])
    .map(([, l]) => l);

test('the answer format suits line-oriented engines: one line per non-blank input line, no raw control character', () => {
  const lines = reference.toString().trimEnd().split('\n');
  assert.equal(lines.length, nonBlank);
  assert.ok(nonBlank > 3000);
  for (const l of lines) {
    // no tab (Hadoop streaming's key/value separator), no CR (a line end to Hadoop's and Spark's readers), no LF
    assert.doesNotMatch(l, /[\x00-\x1f]/, l.slice(0, 200));
    JSON.parse(l);
  }
  const numbers = lines.map((l) => JSON.parse(l).line);
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'in input order');
  assert.equal(new Set(numbers).size, numbers.length);
  // what the input holds shows in the answers: errors for the bad lines, a duplicate domain answered twice
  const parsed = lines.map((l) => JSON.parse(l));
  assert.ok(parsed.some((a) => a.error && /UTF-8|invalid JSON/.test(a.error)));
  assert.ok(parsed.filter((a) => a.domain === 'd0.example').length >= 2);
  assert.ok(parsed.some((a) => a.domain === 'bücher.example'));
});

test('Dask: a LocalCluster with two worker processes gives the single process\'s answers', { timeout: 300000 }, () => {
  const out = join(tmp, 'dask.jsonl');
  const r = bounded(python, [daskSweep, '--workers', '2', '--blocksize', '16KiB', '--program', nativeCli, '-o', out, ...files]);
  assert.equal(r.status, 0, r.stderr);
  const m = /dask_sweep: (\d+) partitions, (\d+) answer lines/.exec(r.stderr);
  assert.ok(m, r.stderr);
  assert.ok(Number(m[1]) >= 10, `${m[1]} partitions: the input is cut into many blocks`);
  assert.equal(Number(m[2]), nonBlank);
  const got = readFileSync(out);
  assert.deepEqual(byLine(got), byLine(reference), 'line for line after sorting by "line"');
  assert.ok(got.equals(reference), 'and byte for byte, in order');
});

test('Dask as a module: write_dir() and a bag computation on the answers, on the same kind of cluster', { timeout: 300000 }, () => {
  const dir = join(tmp, 'verdicts');
  const script = `
import json, logging, sys
sys.path.insert(0, ${JSON.stringify(join(root, 'contrib'))})
from distributed import Client, LocalCluster
import dask_sweep
if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster):
        answers = dask_sweep.sweep(${JSON.stringify(files)}, program=${JSON.stringify(nativeCli)}, blocksize="32KiB")
        n = dask_sweep.write_dir(answers, ${JSON.stringify(dir)})
        invalid = answers.map(json.loads).filter(lambda a: a.get("valid") is False).count().compute()
        print(json.dumps({"answers": n, "invalid": invalid, "partitions": answers.npartitions}))
`;
  const r = bounded(python, ['-c', script], { cwd: tmp });
  assert.equal(r.status, 0, r.stderr);
  const res = JSON.parse(r.stdout.toString());
  const parts = readdirSync(dir).sort();
  assert.equal(parts.length, res.partitions);
  const got = Buffer.concat(parts.map((p) => readFileSync(join(dir, p))));
  assert.ok(got.equals(reference), 'cat DIR/*.jsonl is the single process\'s answer');
  assert.equal(res.answers, nonBlank);
  const invalid = reference.toString().trimEnd().split('\n').filter((l) => JSON.parse(l).valid === false).length;
  assert.equal(res.invalid, invalid);
  assert.ok(invalid > 0);
});

test('GNU parallel, README\'s recipe (--pipe --keep-order --block): the same answers in order, "line" counted per block', () => {
  const r = bounded('bash', ['-c', `parallel --pipe --keep-order --block 32k -j 2 ${nativeCli} --batch < ${files[0]} > ${join(tmp, 'p1.jsonl')}`]);
  assert.equal(r.status, 0, r.stderr);
  const got = readFileSync(join(tmp, 'p1.jsonl')).toString().trimEnd().split('\n');
  const want = native(['--batch'], { input: readFileSync(files[0]) }).stdout.toString().trimEnd().split('\n');
  assert.equal(got.length, want.length);
  const strip = (l) => l.replace(/^\{"line":\d+/, '{"line":0');
  assert.deepEqual(got.map(strip), want.map(strip), 'the same answers, in input order: join on position or "domain"');
  const restarts = got.map((l) => JSON.parse(l).line).filter((n, i, a) => i > 0 && n <= a[i - 1]).length;
  assert.ok(restarts >= 2, 'several blocks, each numbered from its own first line');
});

test('GNU parallel with --line-offset: -N lines per job, numbered from the job\'s first line: byte for byte', () => {
  const all = join(tmp, 'all.jsonl');
  writeFileSync(all, input);
  const out = join(tmp, 'p2.jsonl');
  const r = bounded('bash', [
    '-c',
    `parallel --pipe -N 500 --keep-order -j 2 '${nativeCli} --batch --line-offset $(( ({#} - 1) * 500 ))' < ${all} > ${out}`,
  ]);
  assert.equal(r.status, 0, r.stderr);
  const got = readFileSync(out);
  assert.deepEqual(byLine(got), byLine(reference), 'line for line after sorting by "line"');
  assert.ok(got.equals(reference), 'and byte for byte');
});

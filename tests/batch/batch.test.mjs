// `mta-sts-lint --batch` as a stream: each answer comes out while stdin is still open, and a long stream keeps
// memory bounded. (Order, fields and error lines: tests/catch2/batch_test.cpp, tag [batch].)
// No test here depends on a timing: the waits are generous time-outs for a machine under load.
//   node --test tests/batch/        (needs the native build: npm run build:native; MTASTS_CLI overrides the path)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir, domainLine, loadCorpus } from '../../bench/gen_jsonl.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.MTASTS_CLI ?? join(root, 'build', 'mta-sts-lint');

function start(args = []) {
  assert.ok(existsSync(cli), `${cli} is missing: build it first (npm run build:native)`);
  const child = spawn(cli, ['--batch', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = [];
  const waiters = [];
  let rest = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop();
    for (const p of parts) lines.push(p);
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise((res) => child.on('close', (code) => res(code)));
  // Resolves once `n` answers have arrived; rejects after `ms` (a hang, not a slow machine).
  const answers = (n, ms = 20000) =>
    new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`only ${lines.length} of ${n} answers after ${ms} ms`)), ms);
      const check = () => {
        if (lines.length >= n) {
          clearTimeout(timer);
          res(lines.slice(0, n));
        } else waiters.push(check);
      };
      check();
    });
  return { child, lines, answers, exited };
}

const policy = 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n';

test('each answer is written before stdin closes (interactive use through a pipe)', async () => {
  const p = start();
  try {
    p.child.stdin.write(JSON.stringify({ domain: 'a.example', policy }) + '\n');
    const [first] = await p.answers(1);
    assert.equal(JSON.parse(first).domain, 'a.example');
    assert.equal(JSON.parse(first).valid, true);

    p.child.stdin.write('this is not JSON\n');
    const second = (await p.answers(2))[1];
    assert.deepEqual(Object.keys(JSON.parse(second)), ['line', 'error']);
    assert.equal(JSON.parse(second).line, 2);

    // A line written in two pieces is answered only once it is whole.
    const line = JSON.stringify({ domain: 'b.example', txt: 'v=STSv1; id=7' });
    p.child.stdin.write(line.slice(0, 10));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(p.lines.length, 2);
    p.child.stdin.write(line.slice(10) + '\n');
    const third = JSON.parse((await p.answers(3))[2]);
    assert.equal(third.line, 3);
    assert.equal(third.domain, 'b.example');
    assert.equal(third.txt.valid, true);
  } finally {
    p.child.stdin.end();
  }
  assert.equal(await p.exited, 0);
});

test('200,000 domains: every answer, in order, with peak memory bounded', { timeout: 300000 }, async () => {
  const corpus = loadCorpus(corpusDir());
  const total = 200000;
  const p = start();
  let peakKiB = 0;
  const poll = setInterval(() => {
    try {
      const m = readFileSync(`/proc/${p.child.pid}/status`, 'utf8').match(/VmHWM:\s*(\d+)/);
      if (m) peakKiB = Math.max(peakKiB, Number(m[1]));
    } catch {}
  }, 20);
  // Write with back-pressure, in chunks, while the answers are read.
  let next = 0;
  let checked = 0;
  let invalid = 0;
  const verify = () => {
    while (checked < p.lines.length) {
      const l = p.lines[checked];
      const head = `{"line":${checked + 1},"domain":"d${checked}.example","valid":`;
      if (!l.startsWith(head)) assert.fail(`answer ${checked + 1} out of order: ${l.slice(0, 80)}`);
      if (l.startsWith('f', head.length)) ++invalid;
      if (checked % 10000 === 0) JSON.parse(l); // and it is JSON
      p.lines[checked] = null; // keep the test's own memory flat
      ++checked;
    }
  };
  p.child.stdout.on('data', verify);
  await new Promise((res, rej) => {
    p.child.stdin.on('error', rej);
    const pump = () => {
      while (next < total) {
        let chunk = '';
        for (let k = 0; k < 500 && next < total; ++k) chunk += domainLine(corpus, next++) + '\n';
        if (!p.child.stdin.write(chunk)) return void p.child.stdin.once('drain', pump);
      }
      p.child.stdin.end(res);
    };
    pump();
  });
  const code = await p.exited;
  clearInterval(poll);
  verify();
  assert.equal(code, 0);
  assert.equal(checked, total);
  assert.ok(invalid > 0 && invalid < total, 'the corpus has valid and invalid domains');
  // The input is ~52 MB and the output ~87 MB; the process holds one line and one block at a time.
  assert.ok(peakKiB > 0, 'VmHWM was read');
  assert.ok(peakKiB < 64 * 1024, `peak RSS ${peakKiB} KiB`);
  console.log(`# --batch on ${total} domains: peak RSS ${peakKiB} KiB, ${invalid} invalid`);
});

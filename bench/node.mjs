#!/usr/bin/env node
// `npm run bench:node`: PRINTS the package's sizes and lint() timings next to mailauth's strict parsePolicy, in one
// Node process, and writes them to bench/results-node.json. It asserts nothing (timings are not tests); the budgets
// below are printed as OK/OVER for the reader.
//   - size budget: the .wasm plus the JS that loads it, default export, at most bench/budgets.mjs's figure (issue #16);
//   - speed: a typical ~100-byte policy (vs mailauth), and a 64 KiB policy (~2,700 mx lines) at least 20x faster.
// Usage: node bench/node.mjs [--quick]   (needs `npm run build:wasm` first)
import { writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { defaultExportBudget, fileSize } from './budgets.mjs';
import { parsePolicy } from 'mailauth/lib/mta-sts.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'wasm', 'dist');
if (!existsSync(join(dist, 'node.js'))) {
  console.error('bench:node: wasm/dist/ is missing; run `npm run build:wasm` first');
  process.exit(2);
}
const { createValidator } = await import(join(dist, 'node.js'));
const quick = process.argv.includes('--quick');
const KiB = 1024;

// ---- sizes ------------------------------------------------------------------------------------------------------
const size = (f) => fileSize(join(dist, f));
const artefacts = ['mta-sts-lint.wasm', 'glue.js', 'api.js', 'node.js', 'node-load.js', 'index.js', 'inline.js',
  'mta-sts-lint-full.wasm', 'glue-full.js', 'generator.js', 'full-index.js', 'full-inline.js'];
const sizes = Object.fromEntries(artefacts.map((f) => [f, size(f)]));
const total = (files) =>
  files.reduce((t, f) => ({ raw: t.raw + sizes[f].raw, gzip: t.gzip + sizes[f].gzip }), { raw: 0, gzip: 0 });
const bundles = {
  'default export, browser (index.js + api.js + glue.js + .wasm)': total(['index.js', 'api.js', 'glue.js', 'mta-sts-lint.wasm']),
  'default export, Node (node.js + node-load.js + api.js + glue.js + .wasm)': total(['node.js', 'node-load.js', 'api.js', 'glue.js', 'mta-sts-lint.wasm']),
  './inline (inline.js, one file)': total(['inline.js']),
  './full, browser (full-index.js + api.js + generator.js + glue-full.js + .wasm)': total(['full-index.js', 'api.js', 'generator.js', 'glue-full.js', 'mta-sts-lint-full.wasm']),
  './full/inline (full-inline.js, one file)': total(['full-inline.js']),
};
const fmt = (n) => `${(n / KiB).toFixed(1)} KiB`;
console.log('Sizes (raw / gzip -9):');
for (const [f, s] of Object.entries(sizes)) console.log(`  ${f.padEnd(20)} ${fmt(s.raw).padStart(10)} ${fmt(s.gzip).padStart(10)}`);
for (const [name, s] of Object.entries(bundles)) {
  const b = defaultExportBudget;
  const verdict = name.startsWith('default') ? `  (budget ${b.kib} KiB gzip: ${s.gzip <= b.bytes ? 'OK' : 'OVER'})` : '';
  console.log(`  ${name}: ${fmt(s.raw)} raw, ${fmt(s.gzip)} gzip${verdict}`);
}

// ---- timings ----------------------------------------------------------------------------------------------------
const t0 = process.hrtime.bigint();
const v = await createValidator();
const initMs = Number(process.hrtime.bigint() - t0) / 1e6;

const small =
  'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.mail.example.net\r\nmax_age: 1209600\r\n';
const header = 'version: STSv1\nmode: enforce\nmax_age: 1209600\n';
let large = header;
for (let i = 0; ; ++i) {
  const line = `mx: mx${i}.example.com\n`;
  if (large.length + line.length > 64 * KiB) break;
  large += line;
}
const largeMx = large.split('\n').filter((l) => l.startsWith('mx:')).length;

// Both parsers must accept both inputs, or the comparison is meaningless.
for (const [name, text] of [['small', small], ['large', large]]) {
  const r = v.lint(text);
  if (!r.valid) throw new Error(`bench: the ${name} policy is not valid for mta-sts-lint: ${JSON.stringify(r.diagnostics[0])}`);
  const p = parsePolicy(text, { strict: true });
  if (!p || p.mode !== 'enforce') throw new Error(`bench: mailauth rejected the ${name} policy`);
}

// Both functions are timed in alternating rounds (ours, theirs, ours, ...), so that a neighbour that takes the CPU
// for a while slows both sides of a round instead of one side of the comparison; each figure is the median over the
// rounds of the mean time per call in microseconds, and the ratio is the median of the per-round ratios.
function timePair(ours, theirs, calls, rounds) {
  const warm = calls > 100 ? Math.max(2000, calls) : 2; // past V8's optimising tiers (a 64 KiB call is long enough)
  for (let i = 0; i < warm; ++i) ours();
  for (let i = 0; i < warm; ++i) theirs();
  const a = [];
  const b = [];
  const ratio = [];
  const once = (fn) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; ++i) fn();
    return Number(process.hrtime.bigint() - start) / 1e3 / calls;
  };
  for (let r = 0; r < rounds; ++r) {
    const x = once(ours);
    const y = once(theirs);
    a.push(x);
    b.push(y);
    ratio.push(y / x);
  }
  const median = (list) => [...list].sort((p, q) => p - q)[list.length >> 1];
  return { ours: median(a), theirs: median(b), speedup: median(ratio) };
}

const scale = quick ? 0.1 : 1;
const rounds = quick ? 5 : 15; // the 64 KiB row: a third as many (mailauth takes ~80 ms a call)
const rows = [];
for (const [name, text, calls, n] of [
  [`typical policy (${Buffer.byteLength(small)} B)`, small, Math.round(20000 * scale), rounds],
  [`64 KiB policy (${Buffer.byteLength(large)} B, ${largeMx} mx lines)`, large, Math.max(3, Math.round(20 * scale)), Math.ceil(rounds / 3)],
]) {
  const t = timePair(() => v.lint(text), () => parsePolicy(text, { strict: true }), calls, n);
  rows.push({ input: name, bytes: Buffer.byteLength(text), mtaStsLintUs: t.ours, mailauthUs: t.theirs, speedup: t.speedup });
}
const heapBefore = v.heapSize;
for (let i = 0; i < 10000; ++i) v.lint(small);

console.log(
  `\nTimings (Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${os.loadavg()[0].toFixed(1)}; median of ${rounds} alternating rounds, 64 KiB: ${Math.ceil(rounds / 3)}):`,
);
console.log(`  createValidator(): ${initMs.toFixed(1)} ms`);
for (const r of rows) {
  console.log(
    `  ${r.input}: mta-sts-lint ${r.mtaStsLintUs.toFixed(2)} µs, mailauth parsePolicy(strict) ${r.mailauthUs.toFixed(2)} µs, ` +
      `ratio ${r.speedup >= 1 ? `${r.speedup.toFixed(1)}x faster` : `${(1 / r.speedup).toFixed(2)}x slower`}`,
  );
}
console.log(`  wasm memory: ${heapBefore} B before, ${v.heapSize} B after 10,000 more calls`);

const out = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  loadAverage: os.loadavg()[0],
  quick,
  sizes,
  bundles,
  initMs,
  timings: rows,
  heapBytes: v.heapSize,
};
if (!quick) writeFileSync(join(root, 'bench', 'results-node.json'), JSON.stringify(out, null, 2) + '\n');
console.log(quick ? '\n(--quick: bench/results-node.json not written)' : '\nWritten: bench/results-node.json');

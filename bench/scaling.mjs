// Scaling benchmark (not a test): ten times the input should cost about ten times the time, and memory should grow
// in proportion. Runs the native CLI (build/mta-sts-lint, or MTASTS_NATIVE_CLI) on 1x, 10x and 100x inputs of two
// shapes: a typical policy followed by N extension lines, and a policy with N mx lines; prints the wall time (best
// of RUNS, default 3) and the peak RSS (/usr/bin/time -v when installed) per size, and the ratios between sizes.
// Usage: node bench/scaling.mjs [--base N]   (npm run bench:scaling)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = resolve(process.env.MTASTS_NATIVE_CLI ?? join(root, 'build', 'mta-sts-lint'));
if (!existsSync(cli)) {
  console.error(`missing ${cli}: run \`npm run build:native\` first`);
  process.exit(2);
}
const baseArg = process.argv.indexOf('--base');
const BASE = baseArg > 0 ? Number(process.argv[baseArg + 1]) : 2000;
const RUNS = Number(process.env.RUNS ?? 3);
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const dir = mkdtempSync(join(tmpdir(), 'mtasts-scaling-'));

const HEAD = 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.mail.example.net\r\nmax_age: 604800\r\n';
const shapes = {
  'extension lines': (n) => HEAD + Array.from({ length: n }, (_, i) => `x-ext${i}: value-${i}\r\n`).join(''),
  'mx lines': (n) => HEAD + Array.from({ length: n }, (_, i) => `mx: mx${i}.example.com\r\n`).join(''),
};

function measure(file) {
  let best = Infinity;
  let rss = null;
  for (let k = 0; k < RUNS; k++) {
    const t = process.hrtime.bigint();
    const r = gnuTime
      ? spawnSync(gnuTime, ['-v', cli, '--format', 'json', file], { maxBuffer: 1 << 30 })
      : spawnSync(cli, ['--format', 'json', file], { maxBuffer: 1 << 30 });
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    if (r.error || r.signal) throw new Error(`${file}: ${r.error ?? r.signal}`);
    best = Math.min(best, s);
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr?.toString() ?? '');
    if (m) rss = Math.max(rss ?? 0, Number(m[1]) / 1024);
  }
  return { seconds: best, rssMB: rss };
}

const pad = (s, n) => String(s).padStart(n);
console.log(`native CLI ${cli}; best of ${RUNS} runs; peak RSS ${gnuTime ? 'from /usr/bin/time -v' : 'not measured (apt-get install time)'}`);
try {
  for (const [shape, make] of Object.entries(shapes)) {
    console.log(`\n${shape}:`);
    console.log(`${pad('lines', 9)} ${pad('bytes', 11)} ${pad('time s', 9)} ${pad('x time', 7)} ${pad('RSS MB', 8)} ${pad('x RSS', 6)}`);
    let prev = null;
    for (const mult of [1, 10, 100]) {
      const n = BASE * mult;
      const text = make(n);
      const file = join(dir, `${shape.replace(/\W/g, '')}-${n}.txt`);
      writeFileSync(file, text);
      const m = measure(file);
      const tr = prev ? (m.seconds / prev.seconds).toFixed(1) : '';
      const rr = prev && m.rssMB && prev.rssMB ? (m.rssMB / prev.rssMB).toFixed(1) : '';
      console.log(`${pad(n, 9)} ${pad(text.length, 11)} ${pad(m.seconds.toFixed(3), 9)} ${pad(tr, 7)} ${pad(m.rssMB?.toFixed(1) ?? '-', 8)} ${pad(rr, 6)}`);
      prev = m;
      rmSync(file);
    }
  }
  console.log('\nLinear scaling shows as "x time" near 10 between rows (process start-up flattens the first ratio;');
  console.log('RSS includes a fixed base of a few MB, so its ratio stays under 10 until the input dominates).');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

#!/usr/bin/env node
// `npm run bench`: every performance figure of the project in one table, each beside its goal (PASS/MISS), and
// bench/results.json. A measurement, never a test: nothing here fails on a timing (the exit status is 0 whatever the
// verdicts; 2 only when a step cannot run at all).
//
//   native   Google Benchmark (build/bench/mtasts_bench): lint() per input, ns and MB/s (CPU time)
//   batch    `mta-sts-lint --batch` on 100,000 domains (JSON Lines from the corpus) vs the parser of Debian's
//            postfix-mta-sts-resolver (bench/python_peer.py) on the same lines: inputs/s, peak RSS, ratio;
//            and one process on all lines vs two processes on one half each, concurrently
//   node     bench/node.mjs (lint() in Node vs mailauth's strict parsePolicy) -> bench/results-node.json
//   size     wasm/dist (the .wasm and its loader) and web/dist (the page), raw and gzip, read from the files
//   page     scripts/page-latency.mjs (keystroke to underline) -> bench/results-page.json
//   scaling  bench/scaling.mjs when present; else 1x/10x/100x batch input here: time and peak memory
//
// Usage: node bench/run.mjs [--quick] [--no-build] [--build-dir DIR] [--skip node,page,scaling,native,batch]
//                           [--markdown]      (also print the table as Markdown, for docs/performance.md)
// Environment: MTASTS_BUILD_DIR (default build), MTASTS_CORPUS_DIR (default <repo>/tests/corpus).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultExportBudget, defaultExportFiles, fileSize } from './budgets.mjs';
import { corpusDir, loadCorpus, writeJsonl } from './gen_jsonl.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const opt = (n, d) => {
  const i = argv.indexOf(n);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : d;
};
const quick = flag('--quick');
const skip = new Set((opt('--skip', '') || '').split(',').filter(Boolean));
const buildDir = resolve(root, opt('--build-dir', process.env.MTASTS_BUILD_DIR || 'build'));
const cli = join(buildDir, 'mta-sts-lint');
const nativeBench = join(buildDir, 'bench', 'mtasts_bench');
const KiB = 1024;
const started = Date.now();

const rows = []; // { area, what, figure, goal, verdict }
const results = { date: new Date().toISOString(), quick, machine: machine(), native: null, batch: null, node: null, size: null, page: null, scaling: null, goals: rows };
const row = (area, what, figure, goal = '', pass = null) => rows.push({ area, what, figure, goal, verdict: pass === null ? '' : pass ? 'PASS' : 'MISS' });
const log = (s) => process.stderr.write(`bench: ${s}\n`);

function machine() {
  const cpu = (() => {
    try {
      const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m);
      return m ? m[1].trim() : os.cpus()[0]?.model;
    } catch {
      return os.cpus()[0]?.model ?? 'unknown';
    }
  })();
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || null;
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu,
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
    kernel: os.release(),
    node: process.version,
    commit,
  };
}

// ---- build ------------------------------------------------------------------------------------------------------
if (!flag('--no-build')) {
  const run = (args) => {
    const r = spawnSync('cmake', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) {
      log(`cmake ${args.join(' ')} failed`);
      process.exit(2);
    }
  };
  // Configure every time (cheap): a tree configured before bench/CMakeLists.txt existed has no mtasts_bench target.
  const cache = join(buildDir, 'CMakeCache.txt');
  if (!existsSync(cache)) run(['-S', '.', '-B', buildDir, '-DCMAKE_BUILD_TYPE=Release']);
  else {
    run(['-S', '.', '-B', buildDir]);
    const type = readFileSync(cache, 'utf8').match(/^CMAKE_BUILD_TYPE:\w+=(.*)$/m)?.[1];
    if (type && type !== 'Release') log(`warning: ${relative(root, buildDir)} is a ${type} build; figures are for Release (use --build-dir)`);
  }
  log(`building mta-sts-lint and mtasts_bench in ${relative(root, buildDir) || '.'} (-j2)`);
  run(['--build', buildDir, '-j', '2', '--target', 'mta-sts-lint']);
  const targets = spawnSync('cmake', ['--build', buildDir, '--target', 'help'], { cwd: root, encoding: 'utf8' }).stdout || '';
  if (targets.includes('mtasts_bench')) run(['--build', buildDir, '-j', '2', '--target', 'mtasts_bench']);
}

// ---- process measurement: wall, CPU, peak RSS --------------------------------------------------------------------
// A small Python wrapper reads the child's rusage (CPU time to the microsecond, ru_maxrss = peak RSS); without Python,
// /usr/bin/time (10 ms resolution); without either, /proc/<pid>/status VmHWM polling and wall time only.
const python = ['/usr/bin/python3', '/bin/python3'].find(existsSync) ?? null;
const hasTime = existsSync('/usr/bin/time');
// The child's own peak RSS is read from /proc/<pid>/status (VmHWM) while it runs, once it has exec'd (its cmdline is
// the command's), not while it is still the forked Python (ru_maxrss of a child would include the Python image it was forked from).
const rusageWrapper = `
import os, sys, time
out, argv = sys.argv[1], sys.argv[2:]
want = ('\\0'.join(argv) + '\\0').encode()
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
hwm = 0
while True:
    p, status, ru = os.wait4(pid, os.WNOHANG)
    if p == pid:
        break
    try:
        if open('/proc/%d/cmdline' % pid, 'rb').read() == want:
            st = open('/proc/%d/status' % pid).read()
            hwm = max(hwm, int(st.split('VmHWM:')[1].split()[0]))
    except (OSError, IndexError, ValueError):
        pass
    time.sleep(0.02)  # a 2 ms poll took a visible share of a 2-core machine from the processes measured
wall = time.perf_counter() - t0
open(out, 'w').write('%.6f %.6f %.6f %d\\n' % (wall, ru.ru_utime, ru.ru_stime, hwm))
sys.exit(os.waitstatus_to_exitcode(status))
`;

// Runs cmd with stdin from a file and stdout to a file; resolves { wall, user, sys, cpu, maxRssKiB, status }.
function measure(cmd, args, inFile, outFile) {
  return new Promise((resolveP, reject) => {
    const tfile = join(tmp, `time-${Math.random().toString(36).slice(2)}.txt`);
    const full = python
      ? [python, ['-c', rusageWrapper, tfile, cmd, ...args]]
      : hasTime
        ? ['/usr/bin/time', ['-f', '%e %U %S %M', '-o', tfile, cmd, ...args]]
        : [cmd, args];
    // The child reads and writes the files itself (as `mta-sts-lint --batch <in >out` does): streaming them through
    // this process's pipes measured Node's event loop, not the command (wall time was 3x the child's CPU time).
    const inFd = openSync(inFile, 'r');
    const outFd = openSync(outFile, 'w');
    const t0 = process.hrtime.bigint();
    const child = spawn(full[0], full[1], { stdio: [inFd, outFd, 'inherit'] });
    closeSync(inFd);
    closeSync(outFd);
    let hwm = 0;
    const poll =
      python || hasTime
        ? null
        : setInterval(() => {
            try {
              const m = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s*(\d+)/);
              if (m) hwm = Math.max(hwm, +m[1]);
            } catch {}
          }, 5);
    child.on('error', reject);
    child.on('close', (status) => {
      let wall = Number(process.hrtime.bigint() - t0) / 1e9;
      if (poll) clearInterval(poll);
      let user = null, sys = null, maxRssKiB = hwm || null;
      if (existsSync(tfile)) {
        const f = readFileSync(tfile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        let w;
        [w, user, sys, maxRssKiB] = f;
        if (python) wall = w; // the child alone, without the wrapper's start-up
        rmSync(tfile, { force: true });
      }
      // 0: the run ended before the first sample of its memory (a few hundredths of a second); unknown, not zero
      resolveP({ wall, user, sys, cpu: user !== null ? user + sys : null, maxRssKiB: maxRssKiB || null, status });
    });
  });
}
const best = (runs) => runs.reduce((a, b) => (b.wall < a.wall ? b : a));
const lineCount = (file) => {
  const b = readFileSync(file);
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) ++n;
  return n;
};
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtMiB = (kib) => (kib === null ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`);

const tmp = mkdtempSync(join(os.tmpdir(), 'mtasts-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// ---- native -----------------------------------------------------------------------------------------------------
if (!skip.has('native')) {
  if (!existsSync(nativeBench)) {
    log(`${relative(root, nativeBench)} is missing (Google Benchmark not found?): native figures skipped`);
    row('native', 'Google Benchmark', 'not built', '', null);
  } else {
    log('native: Google Benchmark');
    // A warm-up before each case: the first case used to run cold (410 ns instead of 240 for the typical policy).
    const benchArgs = ['--benchmark_format=json', `--benchmark_min_time=${quick ? 0.1 : 0.5}`, `--benchmark_repetitions=${quick ? 1 : 3}`, '--benchmark_min_warmup_time=0.3'];
    // glibc's default allocator settings: no MALLOC_* variable from the caller's environment (issue #19's goal is
    // the library without allocator tuning).
    const defaultsEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MALLOC_') && !k.startsWith('GLIBC_TUNABLES')));
    const r = spawnSync(nativeBench, benchArgs, {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: defaultsEnv,
    });
    if (r.status !== 0) {
      log(`mtasts_bench failed: ${r.stderr}`);
    } else {
      const j = JSON.parse(r.stdout);
      // The median over repetitions when repeated, else the single run; CPU time (the machine may be shared).
      const pick = {};
      for (const b of j.benchmarks) {
        const name = b.run_name || b.name.replace(/_(median|mean|stddev|cv)$/, '');
        if (b.error_occurred) pick[name] = { error: b.error_message };
        else if (b.aggregate_name === 'median' || (!b.aggregate_name && !pick[name])) pick[name] = b;
      }
      const cases = Object.entries(pick).map(([name, b]) => ({
        name,
        error: b.error,
        bytes: b.bytes,
        ns: b.cpu_time, // time_unit ns
        realNs: b.real_time,
        mbPerS: b.bytes_per_second / 1e6,
      }));
      results.native = { context: { ...j.context, caches: undefined }, cases };
      const label = {
        BM_typical_policy: 'typical policy, lint()',
        BM_large_policy_64k: '64 KiB policy (2,895 mx lines), lint()',
        BM_sts_record: '_mta-sts record',
        BM_tlsrpt_record: 'TLS-RPT record',
        BM_zone_file_line: 'zone-file line',
        BM_typical_policy_auto: 'typical policy, kind auto, lint()',
        BM_combined_paste_64k: '64 KiB paste (dig, dig +short, curl -i), lint()',
        BM_linter_typical_policy: 'typical policy, Linter',
        BM_linter_large_policy_64k: '64 KiB policy, Linter (glibc defaults)',
        BM_linter_combined_paste_64k: '64 KiB paste (dig, dig +short, curl -i), Linter',
        BM_linter_fixture_paste_64k: '64 KiB paste of tests/fixtures/paste (every tool, ~1,000 diagnostics), Linter',
        BM_linter_renamed_paste_64k: '64 KiB paste of tests/fixtures/paste, each copy its own spelling (no repeated block), Linter',
      };
      const byName = Object.fromEntries(cases.map((c) => [c.name, c]));
      const fmtNs = (ns) => (ns < 10000 ? fmtInt(ns) + ' ns' : ns < 1e6 ? (ns / 1000).toFixed(1) + ' µs' : (ns / 1e6).toFixed(2) + ' ms');
      const paired = new Set(['BM_linter_typical_policy_auto', 'BM_linter_large_policy_64k_auto', 'BM_linter_sts_record', 'BM_linter_sts_record_auto', 'BM_linter_corpus_en', 'BM_linter_corpus_es']);
      for (const c of cases) {
        if (c.error) {
          row('native', label[c.name] ?? c.name, `error: ${c.error}`);
          continue;
        }
        if (paired.has(c.name)) continue; // shown as comparisons below
        const fig = `${fmtNs(c.ns)}, ${c.mbPerS.toFixed(0)} MB/s`;
        if (c.name === 'BM_typical_policy' || c.name === 'BM_linter_typical_policy') row('native', label[c.name], fig, '< 1 µs', c.ns < 1000);
        else if (c.name === 'BM_large_policy_64k') row('native', label[c.name], fig, '>= 300 MB/s', c.mbPerS >= 300);
        else if (c.name === 'BM_linter_large_policy_64k') row('native', label[c.name], fig, '>= 1 GB/s', c.mbPerS >= 1000);
        else if (c.name.startsWith('BM_linter_') && c.name.includes('paste')) row('native', label[c.name], fig, '< 1 ms', c.ns < 1e6);
        else row('native', label[c.name] ?? c.name, fig);
      }
      // Comparisons (CPU time, Linter): the kind decided from the content against the kind given; English against
      // Spanish messages over the corpus's 242 policies (per pass over the corpus).
      const cmp = (what, a, b, goal, ok) => {
        const x = byName[a], y = byName[b];
        if (!x || !y || x.error || y.error) return;
        const pct = ((x.ns / y.ns - 1) * 100).toFixed(0);
        row('native', what, `${fmtNs(x.ns)} vs ${fmtNs(y.ns)} (${pct >= 0 ? '+' : ''}${pct} %)`, goal, ok ? ok(x.ns, y.ns) : null);
      };
      cmp('typical policy: kind auto vs policy (Linter)', 'BM_linter_typical_policy_auto', 'BM_linter_typical_policy', '<= +10 % (instructions below)', null);
      cmp('64 KiB policy: kind auto vs policy (Linter)', 'BM_linter_large_policy_64k_auto', 'BM_linter_large_policy_64k', '<= +10 %', (a, b) => a <= b * 1.1);
      cmp('_mta-sts record: kind auto vs txt (Linter)', 'BM_linter_sts_record_auto', 'BM_linter_sts_record', '<= +10 % (instructions below)', null);
      cmp('corpus (242 policies): messages in English vs Spanish', 'BM_linter_corpus_en', 'BM_linter_corpus_es', 'English no dearer (instructions below)', null);
      // Instructions per call (valgrind --tool=callgrind, where installed): steady on a loaded machine, unlike times.
      const hasValgrind = spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status === 0;
      if (!hasValgrind) {
        row('native', 'instructions (callgrind)', 'valgrind not installed', '');
      } else {
        log('native: callgrind instruction counts');
        const count = (name, n) => {
          const out = join(tmp, `callgrind-${name}.out`);
          const c = spawnSync('valgrind', ['--tool=callgrind', '--toggle-collect=mtasts_bench_count', `--callgrind-out-file=${out}`, nativeBench, '--count', name, String(n)], { encoding: 'utf8', env: defaultsEnv });
          if (c.status !== 0 || !existsSync(out)) return null;
          const m = readFileSync(out, 'utf8').match(/^(?:summary|totals):\s+(\d+)/m);
          return m ? +m[1] / n : null;
        };
        const ins = {};
        for (const [name, n] of [
          ['typical_policy', 2000], ['linter_typical_policy', 2000], ['linter_typical_policy_auto', 2000],
          ['linter_sts_record', 2000], ['linter_sts_record_auto', 2000], ['large_policy_64k', 20], ['linter_large_policy_64k', 20],
          ['linter_large_policy_64k_auto', 20], ['linter_fixture_paste_64k', 3], ['linter_renamed_paste_64k', 3], ['linter_mistakes_64k', 3], ['linter_corpus_en', 3], ['linter_corpus_es', 3],
        ]) ins[name] = count(name, n);
        results.native.instructions = ins;
        const I = (x) => (x === null ? 'n/a' : fmtInt(x));
        if (ins.linter_typical_policy !== null) row('native', 'typical policy, instructions per call: Linter (lint())', `${I(ins.linter_typical_policy)} (${I(ins.typical_policy)})`, '<= 3,000', ins.linter_typical_policy <= 3000);
        if (ins.linter_typical_policy_auto !== null) row('native', 'typical policy, instructions: kind auto vs policy (Linter)', `${I(ins.linter_typical_policy_auto)} vs ${I(ins.linter_typical_policy)}`, '<= +10 %', ins.linter_typical_policy_auto <= 1.1 * ins.linter_typical_policy);
        if (ins.linter_sts_record_auto !== null) row('native', '_mta-sts record, instructions: kind auto vs txt (Linter)', `${I(ins.linter_sts_record_auto)} vs ${I(ins.linter_sts_record)}`, '<= +10 %', ins.linter_sts_record_auto <= 1.1 * ins.linter_sts_record);
        if (ins.linter_large_policy_64k !== null) row('native', '64 KiB policy, instructions per byte: Linter, auto (lint())', `${(ins.linter_large_policy_64k / 65521).toFixed(1)}, ${(ins.linter_large_policy_64k_auto / 65521).toFixed(1)} (${(ins.large_policy_64k / 65521).toFixed(1)})`, '');
        if (ins.linter_fixture_paste_64k !== null) row('native', '64 KiB paste of tests/fixtures/paste, instructions', `${(ins.linter_fixture_paste_64k / 1e6).toFixed(2)} million`, '');
        if (ins.linter_renamed_paste_64k !== null) row('native', '64 KiB paste of tests/fixtures/paste, no repeated block, instructions', `${(ins.linter_renamed_paste_64k / 1e6).toFixed(2)} million`, '');
        if (ins.linter_mistakes_64k) row('native', "the page's case (c) text (64 KiB, 12,108 diagnostics with fixes), instructions (per diagnostic)", `${(ins.linter_mistakes_64k / 1e6).toFixed(2)} million (${fmtInt(Math.round(ins.linter_mistakes_64k / 12108))})`, '');
        if (ins.linter_corpus_en !== null) row('native', 'corpus (242 policies), instructions: English vs Spanish', `${fmtInt(ins.linter_corpus_en)} vs ${fmtInt(ins.linter_corpus_es)}`, 'English <= Spanish', ins.linter_corpus_en <= ins.linter_corpus_es);
        // How fast the machine ran the timed rows: instructions per ns of the cases with a time goal (callgrind's count
        // over the time measured). The shared VM this project is measured on runs at about half speed for minutes at a
        // time; this row says which speed a run had (docs/performance.md, "The machine changes speed").
        const speed = [['linter_large_policy_64k', 'BM_linter_large_policy_64k', '64 KiB policy'], ['linter_fixture_paste_64k', 'BM_linter_fixture_paste_64k', 'fixtures paste'], ['linter_renamed_paste_64k', 'BM_linter_renamed_paste_64k', 'no-repeat paste']]
          .filter(([i, b]) => ins[i] && byName[b] && !byName[b].error)
          .map(([i, b, what]) => `${what} ${(ins[i] / byName[b].ns).toFixed(1)}`);
        results.native.instructionsPerNs = speed;
        if (speed.length) row('native', "this run's speed, instructions per ns (callgrind count / time)", speed.join(', '), '');
      }
      // The same 64 KiB case with glibc keeping its freed memory: by default it returns the top of the heap to the
      // kernel after each call (the ~200 KB a 64 KiB policy's facts and duplicate check take) and faults it back in
      // on the next one, which costs more than the linting (callgrind cannot see it: it is kernel time).
      const warm = spawnSync(nativeBench, [...benchArgs, '--benchmark_filter=BM_large_policy_64k$'], {
        encoding: 'utf8',
        env: { ...process.env, MALLOC_TRIM_THRESHOLD_: String(1 << 30) },
      });
      if (warm.status === 0) {
        const w = JSON.parse(warm.stdout).benchmarks.filter((b) => b.aggregate_name === 'median' || !b.aggregate_name).pop();
        const mb = w.bytes_per_second / 1e6;
        results.native.warmHeap64k = { ns: w.cpu_time, mbPerS: mb, env: 'MALLOC_TRIM_THRESHOLD_=1073741824' };
        row('native', '64 KiB policy, lint(), heap kept (MALLOC_TRIM_THRESHOLD_)', `${(w.cpu_time / 1000).toFixed(1)} µs, ${mb.toFixed(0)} MB/s`, '>= 300 MB/s', mb >= 300);
      }
    }
  }
}

// ---- batch: mta-sts-lint --batch vs postfix-mta-sts-resolver's parser ------------------------------------------------
const domains = quick ? 20000 : 100000;
let jsonl = null;
let corpus = null;
async function jsonlFile(count) {
  corpus ??= loadCorpus(corpusDir());
  const f = join(tmp, `domains-${count}.jsonl`);
  if (!existsSync(f)) await writeJsonl(createWriteStream(f), count, corpus);
  return f;
}

if (!skip.has('batch')) {
  if (!existsSync(cli)) {
    log(`${relative(root, cli)} is missing: batch figures skipped`);
  } else {
    jsonl = await jsonlFile(domains);
    const mb = statSync(jsonl).size / 1e6;
    log(`batch: ${fmtInt(domains)} domains (${mb.toFixed(1)} MB of JSON Lines)`);
    // The Python peer: Debian's postfix-mta-sts-resolver, with the system interpreter (where dist-packages live).
    const py = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const probe = spawnSync(py, ['-c', 'import postfix_mta_sts_resolver.utils'], { encoding: 'utf8' });
    const peer = probe.status === 0;
    if (!peer) log('python3 -c "import postfix_mta_sts_resolver" failed (apt-get install postfix-mta-sts-resolver): peer skipped');
    // Three rounds, each running ours then the peer, so that a neighbour who takes the CPU for a while slows both
    // sides of a round rather than one side of the comparison (back-to-back blocks gave 4.7x to 7.5x on the same
    // code). Throughput rows: the best round of each; ratios: the median of the per-round ratios.
    const ours = [];
    const theirs = [];
    for (let i = 0; i < 3; ++i) {
      ours.push(await measure(cli, ['--batch'], jsonl, join(tmp, 'ours.jsonl')));
      if (peer) theirs.push(await measure(py, [join(root, 'bench', 'python_peer.py')], jsonl, join(tmp, 'peer.jsonl')));
    }
    const answered = lineCount(join(tmp, 'ours.jsonl'));
    const o = best(ours);
    results.batch = { domains, inputMB: mb, ours: { ...o, answered, inputsPerS: domains / o.wall, inputsPerCpuS: o.cpu ? domains / o.cpu : null } };
    row('batch', `mta-sts-lint --batch, ${fmtInt(domains)} domains`, `${fmtInt(domains / o.wall)} /s, peak ${fmtMiB(o.maxRssKiB)}`);

    // Large policies through the batch mode: the native 64 KiB case as the command runs it, JSON in and out, with
    // the heap it keeps between inputs (cli/main.cpp; the native rows above measure lint() with glibc's defaults).
    {
      let policy = 'version: STSv1\r\nmode: enforce\r\nmax_age: 604800\r\n';
      for (let k = 0; ; ++k) {
        const line = `mx: mx${k}.mail.example.com\r\n`;
        if (policy.length + line.length > 64 * 1024) break;
        policy += line;
      }
      const count = quick ? 500 : 2000;
      const big = join(tmp, `big-${count}.jsonl`);
      writeFileSync(big, `${JSON.stringify({ domain: 'example.com', policy })}\n`.repeat(count));
      const runs = [];
      for (let i = 0; i < 3; ++i) runs.push(await measure(cli, ['--batch'], big, join(tmp, 'out-big.jsonl')));
      const r = best(runs);
      const mbPerS = (count * policy.length) / r.wall / 1e6;
      results.batch.large = { domains: count, policyBytes: policy.length, wall: r.wall, cpu: r.cpu, mbPerS, maxRssKiB: r.maxRssKiB };
      row('batch', `--batch, ${fmtInt(count)} domains with a 64 KiB policy each`, `${fmtInt(count / r.wall)} /s, ${mbPerS.toFixed(0)} MB/s of policy, peak ${fmtMiB(r.maxRssKiB)}`);
    }

    if (!peer) {
      row('batch', 'vs postfix-mta-sts-resolver', 'peer not installed', '>= 5x', null);
    } else {
      const t = best(theirs);
      const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
      const ratio = median(theirs.map((x, i) => x.wall / ours[i].wall));
      const cpuRatio = theirs.every((x, i) => x.cpu && ours[i].cpu) ? median(theirs.map((x, i) => x.cpu / ours[i].cpu)) : null;
      results.batch.peer = { ...t, answered: lineCount(join(tmp, 'peer.jsonl')), inputsPerS: domains / t.wall, inputsPerCpuS: t.cpu ? domains / t.cpu : null };
      results.batch.ratio = ratio;
      results.batch.cpuRatio = cpuRatio;
      results.batch.rounds = ours.map((x, i) => ({ ours: x.wall, oursCpu: x.cpu, peer: theirs[i].wall, peerCpu: theirs[i].cpu, ratio: theirs[i].wall / x.wall }));
      row('batch', 'postfix-mta-sts-resolver parser (Python)', `${fmtInt(domains / t.wall)} /s, peak ${fmtMiB(t.maxRssKiB)}`);
      row('batch', 'ratio, full validation vs peer (median of 3 alternating rounds)', `${ratio.toFixed(1)}x${cpuRatio ? ` (CPU time: ${cpuRatio.toFixed(1)}x)` : ''}`, '>= 5x', ratio >= 5);
    }

    // One process on everything vs two processes on one half each, at the same time.
    // Four times the input, so that each half runs for about half a second and process start-up does not count.
    const text = readFileSync(jsonl, 'utf8');
    const once = text.split('\n').filter(Boolean);
    const lines = [...once, ...once, ...once, ...once];
    const whole = join(tmp, 'whole.jsonl');
    writeFileSync(whole, lines.join('\n') + '\n');
    const singles = [];
    for (let i = 0; i < 3; ++i) singles.push(await measure(cli, ['--batch'], whole, join(tmp, 'out-whole.jsonl')));
    const single = best(singles);
    const half = lines.length >> 1;
    const a = join(tmp, 'half-a.jsonl'), b = join(tmp, 'half-b.jsonl');
    writeFileSync(a, lines.slice(0, half).join('\n') + '\n');
    writeFileSync(b, lines.slice(half).join('\n') + '\n');
    const pairs = [];
    for (let i = 0; i < 3; ++i) {
      const t0 = process.hrtime.bigint();
      const [ra, rb] = await Promise.all([measure(cli, ['--batch'], a, join(tmp, 'out-a.jsonl')), measure(cli, ['--batch'], b, join(tmp, 'out-b.jsonl'))]);
      // With the rusage wrapper, each child's wall time excludes the wrapper's Python start-up (tens of ms, which
      // the outer clock would add to the pair but not to the single run): the pair took as long as its slower child.
      const outer = Number(process.hrtime.bigint() - t0) / 1e9;
      pairs.push({ wall: python ? Math.max(ra.wall, rb.wall) : outer, a: ra, b: rb });
    }
    const two = best(pairs);
    const speedup = single.wall / two.wall;
    // The work divides evenly when the two halves' CPU time adds up to one process's: the wall-time speed-up then
    // depends only on how many cores are free (other tenants of a shared machine take some).
    const cpuSum = two.a.cpu !== null && two.b.cpu !== null ? two.a.cpu + two.b.cpu : null;
    results.batch.twoProcesses = { domains: lines.length, wall: two.wall, inputsPerS: lines.length / two.wall, speedup, cpuSum, oneProcess: single, oneProcessCpu: single.cpu, loadavg: os.loadavg(), processes: [two.a, two.b] };
    // Control: what two processes get on this machine at all, with a program that shares nothing (sha256sum of the
    // same 64 MB twice at once vs once): on a shared or oversubscribed VM, two vCPUs may not be two cores.
    let control = null;
    if (existsSync('/usr/bin/sha256sum')) {
      const z = join(tmp, 'zeros.bin');
      writeFileSync(z, Buffer.alloc(64 << 20));
      const runs = [];
      for (let i = 0; i < 2; ++i) {
        const t0 = process.hrtime.bigint();
        spawnSync('/usr/bin/sha256sum', [z]);
        const t1 = process.hrtime.bigint();
        await Promise.all([0, 1].map(() => new Promise((r) => spawn('/usr/bin/sha256sum', [z], { stdio: 'ignore' }).on('close', r))));
        const t2 = process.hrtime.bigint();
        runs.push({ one: Number(t1 - t0) / 1e9, two: Number(t2 - t1) / 1e9 });
      }
      const one = Math.min(...runs.map((r) => r.one)), twoT = Math.min(...runs.map((r) => r.two));
      control = { one, two: twoT, speedup: (2 * one) / twoT };
      rmSync(z, { force: true });
      results.batch.control = control;
    }
    row('batch', `2 processes (one half each of ${fmtInt(lines.length)}, concurrently)`, `${fmtInt(lines.length / two.wall)} /s, ${speedup.toFixed(2)}x one process${cpuSum !== null && single.cpu ? ` (CPU ${cpuSum.toFixed(2)} s vs ${single.cpu.toFixed(2)} s)` : ''}`, '~2x on 2 idle cores', speedup >= 1.7);
    if (control) row('batch', 'control: sha256sum x2 at once vs once', `${control.speedup.toFixed(2)}x (this machine's ceiling for 2 processes)`);
  }
}

// ---- node: lint() in Node vs mailauth --------------------------------------------------------------------------------
const nodeBench = join(root, 'bench', 'node.mjs');
const nodeResults = join(root, 'bench', 'results-node.json');
if (!skip.has('node')) {
  if (existsSync(nodeBench) && existsSync(join(root, 'wasm', 'dist', 'node.js'))) {
    log('node: bench/node.mjs');
    const r = spawnSync(process.execPath, [nodeBench, ...(quick ? ['--quick'] : [])], { cwd: root, encoding: 'utf8', timeout: 180000 });
    if (r.status !== 0) log(`bench/node.mjs failed (status ${r.status}): ${(r.stderr || '').slice(0, 500)}`);
  } else {
    log('node: bench/node.mjs or wasm/dist/node.js missing (npm run build:wasm); using bench/results-node.json if any');
  }
}
if (existsSync(nodeResults)) {
  const j = JSON.parse(readFileSync(nodeResults, 'utf8'));
  results.node = j;
  const [typical, large] = j.timings ?? [];
  const stale = quick ? ' (from an earlier full run)' : '';
  if (typical) row('node', `lint() vs mailauth, ${typical.input}${stale}`, `${typical.mtaStsLintUs.toFixed(2)} µs vs ${typical.mailauthUs.toFixed(2)} µs (${typical.speedup.toFixed(2)}x, ${(1 / typical.speedup).toFixed(2)} of its time)`, '<= 0.5 of its time (#19; #16: < 1.0)', typical.speedup >= 2);
  if (large) row('node', `lint() vs mailauth, 64 KiB policy${stale}`, `${(large.mtaStsLintUs / 1000).toFixed(2)} ms vs ${(large.mailauthUs / 1000).toFixed(2)} ms (${large.speedup.toFixed(1)}x)`, '>= 20x faster', large.speedup >= 20);
} else if (!skip.has('node')) {
  row('node', 'lint() vs mailauth', 'not measured (no wasm build)', '', null);
}

// ---- size -------------------------------------------------------------------------------------------------------
{
  const gz = (f) => ({ file: relative(root, f), ...fileSize(f) });
  const wdist = join(root, 'wasm', 'dist');
  const size = { wasm: null, wasmFull: null, page: null };
  // The .wasm and the JS that loads it in a browser: the package's default export (index.js -> api.js -> glue.js),
  // the one the budget is for, and "./full" (full-index.js -> api.js + generator.js -> glue-full.js), for reference.
  const entries = [
    { key: 'wasm', label: '.wasm + loader, default export (index.js, api.js, glue.js)', goal: true, files: defaultExportFiles },
    { key: 'wasmFull', label: '.wasm + loader, ./full (with the generator)', goal: false,
      files: ['mta-sts-lint-full.wasm', 'glue-full.js', 'api.js', 'generator.js', 'full-index.js'] },
  ];
  for (const e of entries) {
    const loader = e.files.map((f) => join(wdist, f));
    if (loader.every(existsSync)) {
      const files = loader.map(gz);
      const raw = files.reduce((t, f) => t + f.raw, 0), gzip = files.reduce((t, f) => t + f.gzip, 0);
      size[e.key] = { files, raw, gzip };
      const figure = `${(raw / KiB).toFixed(1)} KiB raw, ${(gzip / KiB).toFixed(1)} KiB gzip`;
      // (bench/budgets.mjs says how the budget was set: #16's 11 KiB for embind over the raw-export module)
      const b = defaultExportBudget;
      if (e.goal) row('size', e.label, figure, `<= ${b.kib} KiB gzip (${b.issue}: raw exports + 11 for embind)`, gzip <= b.bytes);
      else row('size', e.label, figure);
    } else {
      row('size', e.label, 'wasm/dist not built (npm run build:wasm)');
    }
  }
  const pdist = join(root, 'web', 'dist');
  if (existsSync(join(pdist, 'index.html'))) {
    const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const files = walk(pdist).filter((f) => !f.endsWith('.map')).map(gz);
    const raw = files.reduce((t, f) => t + f.raw, 0), gzip = files.reduce((t, f) => t + f.gzip, 0);
    size.page = { files, raw, gzip };
    row('size', `web page, total transfer (${files.length} files)`, `${(raw / KiB).toFixed(1)} KiB raw, ${(gzip / KiB).toFixed(1)} KiB gzip`);
  } else {
    row('size', 'web page', 'web/dist not built (npm run build:web)');
  }
  results.size = size;
}

// ---- page: keystroke to underline ---------------------------------------------------------------------------------
const pageScript = join(root, 'scripts', 'page-latency.mjs');
const pageResults = join(root, 'bench', 'results-page.json');
if (!skip.has('page') && existsSync(pageScript) && existsSync(join(root, 'web', 'dist', 'index.html'))) {
  log('page: scripts/page-latency.mjs (headless Chromium)');
  const r = spawnSync(process.execPath, [pageScript, ...(quick ? ['--runs', '20', '--warmup', '10'] : [])], { cwd: root, encoding: 'utf8', timeout: 480000 });
  if (r.status !== 0) log(`scripts/page-latency.mjs failed (status ${r.status}): ${(r.stderr || '').slice(0, 500)}`);
}
if (existsSync(pageResults)) {
  const j = JSON.parse(readFileSync(pageResults, 'utf8'));
  results.page = j;
  // Keystroke (a real key press) to updated underlines and list; the 64 KiB texts carry the goal (median and p95),
  // with where the time went: the validator, CodeMirror's update, the list, and the trace's style+layout+paint.
  for (const c of j.cases ?? []) {
    const k = c.keystrokeToUnderlines?.key;
    if (!k) continue;
    const p = c.pipelineParts || {};
    const t = c.trace;
    const split = p.validator === undefined ? '' : `; validator ${p.validator}, editor ${p.editor}, list ${p.list}${t ? `, style+layout+paint ${Math.round((t.style + t.layout + t.paint) * 10) / 10}` : ''} ms`;
    const fig = `median ${k.median} ms, p95 ${k.p95} ms (${c.diagnostics} diagnostics${split})`;
    const goal = c.goal || (c.bytes >= 60 * KiB ? { medianMs: 16, p95Ms: 25 } : null);
    if (goal) row('page', `keystroke to underline, ${c.name}`, fig, `<= ${goal.medianMs} ms median, <= ${goal.p95Ms} ms p95`, k.median <= goal.medianMs && k.p95 <= goal.p95Ms);
    else row('page', `keystroke to underline, ${c.name}`, fig);
  }
} else if (!skip.has('page')) {
  row('page', 'keystroke to underline', 'not measured (web/dist or Chromium missing)');
}

// ---- scaling ------------------------------------------------------------------------------------------------------
if (!skip.has('scaling')) {
  // The reliability engineer's bench/scaling.mjs: one policy of 1x/10x/100x lines through the CLI (its table, parsed).
  const scalingScript = join(root, 'bench', 'scaling.mjs');
  results.scaling = {};
  if (existsSync(scalingScript) && existsSync(cli)) {
    log('scaling: bench/scaling.mjs');
    const r = spawnSync(process.execPath, [scalingScript], { cwd: root, encoding: 'utf8', timeout: 240000, env: { ...process.env, MTASTS_NATIVE_CLI: cli } });
    if (r.status !== 0) log(`bench/scaling.mjs failed (status ${r.status}): ${(r.stderr || '').slice(0, 500)}`);
    const steps = parseScaling(r.stdout || '');
    results.scaling.policy = { source: 'bench/scaling.mjs', steps, stdout: r.stdout };
    for (const st of steps.filter((x) => x.timeRatio !== null)) {
      row('scaling', `one policy, ${st.shape}: ${fmtInt(st.prevLines)} -> ${fmtInt(st.lines)}`, `${st.timeRatio.toFixed(1)}x time (${st.prevSeconds.toFixed(3)} -> ${st.seconds.toFixed(3)} s), RSS ${st.prevRssMB ?? '-'} -> ${st.rssMB ?? '-'} MB`, '10x input: <= 12x time', st.timeRatio <= 12);
    }
  }
  // 1x / 10x / 100x domains through --batch: CPU time (the least of 3 runs: one run slowed by a neighbour once made
  // 10x the input look like 13x the time) and peak memory.
  if (existsSync(cli)) {
    const base = quick ? 1000 : 4000;
    const steps = [];
    for (const mult of [1, 10, 100]) {
      const n = base * mult;
      const f = await jsonlFile(n);
      const runs = [];
      for (let k = 0; k < 3; ++k) runs.push(await measure(cli, ['--batch'], f, join(tmp, 'scale.jsonl')));
      const r = runs.every((x) => x.cpu !== null) ? runs.reduce((a, b) => (b.cpu < a.cpu ? b : a)) : best(runs);
      // time: the least-CPU run; peak memory: the highest sampled (a short run may end before it is sampled)
      steps.push({ mult, domains: n, wall: r.wall, cpu: r.cpu, maxRssKiB: Math.max(...runs.map((x) => x.maxRssKiB ?? 0)) || null });
      if (n > domains) rmSync(f, { force: true });
    }
    results.scaling.batch = { source: 'bench/run.mjs (batch mode)', steps };
    for (let i = 1; i < steps.length; ++i) {
      const s = steps[i], p = steps[i - 1];
      // CPU time where known: on a shared machine wall time also counts the other tenants.
      const ratio = s.cpu && p.cpu ? s.cpu / p.cpu : s.wall / p.wall;
      row('scaling', `--batch ${fmtInt(p.domains)} -> ${fmtInt(s.domains)} domains`, `${ratio.toFixed(1)}x ${s.cpu && p.cpu ? 'CPU ' : ''}time (${(p.cpu ?? p.wall).toFixed(2)} -> ${(s.cpu ?? s.wall).toFixed(2)} s), peak ${fmtMiB(p.maxRssKiB)} -> ${fmtMiB(s.maxRssKiB)}`, '10x input: <= 12x time', ratio <= 12);
    }
  }
}

// bench/scaling.mjs prints, per shape, "<shape>:" then rows "lines bytes seconds [x time] RSS-MB [x RSS]".
function parseScaling(text) {
  const steps = [];
  let shape = null, prev = null;
  for (const line of text.split('\n')) {
    const h = line.match(/^(\S.*):$/);
    if (h) {
      shape = h[1];
      prev = null;
      continue;
    }
    const m = line.trim().match(/^(\d+)\s+(\d+)\s+([\d.]+)\s+(?:([\d.]+)\s+)?([\d.]+|-)(?:\s+([\d.]+))?$/);
    if (!shape || !m) continue;
    const cur = { shape, lines: +m[1], bytes: +m[2], seconds: +m[3], rssMB: m[5] === '-' ? null : +m[5] };
    steps.push({ ...cur, prevLines: prev?.lines ?? null, prevSeconds: prev?.seconds ?? null, prevRssMB: prev?.rssMB ?? null, timeRatio: prev ? cur.seconds / prev.seconds : null });
    prev = cur;
  }
  return steps;
}

// ---- the table ------------------------------------------------------------------------------------------------------
results.seconds = Math.round((Date.now() - started) / 1000);
writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');

const head = ['area', 'measure', 'figure', 'goal', ''];
const cells = rows.map((r) => [r.area, r.what, r.figure, r.goal, r.verdict]);
const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
const m = results.machine;
console.log(`\nmta-sts-lint performance — ${m.nproc} CPUs (${m.cpu}), ${m.memGiB} GiB, load ${m.loadavg.join(' ')}, node ${m.node}, commit ${m.commit ?? '?'}${quick ? ', --quick' : ''}\n`);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const c of cells) console.log(line(c));
const pass = rows.filter((r) => r.verdict === 'PASS').length, miss = rows.filter((r) => r.verdict === 'MISS').length;
console.log(`\ngoals: ${pass} PASS, ${miss} MISS (timings vary on a shared machine; nothing here is a test)`);
console.log(`written: bench/results.json (${results.seconds} s)`);
if (flag('--markdown')) {
  console.log('\n| area | measure | figure | goal | |\n| --- | --- | --- | --- | --- |');
  for (const c of cells) console.log(`| ${c.join(' | ')} |`);
}

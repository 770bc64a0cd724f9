#!/usr/bin/env node
// Writes N domains as JSON Lines for `mta-sts-lint --batch` (and bench/python_peer.py), built from the real-world
// corpus of the repository (tests/corpus: policies/*.txt and records.expected.jsonl).
// Deterministic: line i takes policy i mod P, _mta-sts record i mod T and TLS-RPT record i mod R; every fourth domain
// has no TLS-RPT record and every tenth no _mta-sts record, as in real scans.
//   node bench/gen_jsonl.mjs [--count N] [--out FILE] [--corpus DIR]     (default 100000 lines to stdout)
import { createWriteStream, readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function corpusDir(explicit) {
  const dir = explicit ?? process.env.MTASTS_CORPUS_DIR ?? join(root, 'tests', 'corpus');
  if (!existsSync(join(dir, 'policies'))) throw new Error(`gen_jsonl: no corpus at ${dir} (expected <repo>/tests/corpus)`);
  return dir;
}

export function loadCorpus(dir) {
  const policies = readdirSync(join(dir, 'policies'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, 'policies', f), 'utf8'));
  const txt = [];
  const tlsrpt = [];
  for (const line of readFileSync(join(dir, 'records.expected.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    (r.kind === 'tlsrpt' ? tlsrpt : txt).push(r.value);
  }
  if (!policies.length || !txt.length || !tlsrpt.length) throw new Error(`gen_jsonl: incomplete corpus at ${dir}`);
  return { policies, txt, tlsrpt };
}

// Returns the i-th line (without newline).
export function domainLine(corpus, i) {
  const o = { domain: `d${i}.example` };
  o.policy = corpus.policies[i % corpus.policies.length];
  if (i % 10 !== 9) o.txt = corpus.txt[i % corpus.txt.length];
  if (i % 4 !== 3) o.tlsrpt = corpus.tlsrpt[i % corpus.tlsrpt.length];
  return JSON.stringify(o);
}

// Writes `count` lines to a stream; resolves when flushed.
export async function writeJsonl(stream, count, corpus) {
  let chunk = '';
  for (let i = 0; i < count; ++i) {
    chunk += domainLine(corpus, i) + '\n';
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
      chunk = '';
    }
  }
  await new Promise((r) => stream.end(chunk, r));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : def;
  };
  const count = Number(arg('--count', '100000'));
  const out = arg('--out');
  const corpus = loadCorpus(corpusDir(arg('--corpus')));
  await writeJsonl(out ? createWriteStream(out) : process.stdout, count, corpus);
}

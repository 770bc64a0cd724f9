#!/usr/bin/env node
// Generates, from core/rules.def (the one catalogue), docs/codes.md (the page of diagnostic codes: the text below and
// the table), wasm/codes.d.ts (the TypeScript union of codes and of languages) and wasm/src/texts.js (the command
// line's texts by language). `--check` exits 1 when a generated file is out of date (run by the test suite). Edit the
// page's text here, never in docs/codes.md.
// Both modes also check the translations (core/i18n/): every code and hint of rules.def and every fix title and text
// of core/i18n/en.def has exactly one row in each language file of core/i18n/languages.def, with the same
// {placeholders} as the English text, on one line; a failure lists the ids and the rows to append.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const def = readFileSync(join(root, 'core/rules.def'), 'utf8');
const str = '"((?:[^"\\\\]|\\\\.)*)"';
const re = new RegExp(`^MTASTS_RULE\\((\\w+), (\\w+), ${str}, ${str}, ${str}\\)`, 'gm');
const rules = [...def.matchAll(re)].map((m) => ({
  code: m[1], severity: m[2] === 'warning_or_error' ? 'warning / error' : m[2],
  title: m[3], message: m[4].replace(/\\"/g, '"').replace(/\\\\/g, '\\'), reference: m[5],
}));
if (rules.length < 100) throw new Error(`parsed only ${rules.length} rules from rules.def`);

// ---- translations ----
const unC = (t) => t.replace(/\\(["\\n])/g, (_, c) => (c === 'n' ? '\n' : c));
const defRows = (path, macros) => {
  const text = readFileSync(join(root, path), 'utf8');
  const rows = [];
  const bad = [];
  text.split('\n').forEach((line, i) => {
    const m = /^(MTASTS_\w+)\(/.exec(line);
    if (!m || !macros.includes(m[1])) return;
    const r = new RegExp(`^${m[1]}\\((\\w+)((?:, ${str})+)\\)\\s*$`).exec(line);
    if (!r) { bad.push(`${path}:${i + 1}: cannot read this row: ${line.slice(0, 80)}`); return; }
    const texts = [...r[2].matchAll(new RegExp(str, 'g'))].map((x) => unC(x[1]));
    rows.push({ macro: m[1], id: r[1], texts, line: i + 1 });
  });
  return { rows, bad };
};
const placeholders = (t) => [...t.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort();
const samePlaceholders = (a, b) => {
  const x = new Set(placeholders(a)), y = new Set(placeholders(b));
  return x.size === y.size && [...x].every((p) => y.has(p));
};
const langs = [...readFileSync(join(root, 'core/i18n/languages.def'), 'utf8').matchAll(new RegExp(`^MTASTS_LANG\\((\\w+), ${str}, ${str}\\)`, 'gm'))]
  .map((m) => ({ id: m[1], tag: m[2], name: m[3] }));
const hints = [...def.matchAll(new RegExp(`^MTASTS_HINT\\((\\w+), ${str}\\)`, 'gm'))].map((m) => ({ id: m[1], text: unC(m[2]) }));
const en = defRows('core/i18n/en.def', ['MTASTS_FIX', 'MTASTS_TEXT', 'MTASTS_TOOL_TEXT']);
// Every English text by kind and id: what each language file must translate.
const source = {
  RULE: new Map(rules.map((r) => [r.code, [r.title, r.message]])),
  HINT: new Map(hints.map((h) => [h.id, [h.text]])),
  FIX: new Map(en.rows.filter((r) => r.macro === 'MTASTS_FIX').map((r) => [r.id, r.texts])),
  TEXT: new Map(en.rows.filter((r) => r.macro === 'MTASTS_TEXT' || r.macro === 'MTASTS_TOOL_TEXT').map((r) => [r.id, r.texts])),
};
const problems = [...en.bad];
for (const [kind, m] of Object.entries(source)) {
  for (const [id, texts] of m) {
    if (texts.some((t) => t.includes('\n'))) problems.push(`${kind} ${id}: the English text spans several lines`);
  }
}
const translations = {};
for (const lang of langs.slice(1)) {
  const path = `core/i18n/${lang.id}.def`;
  const { rows, bad } = defRows(path, ['MTASTS_RULE_TR', 'MTASTS_HINT_TR', 'MTASTS_FIX_TR', 'MTASTS_TEXT_TR']);
  problems.push(...bad);
  const seen = { RULE: new Map(), HINT: new Map(), FIX: new Map(), TEXT: new Map() };
  for (const row of rows) {
    const kind = row.macro.slice('MTASTS_'.length, -'_TR'.length);
    const english = source[kind].get(row.id);
    const where = `${path}:${row.line}: ${row.macro}(${row.id})`;
    if (!english) { problems.push(`${where}: no such ${kind.toLowerCase()} id in the English catalogue`); continue; }
    if (seen[kind].has(row.id)) { problems.push(`${where}: duplicate row (first at line ${seen[kind].get(row.id).line})`); continue; }
    if (row.texts.length !== english.length) { problems.push(`${where}: expected ${english.length} text(s)`); continue; }
    seen[kind].set(row.id, row);
    row.texts.forEach((t, k) => {
      if (!samePlaceholders(english[k], t)) {
        problems.push(`${where}: placeholders {${placeholders(t).join('}, {')}} differ from the English {${placeholders(english[k]).join('}, {')}}`);
      }
      if (t.includes('\n')) problems.push(`${where}: the text spans several lines`);
      if (t.trim() === '') problems.push(`${where}: empty text`);
    });
  }
  const q = (t) => JSON.stringify(t);
  const missing = [];
  for (const [kind, m] of Object.entries(source)) {
    for (const [id, texts] of m) {
      if (!seen[kind].has(id)) missing.push(`MTASTS_${kind}_TR(${id}, ${texts.map(q).join(', ')})`);
    }
  }
  if (missing.length) {
    problems.push(`${path}: ${missing.length} id(s) without a ${lang.name} row: ${missing.map((r) => /\((\w+)/.exec(r)[1]).join(', ')}\n` +
      `  append these rows to ${path}, translated (the English text is there as a start):\n  ${missing.join('\n  ')}`);
  }
  translations[lang.tag] = seen;
}
if (problems.length) {
  console.error(`translation catalogue (core/i18n/):\n${problems.join('\n')}`);
  process.exit(1);
}

const md = (s) => s.replace(/\|/g, '\\|');
const table = ['| Code | Severity | Title | Message | Reference |', '|---|---|---|---|---|',
  ...rules.map((r) => `| ${r.code} | ${r.severity} | ${md(r.title)} | ${md(r.message)} | ${md(r.reference)} |`)].join('\n');
// The code ranges, in the order of the table; a range not named here is listed as it is.
const ranges = {
  STS1: 'the `_mta-sts` TXT record (RFC 8461 §3.1)',
  STS2: 'the policy file (RFC 8461 §3.2)',
  STS4: 'the policy against the domain\'s MX hosts, given as evidence (RFC 8461 §4.1)',
  RPT5: 'the `_smtp._tls` TLS-RPT record (RFC 8460 §3)',
  DNS6: 'how a record is written: quoting, zone-file and `dig` forms (RFC 1035)',
};
const groups = [];
for (const r of rules) {
  const key = r.code.slice(0, -2);
  const g = groups.at(-1);
  if (g && g.key === key) { g.last = r.code; g.count++; } else groups.push({ key, first: r.code, last: r.code, count: 1 });
}
const rangeTable = ['| Codes | What they check | Count |', '|---|---|---:|',
  ...groups.map((g) => `| ${g.first === g.last ? g.first : `${g.first}–${g.last}`} | ${ranges[g.key] ?? `${g.key}xx`} | ${g.count} |`)].join('\n');

const page = `# Diagnostic codes

<!-- Generated by tools/gen-catalogue.mjs from core/rules.def. Do not edit: change the catalogue (or the text in the
generator) and run \`node tools/gen-catalogue.mjs\`. -->

Part of the [mta-sts-lint documentation](README.md). How the codes are reported: [cli.md](cli.md) (text, JSON, SARIF)
and [api.md](api.md) (\`diagnostics\`).

Codes are public API and never renumbered or reused. Semantic versioning follows ESLint's policy: more reports or new
codes are a minor release, fewer reports or a bug fix a patch, a removed/renumbered code or a changed output shape a
major release (pin with \`~\`). This page is generated from the one catalogue, \`core/rules.def\`
(\`node tools/gen-catalogue.mjs\`; the test suite fails when it is stale), which also generates the C++ tables, the SARIF
rules, \`v.rules\` in JS and the TypeScript union \`wasm/codes.d.ts\`.

## Ranges

${rangeTable}

## Thresholds

Heuristic thresholds (named constants in \`core/catalogue.hpp\`): STS251 above 10,240 bytes, STS250 above 65,536 bytes,
STS233 below one day (86,400 s), STS234 below one week (604,800 s), DNS601/DNS602 above 255 bytes, DNS613 above 450 bytes,
STS216 at edit distance 2 (1 for the two-letter \`mx\`).

## Evidence the linter does not fetch

Some checks need evidence that a policy file alone does not hold; the linter never fetches it, the user supplies it:
\`--domain example.com\` enables STS249 (a wildcard over the policy domain itself); \`--mx-host HOST\` (repeatable, \`.\` for
a null MX) or \`--no-mx-records\` checks that the policy covers each MX host under RFC 8461 §4.1's one-label wildcard rule
(STS401–STS406); RPT523 (testing mode without a TLS-RPT record) is raised by the batch mode, which sees a domain's policy
and records together. STS3xx (HTTP status, headers and certificate of the policy host) are not in the catalogue yet.

With an enforce policy whose only \`mx\` line is \`mx: mx1.example.com\`:

\`\`\`
$ mta-sts-lint --mx-host mx1.example.com --mx-host a.b.example.com policy.txt
policy.txt:1:1: error: MX host 'a.b.example.com' is not covered by the policy; enforcing senders will not deliver to it. [STS401]
   1 | version: STSv1
     | ^
1 file checked: 1 error, 0 warnings
\`\`\`

## The catalogue

${rules.length} codes. Severity \`warning / error\`: a warning when duplicate values agree, an error when they differ.

${table}
`;
const pagePath = join(root, 'docs/codes.md');

const dts = `// Generated by tools/gen-catalogue.mjs from core/rules.def and core/i18n/languages.def. Do not edit.\nexport type Code =\n${rules.map((r) => `  | '${r.code}'`).join('\n')};\n` +
  `/** A language of the messages (core/i18n/languages.def). */\nexport type Lang =\n${langs.map((l) => `  | '${l.tag}'`).join('\n')};\n`;
const dtsPath = join(root, 'wasm/codes.d.ts');

// The texts of the command line and the generator (en.def's MTASTS_TEXT rows) in every language, for the JS side that
// prints them itself (wasm/bin.js: --help; the page): one object per language tag, by id.
const textsOf = (lang) => Object.fromEntries([...source.TEXT].map(([id, [en]]) => [id, lang ? translations[lang].TEXT.get(id).texts[0] : en]));
const textsJs = `// Generated by tools/gen-catalogue.mjs from core/i18n/en.def and core/i18n/<lang>.def. Do not edit.\n` +
  `// The command line's and the generator's texts (MTASTS_TEXT rows) by language tag, then id.\n` +
  `export const TEXTS = ${JSON.stringify(Object.fromEntries(langs.map((l, k) => [l.tag, textsOf(k ? l.tag : null)])), null, 1)};\n`;
const textsPath = join(root, 'wasm/src/texts.js');

const check = process.argv.includes('--check');
let stale = [];
for (const [path, content] of [[pagePath, page], [dtsPath, dts], [textsPath, textsJs]]) {
  let old = '';
  try { old = readFileSync(path, 'utf8'); } catch {}
  if (old !== content) {
    if (check) stale.push(path); else writeFileSync(path, content);
  }
}
if (stale.length) {
  console.error(`out of date (run: node tools/gen-catalogue.mjs): ${stale.join(', ')}`);
  process.exit(1);
}
console.log(`${rules.length} rules, ${langs.length} languages (${langs.map((l) => l.tag).join(', ')}): translations complete${check ? '; generated files are up to date' : ''}`);

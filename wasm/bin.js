#!/usr/bin/env node
// mta-sts-lint for Node: the native CLI (cli/main.cpp) on the WebAssembly core. Same options, same output bytes
// (the formatters are the core's), same exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings),
// 2 usage or I/O error, with the message on stderr. `mta-sts-lint generate` and `mta-sts-lint --batch` run on the
// "./full" module, `--fix` and `--fix-dry-run` on the bin's own mta-sts-lint-cli.wasm (docs/fix.md). The option parsing reproduces the native CLI's (CLI11) messages for the cases
// tests/node/cli.test.mjs compares.
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { createValidator } from './dist/node.js';
import { formatFiles, parseTime } from './dist/api.js';
import { TEXTS } from './dist/texts.js';

// The language of everything printed (cli/commands.hpp choose_lang): `--lang en|es` (or --lang=...), else the
// locale as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG, the first set and non-empty one decides (es_* is
// Spanish, anything else English).
const LANGS = Object.keys(TEXTS);
function chooseLang(argv) {
  for (let i = 0; i < argv.length; ++i) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice(7) : undefined;
    if (LANGS.includes(value)) return value;
  }
  const locale = [process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG].find((v) => v);
  const primary = /^([A-Za-z]+)(?:[-_.@]|$)/.exec(locale ?? '');
  return primary && LANGS.includes(primary[1].toLowerCase()) ? primary[1].toLowerCase() : 'en';
}
// The text `id` of the catalogue (core/i18n) in `lang`, with its {placeholders} filled.
const say = (lang, id, args = {}) => TEXTS[lang][id].replace(/\{([a-z_]+)\}/g, (m, k) => (k in args ? args[k] : m));
// CLI11's option column.
const col = (s) => (s.length < 28 ? `  ${s.padEnd(28)}` : `  ${s}\n${' '.repeat(30)}`);

const help = (t) => `${t.cli_about}
${t.cli_usage}: mta-sts-lint [${t.cli_options}] [files...]

${t.cli_positionals}:
${col('files TEXT ...')}${t.cli_opt_files}

${t.cli_options_group}:
${col('-h,--help')}${t.cli_opt_help}
${col(`--lang TEXT:{${LANGS.join(',')}}`)}${t.cli_opt_lang}
${col('--kind TEXT:{auto,policy,txt,tlsrpt,dmarc,bundle,cert}')}${t.cli_opt_kind}
${col('--format TEXT:{text,json,sarif}')}${t.cli_opt_format}
${col('-v,--verbose')}${t.cli_opt_verbose}
${col('--max-warnings INT:NONNEGATIVE')}${t.cli_opt_max_warnings}
${col('--domain TEXT')}${t.cli_opt_domain}
${col('--mx-host TEXT ...')}${t.cli_opt_mx_host}
${col('--no-mx-records')}${t.cli_opt_no_mx}
${col('--fix')}${t.cli_opt_fix}
${col('--fix-dry-run,--diff')}${t.cli_opt_fix_dry_run}
${col('--now TEXT')}${t.cli_opt_now}
${col('--expiry-warning-days UINT')}${t.cli_opt_expiry_days}
${col('--cert-host TEXT')}${t.cli_opt_cert_host}
${col('--policy-mode TEXT:{enforce,testing,none}')}${t.cli_opt_policy_mode}
${col('--verify-chain')}${t.cli_opt_verify_chain}
${col('--ca-file TEXT')}${t.cli_opt_ca_file}
${col('--ca-path TEXT')}${t.cli_opt_ca_path}
${col('--version')}${t.cli_opt_version}

${t.cli_exit_status}
${t.cli_examples}
  mta-sts-lint mta-sts.txt
  dig +short TXT _mta-sts.example.com | mta-sts-lint --kind txt
  dig +short TXT _dmarc.example.com | mta-sts-lint --kind dmarc --domain example.com
  mta-sts-lint --format sarif policy.txt > results.sarif
  mta-sts-lint --fix mta-sts.txt
  mta-sts-lint paste.txt                  ${t.cli_ex_paste}
  mta-sts-lint --domain example.com dig-txt.txt dig-mx.txt mta-sts.txt   ${t.cli_ex_evidence}
  openssl s_client -connect mta-sts.example.com:443 -servername mta-sts.example.com -showcerts </dev/null 2>&1 | mta-sts-lint --domain example.com
  LANG=es_ES.UTF-8 mta-sts-lint mta-sts.txt   (--lang es|en)
`;

const KINDS = ['auto', 'policy', 'txt', 'tlsrpt', 'dmarc', 'bundle', 'cert'];
const POLICY_MODES = ['enforce', 'testing', 'none'];
const FORMATS = ['text', 'json', 'sarif'];
// CLI11 prints the NonNegativeNumber range with printf("%f") of DBL_MAX.
const DBL_MAX_F = BigInt(Number.MAX_VALUE).toString() + '.000000';

// A usage error: the catalogue's text `id` (core/i18n: cli_err_*, whose English rows are CLI11's own words) and its
// placeholders; printed in the chosen language as the native command's failure_message() (cli/commands.hpp) prints it.
// `english`, when given, is CLI11's English message where no catalogue row has its words (the other languages then
// use the row `id`, as failure_message() falls back on it).
class UsageError extends Error {
  constructor(id, args = {}, english = say('en', id, args)) {
    super(english);
    this.id = id;
    this.args = args;
  }
}

// strtoll(s, &end, 0) accepting the whole string, then a range check to int (CLI11's integer conversion).
function toInt(s) {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  const v = Number(m[1] === '-' ? -1 : 1) * Number(/^0[0-7]+$/.test(m[2]) ? parseInt(m[2], 8) : m[2]);
  return Number.isSafeInteger(v) && v >= -2147483648 && v <= 2147483647 ? v : null;
}

// Splits argv as CLI11 does. `options` take one value each: `--name value` (the next argument, whatever it is, even
// empty) or `--name=value` (`--name=` with nothing after it takes the next argument too); `flags` are true, or the
// truth of an inline value (`--verbose=false`); `short` maps the letters of `-vh`-style clusters to flags (an
// unknown first letter makes the whole argument unexpected, a later one the rest of it). Without positionals, every
// other argument, `--` and what follows included, is unexpected.
function scan(argv, { options, flags, short, positionals }) {
  const values = Object.fromEntries(Object.keys(options).map((name) => [name, []]));
  const set = {};
  const files = [];
  const extras = [];
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === '--') {
      if (positionals) files.push(...argv.slice(i + 1));
      else extras.push(...argv.slice(i));
      break;
    }
    let m = /^--([A-Za-z0-9][^=]*)(?:=(.*))?$/s.exec(a);
    if (m) {
      const [, name, inline] = m;
      if (name in options) {
        let value = inline === '' ? undefined : inline;
        if (value === undefined) {
          if (i + 1 >= argv.length) throw new UsageError('cli_err_missing_value', { name: `--${name}`, n: '1', type: options[name] });
          value = argv[++i];
        }
        values[name].push(value);
      } else if (flags.includes(name)) {
        set[name] = inline === undefined || !/^(false|0|no|off)$/i.test(inline);
      } else {
        extras.push(a);
      }
      continue;
    }
    m = /^-([A-Za-z0-9].*)$/s.exec(a);
    if (m) {
      const letters = m[1];
      if (!(letters[0] in short)) {
        extras.push(a);
        continue;
      }
      for (let k = 0; k < letters.length; ++k) {
        if (!(letters[k] in short)) {
          extras.push(`-${letters.slice(k)}`);
          break;
        }
        set[short[letters[k]]] = true;
      }
      continue;
    }
    if (positionals) files.push(a);
    else extras.push(a);
  }
  return { values, set, files, extras };
}

// CLI11's message for unexpected arguments (it lists them last first).
function unexpected(extras) {
  return extras.length === 1
    ? new UsageError('cli_err_unexpected', { args: extras[0] })
    : new UsageError('cli_err_unexpected_many', { args: [...extras].reverse().join(' ') });
}

// CLI11's checks of the options given, one option at a time in declaration order: its validator on every value
// (`check(value)` returns the UsageError of a bad one, or null), then its count (single-valued unless `many`), then
// the conversion of its value (`convert(value)`: the same).
function checkInOrder(values, order) {
  for (const [name, check, many = false, convert] of order) {
    for (const value of values[name]) {
      const e = check && check(value);
      if (e) throw e;
    }
    const n = values[name].length;
    if (!many && n > 1) throw new UsageError('cli_err_count', { name: `--${name}` }, `--${name}: At Most 1 required but received ${n}`);
    const e = n && convert && convert(values[name][0]);
    if (e) throw e;
  }
}
// CLI11's conversion error: `Could not convert: --name = value`.
const convertError = (name, value) => new UsageError('cli_err_conversion', { name: `--${name}`, value });
// CLI11's IsMember validator: `--name: value not in {a,b}`.
const member = (name, list) => (value) =>
  list.includes(value) ? null : new UsageError('cli_err_not_in', { name: `--${name}`, value, set: `{${list.join(',')}}` });

function parseArgs(argv) {
  const types = {
    lang: `TEXT:{${LANGS.join(',')}}`,
    kind: 'TEXT:{auto,policy,txt,tlsrpt,dmarc,bundle,cert}',
    format: 'TEXT:{text,json,sarif}',
    'max-warnings': 'INT:NONNEGATIVE',
    domain: 'TEXT',
    'mx-host': 'TEXT',
    // certificates (read by the full module's core/x509/; chain verification is the native command's, see below)
    now: 'TEXT',
    'expiry-warning-days': 'UINT',
    'cert-host': 'TEXT',
    'policy-mode': 'TEXT:{enforce,testing,none}',
    'ca-file': 'TEXT',
    'ca-path': 'TEXT',
  };
  const { values: options, set, files, extras } = scan(argv, {
    options: types,
    flags: ['verbose', 'no-mx-records', 'fix', 'fix-dry-run', 'diff', 'verify-chain', 'help', 'version'],
    short: { v: 'verbose', h: 'help' },
    positionals: true,
  });
  const { verbose = false, 'no-mx-records': noMxRecords = false, help = false, version = false } = set;
  // CLI11 order: each option's validator, count and conversion (in declaration order), then --help/--version, then
  // extras.
  const nonNegative = (v) => {
    const d = Number(v.trim());
    return v.trim() === '' || Number.isNaN(d) || d < 0
      ? new UsageError('cli_err_invalid_value', { name: '--max-warnings' }, `--max-warnings: Value ${v} not in range 0.000000 to ${DBL_MAX_F}`)
      : null;
  };
  checkInOrder(options, [
    ['lang', member('lang', LANGS)],
    ['kind', member('kind', KINDS)],
    ['format', member('format', FORMATS)],
    ['max-warnings', nonNegative, false, (v) => (toInt(v) === null ? convertError('max-warnings', v) : null)],
    ['domain'],
    ['mx-host', null, true],
    ['now'],
    ['expiry-warning-days', null, false, (v) => (/^[0-9]+$/.test(v) ? null : convertError('expiry-warning-days', v))],
    ['cert-host'],
    ['policy-mode', member('policy-mode', POLICY_MODES)],
    ['ca-file'],
    ['ca-path'],
  ]);
  const [kind = 'auto'] = options.kind;
  const [format = 'text'] = options.format;
  const maxWarnings = options['max-warnings'].length ? toInt(options['max-warnings'][0]) : -1;
  if (help || version) return { help, version };
  if (extras.length) throw unexpected(extras);
  // Each --mx-host takes exactly one value (repeat it for several hosts), as in the native CLI.
  const mxHosts = options['mx-host'].length || noMxRecords ? options['mx-host'] : undefined;
  const [domain] = options.domain;
  const fix = set.fix === true;
  const dryRun = set['fix-dry-run'] === true || set.diff === true;
  // Certificates are read by the full module (core/x509/), but verifying a chain takes OpenSSL: the native command's.
  if (set['verify-chain'] || options['ca-file'].length || options['ca-path'].length) {
    throw new UsageError('bin_no_certificates');
  }
  const [now] = options.now;
  const cert = {
    now,
    expiryWarningDays: options['expiry-warning-days'].length ? toInt(options['expiry-warning-days'][0]) : 14,
    certHost: options['cert-host'][0] ?? '',
    policyMode: options['policy-mode'][0] ?? '',
  };
  return { files: files.length ? files : ['-'], kind, format, verbose, maxWarnings, domain, mxHosts, fix, dryRun, cert };
}

// `mta-sts-lint generate` (cli/generate.cpp): the same options, output bytes (rendered by the core) and exit status
// (0 generated, 2 usage error or refused input). Runs on the "./full" module, which has the generator.
const generateHelp = (t, presets) => `${t.gen_about}
${t.cli_usage}: mta-sts-lint generate [${t.cli_options}]

${t.cli_options_group}:
${col('-h,--help')}${t.cli_opt_help}
${col(`--lang TEXT:{${LANGS.join(',')}}`)}${t.cli_opt_lang}
${col('--domain TEXT')}${t.gen_opt_domain}
${col('--mode TEXT')}${t.gen_opt_mode}
${col('--mx TEXT ...')}${t.gen_opt_mx}
${col('--from-mx TEXT ...')}${t.gen_opt_from_mx}
${col('--preset TEXT')}${t.gen_opt_preset}
${col('--max-age TEXT')}${t.gen_opt_max_age}
${col('--id TEXT')}${t.gen_opt_id}
${col('--rua TEXT ...')}${t.gen_opt_rua}
${col('--format TEXT:{text,json,zone,policy}')}${t.gen_opt_format}

${t.gen_presets}
${presets}${t.gen_defaults}
${t.gen_exit_status}
${t.cli_examples}
  mta-sts-lint generate --domain example.com --preset google-workspace --rua mailto:tlsrpt@example.com
  mta-sts-lint generate --domain example.com --mode enforce --from-mx mx1.example.com. --from-mx mx2.example.com. --format zone
${t.gen_dmarc_see} mta-sts-lint generate dmarc --help

`;
const GENERATE_FORMATS = ['text', 'json', 'zone', 'policy'];

function parseGenerateArgs(argv) {
  const names = ['lang', 'domain', 'mode', 'mx', 'from-mx', 'preset', 'max-age', 'id', 'rua', 'format'];
  const { values, set, extras } = scan(argv, {
    options: Object.fromEntries(names.map((n) => [n, n === 'format' ? 'TEXT:{text,json,zone,policy}' : n === 'lang' ? `TEXT:{${LANGS.join(',')}}` : 'TEXT'])),
    flags: ['help'],
    short: { h: 'help' },
    positionals: false,
  });
  checkInOrder(values, names.map((n) => [n, n === 'lang' ? member(n, LANGS) : n === 'format' ? member(n, GENERATE_FORMATS) : null, ['mx', 'from-mx', 'rua'].includes(n)]));
  const [format = 'text'] = values.format;
  if (set.help) return { help: true };
  if (extras.length) throw unexpected(extras);
  const [domain, mode = 'testing', preset, maxAge, id] = ['domain', 'mode', 'preset', 'max-age', 'id'].map((n) => values[n][0]);
  return { format, options: { domain, mode, preset, maxAge, id, mx: values.mx, fromMx: values['from-mx'], rua: values.rua } };
}

// `mta-sts-lint generate dmarc` (cli/generate_dmarc.cpp): the same options, output bytes and exit status.
// Its help comes from the catalogue's texts in the chosen language, like the native one; the record, refusals, notes
// and checklist from the core, in the same language (wasm/src/generator.js dmarcOutput).
const dmarcHelp = (t) => `${t.gd_about}
${t.cli_usage}: mta-sts-lint generate dmarc [${t.cli_options}]

${t.cli_options_group}:
${col('-h,--help')}${t.cli_opt_help}
${col(`--lang TEXT:{${LANGS.join(',')}}`)}${t.cli_opt_lang}
${col('--domain TEXT')}${t.gd_opt_domain}
${col('--policy TEXT')}${t.gd_opt_policy}
${col('--subdomain-policy TEXT')}${t.gd_opt_subdomain_policy}
${col('--rua TEXT ...')}${t.gd_opt_rua}
${col('--ruf TEXT ...')}${t.gd_opt_ruf}
${col('--adkim TEXT')}${t.gd_opt_adkim}
${col('--aspf TEXT')}${t.gd_opt_aspf}
${col('--pct TEXT')}${t.gd_opt_pct}
${col('--format TEXT:{text,json,zone}')}${t.gd_opt_format}

${t.gd_defaults}
${t.gen_exit_status}
${t.cli_examples}
  mta-sts-lint generate dmarc --domain example.com --rua dmarc@example.com
  mta-sts-lint generate dmarc --domain example.com --policy quarantine --pct 25 --rua mailto:d@reports.example.net --format zone

`;
const DMARC_FORMATS = ['text', 'json', 'zone'];

function parseDmarcArgs(argv) {
  const names = ['lang', 'domain', 'policy', 'subdomain-policy', 'rua', 'ruf', 'adkim', 'aspf', 'pct', 'format'];
  const { values, set, extras } = scan(argv, {
    options: Object.fromEntries(names.map((n) => [n, n === 'format' ? 'TEXT:{text,json,zone}' : n === 'lang' ? `TEXT:{${LANGS.join(',')}}` : 'TEXT'])),
    flags: ['help'],
    short: { h: 'help' },
    positionals: false,
  });
  checkInOrder(values, names.map((n) => [n, n === 'lang' ? member(n, LANGS) : n === 'format' ? member(n, DMARC_FORMATS) : null, ['rua', 'ruf'].includes(n)]));
  const [format = 'text'] = values.format;
  if (set.help) return { help: true };
  if (extras.length) throw unexpected(extras);
  const one = (n) => values[n][0];
  return {
    format,
    options: { domain: one('domain'), policy: one('policy'), subdomainPolicy: one('subdomain-policy'), rua: values.rua, ruf: values.ruf, adkim: one('adkim'), aspf: one('aspf'), pct: one('pct') },
  };
}

async function runGenerateDmarc(argv, lang) {
  const args = parsed(parseDmarcArgs, argv, lang);
  if (!args) return 2;
  if (args.help) {
    process.stdout.write(dmarcHelp(TEXTS[lang]));
    return 0;
  }
  const { createValidator: createFull } = await import('./dist/full-node.js');
  const { dmarcOutput } = await import('./dist/generator.js');
  const { result, output } = dmarcOutput(await createFull({ lang }), args.options, args.format);
  const tell = (kind, m) => process.stderr.write(`mta-sts-lint generate dmarc: ${say(lang, kind)}: ${m.code} [${m.field}] ${m.message}\n`);
  if (!result.ok) {
    for (const e of result.errors) tell('level_error', e);
    return 2;
  }
  process.stdout.write(output);
  if (args.format === 'zone') for (const n of result.notes) tell('level_note', n);
  return 0;
}

// Parses with `parse`; a usage error is printed as CLI11 prints it, and gives null (exit status 2).
function parsed(parse, argv, lang) {
  try {
    return parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${lang === 'en' ? e.message : say(lang, e.id, e.args)}\n${say(lang, 'cli_err_run_help', { help: '--help' })}\n`);
    return null;
  }
}

async function runGenerate(argv, lang) {
  if (argv[0] === 'dmarc') return runGenerateDmarc(argv.slice(1), lang);
  const args = parsed(parseGenerateArgs, argv, lang);
  if (!args) return 2;
  const { createValidator: createFull } = await import('./dist/full-node.js');
  const { generateOutput } = await import('./dist/generator.js');
  const v = await createFull({ lang });
  if (args.help) {
    // The presets part of the footer comes from the same C++ table as the native one.
    const presets = v.presets.map((p) => `  ${p.name.padEnd(17)} ${p.description}:${p.mx.map((m) => ` ${m}`).join('')}\n`);
    process.stdout.write(generateHelp(TEXTS[lang], presets.join('')));
    return 0;
  }
  const { result, output } = generateOutput(v, args.options, args.format);
  const tell = (kind, m) => process.stderr.write(`mta-sts-lint generate: ${say(lang, kind)}: ${m.code} [${m.field}] ${m.message}\n`);
  if (!result.ok) {
    for (const e of result.errors) tell('level_error', e);
    return 2;
  }
  process.stdout.write(output);
  if (args.format === 'zone' || args.format === 'policy') for (const n of result.notes) tell('level_note', n);
  return 0;
}

// `mta-sts-lint --batch` (cli/batch.cpp): JSON Lines on standard input, one answer line per input line, in order,
// streaming. The lines are split and read here (JSON.parse), with the native command's rules and error messages for
// what a line holds; the answers are written by the core (core/batch.hpp), so they are the native command's bytes.
// One difference: a line that is not JSON at all gets JSON.parse's wording after "invalid JSON: " (the native command
// gives nlohmann's), and a string with a lone surrogate escape (which nlohmann refuses) gets its own; in another
// language, where those English words have no place, just the catalogue's "invalid JSON" (the native command adds the
// byte and the token nlohmann stopped at).
const BATCH_KEYS = ['domain', 'policy', 'txt', 'tlsrpt', 'dmarc', 'http', 'dns', 'mx'];
const BATCH_TEXTS = ['policy', 'txt', 'tlsrpt', 'dmarc', 'http', 'dns']; // core/batch.hpp text_names: what batch() in wasm/bindings.cpp reads
const MAX_LINE_BYTES = 4 << 20; // core/batch.hpp max_line_bytes

class LineError extends Error {}

// The known keys of a line's top-level object, in document order, with their values: [[key, value], ...]. `line` is
// valid JSON (JSON.parse read it), so a scan for strings, brackets and commas finds them. Only used when a key may
// be repeated, which JSON.parse would hide (it keeps the last value; the native command refuses the line).
function occurrences(line) {
  const found = [];
  let depth = 0;
  let key = null;
  let valueStart = -1;
  for (let i = 0; i < line.length; ++i) {
    const c = line.charCodeAt(i);
    if (c === 34) {
      let j = i + 1;
      while (line.charCodeAt(j) !== 34) j += line.charCodeAt(j) === 92 ? 2 : 1;
      if (depth === 1 && valueStart < 0) {
        let k = j + 1;
        while (' \t\n\r'.includes(line[k])) ++k;
        if (line[k] === ':') {
          const name = JSON.parse(line.slice(i, j + 1));
          key = BATCH_KEYS.includes(name) ? name : null;
          valueStart = k + 1;
          i = k;
          continue;
        }
      }
      i = j;
    } else if (c === 123 || c === 91) {
      ++depth;
    } else if ((c === 44 && depth === 1) || ((c === 125 || c === 93) && depth-- === 1)) {
      if (key !== null) found.push([key, JSON.parse(line.slice(valueStart, i))]);
      key = null;
      valueStart = -1;
    }
  }
  return found;
}

// Every string in x (keys too) is well-formed UTF-16: nlohmann refuses a lone surrogate escape such as "\ud800".
function wellFormed(x) {
  if (typeof x === 'string') return x.isWellFormed();
  if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) if (!k.isWellFormed() || !wellFormed(v)) return false;
  }
  return true;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

// One input line (without its line break) -> what the core's batch() takes to write its answer (wasm/bindings.cpp).
function batchItems(bytes, verbose, lang) {
  const t = (id, args) => say(lang, id, args);
  const invalid = (what) => ({ error: lang === 'en' ? t('batch_invalid_json_detail', { what }) : t('batch_invalid_json') });
  let text;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return invalid('invalid UTF-8');
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return invalid(e.message);
  }
  const escapes = text.includes('\\u');
  if (escapes && !wellFormed(value)) return invalid('a lone surrogate in a string');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: t('batch_not_object') };
  // In document order, as the native reader meets them: the first problem is the one reported, with the domain
  // when it came before it. The key scan only when a key may repeat (its quoted name is there twice) or be written
  // with escapes; otherwise JSON.parse's object has every key once, in document order.
  const twice = (k) => {
    const first = text.indexOf(`"${k}"`);
    return first >= 0 && text.indexOf(`"${k}"`, first + 1) >= 0;
  };
  const pairs =
    escapes || BATCH_KEYS.some(twice)
      ? occurrences(text)
      : Object.keys(value).filter((k) => BATCH_KEYS.includes(k)).map((k) => [k, value[k]]);
  const entry = {};
  try {
    const seen = new Set();
    for (const [k, v] of pairs) {
      if (seen.has(k)) throw new LineError(t('batch_duplicate_key', { k }));
      seen.add(k);
      if (k === 'domain') {
        if (typeof v !== 'string') throw new LineError(t('batch_domain_string'));
      } else if (k === 'mx') {
        if (v !== null && (!Array.isArray(v) || v.some((h) => typeof h !== 'string'))) {
          throw new LineError(t('batch_mx_array'));
        }
      } else if (v !== null && typeof v !== 'string') {
        throw new LineError(t('batch_field_string', { field: k }));
      }
      entry[k] = v;
    }
  } catch (e) {
    if (!(e instanceof LineError)) throw e;
    return typeof entry.domain === 'string' ? { domain: entry.domain, error: e.message } : { error: e.message };
  }
  if (typeof entry.domain !== 'string') return { error: t('batch_missing_domain') };
  // "certificates" (cli/batch_certificates.cpp) needs the certificate reader, which the WebAssembly modules leave out
  if (value.certificates !== undefined && value.certificates !== null) return { domain: entry.domain, error: t('batch_no_certificates') };
  const items = { domain: entry.domain };
  for (const k of BATCH_TEXTS) if (typeof entry[k] === 'string') items[k] = entry[k];
  if (Array.isArray(entry.mx)) items.mx = entry.mx;
  if (verbose) items.verbose = true;
  return items;
}

async function runBatch(argv, lang) {
  const { createValidator: createFull } = await import('./dist/full-node.js');
  const { batchLine } = await import('./dist/generator.js');
  const v = await createFull({ lang });
  const usage = () => Buffer.from(batchLine(v, { usage: true })).toString();
  let verbose = false;
  let lineNo = 0; // --line-offset: the lines of the whole stream before this process's first one
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === '--batch') continue;
    if (a === '--lang' && LANGS.includes(argv[i + 1])) {
      ++i; // chosen by chooseLang
    } else if (a.startsWith('--lang=') && LANGS.includes(a.slice(7))) {
      // chosen by chooseLang
    } else if (a === '--verbose' || a === '-v') {
      verbose = true;
    } else if (a === '--line-offset' || a.startsWith('--line-offset=')) {
      const value = a.length > 13 ? a.slice(14) : i + 1 < argv.length ? argv[++i] : '';
      if (!/^[0-9]{1,15}$/.test(value)) {
        process.stderr.write(`mta-sts-lint: ${say(lang, 'batch_bad_line_offset', { n: '15', arg: value })}\n${usage()}`);
        return 2;
      }
      lineNo = Number(value);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(usage());
      return 0;
    } else {
      process.stderr.write(`mta-sts-lint: ${say(lang, 'batch_only_verbose', { arg: a })}\n${usage()}`);
      return 2;
    }
  }
  const answer = (line, out) => {
    ++lineNo;
    let end = line.length;
    if (end > 0 && line[end - 1] === 13) --end;
    let blank = true;
    for (let i = 0; i < end && blank; ++i) blank = line[i] === 32 || line[i] === 9;
    if (blank) return;
    out.push(batchLine(v, { line: lineNo, ...batchItems(line.subarray(0, end), verbose, lang) }));
  };
  const tooLong = (out) => out.push(batchLine(v, { line: ++lineNo, tooLong: true }));
  // The part of a line read so far (chunks), or the count of an over-long line's bytes being skipped to its end.
  let partial = [];
  let partialBytes = 0;
  let skipping = false;
  const write = (out) =>
    out.length === 0 || process.stdout.write(Buffer.concat(out)) ? null : new Promise((resolve) => process.stdout.once('drain', resolve));
  try {
    for await (const chunk of process.stdin) {
      const out = [];
      let from = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
        if (skipping) {
          tooLong(out);
          skipping = false;
        } else if (partial.length) {
          partial.push(chunk.subarray(from, nl));
          answer(Buffer.concat(partial), out);
        } else {
          answer(chunk.subarray(from, nl), out);
        }
        partial = [];
        partialBytes = 0;
        from = nl + 1;
      }
      if (from < chunk.length && !skipping) {
        partial.push(chunk.subarray(from));
        partialBytes += chunk.length - from;
        if (partialBytes >= MAX_LINE_BYTES) {
          skipping = true; // drop what we have of the over-long line and read on to its end
          partial = [];
          partialBytes = 0;
        }
      }
      await write(out);
    }
  } catch (e) {
    process.stderr.write(`mta-sts-lint: ${say(lang, 'batch_cannot_read', { error: e && e.message ? e.message : e })}\n`);
    return 2;
  }
  const out = [];
  if (skipping) tooLong(out);
  else if (partialBytes > 0) answer(Buffer.concat(partial), out);
  await write(out);
  return 0;
}

async function main(argv) {
  const lang = chooseLang(argv);
  if (argv[0] === 'generate') return runGenerate(argv.slice(1), lang);
  if (argv.includes('--batch')) return runBatch(argv, lang);
  if (argv[0] === 'summarize') {
    // The summary of a sweep is the native command's (cli/summarize.cpp): its answers are the same bytes as this bin's.
    process.stderr.write(`mta-sts-lint: ${say(lang, 'bin_summarize_native')}\n`);
    return 2;
  }
  const args = parsed(parseArgs, argv, lang);
  if (!args) return 2;
  if (args.version) {
    const v = await createValidator();
    process.stdout.write(`mta-sts-lint ${v.version}\n`);
    return 0;
  }
  if (args.help) {
    process.stdout.write(help(TEXTS[lang]));
    return 0;
  }
  if (args.fix && args.dryRun) {
    process.stderr.write(`mta-sts-lint: ${say(lang, 'cli_fix_exclusive')}\n`);
    return 2;
  }
  // --now, checked before any file is read (cli/main.cpp); the certificate checks' time is now otherwise.
  let certOptions;
  if (!args.fix && !args.dryRun) {
    let now = Math.floor(Date.now() / 1000);
    if (args.cert.now !== undefined && args.cert.now !== '') {
      now = parseTime(await fullValidator(lang), args.cert.now);
      if (now === null) {
        process.stderr.write(`mta-sts-lint: ${say(lang, 'cli_bad_now', { value: args.cert.now })}\n`);
        return 2;
      }
    }
    certOptions = { ...args.cert, now };
  }
  const inputs = [];
  for (const file of args.files) {
    let bytes;
    try {
      bytes = file === '-' ? readFileSync(0) : readFileSync(file);
    } catch (e) {
      process.stderr.write(`mta-sts-lint: ${say(lang, e && e.code === 'EISDIR' ? 'cli_is_directory' : 'cli_cannot_read', { file })}\n`);
      return 2;
    }
    inputs.push({
      name: file === '-' ? '<stdin>' : file,
      text: bytes,
      kind: args.kind,
      verbose: args.verbose,
      domain: args.domain,
      mxHosts: args.mxHosts,
    });
  }
  const noColor = process.env.NO_COLOR;
  const color = args.format === 'text' && process.stdout.isTTY === true && !noColor;
  if (args.fix || args.dryRun) {
    const fixed = await fixInputs(args, inputs, lang);
    if (fixed.dryRun !== undefined) return fixed.dryRun;
    if (fixed.stdin) {
      // Standard output carries the fixed text; the report goes to standard error, uncoloured.
      process.stdout.write(fixed.stdin);
      const { output, errors, warnings } = formatFiles(fixed.validator, inputs, args.format, false);
      process.stderr.write(output);
      if (fixed.ioError) return 2;
      return errors > 0 || (args.maxWarnings >= 0 && warnings > args.maxWarnings) ? 1 : 0;
    }
    const { output, errors, warnings } = formatFiles(fixed.validator, inputs, args.format, color);
    process.stdout.write(output);
    if (fixed.ioError) return 2;
    return errors > 0 || (args.maxWarnings >= 0 && warnings > args.maxWarnings) ? 1 : 0;
  }
  // The full module: the default one is English only (docs/i18n.md) and does not read pasted tool output or zone
  // files (docs/paste.md), which the native command reads in --kind auto and bundle.
  const v = await fullValidator(lang);
  // Several files with --domain: one evidence set (a dig output, a policy file, a curl -i output... of that domain), as
  // the native command (cli/main.cpp); certificate captures in it are linted on their own (wasm/bindings.cpp format()).
  if (inputs.length > 1 && args.domain && (args.kind === 'auto' || args.kind === 'bundle')) for (const f of inputs) f.set = true;
  // (the text report ends with the certificate tables, written by the core's formatter as for the native command)
  const { output, errors, warnings } = formatFiles(v, inputs, args.format, color, certOptions);
  process.stdout.write(output);
  return errors > 0 || (args.maxWarnings >= 0 && warnings > args.maxWarnings) ? 1 : 0;
}

let full;
const fullValidator = async (lang) => (full ??= await (await import('./dist/full-node.js')).createValidator({ lang }));

// --fix / --fix-dry-run (docs/fix.md), as cli/main.cpp does them: the fixing is the core's (fix() in wasm/bindings.cpp, in the
// bin's own module mta-sts-lint-cli.wasm), the file I/O is here. Every file has been read before any is written. Updates `inputs` to what
// is on disk afterwards. Returns { dryRun: exit status } for a dry run, else { validator, stdin (the fixed standard
// input, or null), ioError }.
async function fixInputs(args, inputs, lang) {
  const { createValidator: createFull } = await import('./dist/cli-node.js');
  const { fixFile } = await import('./dist/generator.js');
  const v = await createFull({ lang });
  let said = '';
  const diffs = [];
  let stdin = null;
  let ioError = false;
  args.files.forEach((file, i) => {
    const input = inputs[i];
    const r = fixFile(v, { ...input, dryRun: args.dryRun });
    const summary = args.format === 'text' || args.dryRun ? r.summary : '';
    if (file === '-' && args.fix) stdin = Buffer.concat([stdin ?? Buffer.alloc(0), r.changed ? r.text : input.text]);
    if (!r.changed) {
      said += summary;
      return;
    }
    if (args.dryRun) {
      diffs.push(r.diff);
    } else if (file !== '-') {
      const why = writeInPlace(file, r.text, lang);
      if (why) {
        said += `mta-sts-lint: ${say(lang, 'cli_cannot_write', { file, why })}\n`;
        ioError = true;
        return;
      }
      input.text = r.text;
    } else {
      input.text = r.text;
    }
    said += summary;
  });
  process.stderr.write(said);
  if (args.dryRun) {
    const out = Buffer.concat(diffs);
    process.stdout.write(out);
    return { dryRun: out.length ? 1 : 0 };
  }
  return { validator: v, stdin, ioError };
}

// strerror()'s words for the errors a write in place can meet, so both commands print the same line.
const STRERROR = {
  EPERM: 'Operation not permitted',
  EACCES: 'Permission denied',
  EROFS: 'Read-only file system',
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENOSPC: 'No space left on device',
  EDQUOT: 'Disk quota exceeded',
  EIO: 'Input/output error',
  EBUSY: 'Device or resource busy',
  ETXTBSY: 'Text file busy',
  EXDEV: 'Invalid cross-device link',
};

// The catalogue's words for the commonest of them in another language (cli/commands.hpp error_text).
const SYS_TEXT = { ENOENT: 'sys_enoent', EISDIR: 'sys_eisdir', EACCES: 'sys_eacces', EPERM: 'sys_eperm', EROFS: 'sys_erofs' };

// cli/fix_io.cpp's write_in_place: through a symbolic link to its file; a temporary file in the same directory with
// the old file's mode, fsync, rename. Returns '' on success, else why not, in `lang` (the file is then unchanged).
function writeInPlace(path, bytes, lang) {
  const why = (e) =>
    (lang !== 'en' && e && SYS_TEXT[e.code] && say(lang, SYS_TEXT[e.code])) || (e && STRERROR[e.code]) || (e && e.message) || String(e);
  let target;
  let mode;
  try {
    target = realpathSync(path);
    const st = statSync(target);
    if (!st.isFile()) return say(lang, 'sys_not_regular');
    mode = st.mode & 0o7777;
    accessSync(target, constants.W_OK);
  } catch (e) {
    return why(e);
  }
  const tmp = join(dirname(target), `.${basename(target)}.mta-sts-lint-${randomBytes(4).toString('hex')}`);
  let fd;
  try {
    fd = openSync(tmp, 'wx', 0o600);
  } catch (e) {
    return why(e);
  }
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fchmodSync(fd, mode);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
    return '';
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    return why(e);
  }
}

// A reader that goes away (`| head`): the native command, with SIGPIPE ignored as Node ignores it, says so and
// exits 2; without this, Node would print an unhandled EPIPE with its stack.
process.stdout.on('error', (e) => {
  const reason = e && e.code === 'EPIPE' ? 'Broken pipe' : e && e.message ? e.message : e;
  process.stderr.write(`mta-sts-lint: ${say(chooseLang(process.argv.slice(2)), 'batch_cannot_write', { error: reason })}\n`);
  process.exit(2);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`mta-sts-lint: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  },
);

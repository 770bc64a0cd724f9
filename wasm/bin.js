#!/usr/bin/env node
// mta-sts-lint for Node: the native CLI (cli/main.cpp) on the WebAssembly core. Same options, same output bytes
// (the formatters are the core's), same exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings),
// 2 usage or I/O error, with the message on stderr. The option parsing reproduces the native CLI's (CLI11) messages
// for the cases tests/node/cli.test.mjs compares.
import { readFileSync } from 'node:fs';
import { createValidator } from './dist/node.js';
import { formatFiles } from './dist/api.js';

const HELP = `mta-sts-lint: an offline validator for MTA-STS policies (RFC 8461), _mta-sts TXT records and TLS-RPT records (RFC 8460).
Usage: mta-sts-lint [OPTIONS] [files...]

Positionals:
  files TEXT ...              Files to lint; standard input when none or '-'

Options:
  -h,--help                   Print this help message and exit
  --kind TEXT:{auto,policy,txt,tlsrpt}
                              What the input is: auto (by content), policy, txt (_mta-sts record), tlsrpt (_smtp._tls record)
  --format TEXT:{text,json,sarif}
                              Output format: text (gcc-style), json, sarif
  -v,--verbose                Also report infos (notes)
  --max-warnings INT:NONNEGATIVE
                              Exit 1 when there are more than N warnings
  --domain TEXT               The policy domain (enables STS249; the implicit MX with --no-mx-records)
  --mx-host TEXT ...          An MX host of the domain (repeatable; '.' for a null MX): checks that the policy covers it (STS401-STS406)
  --no-mx-records             The domain has no MX records: the domain itself must match a pattern
  --version                   Display program version information and exit

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or I/O error.
Examples:
  mta-sts-lint mta-sts.txt
  dig +short TXT _mta-sts.example.com | mta-sts-lint --kind txt
  mta-sts-lint --format sarif policy.txt > results.sarif
`;

const KINDS = ['auto', 'policy', 'txt', 'tlsrpt'];
const FORMATS = ['text', 'json', 'sarif'];
// CLI11 prints the NonNegativeNumber range with printf("%f") of DBL_MAX.
const DBL_MAX_F = BigInt(Number.MAX_VALUE).toString() + '.000000';

class UsageError extends Error {}

// strtoll(s, &end, 0) accepting the whole string, then a range check to int (CLI11's integer conversion).
function toInt(s) {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  const v = Number(m[1] === '-' ? -1 : 1) * Number(/^0[0-7]+$/.test(m[2]) ? parseInt(m[2], 8) : m[2]);
  return Number.isSafeInteger(v) && v >= -2147483648 && v <= 2147483647 ? v : null;
}

function parseArgs(argv) {
  const options = { kind: [], format: [], 'max-warnings': [], domain: [], 'mx-host': [] };
  const types = {
    kind: 'TEXT:{auto,policy,txt,tlsrpt}',
    format: 'TEXT:{text,json,sarif}',
    'max-warnings': 'INT:NONNEGATIVE',
    domain: 'TEXT',
    'mx-host': 'TEXT',
  };
  const files = [];
  const extras = [];
  let verbose = false;
  let noMxRecords = false;
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    let m = /^--([A-Za-z0-9][^=]*)(?:=(.*))?$/s.exec(a);
    if (m) {
      const [, name, inline] = m;
      if (name in options) {
        let value = inline;
        if (value === undefined) {
          if (i + 1 >= argv.length) throw new UsageError(`--${name}: 1 required ${types[name]} missing`);
          value = argv[++i];
        }
        if (value === '') throw new UsageError(`--${name}: 1 required ${types[name]} missing`);
        options[name].push(value);
      } else if (name === 'no-mx-records' && inline === undefined) {
        noMxRecords = true;
      } else if (name === 'verbose') {
        verbose = inline === undefined || !/^(false|0|no|off)$/i.test(inline);
      } else if (name === 'help' && inline === undefined) {
        help = true;
      } else if (name === 'version' && inline === undefined) {
        version = true;
      } else {
        extras.push(a);
      }
      continue;
    }
    m = /^-([A-Za-z0-9].*)$/s.exec(a);
    if (m) {
      for (const c of m[1]) {
        if (c === 'v') verbose = true;
        else if (c === 'h') help = true;
        else {
          extras.push(`-${c}`);
          break;
        }
      }
      continue;
    }
    files.push(a);
  }
  // CLI11 order: each option's count and validator (in declaration order), then --help/--version, then extras.
  for (const name of ['kind', 'format', 'max-warnings', 'domain']) {
    if (options[name].length > 1) {
      throw new UsageError(`--${name}: At Most 1 required but received ${options[name].length}`);
    }
  }
  const [kind = 'auto'] = options.kind;
  const [format = 'text'] = options.format;
  if (!KINDS.includes(kind)) throw new UsageError(`--kind: ${kind} not in {${KINDS.join(',')}}`);
  if (!FORMATS.includes(format)) throw new UsageError(`--format: ${format} not in {${FORMATS.join(',')}}`);
  let maxWarnings = -1;
  if (options['max-warnings'].length) {
    const s = options['max-warnings'][0];
    const d = Number(s.trim());
    if (s.trim() === '' || Number.isNaN(d) || d < 0) {
      throw new UsageError(`--max-warnings: Value ${s} not in range 0.000000 to ${DBL_MAX_F}`);
    }
    maxWarnings = toInt(s);
    if (maxWarnings === null) throw new UsageError(`Could not convert: --max-warnings = ${s}`);
  }
  if (help || version) return { help, version };
  if (extras.length) {
    throw new UsageError(
      extras.length === 1
        ? `The following argument was not expected: ${extras[0]}`
        : `The following arguments were not expected: ${[...extras].reverse().join(' ')}`, // CLI11's order
    );
  }
  // Each --mx-host takes exactly one value (repeat it for several hosts), as in the native CLI.
  const mxHosts = options['mx-host'].length || noMxRecords ? options['mx-host'] : undefined;
  const [domain] = options.domain;
  return { files: files.length ? files : ['-'], kind, format, verbose, maxWarnings, domain, mxHosts };
}

async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\nRun with --help for more information.\n`);
    return 2;
  }
  if (args.version) {
    const v = await createValidator();
    process.stdout.write(`mta-sts-lint ${v.version}\n`);
    return 0;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const inputs = [];
  for (const file of args.files) {
    let bytes;
    try {
      bytes = file === '-' ? readFileSync(0) : readFileSync(file);
    } catch (e) {
      process.stderr.write(e && e.code === 'EISDIR'
        ? `mta-sts-lint: cannot read '${file}': it is a directory\n`
        : `mta-sts-lint: cannot read '${file}'\n`);
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
  const v = await createValidator();
  const noColor = process.env.NO_COLOR;
  const color = args.format === 'text' && process.stdout.isTTY === true && !noColor;
  const { output, errors, warnings } = formatFiles(v, inputs, args.format, color);
  process.stdout.write(output);
  return errors > 0 || (args.maxWarnings >= 0 && warnings > args.maxWarnings) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`mta-sts-lint: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  },
);

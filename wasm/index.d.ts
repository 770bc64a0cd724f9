// Types of the mta-sts-lint package ("." and "./inline"; wasm/full.d.ts adds the generator for "./full"). Hand-written:
// Emscripten 3.1.6 has no --emit-tsd.
// Checked by `tsc --noEmit` against tests/node/types/consumer.ts.

/**
 * What is linted: an MTA-STS policy file, an `_mta-sts` TXT record, a `_smtp._tls` TLS-RPT record, a `_dmarc` record,
 * or a bundle of pasted tool output (dig, host, nslookup, Resolve-DnsName, zone files, curl, wget; docs/paste.md).
 */
/** 'cert' (certificates: PEM, `openssl s_client` output) only in `mta-sts-lint/full`. */
export type Kind = 'policy' | 'txt' | 'tlsrpt' | 'dmarc' | 'bundle' | 'cert';
/**
 * `auto` decides from the content: tool output, a shell prompt or an HTTP response on the first line is a bundle; a
 * record starts with `v=STSv1` / `v=TLSRPTv1` / `v=DMARC1` or its owner is `_mta-sts` / `_smtp._tls` / `_dmarc` (an
 * SPF, DKIM or BIMI record is `dmarc`, named by DMC629); anything else is a policy.
 */
export type KindOption = Kind | 'auto';
export type Severity = 'error' | 'warning' | 'info';
export type FormatName = 'text' | 'json' | 'sarif';

import type { Code, Lang } from './codes.js';
export type { Code, Lang };
/** A catalogue code such as `"STS222"`: the union generated from core/rules.def (wasm/codes.d.ts). */
export type RuleCode = Code;

/**
 * All positions are in UTF-16 code units of the string passed to `lint()` (what `String.prototype.slice`,
 * CodeMirror and Monaco use): `text.slice(from, to)` is the offending text.
 * Lines end at LF, CRLF or a bare CR.
 */
export interface Diagnostic {
  code: RuleCode;
  severity: Severity;
  /** One sentence, no line breaks. */
  message: string;
  /** 1-based line of `from`. */
  line: number;
  /** 1-based column of `from`, in UTF-16 code units. */
  column: number;
  /** 1-based line of `to`. */
  endLine: number;
  /** 1-based column of `to` (exclusive end), in UTF-16 code units. */
  endColumn: number;
  /** 0-based UTF-16 offset of the first code unit. */
  from: number;
  /** 0-based UTF-16 offset just past the last code unit (`from === to` for document-level diagnostics). */
  to: number;
  /** A mechanical fix, when there is exactly one right one. */
  fix?: Fix;
}

export interface Fix {
  title: string;
  /** Sorted, non-overlapping; apply from last to first: `text.slice(0, from) + insert + text.slice(to)`. */
  edits: Edit[];
}

export interface Edit {
  /** 0-based UTF-16 offsets into the linted text. */
  from: number;
  to: number;
  insert: string;
}

/** What a sender would use from the policy: the first occurrence wins for non-repeated fields (RFC 8461 §3.2). */
export interface PolicyFacts {
  /** `null` when the field is missing. */
  version: string | null;
  mode: string | null;
  /** Seconds; `null` when missing or not a number. */
  maxAge: number | null;
  mx: string[];
  /** Unknown fields as { name: value }, in order (a repeated name keeps its last value, as in the CLI's JSON). */
  extensions: Record<string, string>;
}

export interface Field {
  name: string;
  value: string;
}

interface RecordFactsBase {
  /** The record text after joining its strings. */
  value: string;
  version: string | null;
  /** The fields after v=, in order. */
  fields: Field[];
}
/** An `_mta-sts` TXT record. */
export interface StsRecordFacts extends RecordFactsBase {
  id: string | null;
}
/** A `_smtp._tls` TLS-RPT record. */
export interface TlsRptRecordFacts extends RecordFactsBase {
  /** Every URI of every rua field. */
  rua: string[];
}

export interface DmarcRecordFacts extends RecordFactsBase {
  /** Every valid mailto: URI of every rua tag, without its size limit. */
  rua: string[];
  /** The policy (`none`, `quarantine` or `reject`, lower case) when the p tag is valid, else null. */
  p: string | null;
}

interface ResultBase {
  /** No error-level diagnostic. */
  valid: boolean;
  errorCount: number;
  warningCount: number;
  /** Info diagnostics are kept only with `verbose: true`. */
  infoCount: number;
  /** Sorted by position, then code. */
  diagnostics: Diagnostic[];
}
export interface PolicyResult extends ResultBase {
  kind: 'policy';
  policy?: PolicyFacts;
}
export interface StsRecordResult extends ResultBase {
  kind: 'txt';
  record?: StsRecordFacts;
}
export interface TlsRptRecordResult extends ResultBase {
  kind: 'tlsrpt';
  record?: TlsRptRecordFacts;
}
export interface DmarcRecordResult extends ResultBase {
  kind: 'dmarc';
  record?: DmarcRecordFacts;
}
/** A part found in a pasted bundle: `from`/`to` are UTF-16 offsets, lines are 1-based. */
export interface Artefact {
  kind: 'tool' | 'txt' | 'tlsrpt' | 'mx' | 'cname' | 'no-record' | 'http' | 'policy';
  from: number;
  to: number;
  line: number;
  /** The line of its last byte. */
  endLine: number;
  /** e.g. "_mta-sts TXT record", "MX mx1.example.com", "HTTP 200 text/plain with a policy", "dig output". */
  label: string;
}
/** Pasted evidence: each part linted where it stands, and the parts checked against each other. */
export interface BundleResult extends ResultBase {
  kind: 'bundle';
  /** The first policy found (an HTTP body or a pasted file). */
  policy?: PolicyFacts;
  /** The `_mta-sts` record found. */
  record?: StsRecordFacts;
  artefacts: Artefact[];
}
/**
 * A plain object (JSON-serialisable) with the keys of a file entry of the CLI's `--format json` output, except that
 * positions are UTF-16 (`from`/`to` instead of byte `offset`/`length`). Narrow on `kind` to reach `policy` or `record`.
 */
export type LintResult = PolicyResult | StsRecordResult | TlsRptRecordResult | DmarcRecordResult | BundleResult;

export interface LintOptions {
  /** Default `auto`. An unknown kind throws a RangeError. */
  kind?: KindOption;
  /** Keep info-level diagnostics (default false). */
  verbose?: boolean;
  /** File name that `format()` prints for this result (default `<input>`). */
  file?: string;
  /** Evidence, never fetched: the policy domain (enables STS249; the implicit MX when `mxHosts` is empty; DMARC: DMC638). */
  domain?: string;
  /**
   * Evidence, never fetched: the domain's MX host names, checked against the policy's mx patterns (STS401-STS406).
   * `[]` = the domain has no MX records; `['.']` = a null MX (RFC 7505); omitted = not checked.
   */
  mxHosts?: readonly string[] | null;
  /** The language of `message` and `fix.title` (default: the validator's `lang`). Codes and positions never change. */
  lang?: Lang;
}

export interface FormatOptions {
  /** ANSI colours in the text format (default false). */
  color?: boolean;
  /** The language of the output's own words (text summary, SARIF rule texts); default: the validator's `lang`. Each
   * result's messages stay in the language it was linted in. */
  lang?: Lang;
}

/** Names a result in `format()` output, overriding `LintOptions.file`. */
export interface NamedResult {
  file: string;
  result: LintResult;
}

export interface Rule {
  code: RuleCode;
  /** Default severity. */
  severity: Severity;
  /** Duplicate-value rules: a warning when the copies agree, an error when they differ. */
  dualSeverity: boolean;
  title: string;
  /** Message template with {name} placeholders. */
  message: string;
  /** e.g. "RFC 8461 §3.2". */
  reference: string;
}

/** Options of `generate()`; every one is optional except `domain` (its absence is reported as `missing-domain`). */
export interface GenerateOptions {
  /** The Policy Domain (the mail domain), e.g. `"example.com"`; one trailing dot is removed, with a note. */
  domain?: string;
  /** `"testing"` (default), `"enforce"` or `"none"`. */
  mode?: string;
  /** mx patterns: host names (`"mail.example.com"`) or `"*.example.net"`. */
  mx?: readonly string[];
  /** MX host names as DNS returns them, listed exactly (and `suggestedWildcard` derived from them). */
  fromMx?: readonly string[];
  /** A provider's mx patterns: one of `presets[].name`. */
  preset?: string;
  /** Policy lifetime in seconds, 0 to 31557600; default 86400 (testing, none) or 604800 (enforce). */
  maxAge?: number;
  /** The `_mta-sts` id, 1 to 32 letters or digits; default: `now` as YYYYMMDDHHMMSS (UTC). */
  id?: string;
  /** TLS-RPT destinations (`mailto:` or `https:` URIs); given, a `_smtp._tls` record is generated. */
  rua?: readonly string[];
  /** Seconds since 1970-01-01T00:00:00Z for the default id; default `Math.floor(Date.now() / 1000)`. */
  now?: number;
  /** The language of messages and checklist (default: the validator's `lang`). */
  lang?: Lang;
}

/** A refusal (in `errors`), or a correction or remark (in `notes`). */
export interface GenerateMessage {
  /** A catalogue code (`"STS240"`), or `"missing-domain"`, `"unknown-preset"` (or `"internal"`). */
  code: RuleCode | 'missing-domain' | 'unknown-preset' | 'internal';
  /** The option it is about (`"domain"`, `"mx"`, `"fromMx"`, `"maxAge"`, ...) or the output (`"policy"`, `"txt"`, `"tlsrpt"`). */
  field: string;
  message: string;
}

export interface DnsRecord {
  /** Owner name without the final dot: `"_mta-sts.example.com"`. */
  name: string;
  type: 'TXT';
  /** The record text as senders see it (strings joined), unquoted. */
  value: string;
}

/**
 * What `mta-sts-lint generate --format json` prints, plus `ok` and `errors`. When `ok` is false, `errors` says why
 * and the outputs are empty (`''`, `[]`).
 */
export interface GenerateResult {
  /** `errors` is empty. */
  ok: boolean;
  errors: GenerateMessage[];
  notes: GenerateMessage[];
  /** The policy file: CRLF line endings, final CRLF. */
  policy: string;
  /** The `_mta-sts` TXT value, `"v=STSv1; id=...;"`. */
  txt: string;
  /** The `_smtp._tls` TXT value, when `rua` was given. */
  tlsrpt?: string;
  /** `https://mta-sts.DOMAIN/.well-known/mta-sts.txt` */
  policyUrl: string;
  /** `_mta-sts`, then `_smtp._tls`. */
  records: DnsRecord[];
  /** Publishing steps, plain sentences. */
  checklist: string[];
  /** A wildcard covering every `fromMx` host (one label each); never put into the policy by itself. */
  suggestedWildcard?: string;
}

/** A generator preset: the MX patterns of a hosted mail provider. */
export interface Preset {
  name: string;
  description: string;
  mx: readonly string[];
}

export interface Validator {
  /** Lints one text. Synchronous; throws TypeError/RangeError on bad arguments, never on bad input text. */
  lint(text: string, options: LintOptions & { kind: 'policy' }): PolicyResult;
  lint(text: string, options: LintOptions & { kind: 'txt' }): StsRecordResult;
  lint(text: string, options: LintOptions & { kind: 'tlsrpt' }): TlsRptRecordResult;
  lint(text: string, options: LintOptions & { kind: 'dmarc' }): DmarcRecordResult;
  lint(text: string, options: LintOptions & { kind: 'bundle' }): BundleResult;
  lint(text: string, options?: LintOptions): LintResult;
  /**
   * Renders results exactly as the native CLI does (`--format text|json|sarif`). Only results returned by this
   * validator's `lint()` are accepted (they carry their input, which is linted again by the C++ formatter).
   */
  format(results: LintResult | NamedResult | ReadonlyArray<LintResult | NamedResult>, format?: FormatName, options?: FormatOptions): string;
  /** The diagnostic catalogue, generated from the C++ table, titles and messages in the validator's `lang`. */
  readonly rules: readonly Rule[];
  /** The default language of messages (`createValidator({ lang })`, else `'en'`). */
  readonly lang: Lang;
  /** Every language of the catalogue. */
  readonly langs: readonly Lang[];
  /** The core's version. */
  readonly version: string;
  /** Debug: size of the WebAssembly memory in bytes. It grows for large inputs only, never per call. */
  readonly heapSize: number;
}

/** What the `mta-sts-lint/full` entry's validator adds: the generator (left out of the default module for size). */
export interface DmarcGenerateOptions {
  /** The mail (From:) domain; the record goes at `_dmarc.DOMAIN`. */
  domain: string;
  /** p: `none` (default), `quarantine` or `reject`: the staged roll-out's three steps. */
  policy?: string;
  /** sp: the policy for subdomains (default: as p, the tag is left out). */
  subdomainPolicy?: string;
  /** Aggregate report addresses: `mailto:a@example.com` or `a@example.com`. */
  rua?: string[];
  /** Failure report addresses (they may receive personal data). */
  ruf?: string[];
  /** `r` (relaxed, the default) or `s` (strict). */
  adkim?: string;
  aspf?: string;
  /** 0-100 (RFC 7489; DMARCbis drops it); 100 leaves the tag out. */
  pct?: number;
  /** The language of the notes, the checklist and the refusals' messages (codes never change); default: the validator's. */
  lang?: Lang;
}

export interface DmarcGenerateResult {
  ok: boolean;
  errors: GenerateMessage[];
  notes: GenerateMessage[];
  /** The TXT value, `v=DMARC1; p=...`. */
  record: string;
  records: DnsRecord[];
  /** `DOMAIN._report._dmarc.REPORTDOMAIN` TXT `v=DMARC1`, one per external report domain (RFC 7489 §7.1). */
  authorizations: DnsRecord[];
  /** Zone-file lines of the record and the authorizations. */
  zone: string;
  /** Where the roll-out stands: `monitor`, `quarantine` or `reject`. */
  stage: string;
  checklist: string[];
}

export interface FullValidator extends Validator {
  /**
   * Generates a policy, its `_mta-sts` TXT record and, with `rua`, a TLS-RPT record: the native
   * `mta-sts-lint generate --format json` result. Refused input gives `ok: false` (never throws for it); wrong option
   * types and unknown option names throw TypeError.
   */
  generate(options: GenerateOptions): GenerateResult;
  /**
   * A `_dmarc` record (RFC 7489) from a few answers, validated by the DMARC linter: refused (ok false, errors) when
   * the linter finds an error or a warning; the infos become notes. Wrong types and unknown option names throw TypeError.
   */
  generateDmarc(options: DmarcGenerateOptions): DmarcGenerateResult;
  /** The generator's presets (from the C++ table), descriptions in the validator's `lang`. */
  readonly presets: readonly Preset[];
  /**
   * The rules and the presets in `lang` (default: the validator's `lang`), for switching language without another
   * validator. Throws RangeError for a language that is not in `langs`, TypeError for a value that is not a string.
   */
  localized(lang?: Lang): Localized;
}

/** What `localized(lang)` gives: the catalogue and the generator's presets in one language (frozen). */
export interface Localized {
  readonly lang: Lang;
  readonly rules: readonly Rule[];
  readonly presets: readonly Preset[];
}

export interface ValidatorOptions {
  /** The .wasm bytes (skips any file or network access). */
  wasmBinary?: ArrayBuffer | ArrayBufferView;
  /** An already compiled module (e.g. shared between workers). */
  wasmModule?: WebAssembly.Module;
  /** Where to load `mta-sts-lint.wasm` (`mta-sts-lint-full.wasm` for `/full`) from; `scriptDirectory` is the entry's own
   * directory. Node: a path or file: URL is read with fs, an http(s) URL fetched; browsers: fetched. */
  locateFile?: (file: string, scriptDirectory: string) => string;
  /** The language of messages, fix titles and `rules` unless a call says otherwise (default `'en'`; an unknown one
   * rejects with a RangeError). */
  lang?: Lang;
}

/** Loads and instantiates the WebAssembly core; every call after this is synchronous. */
export function createValidator(options?: ValidatorOptions): Promise<Validator>;

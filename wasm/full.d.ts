// Types of the `mta-sts-lint/full` and `mta-sts-lint/full/inline` entries: the default API plus the generator and
// the certificates of a paste (wasm/src/certificates.js).
import type { Code, FullValidator, Lang, ValidatorOptions } from './index.js';

export * from './index.js';

/** Options of certificates(). */
export interface CertificateOptions {
  /** The validation time (the core has no clock): a Date or milliseconds since 1970. Default: Date.now(). */
  now?: Date | number;
  /** The policy domain: the policy host is `mta-sts.<domain>` unless certHost says otherwise. */
  domain?: string;
  /** The policy host, used when a capture names no host. */
  certHost?: string;
  /** The policy's mode: an MX host's failing certificate is an error (CRT808) in enforce, else a warning (CRT809). */
  policyMode?: 'enforce' | 'testing' | 'none';
  /** The policy's mx patterns: only the MX hosts they match are checked; CRT815 for a captured host they do not match. */
  policyMx?: string[];
  /** CRT810 when a certificate expires within this many days (0 to 3650, default 14). */
  expiryWarningDays?: number;
  /** Keep infos (STS309). */
  verbose?: boolean;
  lang?: Lang;
}

/** A diagnostic of certificates(): offsets and lengths in UTF-16 code units of the text given. */
export interface CertificateDiagnostic {
  code: Code;
  severity: 'error' | 'warning' | 'info';
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One certificate of a chain, leaf first (index 0), as the capture shows it. */
export interface CertificateFacts {
  index: number;
  /** Where the capture shows it (its " N s:" line, else its BEGIN line): UTF-16 offsets and the 1-based line. */
  from: number;
  to: number;
  line: number;
  /** Present when the certificate cannot be read (CRT801); the facts below are then absent. */
  error?: string;
  subject?: string;
  issuer?: string;
  serial?: string;
  notBefore?: string;
  notAfter?: string;
  /** Whole days from `now` to notAfter; negative once expired. */
  daysLeft?: number;
  dnsNames?: string[];
  ipAddresses?: string[];
  /** A subjectAltName dNSName matches the chain's host (RFC 6125 §6.4 as RFC 8461 §3.3 uses it). */
  coversHost?: boolean;
  ca?: boolean;
  selfSigned?: boolean;
  /** "RSA 2048", "EC 256", "Ed25519". */
  key?: string;
  /** Dotted OID. */
  signatureAlgorithm?: string;
  /** The codes reported at this certificate. */
  problems: Code[];
}

export interface CertificateChain {
  /** The host the chain was captured from (or the policy host); may be empty. */
  host: string;
  role: 'policy' | 'mx';
  /** MX chains, when policyMx was given: whether the policy's mx patterns match the host. */
  inPolicy?: boolean;
  certificates: CertificateFacts[];
}

export interface CertificatesResult {
  /** The validation time used, "YYYY-MM-DDTHH:MM:SSZ". */
  now: string;
  expiryWarningDays: number;
  valid: boolean;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  diagnostics: CertificateDiagnostic[];
  chains: CertificateChain[];
}

export interface FullValidatorWithCertificates extends FullValidator {
  /**
   * The certificates of a paste (PEM blocks, `openssl s_client -showcerts` output) checked as the native
   * `mta-sts-lint --kind cert` checks them, with each certificate's facts. Wrong option types throw TypeError.
   */
  certificates(text: string, options?: CertificateOptions): CertificatesResult;
}

/** Loads and instantiates the full WebAssembly core (linter, generator, certificates); every call after this is synchronous. */
export function createValidator(options?: ValidatorOptions): Promise<FullValidatorWithCertificates>;

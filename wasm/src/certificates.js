// certificates(text, options) of the "./full" entries: the certificates of a paste (PEM blocks, the output of
// `openssl s_client -showcerts`, several sessions) checked as the native `mta-sts-lint --kind cert` checks them
// (STS306-STS309, CRT801-CRT815; docs/certificates.md), with each certificate's facts for a table. The C++ side is
// wasm/bindings_cert.cpp (embind, mta-sts-lint-full.wasm only). The core has no clock: `now` comes from here
// (default Date.now()) and is given back in the result, so two runs can be compared.
import { checkOptions, describe } from './api.js';

const OPTIONS = ['now', 'domain', 'certHost', 'policyMode', 'policyMx', 'expiryWarningDays', 'verbose', 'lang'];
const DAY = 86400;

export function withCertificates(validator, Module, { usable, failed, langIndex }) {
  function certificates(text, options) {
    const where = 'certificates(text, options)';
    usable();
    if (typeof text !== 'string') throw new TypeError(`${where}: expected a string, got ${describe(text)}`);
    const o = checkOptions(where, options, OPTIONS);
    let ms = Date.now();
    if (o.now !== undefined) {
      ms = o.now instanceof Date ? o.now.getTime() : o.now;
      if (typeof ms !== 'number' || !Number.isFinite(ms)) {
        throw new TypeError(`${where}: 'now' must be a Date or a number of milliseconds since 1970, got ${describe(o.now)}`);
      }
    }
    const string = (key) => {
      if (o[key] !== undefined && typeof o[key] !== 'string') throw new TypeError(`${where}: '${key}' must be a string, got ${describe(o[key])}`);
      return o[key];
    };
    const domain = string('domain');
    const certHost = string('certHost');
    const policyMode = string('policyMode');
    if (policyMode !== undefined && !['enforce', 'testing', 'none'].includes(policyMode)) {
      throw new RangeError(`${where}: 'policyMode' must be 'enforce', 'testing' or 'none', got '${policyMode}'`);
    }
    if (o.policyMx !== undefined && (!Array.isArray(o.policyMx) || o.policyMx.some((p) => typeof p !== 'string'))) {
      throw new TypeError(`${where}: 'policyMx' must be an array of strings (the policy's mx patterns), got ${describe(o.policyMx)}`);
    }
    const days = o.expiryWarningDays ?? 14;
    if (!Number.isInteger(days) || days < 0 || days > 3650) {
      throw new RangeError(`${where}: 'expiryWarningDays' must be a whole number from 0 to 3650, got ${String(days)}`);
    }
    const lang = langIndex(o.lang, `${where}.lang`);
    const now = Math.floor(ms / 1000);
    if (!text.isWellFormed()) text = text.toWellFormed();
    let r;
    try {
      r = Module.mtastsCertificates(text, {
        now,
        domain,
        certHost,
        policyMode,
        policyMx: o.policyMx,
        expiryWarningDays: days,
        verbose: o.verbose === true,
        lang,
      });
    } catch (e) {
      throw failed(e);
    }
    const facts = r.facts;
    const chains = facts.chains.map((ch) => ({
      host: ch.host,
      role: ch.role,
      ...(ch.in_policy === undefined ? {} : { inPolicy: ch.in_policy }),
      certificates: ch.certificates.map((c) =>
        c.error !== undefined
          ? { index: c.index, from: c.from, to: c.to, line: c.line, error: c.error, problems: c.problems }
          : {
              index: c.index,
              from: c.from,
              to: c.to,
              line: c.line,
              subject: c.subject,
              issuer: c.issuer,
              serial: c.serial,
              notBefore: c.not_before,
              notAfter: c.not_after,
              // whole days from `now` to notAfter (negative once expired)
              daysLeft: Math.floor((Date.parse(c.not_after) / 1000 - now) / DAY),
              dnsNames: c.dns_names,
              ipAddresses: c.ip_addresses,
              coversHost: c.covers_host,
              ca: c.ca,
              selfSigned: c.self_signed,
              key: c.key,
              signatureAlgorithm: c.signature_algorithm,
              problems: c.problems,
            },
      ),
    }));
    const count = (s) => r.diagnostics.filter((d) => d.severity === s).length;
    return {
      now: facts.now,
      expiryWarningDays: facts.expiry_warning_days,
      valid: count('error') === 0,
      errorCount: count('error'),
      warningCount: count('warning'),
      infoCount: count('info'),
      diagnostics: r.diagnostics,
      chains,
    };
  }
  validator.certificates = certificates;
}

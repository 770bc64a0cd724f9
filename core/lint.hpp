// The library's entry point: lint a policy file, an _mta-sts TXT record or a _smtp._tls TLS-RPT record.
// No I/O; no exception crosses this API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.hpp"
#include "string_list.hpp"

namespace mtasts {

// dmarc: a _dmarc record (core/dmarc/), or a record of another protocol that the DMARC check names.
// bundle: pasted tool output (dig, host, nslookup, Resolve-DnsName, zone files, curl, wget; core/evidence/).
// cert: PEM blocks, `openssl s_client -showcerts` output or one DER certificate (core/x509/; only where a build has
// called x509::enable_certificates(), otherwise CRT800). The WebAssembly build numbers the kinds as this enum does.
enum class Kind : std::uint8_t { auto_ = 0, policy, txt, tlsrpt, dmarc, bundle, cert };

const char* kind_name( Kind k ) noexcept;                  // "auto", "policy", "txt", "tlsrpt", "dmarc", "bundle", "cert"
std::optional< Kind > parse_kind( std::string_view name ) noexcept;

struct LintOptions
{
   Kind kind = Kind::auto_;
   bool verbose = false;  // keep info diagnostics
   Lang lang = Lang::en;  // the language of messages and fix titles (codes and positions never depend on it)
   // Optional evidence, never fetched: the policy domain (STS249) and the domain's MX host names (STS401-STS406).
   // mx_hosts: std::nullopt = not given; empty = the domain has no MX records (the domain itself is the MX host);
   // {"."} = a null MX (RFC 7505).
   std::string domain;
   std::optional< std::vector< std::string > > mx_hosts;
   // Certificates (Kind::cert): the validation time (seconds since 1970, UTC; required for expiry checks), the warning
   // window, the policy host (default "mta-sts." + domain) and the policy's mode for the MX hosts' certificates.
   std::optional< std::int64_t > now;
   unsigned expiry_warning_days = 14;
   std::string cert_host;
   std::string mode;
   // The policy's mx patterns, when the evidence set has a policy: the MX hosts' certificate checks (CRT808-CRT810)
   // apply to the hosts these patterns match (RFC 8461 §4.1); a captured MX host they do not match gets CRT815.
   std::optional< std::vector< std::string > > policy_mx;
};

// What a sender would use from a policy (first occurrence wins for non-repeated fields, RFC 8461 §3.2).
struct PolicyFacts
{
   std::optional< std::string > version;
   std::optional< std::string > mode;
   std::optional< std::uint64_t > max_age;
   StringList mx;  // the patterns as written, in order
   std::vector< std::pair< std::string, std::string > > extensions;  // unknown fields, in order

   // Where the values were read: byte offsets into the text linted (version_offset and mode_offset are meaningful
   // when version and mode are set; mx_offsets has one entry per mx pattern). The WebAssembly binding uses them to
   // hand the values to JS as slices of the caller's own string instead of copies.
   std::size_t version_offset = 0;
   std::size_t mode_offset = 0;
   std::vector< std::size_t > mx_offsets;

   // Back to a default-constructed value, keeping the buffers' capacity: mtasts::Linter reuses the facts between calls.
   // Every member is reset here, one statement each (assigning PolicyFacts() instead cost a typical policy 15 % more
   // instructions); a member added to the struct must be added here too, and tests/catch2/linter_test.cpp names every
   // member in a structured binding, so it no longer compiles until the test, and then this, cover the new one.
   void clear() noexcept
   {
      version.reset();
      mode.reset();
      max_age.reset();
      mx.clear();
      extensions.clear();
      version_offset = 0;
      mode_offset = 0;
      mx_offsets.clear();
   }
};

// A TXT record after joining its strings: the fields in order (v first), and the usable ones.
struct RecordFacts
{
   std::string value;  // the joined record text
   std::vector< std::pair< std::string, std::string > > fields;
   std::optional< std::string > version;
   std::optional< std::string > id;   // _mta-sts
   std::vector< std::string > rua;    // _smtp._tls and _dmarc, every URI of every rua field (DMARC: without a size limit)
   std::optional< std::string > p;    // _dmarc: the policy, when valid (lower case)

   // Back to a default-constructed value, keeping the buffers' capacity (as PolicyFacts::clear(): every member).
   void clear() noexcept
   {
      value.clear();
      fields.clear();
      version.reset();
      id.reset();
      rua.clear();
      p.reset();
   }
};

// A part of a pasted bundle (Kind::bundle): what it is and where. kind: "txt" (an _mta-sts record), "tlsrpt",
// "mx", "cname", "no-record" (a query that returned none), "http" (a response), "policy" (a policy body or file),
// "tool" (the output of one command, or a zone file, as a whole).
struct Artefact
{
   std::string kind;
   std::size_t offset = 0;  // bytes
   std::size_t length = 0;
   std::string label;  // e.g. "_mta-sts TXT record", "MX mx1.example.com", "HTTP 200 text/plain", "dig output"
};

struct LintResult
{
   Kind kind = Kind::policy;  // the kind linted (auto resolved)
   std::vector< Diagnostic > diagnostics;  // sorted by offset, then code
   std::optional< PolicyFacts > policy;
   std::optional< RecordFacts > record;
   std::string certificates_json;  // Kind::cert: the certificates' facts as a JSON object (core/x509/cert_lint.hpp)
   // Kind::cert: the text report's table of the certificates, in the lint's language: a first line with the time they
   // were checked at, then per chain its host and per certificate its subject, issuer, validity, key and names (control
   // characters in them as \xNN). The text formatter prints it under the summary, headed by the file's name, each line
   // printable as its other lines (core/format.cpp).
   std::string certificates_table;
   std::vector< Artefact > artefacts;  // Kind::bundle: the parts found, by offset

   // Back to a default-constructed result, keeping the capacity of the diagnostics, the certificates' JSON and the
   // artefacts (every member, as PolicyFacts::clear()). The facts are dropped.
   void clear() noexcept
   {
      clear_except_facts();
      policy.reset();
      record.reset();
   }
   // The same for every member but the facts, which stay as they are: a Linter empties or sets aside the policy and
   // record facts once it knows the next input's kind, so that a policy after a policy reuses its facts where they
   // are (moving them to a spare and back cost a typical policy 7 % of its instructions; core/lint.cpp).
   void clear_except_facts() noexcept
   {
      kind = Kind::policy;
      diagnostics.clear();
      certificates_json.clear();
      certificates_table.clear();
      artefacts.clear();
   }

   std::size_t error_count() const noexcept;
   std::size_t warning_count() const noexcept;
   std::size_t info_count() const noexcept;
   bool valid() const noexcept { return error_count() == 0; }
};

// Decides the kind of `text` from its content: certificates (PEM, s_client output, DER) once enable_certificates() has
// run; tool output (dig, host, nslookup, Resolve-DnsName, curl, wget, Invoke-WebRequest), a shell prompt, an HTTP
// response or a zone file that starts with another record is a bundle (decided on the first line that has content); a
// record starts with v=STSv1 / v=TLSRPTv1 / v=DMARC1, possibly after a zone-file owner, TTL, class and type or inside
// quotes (or its owner names _mta-sts / _smtp._tls / _dmarc); a record of another protocol (v=spf1, v=DKIM1, v=BIMI1)
// is 'dmarc', whose check names it; anything else is a policy.
Kind detect_kind( std::string_view text ) noexcept;

// Lints one text into a fresh result. Each call allocates the result's storage anew (and frees it with the result);
// a program that lints many texts gets the same results faster from a Linter (below), which keeps that memory.
LintResult lint( std::string_view text, const LintOptions& options = {} ) noexcept;

namespace detail {
// A Linter's working memory between calls (internal; its members may change).
struct Workspace
{
   std::vector< std::uint64_t > hashes;  // the policy's duplicate-mx check: one hash per pattern
   std::vector< std::uint32_t > slots;   // and its open-addressing table
   std::optional< PolicyFacts > spare_policy;  // a previous result's facts, kept for their buffers
   std::optional< RecordFacts > spare_record;
   // The previous result's diagnostics, during a call: the Sink renders into their strings (Sink's recycle).
   std::vector< Diagnostic > recycle;
   std::size_t last_size = 0;  // the previous input's size (in bytes)
};
// Lints into `result`, which is emptied first (its vectors keep their capacity); ws: working memory, or nullptr.
void lint_reusing( LintResult& result, Workspace* ws, std::string_view text, const LintOptions& options ) noexcept;
}  // namespace detail

// A reusable linter: the same results as lint(), but the memory of one call (the diagnostics, the policy's mx facts,
// the duplicate check's tables) is kept for the next, so linting many texts in a loop, or the same text after each
// keystroke, allocates almost nothing once warm and does not depend on the allocator's settings (glibc's default
// trimming cost 3/4 of the time of a 64 KiB policy). Not thread-safe: one Linter per thread; Linters are independent.
// No exception crosses it (out of memory: the result holds what was found so far, as for lint()).
//
//    mtasts::Linter linter;
//    for( const std::string& text : texts ) {
//       const mtasts::LintResult& r = linter.lint( text, options );  // valid until the next call on this linter
//       ...
//    }
//
// Nothing of one call leaks into the next (options, language, kind and the result are taken afresh each time). After
// an input larger than keep_limit, the next call starts from fresh memory, so one huge input is not held for good.
class Linter
{
public:
   static constexpr std::size_t keep_limit = std::size_t( 1 ) << 20;  // 1 MiB of input

   Linter() = default;
   Linter( const Linter& ) = delete;
   Linter& operator=( const Linter& ) = delete;
   Linter( Linter&& ) noexcept = default;
   Linter& operator=( Linter&& ) noexcept = default;

   // The result lives in the linter: valid (and modifiable, or movable from) until the next call or the linter's end.
   LintResult& lint( std::string_view text, const LintOptions& options = {} ) noexcept
   {
      detail::lint_reusing( result_, &workspace_, text, options );
      return result_;
   }
   // Into a result the caller keeps (e.g. one per input kind, as --batch does): `into` is emptied first and its
   // memory reused, so passing the same object again is what saves the allocations.
   void lint( std::string_view text, const LintOptions& options, LintResult& into ) noexcept
   {
      detail::lint_reusing( into, &workspace_, text, options );
   }
   const LintResult& result() const noexcept { return result_; }
   // Frees the memory kept (the last result included).
   void release() noexcept
   {
      result_ = LintResult();
      workspace_ = detail::Workspace();
   }

private:
   detail::Workspace workspace_;
   LintResult result_;
};

namespace detail {
// Set by x509::enable_certificates(): the certificate linter lives outside the lint-only builds.
using CertLinter = void ( * )( std::string_view text, const LintOptions& options, Sink& sink, std::string& facts_json, std::string& table );
extern CertLinter cert_linter;
// Set by evidence::enable_bundles(): the paste reader (core/evidence/) is linked only into programs that call it (the
// native CLI, the tests, the ./full WebAssembly module); without it, auto never decides 'bundle' and an explicit
// 'bundle' gets EVD708. bundle_detector returns Kind::bundle or Kind::policy when the first lines decide, else auto_.
using BundleDetectHook = Kind ( * )( std::string_view text ) noexcept;
using BundleLintHook = void ( * )( std::string_view text, const LintOptions& options, Sink& sink, LintResult& result );
extern BundleDetectHook bundle_detector;
extern BundleLintHook bundle_linter;
}  // namespace detail
namespace evidence {
void enable_bundles() noexcept;  // core/evidence/bundle_lint.cpp
}  // namespace evidence
// Several texts of one domain (files given together with --domain) as one evidence set: each text is read as what it
// is (options.kind, or detected per text: a policy file, a record, pasted tool output), the parts are checked against
// each other as in one paste, and each text gets its own result (kind bundle; offsets into that text).
std::vector< LintResult > lint_evidence( const std::vector< std::string_view >& texts, const LintOptions& options ) noexcept;
// The same, with the kind of each text given by the caller (`kinds[i]`: policy, txt or tlsrpt take the text whole as
// that; bundle reads it as a paste; auto_ as above): --batch's keys (core/batch.cpp). Each result's kind is bundle.
std::vector< LintResult > lint_evidence( const std::vector< std::string_view >& texts, const std::vector< Kind >& kinds, const LintOptions& options ) noexcept;

// Certificate captures linted in one run with a policy (`mta-sts-lint mta-sts.txt mx.txt`; the native command and the
// bin): each Kind::cert result is linted again with the first policy's mode, unless options.mode is given
// (--policy-mode), and its mx patterns, which choose the MX hosts whose certificates count (CRT815 for a captured host
// they do not match). texts[i] is what results[i] was linted from, with `options`.
void lint_with_policy( std::vector< LintResult >& results, const std::vector< std::string_view >& texts, LintOptions options );

// Applies edits (sorted, non-overlapping) to text.
std::string apply_edits( std::string_view text, const std::vector< Edit >& edits );

}  // namespace mtasts

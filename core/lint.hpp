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

enum class Kind : std::uint8_t { auto_ = 0, policy, txt, tlsrpt };

const char* kind_name( Kind k ) noexcept;                  // "auto", "policy", "txt", "tlsrpt"
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
};

// A TXT record after joining its strings: the fields in order (v first), and the usable ones.
struct RecordFacts
{
   std::string value;  // the joined record text
   std::vector< std::pair< std::string, std::string > > fields;
   std::optional< std::string > version;
   std::optional< std::string > id;   // _mta-sts
   std::vector< std::string > rua;    // _smtp._tls, every URI of every rua field
};

struct LintResult
{
   Kind kind = Kind::policy;  // the kind linted (auto resolved)
   std::vector< Diagnostic > diagnostics;  // sorted by offset, then code
   std::optional< PolicyFacts > policy;
   std::optional< RecordFacts > record;

   std::size_t error_count() const noexcept;
   std::size_t warning_count() const noexcept;
   std::size_t info_count() const noexcept;
   bool valid() const noexcept { return error_count() == 0; }
};

// Decides the kind of `text` from its content: a record starts with v=STSv1 / v=TLSRPTv1, possibly after a zone-file
// owner, TTL, class and type or inside quotes (or its owner names _mta-sts / _smtp._tls); anything else is a policy.
Kind detect_kind( std::string_view text ) noexcept;

LintResult lint( std::string_view text, const LintOptions& options = {} ) noexcept;

// Applies edits (sorted, non-overlapping) to text.
std::string apply_edits( std::string_view text, const std::vector< Edit >& edits );

}  // namespace mtasts

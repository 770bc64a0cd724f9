// The generator: builds an MTA-STS policy (RFC 8461 §3.2), its _mta-sts TXT record (§3.1) and, optionally, a
// _smtp._tls TLS-RPT record (RFC 8460 §3) from a few options, checked with the same catalogue and validators as lint().
// No I/O, no clock (the caller passes `now`), no exception crosses this API.
//
// The options and the result map 1:1 to plain JS objects (field names in camelCase on the JS side):
//   GenerateOptions { domain, mode, mx, from_mx→fromMx, preset, max_age→maxAge, id, rua, now }
//   GenerateResult  { ok(), errors[{code, field, message}], notes[{code, field, message}], policy, txt, tlsrpt?,
//                     policy_url→policyUrl, records[{name, type, value}], checklist[], suggested_wildcard→suggestedWildcard? }
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"

namespace mtasts {

struct GenerateOptions
{
   std::string domain;                      // the Policy Domain, e.g. "example.com" (one trailing dot is removed, with a note)
   std::string mode = "testing";            // testing | enforce | none (RFC 8461 §5 suggests starting with testing)
   std::vector< std::string > mx;           // mx patterns, "mail.example.com" or "*.example.net"
   std::vector< std::string > from_mx;      // MX host names (as DNS returns them) to derive exact patterns from
   std::string preset;                      // "" or one of preset_names()
   std::optional< std::int64_t > max_age;   // seconds, 0..31557600; default 86400 (testing, none) or 604800 (enforce)
   std::string id;                          // "" = derive from `now` as YYYYMMDDHHMMSS (UTC)
   std::vector< std::string > rua;          // TLS-RPT destinations: mailto: and https: URIs
   std::optional< std::int64_t > now;       // seconds since 1970-01-01T00:00:00Z, filled by the caller; needed when id is ""
   Lang lang = Lang::en;                    // the language of messages and checklist (codes and fields never change)
};

// One refusal, correction or remark. `code` is a catalogue code ("STS239", "RPT509", ...) or, for the few generator
// problems the catalogue has no rule for, one of: "missing-domain", "unknown-preset" (and "internal" when memory runs out).
// `field` names the option it is about (JS spelling: "domain", "mode", "mx", "fromMx", "preset", "maxAge", "id", "rua",
// "now") or the output ("policy", "txt", "tlsrpt") for remarks from linting the result.
struct GenerateMessage
{
   std::string code;
   std::string field;
   std::string message;
};

struct DnsRecord
{
   std::string name;   // owner without the final dot: "_mta-sts.example.com"
   std::string type;   // "TXT"
   std::string value;  // the record text as senders see it (strings joined), unquoted
};

struct GenerateResult
{
   std::vector< GenerateMessage > errors;  // non-empty: nothing else is filled
   std::vector< GenerateMessage > notes;   // corrections made (STS239, STS220, ...) and infos/warnings about the outputs
   std::string policy;                     // the policy file, CRLF line endings, final CRLF
   std::string txt;                        // _mta-sts TXT value, "v=STSv1; id=...;"
   std::optional< std::string > tlsrpt;    // _smtp._tls TXT value when rua was given
   std::string policy_url;                 // https://mta-sts.DOMAIN/.well-known/mta-sts.txt
   std::vector< DnsRecord > records;       // _mta-sts, then _smtp._tls
   std::string zone;                       // zone_line() of every record, each ending in "\n"
   std::vector< std::string > checklist;   // publishing steps, plain sentences
   std::optional< std::string > suggested_wildcard;  // derived from from_mx; never put in the policy by itself
   std::vector< std::string > mx;          // the patterns used, in policy order
   std::string mode;
   std::uint64_t max_age = 0;
   std::string id;

   bool ok() const noexcept { return errors.empty(); }
};

GenerateResult generate( const GenerateOptions& options ) noexcept;

// The result as JSON, the shape of the CLI's `generate --format json` and of the JS API's generate():
// {"ok", "errors", "notes", "policy", "txt", "tlsrpt"?, "policyUrl", "records": [{"name", "type", "value"}],
//  "checklist", "suggestedWildcard"?}; messages are {"code", "field", "message"}.
std::string generate_json( const GenerateResult& result, bool pretty = false );

// What `mta-sts-lint generate` prints by default (--format text): the policy (shown with LF), the records, their
// zone-file lines, the suggested wildcard, the checklist and the notes, each under a "# " heading.
std::string generate_text( const GenerateResult& result, Lang lang = Lang::en );

// A sign and 1 to 15 decimal digits, as the CLI reads --max-age and the JS API passes seconds; nullopt otherwise.
std::optional< std::int64_t > parse_whole_number( std::string_view text ) noexcept;

// --max-age as the user typed it: a whole number of seconds with an optional sign (at most 15 digits; the range is
// checked by generate()). Anything else is refused here, before generating, with STS229 (and, when the text has a
// letter such as "7d", the hint that units are not allowed).
std::optional< GenerateMessage > parse_max_age( std::string_view text, std::int64_t& seconds, Lang lang = Lang::en );

// Presets: MX patterns of hosted mail providers whose MX names are public and stable.
struct Preset
{
   const char* name;         // "google-workspace"
   const char* description;  // "Google Workspace (Gmail)"
   std::vector< const char* > mx;
   Text text = Text::preset_google_workspace;  // the description in the catalogue (core/i18n/en.def preset_*)
};
const std::vector< Preset >& presets() noexcept;
// The description in `lang` ("Zoho Mail (centro de datos de EE. UU.)"); the English one without the translations.
const char* preset_description( const Preset& p, Lang lang ) noexcept;
const Preset* find_preset( std::string_view name ) noexcept;

// MX host names → exact patterns (lower-cased, one trailing dot removed), and the wildcard "*.PARENT" when at least two
// distinct hosts are given, all of them exactly one label under PARENT (RFC 8461 §4.1) and PARENT is not a public
// suffix. Invalid hosts are left out (generate() reports them).
struct DerivedPatterns
{
   std::vector< std::string > exact;
   std::optional< std::string > wildcard;
};
DerivedPatterns derive_patterns( const std::vector< std::string >& hosts );

// RFC 1035 §5.1 master-file form of a TXT value: split into <character-string>s of at most 255 bytes
// (RFC 1035 §3.3), each in double quotes with '"' and '\' escaped as \" and \\, and non-printable bytes as \DDD.
// The split prefers to fall just after a ',' so that each string starts with a URI.
std::string zone_txt_rdata( std::string_view value );
// "NAME. 3600 IN TXT \"...\"" (no line break).
std::string zone_line( const DnsRecord& record, unsigned ttl = 3600 );

// "YYYYMMDDHHMMSS" for a UTC time in seconds since the epoch; nullopt outside years 0000..9999.
std::optional< std::string > utc_id( std::int64_t seconds );

}  // namespace mtasts

// The certificate checks (STS306-STS309, CRT801-CRT812) over certificate evidence: the policy host's chain and the MX
// hosts' chains. lint() runs them for Kind::cert once enable_certificates() has been called (the CLI and the ./full
// WebAssembly module do; the lint-only module does not, and answers CRT800).
#pragma once

#include <string>
#include <string_view>

#include <vector>

#include "core/diagnostic.hpp"
#include "core/lint.hpp"
#include "evidence.hpp"

namespace mtasts::x509 {

void enable_certificates() noexcept;

// RFC 6125 §6.4 as RFC 8461 §3.3 and §4.1 use it: `pattern` (a dNSName) matches `host` exactly (ASCII case-insensitive,
// a trailing dot ignored) or as "*.<rest>" where '*' is the whole left-most label and stands for exactly one label.
bool name_matches( std::string_view pattern, std::string_view host );

// The chains of an evidence set, as the checks see them: one per session that holds certificates.
struct ChainRef
{
   std::string host;                   // the session's host, else (not an MX host) the policy host; may be empty
   bool mx = false;                    // -starttls smtp or port 25
   const Session* session = nullptr;
   std::vector< std::size_t > blocks;  // indices into Evidence::blocks, leaf first
   std::vector< Span > spans;          // where each certificate is shown: its " N s:" line, else its BEGIN line
};
std::vector< ChainRef > chains_of( const Evidence& ev, const LintOptions& options );

// Runs the checks; `facts_json` receives {"now", "chains": [{"host", "role", "certificates": [...]}]}.
void lint_certificates( std::string_view text, const LintOptions& options, Sink& sink, std::string& facts_json );

}  // namespace mtasts::x509

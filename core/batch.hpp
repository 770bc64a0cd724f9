// The batch mode's answers: one domain's texts linted as `mta-sts-lint --batch` lints them, and the JSON line that
// answers an input line. Shared by the native batch mode (cli/batch.cpp, which reads and splits the JSON Lines) and the
// Node bin's (wasm/bin.js through mta-sts-lint-full.wasm), so both write the same bytes.
//
// An answer line: {"line": N, "domain": "...", "valid": true|false, "policy": {...}, "txt": {...}, "tlsrpt": {...},
// "dmarc": {...}, "http": {...}, "dns": {...}}
// with, per text given: kind, valid, errorCount, warningCount, infoCount, for a policy "mode" and "maxAge" when their
// lines were read (the values a sender uses), and diagnostics (code, severity, message,
// line, column, endLine, endColumn, offset, length; columns are 1-based bytes, offset/length are bytes of the text).
// An input line that cannot be used: {"line": N, "domain": "..." (when it was read), "error": "..."}.
#pragma once

#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalogue.hpp"
#include "json_string.hpp"
#include "lint.hpp"
#include "source_map.hpp"

namespace mtasts::batch {

// A longer input line is answered with an error line (line_too_long()) and skipped: memory stays bounded.
constexpr std::size_t max_line_bytes = std::size_t( 4 ) << 20;  // 4 MiB: sixty-four 64 KiB policies, escaped

// --line-offset N (N: at most this many digits) numbers the answers from N + 1: one process of many, given the lines
// after the first N of the whole stream, answers with the whole stream's line numbers.
constexpr int max_line_offset_digits = 15;

// http: a raw HTTP response (status line, headers, body, as `curl -i` prints it); dns: pasted tool output with the
// domain's DNS answers (dig, host, nslookup, Resolve-DnsName, a zone file). Either makes the domain's texts one
// evidence set (see lint_entry()).
enum Text { policy = 0, txt, tlsrpt, dmarc, http, dns, text_count };
constexpr const char* text_names[ text_count ] = { "policy", "txt", "tlsrpt", "dmarc", "http", "dns" };

// One input line, read.
struct Entry
{
   std::string_view domain;
   std::optional< std::string_view > text[ text_count ];    // absent (or null in the input): not linted
   const std::vector< std::string >* mx_hosts = nullptr;  // the "mx" array, checked against the policy
};

// Lints each text of `e` into results[] (the policy with the domain and the MX hosts, the DMARC record with the domain; RPT523 when `verbose`, for a
// testing policy given without a TLS-RPT record). When `http` or `dns` is given, policy, txt, tlsrpt, http and dns
// are one evidence set (lint_evidence(), as files given together with --domain): each read as its key says (http and
// dns as pastes, kind "bundle"), checked against each other, and answered with positions in its own text; the DMARC
// record is linted alone as before. True when every text given is valid.
// linter: when given, each text linted alone is linted with it into results[t], whose memory is reused from the
// previous line (the command keeps one Linter and one results[] for the whole stream); else with lint().
bool lint_entry( const Entry& e, bool verbose, LintResult ( &results )[ text_count ], Lang lang = Lang::en, Linter* linter = nullptr );

// "line longer than 4194304 bytes"
std::string line_too_long( Lang lang = Lang::en );

// The usage text of `--batch --help` (the native command and the Node bin print it).
std::string usage( Lang lang = Lang::en );

namespace detail {
   template< typename Out >
   void put_number( Out& out, std::size_t n )
   {
      char buf[ 24 ];
      const auto r = std::to_chars( buf, buf + sizeof( buf ), n );
      out.append( buf, static_cast< std::size_t >( r.ptr - buf ) );
   }

   template< typename Out >
   void put_result( Out& out, std::string_view source, const LintResult& r )
   {
      out += "{\"kind\":\"";
      out += kind_name( r.kind );
      out += r.valid() ? "\",\"valid\":true,\"errorCount\":" : "\",\"valid\":false,\"errorCount\":";
      put_number( out, r.error_count() );
      out += ",\"warningCount\":";
      put_number( out, r.warning_count() );
      out += ",\"infoCount\":";
      put_number( out, r.info_count() );
      // What a sender would use from a policy, when its line was read: the summary of a sweep counts them.
      if( r.policy && r.policy->mode ) {
         out += ",\"mode\":";
         json::append_string( out, *r.policy->mode );
      }
      if( r.policy && r.policy->max_age ) {
         out += ",\"maxAge\":";
         put_number( out, static_cast< std::size_t >( *r.policy->max_age ) );
      }
      out += ",\"diagnostics\":[";
      if( !r.diagnostics.empty() ) {
         const SourceMap map( source );
         bool first = true;
         for( const auto& d : r.diagnostics ) {
            const auto b = map.locate( d.offset );
            const auto e = map.locate( d.offset + d.length );
            out += first ? "{\"code\":\"" : ",{\"code\":\"";
            first = false;
            out += rule( d.code ).id;
            out += "\",\"severity\":\"";
            out += severity_name( d.severity );
            out += "\",\"message\":";
            json::append_string( out, d.message );
            const std::pair< const char*, std::size_t > numbers[] = { { ",\"line\":", b.line }, { ",\"column\":", b.column }, { ",\"endLine\":", e.line },
                                                                      { ",\"endColumn\":", e.column }, { ",\"offset\":", d.offset }, { ",\"length\":", d.length } };
            for( const auto& [ key, n ] : numbers ) {
               out += key;
               put_number( out, n );
            }
            out += '}';
         }
      }
      out += "]}";
   }
}  // namespace detail

// Appends the answer line (with its "\n") for input line `line`, whose texts lint_entry() put in results[]. `Out` is
// anything with `+= char`, `+= const char*` and `append(const char*, size_t)` (std::string, the CLI's buffer).
// `extra`: more members, written as given before the closing brace (the native command's "certificates").
template< typename Out >
void write_answer( Out& out, std::size_t line, const Entry& e, bool valid, const LintResult ( &results )[ text_count ], std::string_view extra = {} )
{
   out += "{\"line\":";
   detail::put_number( out, line );
   out += ",\"domain\":";
   json::append_string( out, e.domain );
   out += valid ? ",\"valid\":true" : ",\"valid\":false";
   for( int t = 0; t < text_count; ++t ) {
      if( e.text[ t ] ) {
         out += ",\"";
         out += text_names[ t ];
         out += "\":";
         detail::put_result( out, *e.text[ t ], results[ t ] );
      }
   }
   out.append( extra.data(), extra.size() );
   out += "}\n";
}

// Appends the error line for input line `line`; `domain` when it was read before the problem.
template< typename Out >
void write_error( Out& out, std::size_t line, const std::string_view* domain, std::string_view message )
{
   out += "{\"line\":";
   detail::put_number( out, line );
   if( domain ) {
      out += ",\"domain\":";
      json::append_string( out, *domain );
   }
   out += ",\"error\":";
   json::append_string( out, message );
   out += "}\n";
}

}  // namespace mtasts::batch

// Invariants shared by the fuzz targets. A failed invariant prints what failed and aborts, so libFuzzer keeps the input
// as a crash artifact (crash-<sha1>) like any other crash.
//
// Checked for every lint result:
//  - the result is deterministic (the same input linted twice gives the same diagnostics and facts);
//  - the kind is resolved (auto becomes detect_kind's answer; an explicit kind is kept), facts match the kind;
//  - diagnostics are sorted by (offset, code), have a known code and severity, a one-line message, no info unless
//    verbose;
//  - every span lies inside the input, never starts or ends inside a CRLF pair, never includes the CR of a CRLF on a
//    single line, and a span that starts on line L ends on L (its last byte is on L) unless it is a record-level span
//    inside one multi-line DNS record (a parenthesised group or a continued line);
//  - SourceMap::locate names the line and column an independent line counter computes;
//  - every fix has sorted, non-overlapping edits inside the input; applying it and linting again (same kind) leaves
//    no more diagnostics with that code, fewer with that code or with that code and message; an input without
//    errors stays without errors (see check_fixes);
//  - a result that says "valid" has the facts a sender needs (RFC 8461 §3.2 / §3.1, RFC 8460 §3).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/lint.hpp"

// Every target fuzzes the library as the native command runs it: with the paste reader (core/evidence/).
static const bool mtasts_fuzz_bundles_enabled = ( mtasts::evidence::enable_bundles(), true );
#include "core/lint.hpp"
#include "core/presentation.hpp"
#include "core/source_map.hpp"

namespace fuzzinv {

[[noreturn]] inline void fail( const char* file, int line, const std::string& what )
{
   std::fprintf( stderr, "\n==== INVARIANT FAILED (%s:%d): %s\n", file, line, what.c_str() );
   std::fflush( stderr );
   std::abort();
}

#define FUZZ_CHECK( cond, what )                                   \
   do {                                                            \
      if( !( cond ) ) {                                            \
         ::fuzzinv::fail( __FILE__, __LINE__, std::string( #cond ) + ": " + ( what ) ); \
      }                                                            \
   } while( false )

inline std::string describe( const mtasts::Diagnostic& d )
{
   return std::string( mtasts::rule( d.code ).id ) + " [" + std::to_string( d.offset ) + "+" + std::to_string( d.length ) + "] " + d.message;
}

// Line of every byte position 0..n, counted independently of SourceMap: LF, CRLF (one terminator) and a bare CR end a
// line; a terminator's bytes belong to the line they end.
struct Lines
{
   std::vector< std::uint32_t > line;    // line[p]: 1-based line of position p (p == n: the position after the text)
   std::vector< std::size_t > start;     // start[L - 1]: offset of line L

   explicit Lines( std::string_view t )
   {
      line.resize( t.size() + 1 );
      start.push_back( 0 );
      std::uint32_t l = 1;
      for( std::size_t p = 0; p < t.size(); ++p ) {
         line[ p ] = l;
         const bool ends = t[ p ] == '\n' || ( t[ p ] == '\r' && !( p + 1 < t.size() && t[ p + 1 ] == '\n' ) );
         if( ends ) {
            ++l;
            start.push_back( p + 1 );
         }
      }
      line[ t.size() ] = l;
   }

   mtasts::LineCol locate( std::size_t offset ) const
   {
      const std::uint32_t l = line[ offset ];
      return { l, offset - start[ l - 1 ] + 1 };
   }
};

inline bool same( const mtasts::Diagnostic& a, const mtasts::Diagnostic& b )
{
   if( a.code != b.code || a.severity != b.severity || a.offset != b.offset || a.length != b.length || a.message != b.message || a.fix.has_value() != b.fix.has_value() ) {
      return false;
   }
   if( a.fix ) {
      if( a.fix->title != b.fix->title || a.fix->edits.size() != b.fix->edits.size() ) {
         return false;
      }
      for( std::size_t i = 0; i < a.fix->edits.size(); ++i ) {
         const auto& x = a.fix->edits[ i ];
         const auto& y = b.fix->edits[ i ];
         if( x.offset != y.offset || x.length != y.length || x.insert != y.insert ) {
            return false;
         }
      }
   }
   return true;
}

inline bool same( const mtasts::LintResult& a, const mtasts::LintResult& b )
{
   if( a.kind != b.kind || a.diagnostics.size() != b.diagnostics.size() || a.policy.has_value() != b.policy.has_value() || a.record.has_value() != b.record.has_value() ) {
      return false;
   }
   for( std::size_t i = 0; i < a.diagnostics.size(); ++i ) {
      if( !same( a.diagnostics[ i ], b.diagnostics[ i ] ) ) {
         return false;
      }
   }
   if( a.policy ) {
      const auto& p = *a.policy;
      const auto& q = *b.policy;
      if( p.version != q.version || p.mode != q.mode || p.max_age != q.max_age || p.mx != q.mx || p.extensions != q.extensions ) {
         return false;
      }
   }
   if( a.record ) {
      const auto& p = *a.record;
      const auto& q = *b.record;
      if( p.value != q.value || p.fields != q.fields || p.version != q.version || p.id != q.id || p.rua != q.rua ) {
         return false;
      }
   }
   return true;
}

inline std::map< mtasts::Code, std::size_t > code_counts( const mtasts::LintResult& r, bool errors_only )
{
   std::map< mtasts::Code, std::size_t > m;
   for( const auto& d : r.diagnostics ) {
      if( !errors_only || d.severity == mtasts::Severity::error ) {
         ++m[ d.code ];
      }
   }
   return m;
}

inline std::string codes( const mtasts::LintResult& r )
{
   std::string s;
   for( const auto& d : r.diagnostics ) {
      s += std::string( mtasts::rule( d.code ).id ) + ( d.severity == mtasts::Severity::error ? "(E) " : " " );
   }
   return s;
}

inline bool is_id_char( char c )
{
   return ( c >= '0' && c <= '9' ) || ( c >= 'a' && c <= 'z' ) || ( c >= 'A' && c <= 'Z' );
}

// A "valid" verdict must carry what a sender needs.
inline void check_valid_facts( const mtasts::LintResult& r )
{
   if( !r.valid() || r.kind == mtasts::Kind::cert ) {
      return;  // (certificates: fuzz_x509 checks their facts)
   }
   if( r.kind == mtasts::Kind::bundle ) {  // a valid paste: its policy and its _mta-sts record, each as if alone
      mtasts::LintResult part;
      if( r.policy ) {
         part.kind = mtasts::Kind::policy;
         part.policy = r.policy;
         check_valid_facts( part );
      }
      if( r.record && !r.record->value.empty() ) {
         part.kind = mtasts::Kind::txt;
         part.policy.reset();
         part.record = r.record;
         check_valid_facts( part );
      }
      return;
   }
   if( r.kind == mtasts::Kind::policy ) {
      const auto& p = *r.policy;
      FUZZ_CHECK( p.version && *p.version == "STSv1", "a valid policy has version STSv1" );
      FUZZ_CHECK( p.mode && ( *p.mode == "enforce" || *p.mode == "testing" || *p.mode == "none" ), "a valid policy has a known mode" );
      FUZZ_CHECK( p.max_age && *p.max_age <= 31557600, "a valid policy has max_age <= 31557600" );
      FUZZ_CHECK( *p.mode == "none" || !p.mx.empty(), "a valid enforce/testing policy has an mx" );
      for( const auto& m : p.mx ) {
         FUZZ_CHECK( !m.empty(), "a valid policy has no empty mx" );
      }
   }
   else if( r.record->fields.empty() && r.record->value.empty() ) {
      return;  // no TXT record to judge (e.g. only a CNAME: STS119)
   }
   else if( r.kind == mtasts::Kind::txt ) {
      const auto& rec = *r.record;
      FUZZ_CHECK( rec.version && *rec.version == "STSv1", "a valid _mta-sts record has v=STSv1" );
      FUZZ_CHECK( rec.id && !rec.id->empty() && rec.id->size() <= 32, "a valid _mta-sts record has an id of 1 to 32 characters" );
      for( const char c : *rec.id ) {
         FUZZ_CHECK( is_id_char( c ), "a valid _mta-sts id is alphanumeric: " + *rec.id );
      }
   }
   else if( r.kind == mtasts::Kind::dmarc ) {
      const auto& rec = *r.record;
      FUZZ_CHECK( rec.version && *rec.version == "DMARC1", "a valid DMARC record has v=DMARC1" );
      FUZZ_CHECK( !rec.p || *rec.p == "none" || *rec.p == "quarantine" || *rec.p == "reject", "a DMARC p fact is a valid policy" );
   }
   else {
      const auto& rec = *r.record;
      FUZZ_CHECK( rec.version && *rec.version == "TLSRPTv1", "a valid TLS-RPT record has v=TLSRPTv1" );
      FUZZ_CHECK( !rec.rua.empty(), "a valid TLS-RPT record has a rua URI" );
   }
}

struct RecordSpan
{
   std::size_t begin, end;
};

// The input ranges of multi-line DNS records (a record-level span may cross lines inside one of them).
inline std::vector< RecordSpan > multiline_records( std::string_view text, const Lines& lines )
{
   mtasts::Sink sink;
   std::vector< RecordSpan > out;
   for( const auto& r : mtasts::parse_presentation( text, sink ) ) {
      const std::size_t b = std::min( r.begin, text.size() );
      const std::size_t e = std::min( r.end, text.size() );
      if( e > b && lines.line[ b ] != lines.line[ e - 1 ] ) {
         out.push_back( { b, e } );
      }
   }
   return out;
}

inline void check_spans( std::string_view text, const mtasts::LintResult& r, bool verbose )
{
   const std::size_t n = text.size();
   const Lines lines( text );
   const mtasts::SourceMap map( text );
   std::vector< RecordSpan > records;
   bool records_done = false;
   for( std::size_t i = 0; i < r.diagnostics.size(); ++i ) {
      const auto& d = r.diagnostics[ i ];
      const std::string what = describe( d );
      FUZZ_CHECK( static_cast< std::size_t >( d.code ) < mtasts::rule_count, what );
      FUZZ_CHECK( d.severity == mtasts::Severity::error || d.severity == mtasts::Severity::warning || d.severity == mtasts::Severity::info, what );
      FUZZ_CHECK( verbose || d.severity != mtasts::Severity::info, "info without verbose: " + what );
      const auto& info = mtasts::rule( d.code );
      FUZZ_CHECK( d.severity == info.severity || info.dual_severity, "severity differs from the catalogue: " + what );
      FUZZ_CHECK( !d.message.empty() && d.message.find_first_of( "\r\n" ) == std::string::npos, "message is not one line: " + what );
      if( i > 0 ) {
         const auto& p = r.diagnostics[ i - 1 ];
         FUZZ_CHECK( p.offset < d.offset || ( p.offset == d.offset && p.code <= d.code ), "diagnostics not sorted: " + describe( p ) + " before " + what );
      }
      FUZZ_CHECK( d.offset <= n && d.length <= n - d.offset, "span outside the input (" + std::to_string( n ) + " bytes): " + what );
      const std::size_t b = d.offset, e = d.offset + d.length;
      // never inside a CRLF pair
      FUZZ_CHECK( !( b > 0 && b < n && text[ b - 1 ] == '\r' && text[ b ] == '\n' ), "span starts on the LF of a CRLF: " + what );
      FUZZ_CHECK( !( e > 0 && e < n && text[ e - 1 ] == '\r' && text[ e ] == '\n' ), "span ends between CR and LF: " + what );
      // SourceMap agrees with an independent count
      for( const std::size_t pos : { b, e } ) {
         const auto got = map.locate( pos );
         const auto want = lines.locate( pos );
         FUZZ_CHECK( got.line == want.line && got.column == want.column,
                     "SourceMap::locate(" + std::to_string( pos ) + ") = " + std::to_string( got.line ) + ":" + std::to_string( got.column ) + ", expected " + std::to_string( want.line ) + ":" + std::to_string( want.column ) + " for " + what );
      }
      if( d.length == 0 ) {
         continue;
      }
      if( lines.line[ b ] == lines.line[ e - 1 ] ) {
         // single line: only its own terminator may be the last byte, and never the CR of a CRLF
         bool crlf_cr = false;
         for( std::size_t p = b; p < e; ++p ) {
            crlf_cr = crlf_cr || ( text[ p ] == '\r' && p + 1 < n && text[ p + 1 ] == '\n' );
         }
         FUZZ_CHECK( !crlf_cr, "span includes the CR of a CRLF: " + what );
         continue;
      }
      // crosses lines: only inside one multi-line DNS record
      bool inside = false;
      if( r.kind != mtasts::Kind::policy ) {
         if( !records_done ) {
            records = multiline_records( text, lines );
            records_done = true;
         }
         for( const auto& rec : records ) {
            inside = inside || ( rec.begin <= b && e <= rec.end );
         }
      }
      FUZZ_CHECK( inside, "span starts on line " + std::to_string( lines.line[ b ] ) + " and ends on line " + std::to_string( lines.line[ e - 1 ] ) + ": " + what );
   }
}

inline void check_fixes( std::string_view text, const mtasts::LintResult& r, const mtasts::LintOptions& options, std::size_t max_fixes )
{
   const std::size_t n = text.size();
   const auto before = code_counts( r, false );
   std::size_t checked = 0;
   for( const auto& d : r.diagnostics ) {
      if( !d.fix ) {
         continue;
      }
      const std::string what = describe( d ) + " / fix '" + d.fix->title + "'";
      FUZZ_CHECK( !d.fix->title.empty() && d.fix->title.find_first_of( "\r\n" ) == std::string::npos, "fix title is not one line: " + what );
      FUZZ_CHECK( !d.fix->edits.empty(), "fix without edits: " + what );
      std::size_t pos = 0;
      for( const auto& ed : d.fix->edits ) {
         FUZZ_CHECK( ed.offset >= pos, "fix edits overlap or are unsorted: " + what );
         FUZZ_CHECK( ed.offset <= n && ed.length <= n - ed.offset, "fix edit outside the input: " + what );
         pos = ed.offset + ed.length;
      }
      if( checked++ >= max_fixes ) {
         continue;
      }
      const std::string fixed = mtasts::apply_edits( text, d.fix->edits );
      FUZZ_CHECK( fixed != text, "fix changes nothing: " + what );
      mtasts::LintOptions o = options;
      o.kind = r.kind;
      const auto after = mtasts::lint( fixed, o );
      const auto counts = code_counts( after, false );
      const auto it = counts.find( d.code );
      const std::size_t n_after = it == counts.end() ? 0 : it->second;
      // "removes that diagnostic": never more diagnostics with that code than before, and either fewer with that code
      // or fewer with that code and that message (a diagnostic may name two problems, e.g. STS242 "not a host name
      // ... remove the comment", and its fix solve one: the code then stays, with another message; messages alone
      // cannot identify it, as they may name a line number that the fix shifts).
      FUZZ_CHECK( n_after <= before.at( d.code ), "fix adds diagnostics with its code (" + std::to_string( before.at( d.code ) ) + " before, " + std::to_string( n_after ) + " after): " + what );
      const auto same_message = [ &d ]( const mtasts::LintResult& x ) {
         return std::count_if( x.diagnostics.begin(), x.diagnostics.end(), [ &d ]( const mtasts::Diagnostic& y ) { return y.code == d.code && y.message == d.message; } );
      };
      FUZZ_CHECK( n_after < before.at( d.code ) || same_message( after ) < same_message( r ), "fix does not remove its diagnostic: " + what + " / after: " + codes( after ) );
      // "adds no error": a fix on an input without errors (a warning's or an info's fix) leaves it without errors.
      // Stricter forms were tried and trip on correct fixes that reveal an error the fixed one was hiding: per-code
      // or total error counts (' mode: enforce' -> 'mode: enforce' lets the linter read the mode and see there is no
      // mx; 'V=STSv1' -> 'v=STSv1' reveals the missing id), and "no error within the inserted text" (STS253 rewrites
      // 'mx: a, b' as two lines, carrying an over-long 'a' and its STS244 along).
      FUZZ_CHECK( r.error_count() > 0 || after.error_count() == 0, "fix makes a valid input invalid: " + what + " / after: " + codes( after ) );
   }
}

// Lints `text` with `options` and checks every invariant above. Returns the result for further checks.
inline mtasts::LintResult lint_and_check( std::string_view text, const mtasts::LintOptions& options, std::size_t max_fixes = 16 )
{
   const auto r = mtasts::lint( text, options );
   const auto again = mtasts::lint( text, options );
   FUZZ_CHECK( same( r, again ), "linting the same input twice gives different results" );
   if( options.kind == mtasts::Kind::auto_ ) {
      FUZZ_CHECK( r.kind == mtasts::detect_kind( text ), "auto kind differs from detect_kind" );
   }
   else {
      FUZZ_CHECK( r.kind == options.kind, "explicit kind not kept" );
   }
   const bool is_record = r.kind == mtasts::Kind::txt || r.kind == mtasts::Kind::tlsrpt || r.kind == mtasts::Kind::dmarc;
   FUZZ_CHECK( r.kind == mtasts::Kind::bundle || ( r.policy.has_value() == ( r.kind == mtasts::Kind::policy ) && r.record.has_value() == is_record ), "facts do not match the kind" );
   FUZZ_CHECK( r.certificates_json.empty() || r.kind == mtasts::Kind::cert, "certificate facts for another kind" );
   for( const auto& a : r.artefacts ) {  // a bundle's parts lie inside the paste, in order
      FUZZ_CHECK( r.kind == mtasts::Kind::bundle && a.offset <= text.size() && a.length <= text.size() - a.offset && !a.kind.empty() && a.label.find_first_of( "\r\n" ) == std::string::npos, "artefact outside the input: " + a.kind );
   }
   FUZZ_CHECK( r.error_count() + r.warning_count() + r.info_count() == r.diagnostics.size(), "counts do not add up" );
   check_spans( text, r, options.verbose );
   check_valid_facts( r );
   check_fixes( text, r, options, max_fixes );
   return r;
}

}  // namespace fuzzinv

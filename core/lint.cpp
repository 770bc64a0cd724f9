#include "lint.hpp"

#include <algorithm>
#include <cstdint>

#include "checks.hpp"
#include "evidence/reader.hpp"
#include "text.hpp"
#include "x509/detect.hpp"

namespace mtasts {

const char* kind_name( Kind k ) noexcept
{
   switch( k ) {
      case Kind::auto_:
         return "auto";
      case Kind::policy:
         return "policy";
      case Kind::txt:
         return "txt";
      case Kind::tlsrpt:
         return "tlsrpt";
      case Kind::dmarc:
         return "dmarc";
      case Kind::bundle:
         return "bundle";
      case Kind::cert:
         return "cert";
   }
   return "policy";
}

std::optional< Kind > parse_kind( std::string_view name ) noexcept
{
   for( const Kind k : { Kind::auto_, Kind::policy, Kind::txt, Kind::tlsrpt, Kind::dmarc, Kind::bundle, Kind::cert } ) {
      if( name == kind_name( k ) ) {
         return k;
      }
   }
   return std::nullopt;
}

namespace detail {
CertLinter cert_linter = nullptr;
BundleDetectHook bundle_detector = nullptr;
BundleLintHook bundle_linter = nullptr;
}  // namespace detail

Kind detect_kind( std::string_view t ) noexcept
{
   // Certificates only where the certificate reader is linked in (the lint-only WebAssembly module keeps its kinds).
   if( detail::cert_linter && x509::looks_like_certificates( t ) ) {
      return Kind::cert;
   }
   // The plain inputs decide at once, as the paste reader's first-line rules and the loop below would (no BOM, no blank
   // or comment line first): a policy line "name: value" (not nslookup's "Server:"), or a record's "v=" / "\"v=" at
   // the very start, which the paste reader leaves to the loop below. A plain input so pays nothing for the paste
   // recognition (bench: typical policy and _mta-sts record, auto against an explicit kind).
   bool plain_record = false;
   {
      const std::size_t limit = std::min< std::size_t >( t.size(), 512 );
      std::size_t k = 0;
      while( k < limit && ( text::is_alnum( t[ k ] ) || t[ k ] == '_' || t[ k ] == '-' || t[ k ] == '.' ) ) {
         ++k;
      }
      if( k > 1 && k < limit && t[ k ] == ':' && !( k == 6 && text::istarts_with( t, "Server" ) ) ) {
         return Kind::policy;
      }
      plain_record = t.substr( 0, 2 ) == "v=" || t.substr( 0, 3 ) == "\"v=";
      if( plain_record ) {
         const auto tag = t.substr( t[ 0 ] == '"' ? 1 : 0 );
         if( text::istarts_with( tag, "v=STSv1" ) ) {
            return Kind::txt;
         }
         if( text::istarts_with( tag, "v=TLSRPT" ) ) {
            return Kind::tlsrpt;
         }
      }
   }
   // Tool output, a prompt, an HTTP response, a zone file (core/evidence/), where the paste reader is linked in.
   if( detail::bundle_detector && !plain_record ) {
      const Kind k = detail::bundle_detector( t );
      if( k != Kind::auto_ ) {
         return k;
      }
   }
   // Look at the first few non-empty, non-comment lines: a record tag after optional owner/TTL/class/type and quotes.
   std::size_t i = 0;
   if( t.substr( 0, 3 ) == "\xEF\xBB\xBF" ) {
      i = 3;
   }
   for( int lines = 0; lines < 8 && i < t.size(); ++lines ) {
      std::size_t e = i;
      while( e < t.size() && t[ e ] != '\n' && t[ e ] != '\r' ) {
         ++e;
      }
      std::string_view line = t.substr( i, std::min< std::size_t >( e - i, 512 ) );
      i = e;
      while( i < t.size() && ( t[ i ] == '\n' || t[ i ] == '\r' ) ) {
         ++i;
      }
      line.remove_prefix( text::leading_wsp( line ) );
      if( line.empty() || line[ 0 ] == ';' || line[ 0 ] == '$' ) {
         continue;
      }
      // A policy line starts "name:" — decide at once for the common case.
      {
         std::size_t k = 0;
         while( k < line.size() && ( text::is_alnum( line[ k ] ) || line[ k ] == '_' || line[ k ] == '-' || line[ k ] == '.' ) ) {
            ++k;
         }
         if( k > 0 && k < line.size() && line[ k ] == ':' ) {
            return Kind::policy;
         }
      }
      // skip up to five leading tokens (owner TTL class TXT) and an opening quote or parenthesis
      std::string_view rest = line;
      for( int tok = 0; tok < 6; ++tok ) {
         std::size_t k = 0;
         while( k < rest.size() && ( rest[ k ] == '"' || rest[ k ] == '(' || text::is_wsp( rest[ k ] ) ) ) {
            ++k;
         }
         rest.remove_prefix( k );
         char compact[ 12 ];
         std::size_t cn = 0;
         for( std::size_t c = 0; c < rest.size() && cn < sizeof( compact ); ++c ) {
            if( !text::is_wsp( rest[ c ] ) ) {
               compact[ cn++ ] = rest[ c ];
            }
         }
         const std::string_view cv( compact, cn );
         if( text::istarts_with( cv, "v=STSv1" ) ) {
            return Kind::txt;
         }
         if( text::istarts_with( cv, "v=TLSRPT" ) ) {
            return Kind::tlsrpt;
         }
         if( text::istarts_with( rest, "_mta-sts" ) ) {
            return Kind::txt;
         }
         if( text::istarts_with( rest, "_smtp._tls" ) || text::istarts_with( rest, "_smtp-tlsrpt" ) ) {
            return Kind::tlsrpt;
         }
         if( const auto dmarc = detail::detect_dmarc( cv, rest ) ) {
            return *dmarc;
         }
         const auto sp = rest.find_first_of( " \t" );
         if( sp == std::string_view::npos ) {
            break;
         }
         const auto token = rest.substr( 0, sp );
         if( token.find( ':' ) != std::string_view::npos ) {
            break;  // a policy line "name: value"
         }
         rest.remove_prefix( sp );
      }
      return Kind::policy;
   }
   return Kind::policy;
}

std::size_t LintResult::error_count() const noexcept
{
   return static_cast< std::size_t >( std::count_if( diagnostics.begin(), diagnostics.end(), []( const Diagnostic& d ) { return d.severity == Severity::error; } ) );
}

std::size_t LintResult::warning_count() const noexcept
{
   return static_cast< std::size_t >( std::count_if( diagnostics.begin(), diagnostics.end(), []( const Diagnostic& d ) { return d.severity == Severity::warning; } ) );
}

std::size_t LintResult::info_count() const noexcept
{
   return static_cast< std::size_t >( std::count_if( diagnostics.begin(), diagnostics.end(), []( const Diagnostic& d ) { return d.severity == Severity::info; } ) );
}

namespace {

// The facts a call of this kind fills, empty: the previous result's, emptied in place (PolicyFacts::clear(),
// RecordFacts::clear(), which keep the buffers), else the spare a call of another kind set aside, else fresh ones.
template< typename Facts >
void take_facts( std::optional< Facts >& facts, std::optional< Facts >* spare ) noexcept
{
   if( facts ) {
      facts->clear();
   }
   else if( spare && *spare ) {
      ( *spare )->clear();
      facts = std::move( *spare );
      spare->reset();
   }
   else {
      facts.emplace();
   }
}

// Facts a call of this kind does not fill go (the checks and the caller see a result without them, as a fresh one):
// into the spare when it is free, for their buffers.
template< typename Facts >
void set_aside( std::optional< Facts >& facts, std::optional< Facts >* spare ) noexcept
{
   if( facts ) {
      if( spare && !*spare ) {
         *spare = std::move( facts );
      }
      facts.reset();
   }
}

void lint_into( LintResult& result, detail::Workspace* ws, std::string_view text, const LintOptions& options )
{
   result.kind = options.kind == Kind::auto_ ? detect_kind( text ) : options.kind;
   Sink sink( options.verbose, options.lang, std::move( result.diagnostics ), ws ? &ws->recycle : nullptr );
   const bool policy_facts = result.kind == Kind::policy;
   const bool record_facts = !policy_facts && result.kind != Kind::cert && result.kind != Kind::bundle;
   if( !policy_facts ) {
      set_aside( result.policy, ws ? &ws->spare_policy : nullptr );
   }
   if( !record_facts ) {
      set_aside( result.record, ws ? &ws->spare_record : nullptr );
   }
   if( result.kind == Kind::cert ) {
      if( detail::cert_linter ) {
         detail::cert_linter( text, options, sink, result.certificates_json, result.certificates_table );
      }
      else {
         sink.add( Code::CRT800, 0, 0 );
      }
   }
   else if( result.kind == Kind::bundle ) {
      if( detail::bundle_linter ) {
         detail::bundle_linter( text, options, sink, result );
      }
      else {
         sink.add( Code::EVD708, 0, 0 );
      }
   }
   else if( result.kind == Kind::policy ) {
      take_facts( result.policy, ws ? &ws->spare_policy : nullptr );
      detail::lint_policy( text, options, sink, *result.policy, ws );
   }
   else if( result.kind == Kind::dmarc ) {
      take_facts( result.record, ws ? &ws->spare_record : nullptr );
      detail::lint_dmarc( text, options, sink, *result.record );
   }
   else {
      take_facts( result.record, ws ? &ws->spare_record : nullptr );
      detail::lint_records( text, result.kind, sink, *result.record );
   }
   detail::finish( result, sink, text, options.verbose );
}

}  // namespace

namespace detail {

void finish( LintResult& result, Sink& sink, std::string_view text, bool verbose )
{
   auto& ds = sink.items();
   if( !verbose ) {
      ds.erase( std::remove_if( ds.begin(), ds.end(), []( const Diagnostic& d ) { return d.severity == Severity::info; } ), ds.end() );
   }
   for( auto& d : ds ) {
      // never past the end; a span ends at its line's end (it never includes a CR or LF: a record's value may be
      // joined from strings on several lines, but an underline stays on one)
      d.offset = std::min( d.offset, text.size() );
      d.length = std::min( d.length, text.size() - d.offset );
      for( std::size_t k = 1; k < d.length; ++k ) {  // (a diagnostic about a bare CR covers just that CR)
         const char c = text[ d.offset + k ];
         if( c == '\r' || c == '\n' ) {
            d.length = k;
            break;
         }
      }
      // A span on either byte of a CRLF (a byte position inside a binary DER input, say) would start or end between CR
      // and LF, which no line/column can express: it becomes the empty span at that line's end.
      if( d.offset > 0 && d.offset < text.size() && text[ d.offset ] == '\n' && text[ d.offset - 1 ] == '\r' ) {
         d.offset -= 1;
         d.length = 0;
      }
      else if( d.length == 1 && text[ d.offset ] == '\r' && d.offset + 1 < text.size() && text[ d.offset + 1 ] == '\n' ) {
         d.length = 0;
      }
   }
   // By position, then code; equal keys keep the order the checks found them in. Usually sorted already.
   const auto key = []( const Diagnostic& d ) { return ( std::uint64_t( d.offset ) << 16 ) | std::uint64_t( d.code ); };
   if( std::is_sorted( ds.begin(), ds.end(), [ & ]( const Diagnostic& a, const Diagnostic& b ) { return key( a ) < key( b ); } ) ) {
      result.diagnostics = std::move( ds );
      return;
   }
   std::vector< std::uint64_t > keys;
   keys.reserve( ds.size() );
   for( const auto& d : ds ) {
      keys.push_back( key( d ) );
   }
   text::sort_by_keys( ds, keys );  // in place: the vector, a Linter's, keeps its memory for the next call
   result.diagnostics = std::move( ds );
}

}  // namespace detail

namespace detail {

void lint_reusing( LintResult& result, Workspace* ws, std::string_view text, const LintOptions& options ) noexcept
{
   if( ws ) {
      if( ws->last_size > Linter::keep_limit ) {
         // The previous input was huge: give its memory back rather than keep it for good.
         result = LintResult();
         *ws = Workspace();
      }
      else {
         // The previous diagnostics are reused in place (their strings' memory); the result gets the other vector.
         ws->recycle.clear();
         std::swap( ws->recycle, result.diagnostics );
         result.clear_except_facts();  // the facts: take_facts() / set_aside() in lint_into(), once the kind is known
      }
      ws->last_size = text.size();
   }
#if defined( __cpp_exceptions )
   try {
      lint_into( result, ws, text, options );
   }
   catch( ... ) {
      // Only std::bad_alloc can get here; report what we have rather than let it cross the API.
   }
#else
   lint_into( result, ws, text, options );  // (WebAssembly: running out of memory aborts the instance; api.js reports it)
#endif
}

}  // namespace detail

LintResult lint( std::string_view text, const LintOptions& options ) noexcept
{
   LintResult result;
   detail::lint_reusing( result, nullptr, text, options );
   return result;
}

void lint_with_policy( std::vector< LintResult >& results, const std::vector< std::string_view >& texts, LintOptions options )
{
   for( const auto& r : results ) {
      if( r.policy && r.policy->mode && options.mode.empty() ) {  // (the first policy's, unless --policy-mode)
         options.mode = *r.policy->mode;
      }
      if( r.policy && !options.policy_mx ) {
         options.policy_mx = std::vector< std::string >( r.policy->mx.begin(), r.policy->mx.end() );
      }
   }
   if( !options.policy_mx ) {
      return;  // no policy in the run (a policy gives its mx patterns, and its mode with them): the results stand
   }
   for( std::size_t i = 0; i < results.size() && i < texts.size(); ++i ) {
      if( results[ i ].kind == Kind::cert ) {
         results[ i ] = lint( texts[ i ], options );
      }
   }
}

std::string apply_edits( std::string_view text, const std::vector< Edit >& edits )
{
   std::string out;
   out.reserve( text.size() );
   std::size_t pos = 0;
   for( const auto& e : edits ) {
      if( e.offset < pos || e.offset > text.size() ) {
         continue;
      }
      out.append( text.substr( pos, e.offset - pos ) );
      out.append( e.insert );
      pos = std::min( text.size(), e.offset + e.length );
   }
   out.append( text.substr( pos ) );
   return out;
}

}  // namespace mtasts

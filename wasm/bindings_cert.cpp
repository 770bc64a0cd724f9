// The certificates of a paste (PEM blocks, `openssl s_client -showcerts` output) for the "./full" module's JS API
// (wasm/src/certificates.js): the diagnostics of the certificate checks (core/x509/, STS306-STS309, CRT801-CRT815)
// and the facts of every certificate, as plain JS objects built here with emscripten::val (no handle is returned).
// Only mta-sts-lint-full.wasm links this file and embind (wasm/CMakeLists.txt): the default module stays lint-only.
// The core has no clock: the validation time always comes from JS (seconds since 1970, UTC).
//
// certificates(text, options) with options (checked by certificates.js): now (number, seconds), domain, certHost,
// policyMode, policyMx (array of strings, or absent), expiryWarningDays, verbose, lang (index). Returns
// { diagnostics: [{ code, severity, message, offset, length, line, column, endLine, endColumn }], facts: {...} }
// where offsets and lengths are UTF-16 code units of the JS string and the facts are the native --format json's.
#include <cstdint>
#include <string>
#include <vector>

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "core/catalogue.hpp"
#include "core/checks.hpp"
#include "core/lint.hpp"
#include "core/source_map.hpp"
#include "core/x509/cert_lint.hpp"
#include "core/x509/certificate.hpp"

namespace {

using emscripten::val;

std::string text_of( const val& o, const char* key )
{
   const val v = o[ key ];
   return v.isString() ? v.as< std::string >() : std::string();
}

val certificates( std::string text, val o )
{
   mtasts::enable_all_languages();
   mtasts::LintOptions opt;
   opt.kind = mtasts::Kind::cert;
   opt.verbose = o[ "verbose" ].isTrue();
   const val lang = o[ "lang" ];
   opt.lang = static_cast< mtasts::Lang >( lang.isNumber() && lang.as< double >() >= 0 && lang.as< double >() < mtasts::lang_count ? static_cast< int >( lang.as< double >() ) : 0 );
   const val now = o[ "now" ];
   if( now.isNumber() ) {
      opt.now = static_cast< std::int64_t >( now.as< double >() );
   }
   opt.domain = text_of( o, "domain" );
   opt.cert_host = text_of( o, "certHost" );
   opt.mode = text_of( o, "policyMode" );
   const val days = o[ "expiryWarningDays" ];
   if( days.isNumber() ) {
      opt.expiry_warning_days = static_cast< unsigned >( days.as< double >() );
   }
   const val mx = o[ "policyMx" ];
   if( mx.isArray() ) {
      std::vector< std::string > patterns;
      const unsigned n = mx[ "length" ].as< unsigned >();
      for( unsigned k = 0; k < n; ++k ) {
         patterns.push_back( mx[ k ].isString() ? mx[ k ].as< std::string >() : std::string() );
      }
      opt.policy_mx = std::move( patterns );
   }
   // The checks alone (not lint(): the lint() of this module keeps its kinds), finished as lint() finishes them.
   mtasts::Sink sink( opt.verbose, opt.lang );
   mtasts::LintResult r;
   r.kind = mtasts::Kind::cert;
   mtasts::x509::lint_certificates( text, opt, sink, r.certificates_json );
   mtasts::detail::finish( r, sink, text, opt.verbose );

   // UTF-16 positions: one pass over the text.
   std::vector< std::uint32_t > units( text.size() + 1, 0 );
   std::uint32_t u = 0;
   for( std::size_t i = 0; i < text.size(); ++i ) {
      units[ i ] = u;
      const auto c = static_cast< unsigned char >( text[ i ] );
      if( ( c & 0xC0 ) != 0x80 ) {
         u += c >= 0xF0 ? 2 : 1;
      }
   }
   units[ text.size() ] = u;
   const mtasts::SourceMap map( text );
   val diagnostics = val::array();
   for( const auto& d : r.diagnostics ) {
      const auto b = map.locate( d.offset );
      const auto e = map.locate( d.offset + d.length );
      val x = val::object();
      x.set( "code", std::string( mtasts::rule( d.code ).id ) );
      x.set( "severity", std::string( mtasts::severity_name( d.severity ) ) );
      x.set( "message", d.message );
      x.set( "offset", units[ d.offset ] );
      x.set( "length", units[ d.offset + d.length ] - units[ d.offset ] );
      x.set( "line", static_cast< double >( b.line ) );
      x.set( "column", static_cast< double >( b.column ) );
      x.set( "endLine", static_cast< double >( e.line ) );
      x.set( "endColumn", static_cast< double >( e.column ) );
      diagnostics.call< void >( "push", x );
   }
   val out = val::object();
   out.set( "diagnostics", diagnostics );
   out.set( "facts", val::global( "JSON" ).call< val >( "parse", r.certificates_json ) );
   // the facts' offsets are bytes: give the UTF-16 ones beside them
   const val chains = out[ "facts" ][ "chains" ];
   const unsigned nc = chains[ "length" ].as< unsigned >();
   for( unsigned c = 0; c < nc; ++c ) {
      const val certs = chains[ c ][ "certificates" ];
      const unsigned n = certs[ "length" ].as< unsigned >();
      for( unsigned k = 0; k < n; ++k ) {
         val cert = certs[ k ];
         const auto off = static_cast< std::size_t >( cert[ "offset" ].as< double >() );
         const auto len = static_cast< std::size_t >( cert[ "length" ].as< double >() );
         if( off + len <= text.size() ) {
            cert.set( "from", units[ off ] );
            cert.set( "to", units[ off + len ] );
            cert.set( "line", static_cast< double >( map.locate( off ).line ) );
         }
      }
   }
   return out;
}

// The bin's --now (cli/main.cpp): YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD as seconds since 1970, or null.
val parse_time( const std::string& text )
{
   const auto t = mtasts::x509::parse_time_text( text );
   return t ? val( static_cast< double >( *t ) ) : val::null();
}

}  // namespace

EMSCRIPTEN_BINDINGS( certificates )
{
   // lint() of this module reads certificates too (kind 'cert', found by 'auto'): a certificate pasted into the page's
   // editor gets the certificate checks rather than being read as a broken policy.
   mtasts::x509::enable_certificates();
   emscripten::function( "mtastsCertificates", &certificates );
   emscripten::function( "mtastsParseTime", &parse_time );
}

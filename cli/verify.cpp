// --ca-file / --ca-path / --verify-chain: each certificate chain verified with OpenSSL against a CA store, at the
// validation time (CRT813 when it fails, CRT814 as a note when it verifies). Only in builds with OpenSSL (libssl-dev);
// names and expiry are the core's checks, revocation is not checked.
#include "cli/commands.hpp"

#if MTASTS_CLI_OPENSSL
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <algorithm>

#include "core/x509/cert_lint.hpp"
#include "core/x509/certificate.hpp"

namespace mtasts::cli {

bool verify_available() { return true; }

bool verify_chains( std::string_view text, const LintOptions& o, const VerifyOptions& v, LintResult& result, std::string& error )
{
   X509_STORE* store = X509_STORE_new();
   bool ok = store != nullptr;
   const auto tx = [ & ]( Text t, const Args& args = {} ) { return render_text( t, args, o.lang ); };
   std::string ca = tx( Text::verify_system_store );
   if( ok && !v.ca_file.empty() ) {
      ok = X509_STORE_load_file( store, v.ca_file.c_str() ) == 1;
      ca = v.ca_file;
   }
   if( ok && !v.ca_path.empty() ) {
      ok = X509_STORE_load_path( store, v.ca_path.c_str() ) == 1;
      ca = v.ca_file.empty() ? v.ca_path : tx( Text::verify_file_and_path, { { "file", ca }, { "path", v.ca_path } } );
   }
   if( ok && v.ca_file.empty() && v.ca_path.empty() ) {
      ok = X509_STORE_set_default_paths( store ) == 1;
   }
   if( !ok ) {
      error = tx( Text::verify_cannot_load, { { "ca", ca } } );
      X509_STORE_free( store );
      ERR_clear_error();
      return false;
   }
   const auto ev = x509::read_evidence( text );
   const auto add = [ & ]( Code c, x509::Span at, const ArgList& args ) {
      if( rule( c ).severity == Severity::info && !o.verbose ) {
         return;
      }
      Diagnostic d;
      d.code = c;
      d.severity = rule( c ).severity;
      d.offset = at.offset;
      d.length = at.length;
      d.message = render_message( c, args, Hint::none, o.lang );
      result.diagnostics.push_back( std::move( d ) );
   };
   for( const auto& ch : x509::chains_of( ev, o ) ) {
      std::vector< X509* > certs;
      for( const std::size_t b : ch.blocks ) {
         const auto& der = ev.blocks[ b ].der;
         const unsigned char* p = reinterpret_cast< const unsigned char* >( der.data() );
         X509* x = ev.blocks[ b ].bad_base64 ? nullptr : d2i_X509( nullptr, &p, static_cast< long >( der.size() ) );
         certs.push_back( x );
      }
      if( certs.empty() || !certs[ 0 ] ) {
         for( X509* x : certs ) X509_free( x );
         continue;  // unreadable: CRT801 says so
      }
      STACK_OF( X509 )* untrusted = sk_X509_new_null();
      for( std::size_t k = 1; k < certs.size(); ++k ) {
         if( certs[ k ] ) {
            sk_X509_push( untrusted, certs[ k ] );
         }
      }
      X509_STORE_CTX* ctx = X509_STORE_CTX_new();
      const std::string host = ch.host.empty() ? tx( Text::verify_the_server ) : ch.host;
      if( ctx && X509_STORE_CTX_init( ctx, store, certs[ 0 ], untrusted ) == 1 ) {
         X509_STORE_CTX_set_purpose( ctx, X509_PURPOSE_SSL_SERVER );
         if( o.now ) {
            X509_VERIFY_PARAM_set_time( X509_STORE_CTX_get0_param( ctx ), static_cast< time_t >( *o.now ) );
         }
         if( X509_verify_cert( ctx ) == 1 ) {
            add( Code::CRT814, ch.spans[ 0 ], { { "h", host }, { "ca", ca }, { "t", o.now ? x509::time_text( *o.now ) : tx( Text::verify_current_time ) } } );
         }
         else {
            const int err = X509_STORE_CTX_get_error( ctx );
            add( Code::CRT813, ch.spans[ 0 ], { { "h", host }, { "ca", ca }, { "e", tx( Text::verify_openssl_says, { { "e", X509_verify_cert_error_string( err ) } } ) } } );
         }
      }
      X509_STORE_CTX_free( ctx );
      sk_X509_free( untrusted );
      for( X509* x : certs ) X509_free( x );
   }
   X509_STORE_free( store );
   ERR_clear_error();
   std::stable_sort( result.diagnostics.begin(), result.diagnostics.end(), []( const Diagnostic& a, const Diagnostic& b ) {
      return a.offset != b.offset ? a.offset < b.offset : a.code < b.code;
   } );
   return true;
}

}  // namespace mtasts::cli

#else

namespace mtasts::cli {

bool verify_available() { return false; }

bool verify_chains( std::string_view, const LintOptions& o, const VerifyOptions&, LintResult&, std::string& error )
{
   error = render_text( Text::verify_no_openssl, {}, o.lang );
   return false;
}

}  // namespace mtasts::cli

#endif

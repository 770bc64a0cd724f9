// --batch's "certificates" key (docs/batch.md): a line may carry captured certificates (PEM blocks or
// `openssl s_client -showcerts` output) with the options of the command line's certificate checks:
//   "certificates": "...", "now": "2026-12-01T00:00:00Z", "certHost": "mta-sts.example.com",
//   "policyMode": "enforce", "expiryWarningDays": 14
// each optional but "certificates" (null means absent). The answer gets "certificates": the result of that text as for
// the other texts (kind "cert", counts, diagnostics) plus "certificates": the facts, as the CLI's --format json gives
// them. A policy on the same line gives its mode (unless "policyMode" is there) and its mx patterns (CRT815).
// Only lines whose text holds "certificates" are parsed a second time, here, into a DOM: the other lines keep the
// fast path.
#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/batch.hpp"
#include "core/x509/cert_lint.hpp"
#include "core/x509/certificate.hpp"

namespace mtasts::cli {

BatchCertificates batch_certificates( std::string_view line, std::string_view domain, const LintResult* policy, bool verbose, Lang lang, std::string& extra, std::string& error )
{
   if( line.find( "\"certificates\"" ) == std::string_view::npos ) {
      return BatchCertificates::absent;
   }
   const auto j = nlohmann::json::parse( line.begin(), line.end(), nullptr, false );
   if( !j.is_object() ) {
      return BatchCertificates::absent;
   }
   const auto it = j.find( "certificates" );
   if( it == j.end() || it->is_null() ) {
      return BatchCertificates::absent;
   }
   const auto fail = [ & ]( std::string why ) {
      error = std::move( why );
      return BatchCertificates::error;
   };
   if( !it->is_string() ) {
      return fail( render_text( Text::batch_field_string, { { "field", "certificates" } }, lang ) );
   }
   x509::enable_certificates();
   LintOptions o;
   o.kind = Kind::cert;
   o.verbose = verbose;
   o.lang = lang;
   o.domain = std::string( domain );
   o.now = static_cast< std::int64_t >( std::time( nullptr ) );
   if( const auto n = j.find( "now" ); n != j.end() && !n->is_null() ) {
      const auto t = n->is_string() ? x509::parse_time_text( n->get_ref< const std::string& >() ) : std::nullopt;
      if( !t ) {
         return fail( render_text( Text::batch_bad_now, {}, lang ) );
      }
      o.now = t;
   }
   if( const auto h = j.find( "certHost" ); h != j.end() && !h->is_null() ) {
      if( !h->is_string() ) {
         return fail( render_text( Text::batch_field_string, { { "field", "certHost" } }, lang ) );
      }
      o.cert_host = h->get< std::string >();
   }
   if( policy && policy->policy ) {
      if( policy->policy->mode ) {
         o.mode = *policy->policy->mode;
      }
      o.policy_mx = std::vector< std::string >( policy->policy->mx.begin(), policy->policy->mx.end() );
   }
   if( const auto m = j.find( "policyMode" ); m != j.end() && !m->is_null() ) {
      const std::string v = m->is_string() ? m->get< std::string >() : std::string();
      if( v != "enforce" && v != "testing" && v != "none" ) {
         return fail( render_text( Text::batch_bad_policy_mode, {}, lang ) );
      }
      o.mode = v;
   }
   if( const auto d = j.find( "expiryWarningDays" ); d != j.end() && !d->is_null() ) {
      if( !d->is_number_unsigned() || d->get< std::uint64_t >() > 3650 ) {
         return fail( render_text( Text::batch_bad_expiry_days, {}, lang ) );
      }
      o.expiry_warning_days = static_cast< unsigned >( d->get< std::uint64_t >() );
   }
   const std::string& text = it->get_ref< const std::string& >();
   const LintResult r = lint( text, o );
   std::string result;
   batch::detail::put_result( result, text, r );
   result.pop_back();  // its closing brace: the facts go inside
   extra += ",\"certificates\":";
   extra += result;
   extra += ",\"certificates\":";
   extra += r.certificates_json.empty() ? std::string( "null" ) : r.certificates_json;
   extra += '}';
   return r.valid() ? BatchCertificates::valid : BatchCertificates::invalid;
}

}  // namespace mtasts::cli

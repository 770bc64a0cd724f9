// libFuzzer target: the certificate reader (core/x509/). The input is read three ways: as DER by parse_certificate,
// as certificate evidence by lint() with Kind::cert (PEM blocks, s_client output or DER), and base64-armoured as a PEM
// block so that arbitrary DER reaches the checks through the PEM reader. Every invariant of invariants.hpp holds, and:
//  - parse_certificate gives a certificate or an error, never both; an error's offset and a certificate's size lie
//    inside the input; a certificate re-read from its own bytes gives the same facts;
//  - the facts JSON of a Kind::cert result is one valid JSON object; its table's values keep to their lines, and the
//    text output that prints it is printable UTF-8.
#include <string>

#include "core/x509/cert_lint.hpp"
#include "core/format.hpp"
#include "core/utf8.hpp"
#include "core/x509/certificate.hpp"
#include "json_check.hpp"
#include "lint_target.hpp"

namespace {

std::string base64( std::string_view in )
{
   static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
   std::string out;
   std::size_t col = 0;
   for( std::size_t i = 0; i < in.size(); i += 3 ) {
      std::uint32_t v = std::uint32_t( std::uint8_t( in[ i ] ) ) << 16;
      if( i + 1 < in.size() ) v |= std::uint32_t( std::uint8_t( in[ i + 1 ] ) ) << 8;
      if( i + 2 < in.size() ) v |= std::uint8_t( in[ i + 2 ] );
      out += a[ ( v >> 18 ) & 63 ];
      out += a[ ( v >> 12 ) & 63 ];
      out += i + 1 < in.size() ? a[ ( v >> 6 ) & 63 ] : '=';
      out += i + 2 < in.size() ? a[ v & 63 ] : '=';
      if( ( col += 4 ) == 64 ) {
         out += '\n';
         col = 0;
      }
   }
   return out;
}

mtasts::LintOptions cert_options( std::size_t size, bool verbose )
{
   auto o = fuzzinv::options_for( mtasts::Kind::cert, verbose, size );
   o.now = size % 2 ? 1796083200 : 0;  // 2026-12-01, 1970-01-01
   o.mode = size % 3 ? "enforce" : "testing";
   if( size % 7 == 0 ) {
      o.cert_host = "*.example.com";
   }
   // a policy's mx patterns in the evidence set (CRT815): none, an empty list, or patterns
   if( size % 5 == 1 ) {
      o.policy_mx = std::vector< std::string >{};
   }
   else if( size % 5 >= 2 ) {
      o.policy_mx = std::vector< std::string >{ "*.example.com", "MX.example.net.", "*" };
   }
   return o;
}

void lint_cert( std::string_view text, std::size_t size )
{
   const auto verbose = fuzzinv::lint_and_check( text, cert_options( size, true ) );
   const auto quiet = fuzzinv::lint_and_check( text, cert_options( size, false ), 0 );
   FUZZ_CHECK( verbose.kind == mtasts::Kind::cert && !verbose.certificates_json.empty(), "a Kind::cert result has certificate facts" );
   fuzzjson::Value doc;
   fuzzjson::Parser parser( verbose.certificates_json );
   FUZZ_CHECK( parser.parse( doc ) && doc.type == fuzzjson::Value::Type::object && doc.get( "chains" ), "certificate facts are not one JSON object: " + verbose.certificates_json.substr( 0, 200 ) );
   // the table: lines that no certificate's value can end or split (control characters escaped), and in the text
   // output, under the summary, printable UTF-8 (no control character, no C1 control: nothing drives the terminal)
   const std::string& table = verbose.certificates_table;
   FUZZ_CHECK( !table.empty() && table.back() == '\n', "a Kind::cert result has a table that ends its last line" );
   for( const char c : table ) {
      const auto u = static_cast< unsigned char >( c );
      FUZZ_CHECK( u >= 0x20 ? u != 0x7f : c == '\n', "a control character in the certificate table: " + table.substr( 0, 200 ) );
   }
   const std::vector< mtasts::FileReport > files{ { "capture", text, &verbose } };
   const std::string out = mtasts::format( mtasts::Format::text, files, {} );
   FUZZ_CHECK( mtasts::utf8::first_invalid( out ) == std::string::npos, "the text output of certificates is not UTF-8" );
   FUZZ_CHECK( out.find( "capture: certificates checked at " ) != std::string::npos, "the text output has no certificate table" );
   for( std::size_t k = 0; k < out.size(); ++k ) {
      const auto u = static_cast< unsigned char >( out[ k ] );
      FUZZ_CHECK( u >= 0x20 ? u != 0x7f : ( out[ k ] == '\n' || out[ k ] == '\t' ), "a control character in the text output of certificates" );
      FUZZ_CHECK( !( u == 0xC2 && k + 1 < out.size() && static_cast< unsigned char >( out[ k + 1 ] ) < 0xA0 ), "a C1 control in the text output of certificates" );
   }
   std::size_t errors = 0;
   for( const auto& d : verbose.diagnostics ) {
      errors += d.severity == mtasts::Severity::error;
   }
   FUZZ_CHECK( errors == quiet.error_count(), "without --verbose the errors differ" );
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   mtasts::x509::enable_certificates();
   const std::string_view bytes( reinterpret_cast< const char* >( data ), size );
   const auto r = mtasts::x509::parse_certificate( bytes );
   FUZZ_CHECK( r.cert.has_value() != r.error.has_value(), "a certificate and an error, or neither" );
   if( r.error ) {
      FUZZ_CHECK( r.error->offset <= size, "error offset outside the input" );
      FUZZ_CHECK( !r.error->message.empty() && r.error->message.find_first_of( "\r\n" ) == std::string::npos, "error message is not one line" );
   }
   else {
      FUZZ_CHECK( r.cert->size > 0 && r.cert->size <= size, "certificate size outside the input" );
      const auto again = mtasts::x509::parse_certificate( bytes.substr( 0, r.cert->size ) );
      FUZZ_CHECK( again.cert && again.cert->serial_hex == r.cert->serial_hex && again.cert->subject.der == r.cert->subject.der && again.cert->dns_names == r.cert->dns_names && again.cert->not_after == r.cert->not_after, "re-reading a certificate's own bytes differs" );
   }
   lint_cert( bytes, size );
   const std::string pem = "-----BEGIN CERTIFICATE-----\n" + base64( bytes ) + "\n-----END CERTIFICATE-----\n";
   lint_cert( pem, size );
   return 0;
}

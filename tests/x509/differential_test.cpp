// core/x509's reading against OpenSSL's (the reference), over every certificate of Debian's ca-certificates bundle and
// over edge cases generated here with the OpenSSL API (no key or certificate is committed).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/x509/certificate.hpp"
#include "core/x509/evidence.hpp"
#include "openssl_helpers.hpp"

using namespace x509test;
using mtasts::x509::Certificate;
using mtasts::x509::parse_certificate;

namespace {

// Every fact the checks use, compared one by one (so a failure names the fact).
void same_facts( const std::string& der, const std::string& label )
{
   INFO( label );
   const auto ref = openssl_read( der );
   REQUIRE( ref );
   const auto mine = parse_certificate( der );
   INFO( ( mine.error ? mine.error->message + " at " + std::to_string( mine.error->offset ) : std::string() ) );
   REQUIRE( mine.cert );
   const Certificate& a = *mine.cert;
   const Certificate& b = *ref;
   CHECK( a.size == b.size );
   CHECK( a.version == b.version );
   CHECK( a.serial_hex == b.serial_hex );
   CHECK( a.signature_oid == b.signature_oid );
   CHECK( a.issuer.der == b.issuer.der );
   CHECK( a.subject.der == b.subject.der );
   CHECK( a.issuer.cns == b.issuer.cns );
   CHECK( a.subject.cns == b.subject.cns );
   CHECK( a.not_before == b.not_before );
   CHECK( a.not_after == b.not_after );
   CHECK( a.key_oid == b.key_oid );
   CHECK( a.ec_curve_oid == b.ec_curve_oid );
   if( a.key_bits != 0 ) {
      CHECK( a.key_bits == b.key_bits );
   }
   else {
      CHECK( ( a.key_type != "RSA" && a.key_type != "EC" ) );
   }
   CHECK( a.has_san == b.has_san );
   CHECK( a.dns_names == b.dns_names );
   CHECK( a.ip_addresses == b.ip_addresses );
   CHECK( a.has_basic_constraints == b.has_basic_constraints );
   CHECK( a.ca == b.ca );
   CHECK( a.path_len == b.path_len );
   CHECK( a.has_eku == b.has_eku );
   CHECK( a.eku_oids == b.eku_oids );
   CHECK( a.subject_key_id == b.subject_key_id );
   CHECK( a.authority_key_id == b.authority_key_id );
   CHECK( a.unknown_critical.empty() == b.unknown_critical.empty() );
}

std::string read_file( const char* path )
{
   std::ifstream in( path, std::ios::binary );
   std::ostringstream ss;
   ss << in.rdbuf();
   return ss.str();
}

Spec leaf( std::vector< Ext > exts )
{
   Spec s;
   s.exts = std::move( exts );
   return s;
}

}  // namespace

TEST_CASE( "every certificate of the ca-certificates bundle reads as OpenSSL reads it" )
{
   const std::string bundle = read_file( "/etc/ssl/certs/ca-certificates.crt" );
   REQUIRE( bundle.size() > 100000 );
   const auto ev = mtasts::x509::read_evidence( bundle );
   REQUIRE( ev.blocks.size() > 100 );
   std::size_t n = 0, rsa = 0, ec = 0;
   for( const auto& b : ev.blocks ) {
      REQUIRE( !b.bad_base64 );
      same_facts( b.der, "bundle certificate #" + std::to_string( n ) );
      const auto c = parse_certificate( b.der );
      if( c.cert ) {
         rsa += c.cert->key_type == "RSA";
         ec += c.cert->key_type == "EC";
      }
      ++n;
   }
   // Debian 12's bundle holds about 140 roots, most RSA and some EC: both key readers are exercised.
   CHECK( rsa > 50 );
   CHECK( ec > 10 );
}

TEST_CASE( "generated edge cases read as OpenSSL reads them" )
{
   SECTION( "wildcards, IDN A-labels, IP addresses" )
   {
      const auto der = make_der( leaf( { { "subjectAltName", "DNS:*.example.com,DNS:mta-sts.xn--bcher-kva.example,DNS:MTA-STS.Example.COM,IP:192.0.2.7,IP:2001:db8::1" } } ) );
      same_facts( der, "wildcard/IDN/IP" );
      const auto c = parse_certificate( der ).cert;
      REQUIRE( c );
      CHECK( c->dns_names == std::vector< std::string >{ "*.example.com", "mta-sts.xn--bcher-kva.example", "MTA-STS.Example.COM" } );
      REQUIRE( c->ip_addresses.size() == 2 );
      CHECK( mtasts::x509::ip_text( c->ip_addresses[ 0 ] ) == "192.0.2.7" );
      CHECK( mtasts::x509::ip_text( c->ip_addresses[ 1 ] ) == "2001:db8::1" );
   }
   SECTION( "no SAN, CN only" )
   {
      const auto der = make_der( Spec{} );
      same_facts( der, "CN only" );
      const auto c = parse_certificate( der ).cert;
      CHECK( !c->has_san );
      CHECK( c->subject.cns == std::vector< std::string >{ "mta-sts.example.com" } );
      CHECK( c->subject.text == "CN=mta-sts.example.com" );
   }
   SECTION( "several CNs, UTF-8 and escaped characters in names" )
   {
      Spec s;
      s.subject = { { "C", "DE" }, { "O", "Bücher, Inc." }, { "CN", "first.example" }, { "CN", "zweite.example" } };
      const auto der = make_der( s );
      same_facts( der, "names" );
      CHECK( parse_certificate( der ).cert->subject.text == "C=DE, O=Bücher\\, Inc., CN=first.example, CN=zweite.example" );
   }
   SECTION( "UTCTime 49/50 boundary (RFC 5280 §4.1.2.5.1) and GeneralizedTime" )
   {
      Spec s;
      s.not_before = "491231235959Z";  // 2049
      s.not_after = "500101000000Z";   // 1950
      auto der = make_der( s );
      same_facts( der, "UTCTime 49/50" );
      auto c = parse_certificate( der ).cert;
      CHECK( mtasts::x509::time_text( c->not_before ) == "2049-12-31T23:59:59Z" );
      CHECK( mtasts::x509::time_text( c->not_after ) == "1950-01-01T00:00:00Z" );
      s.not_before = "20500101000000Z";
      s.not_after = "99991231235959Z";
      der = make_der( s );
      same_facts( der, "GeneralizedTime" );
      c = parse_certificate( der ).cert;
      CHECK( mtasts::x509::time_text( c->not_before ) == "2050-01-01T00:00:00Z" );
      CHECK( mtasts::x509::time_text( c->not_after ) == "9999-12-31T23:59:59Z" );
      s.not_before = "20240229120000Z";  // a leap day
      der = make_der( s );
      same_facts( der, "leap day" );
   }
   SECTION( "serial numbers: negative, zero, 20 octets with the high bit set" )
   {
      for( const long serial : { -5L, -128L, -129L, 0L, 127L, 128L, 255L, 65536L } ) {
         Spec s;
         s.serial = serial;
         same_facts( make_der( s ), "serial " + std::to_string( serial ) );
      }
      Spec s;
      s.serial = -5;
      CHECK( parse_certificate( make_der( s ) ).cert->serial_hex == "-05" );
      s.serial_hex = "F0E1D2C3B4A5968778695A4B3C2D1E0F00112233";
      same_facts( make_der( s ), "20-octet serial" );
      s.serial_hex = "-F0E1D2C3B4A5968778695A4B3C2D1E0F00112233";
      same_facts( make_der( s ), "negative 20-octet serial" );
   }
   SECTION( "basicConstraints, extendedKeyUsage, key identifiers" )
   {
      same_facts( make_der( leaf( { { "basicConstraints", "critical,CA:TRUE,pathlen:3" }, { "subjectKeyIdentifier", "hash" } } ) ), "CA pathlen 3" );
      same_facts( make_der( leaf( { { "basicConstraints", "CA:FALSE" } } ) ), "CA false" );
      same_facts( make_der( leaf( { { "extendedKeyUsage", "serverAuth,clientAuth,1.2.3.4.5" } } ) ), "EKU" );
      X509* ca = make_x509( leaf( { { "basicConstraints", "critical,CA:TRUE" }, { "subjectKeyIdentifier", "hash" } } ) );
      Spec s = leaf( { { "authorityKeyIdentifier", "keyid:always" } } );
      s.issuer_cert = ca;
      const auto der = make_der( s );
      same_facts( der, "AKI" );
      CHECK( parse_certificate( der ).cert->authority_key_id.size() == 20 );
      X509_free( ca );
   }
   SECTION( "unknown critical extension, unknown non-critical extension" )
   {
      Spec s;
      s.raw_exts.emplace_back( "1.3.6.1.4.1.99999.1", true, std::string( "\x05\x00", 2 ) );
      auto der = make_der( s );
      same_facts( der, "unknown critical" );
      CHECK( parse_certificate( der ).cert->unknown_critical == std::vector< std::string >{ "1.3.6.1.4.1.99999.1" } );
      s.raw_exts.clear();
      s.raw_exts.emplace_back( "1.3.6.1.4.1.99999.1", false, std::string( "\x05\x00", 2 ) );
      der = make_der( s );
      same_facts( der, "unknown non-critical" );
      CHECK( parse_certificate( der ).cert->unknown_critical.empty() );
   }
   SECTION( "keys: RSA 2048, EC P-256 and P-384, Ed25519" )
   {
      for( EVP_PKEY* k : { rsa_key().pkey, ec_key().pkey, ec384_key().pkey, ed25519_key().pkey } ) {
         Spec s;
         s.key = k;
         const auto der = make_der( s );
         same_facts( der, "key " + std::to_string( EVP_PKEY_get_bits( k ) ) );
      }
      Spec s;
      s.key = rsa_key().pkey;
      const auto c = parse_certificate( make_der( s ) ).cert;
      CHECK( c->key_type == "RSA" );
      CHECK( c->key_bits == 2048 );
      CHECK( c->signature_oid == "1.2.840.113549.1.1.11" );  // sha256WithRSAEncryption
   }
   SECTION( "version 1 certificate" )
   {
      Spec s;
      s.version = 1;
      same_facts( make_der( s ), "v1" );
      CHECK( parse_certificate( make_der( s ) ).cert->version == 1 );
   }
}

TEST_CASE( "malformed DER: every truncation and over-long length is an error with a position, as OpenSSL refuses it" )
{
   const auto der = make_der( leaf( { { "subjectAltName", "DNS:mta-sts.example.com" }, { "basicConstraints", "CA:FALSE" } } ) );
   for( std::size_t n = 0; n < der.size(); ++n ) {
      const std::string cut = der.substr( 0, n );
      const auto r = parse_certificate( cut );
      INFO( "truncated to " << n );
      REQUIRE( !r.cert );
      REQUIRE( r.error );
      CHECK( r.error->offset <= n );
      CHECK( !openssl_read( cut ) );
   }
   // over-long: every length octet of the outer SEQUENCE and tbsCertificate made larger than what follows
   for( const std::size_t at : { std::size_t( 2 ), std::size_t( 3 ), std::size_t( 6 ), std::size_t( 7 ) } ) {
      std::string bad = der;
      bad[ at ] = static_cast< char >( static_cast< unsigned char >( bad[ at ] ) + 1 );
      const auto r = parse_certificate( bad );
      INFO( "length octet " << at << " incremented" );
      CHECK( !r.cert );
      CHECK( !openssl_read( bad ) );
   }
   // an indefinite length, a 5-octet length, a high tag number
   CHECK( parse_certificate( std::string( "\x30\x80\x00\x00", 4 ) ).error->offset == 1 );
   CHECK( parse_certificate( std::string( "\x30\x85\x01\x00\x00\x00\x00", 7 ) ).error->offset == 1 );
   CHECK( parse_certificate( std::string( "\x1f\x81\x01\x00", 4 ) ).error->offset == 0 );
   CHECK( parse_certificate( std::string() ).error );
}

TEST_CASE( "PEM reader: spans of each block, garbage between blocks ignored, bad base64 located" )
{
   const std::string a = make_pem( Spec{} );
   const std::string text = "garbage line\n" + a + "more garbage -----\n\n" + a;
   const auto ev = mtasts::x509::read_evidence( text );
   REQUIRE( ev.blocks.size() == 2 );
   CHECK( ev.blocks[ 0 ].block.offset == 13 );
   CHECK( text.substr( ev.blocks[ 0 ].block.offset, ev.blocks[ 0 ].block.length ) == a.substr( 0, a.size() - 1 ) );  // without the final LF
   CHECK( ev.blocks[ 1 ].block.offset == 13 + a.size() + 20 );
   CHECK( ev.blocks[ 0 ].der == ev.blocks[ 1 ].der );
   CHECK( parse_certificate( ev.blocks[ 0 ].der ).cert );
   std::string bad = a;
   bad[ 40 ] = '!';
   const auto ev2 = mtasts::x509::read_evidence( bad );
   REQUIRE( ev2.blocks.size() == 1 );
   REQUIRE( ev2.blocks[ 0 ].bad_base64 );
   CHECK( *ev2.blocks[ 0 ].bad_base64 == 40 );
   // CRLF line ends read the same
   std::string crlf;
   for( const char c : a ) {
      if( c == '\n' ) crlf += '\r';
      crlf += c;
   }
   CHECK( mtasts::x509::read_evidence( crlf ).blocks.at( 0 ).der == ev.blocks[ 0 ].der );
}

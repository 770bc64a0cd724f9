// The certificate checks (STS306-STS309, CRT8xx) through lint() with Kind::cert, on chains generated at test time:
// each check triggered once and not triggered by its nearest valid neighbour.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <set>

#include "core/catalogue.hpp"
#include "core/format.hpp"
#include "core/lint.hpp"
#include "core/x509/cert_lint.hpp"
#include "openssl_helpers.hpp"

using namespace x509test;
using mtasts::Kind;
using mtasts::LintOptions;
using mtasts::LintResult;

namespace {

// 2026-06-01T00:00:00Z: inside every default validity period below (2026-01-01 .. 2027-01-01).
constexpr std::int64_t k_mid_2026 = 1780272000;
constexpr std::int64_t k_not_after = 1798761600;  // 2027-01-01T00:00:00Z

struct Pki
{
   X509* root = nullptr;
   X509* inter = nullptr;
   Pki()
   {
      Spec r;
      r.subject = { { "C", "US" }, { "O", "Test PKI" }, { "CN", "Test Root" } };
      r.key = ec384_key().pkey;
      r.not_before = "20200101000000Z";
      r.not_after = "20400101000000Z";
      r.exts = { { "basicConstraints", "critical,CA:TRUE" }, { "keyUsage", "critical,keyCertSign,cRLSign" }, { "subjectKeyIdentifier", "hash" } };
      root = make_x509( r );
      Spec i;
      i.subject = { { "C", "US" }, { "O", "Test PKI" }, { "CN", "Test Intermediate" } };
      i.issuer = r.subject;
      i.key = rsa_key().pkey;
      i.signer = ec384_key().pkey;
      i.issuer_cert = root;
      i.not_before = "20250101000000Z";
      i.not_after = "20300101000000Z";
      i.exts = { { "basicConstraints", "critical,CA:TRUE,pathlen:0" }, { "subjectKeyIdentifier", "hash" }, { "authorityKeyIdentifier", "keyid:always" } };
      inter = make_x509( i );
   }
   ~Pki()
   {
      X509_free( root );
      X509_free( inter );
   }
   // A leaf issued by the intermediate.
   std::string leaf( const std::string& san, const std::string& cn = "mta-sts.example.com", std::string not_before = "20260101000000Z", std::string not_after = "20270101000000Z", std::vector< Ext > more = {} ) const
   {
      Spec s;
      s.subject = { { "CN", cn } };
      s.issuer = { { "C", "US" }, { "O", "Test PKI" }, { "CN", "Test Intermediate" } };
      s.signer = rsa_key().pkey;
      s.issuer_cert = inter;
      s.not_before = std::move( not_before );
      s.not_after = std::move( not_after );
      s.exts = { { "basicConstraints", "critical,CA:FALSE" }, { "extendedKeyUsage", "serverAuth" }, { "authorityKeyIdentifier", "keyid:always" } };
      if( !san.empty() ) {
         s.exts.push_back( { "subjectAltName", san } );
      }
      for( auto& e : more ) {
         s.exts.push_back( e );
      }
      return make_pem( s );
   }
   std::string intermediate() const { return pem_of( inter ); }
   std::string root_pem() const { return pem_of( root ); }
};

const Pki& pki()
{
   static Pki p;
   return p;
}

LintResult lint_cert( const std::string& text, std::int64_t now = k_mid_2026, const std::string& domain = "example.com", const std::string& mode = "", bool verbose = true )
{
   mtasts::x509::enable_certificates();
   LintOptions o;
   o.kind = Kind::cert;
   o.verbose = verbose;
   o.domain = domain;
   o.now = now;
   o.mode = mode;
   return mtasts::lint( text, o );
}

std::multiset< std::string > codes( const LintResult& r )
{
   std::multiset< std::string > s;
   for( const auto& d : r.diagnostics ) {
      s.insert( mtasts::rule( d.code ).id );
   }
   return s;
}

const mtasts::Diagnostic* find( const LintResult& r, const char* code )
{
   for( const auto& d : r.diagnostics ) {
      if( std::string( mtasts::rule( d.code ).id ) == code ) {
         return &d;
      }
   }
   return nullptr;
}

std::string describe( const LintResult& r )
{
   std::string s;
   for( const auto& d : r.diagnostics ) {
      s += std::string( mtasts::rule( d.code ).id ) + " @" + std::to_string( d.offset ) + ": " + d.message + "\n";
   }
   return s;
}

}  // namespace

TEST_CASE( "a valid chain for mta-sts.<domain> has only the STS309 note" )
{
   const auto r = lint_cert( pki().leaf( "DNS:mta-sts.example.com" ) + pki().intermediate() );
   INFO( describe( r ) );
   CHECK( codes( r ) == std::multiset< std::string >{ "STS309" } );
   CHECK( r.kind == Kind::cert );
   CHECK( r.certificates_json.find( "\"dns_names\":[\"mta-sts.example.com\"]" ) != std::string::npos );
   CHECK( r.certificates_json.find( "\"now\":\"2026-06-01T00:00:00Z\"" ) != std::string::npos );
   CHECK( lint_cert( pki().leaf( "DNS:MTA-STS.Example.COM." ) + pki().intermediate() ).error_count() == 0 );
   CHECK( lint_cert( pki().leaf( "DNS:*.example.com" ) + pki().intermediate() ).error_count() == 0 );
   CHECK( lint_cert( pki().leaf( "DNS:*.example.com" ) + pki().intermediate() + pki().root_pem() ).warning_count() == 0 );
}

TEST_CASE( "STS306: no subjectAltName dNSName names the policy host and a CN-only certificate never matches" )
{
   auto r = lint_cert( pki().leaf( "DNS:www.example.com,DNS:example.com", "www.example.com" ) + pki().intermediate() );
   INFO( describe( r ) );
   REQUIRE( find( r, "STS306" ) );
   CHECK( find( r, "STS306" )->message == "The certificate is not valid for mta-sts.example.com: no subjectAltName dNSName matches it." );
   CHECK( find( r, "STS306" )->offset == 0 );
   CHECK( find( r, "STS306" )->length == 27 );  // the BEGIN line
   r = lint_cert( pki().leaf( "" ) + pki().intermediate() );
   REQUIRE( find( r, "STS306" ) );
   CHECK( find( r, "STS306" )->message.find( "subject CN names it, but senders match only subjectAltName dNSNames" ) != std::string::npos );
   // an IP address SAN or a name for another domain does not help
   CHECK( find( lint_cert( pki().leaf( "IP:192.0.2.1,DNS:mta-sts.example.net" ) + pki().intermediate() ), "STS306" ) );
   // the host given explicitly
   mtasts::x509::enable_certificates();
   LintOptions o;
   o.kind = Kind::cert;
   o.now = k_mid_2026;
   o.cert_host = "mta-sts.example.net";
   CHECK( mtasts::lint( pki().leaf( "DNS:mta-sts.example.net" ) + pki().intermediate(), o ).error_count() == 0 );
}

TEST_CASE( "STS307: a wildcard that is not the whole left-most label, or spans labels" )
{
   for( const char* san : { "DNS:mta*.example.com", "DNS:*sts.example.com", "DNS:mta-*.example.com", "DNS:m*a-sts.example.com" } ) {
      const auto r = lint_cert( pki().leaf( san ) + pki().intermediate() );
      INFO( san << "\n" << describe( r ) );
      CHECK( codes( r ).count( "STS307" ) == 1 );
      CHECK( codes( r ).count( "STS306" ) == 0 );
   }
   const auto r = lint_cert( pki().leaf( "DNS:*.example.com" ) + pki().intermediate(), k_mid_2026, "sub.example.com" );
   INFO( describe( r ) );
   REQUIRE( find( r, "STS307" ) );
   CHECK( find( r, "STS307" )->message == "Wildcard certificate name '*.example.com' does not cover mta-sts.sub.example.com." );
}

TEST_CASE( "name matching follows RFC 6125 §6.4.3 as RFC 8461 §3.3 restricts it" )
{
   using mtasts::x509::name_matches;
   CHECK( name_matches( "mta-sts.example.com", "MTA-STS.EXAMPLE.COM." ) );
   CHECK( name_matches( "*.example.com", "mta-sts.example.com" ) );
   CHECK( !name_matches( "*.example.com", "example.com" ) );
   CHECK( !name_matches( "*.example.com", "a.mta-sts.example.com" ) );
   CHECK( !name_matches( "mta*.example.com", "mta-sts.example.com" ) );
   CHECK( !name_matches( "*.*.example.com", "a.b.example.com" ) );
   CHECK( !name_matches( "mta-sts.*.com", "mta-sts.example.com" ) );
   CHECK( name_matches( "*.xn--bcher-kva.example", "mta-sts.xn--bcher-kva.example" ) );
   CHECK( !name_matches( "", "" ) );
}

TEST_CASE( "STS308 in Spanish: the reason is worded in the run's language, the RFC tokens and times stay" )
{
   mtasts::enable_all_languages();
   mtasts::x509::enable_certificates();
   LintOptions o;
   o.kind = Kind::cert;
   o.domain = "example.com";
   o.lang = mtasts::Lang::es;
   const std::string chain = pki().leaf( "DNS:mta-sts.example.com" ) + pki().intermediate();
   o.now = k_not_after + 1;
   auto r = mtasts::lint( chain, o );
   REQUIRE( find( r, "STS308" ) );
   CHECK( find( r, "STS308" )->message == "El certificado de mta-sts.example.com está caducado (notAfter 2027-01-01T00:00:00Z) a fecha de 2027-01-01T00:00:01Z." );
   o.now = 1767225599;
   r = mtasts::lint( chain, o );
   REQUIRE( find( r, "STS308" ) );
   CHECK( find( r, "STS308" )->message.find( "aún no es válido (notBefore 2026-01-01T00:00:00Z)" ) != std::string::npos );
}

TEST_CASE( "STS308: expired or not yet valid at the validation time (both ends of the period included)" )
{
   const std::string chain = pki().leaf( "DNS:mta-sts.example.com" ) + pki().intermediate();
   CHECK( !find( lint_cert( chain, k_not_after ), "STS308" ) );
   auto r = lint_cert( chain, k_not_after + 1 );
   INFO( describe( r ) );
   REQUIRE( find( r, "STS308" ) );
   CHECK( find( r, "STS308" )->message == "The certificate for mta-sts.example.com is expired (notAfter 2027-01-01T00:00:00Z) at 2027-01-01T00:00:01Z." );
   CHECK( codes( r ).count( "STS308" ) == 1 );  // the intermediate is still valid
   r = lint_cert( chain, 1767225599 );  // 2025-12-31T23:59:59Z, one second before notBefore
   REQUIRE( find( r, "STS308" ) );
   CHECK( find( r, "STS308" )->message.find( "is not yet valid (notBefore 2026-01-01T00:00:00Z)" ) != std::string::npos );
   CHECK( !find( lint_cert( chain, 1767225600 ), "STS308" ) );
   // the intermediate expired too (2030)
   CHECK( codes( lint_cert( chain, 1900000000 ) ).count( "STS308" ) == 2 );
}

TEST_CASE( "CRT810: a warning when a certificate expires within the warning window (default 14 days)" )
{
   const std::string chain = pki().leaf( "DNS:mta-sts.example.com" ) + pki().intermediate();
   const auto r = lint_cert( chain, k_not_after - 13 * 86400 );
   INFO( describe( r ) );
   REQUIRE( find( r, "CRT810" ) );
   CHECK( find( r, "CRT810" )->message == "The certificate for mta-sts.example.com expires in 13 day(s), at 2027-01-01T00:00:00Z." );
   CHECK( !find( lint_cert( chain, k_not_after - 15 * 86400 ), "CRT810" ) );
   mtasts::x509::enable_certificates();
   LintOptions o;
   o.kind = Kind::cert;
   o.domain = "example.com";
   o.now = k_not_after - 15 * 86400;
   o.expiry_warning_days = 30;
   CHECK( find( mtasts::lint( chain, o ), "CRT810" ) );
}

TEST_CASE( "chain order: CRT803 out of order, CRT804 not issued by the next" )
{
   const std::string leaf = pki().leaf( "DNS:mta-sts.example.com" );
   auto r = lint_cert( leaf + pki().root_pem() + pki().intermediate() );
   INFO( describe( r ) );
   CHECK( codes( r ).count( "CRT803" ) == 1 );
   CHECK( codes( r ).count( "CRT804" ) == 1 );  // the root is not issued by the intermediate either
   r = lint_cert( leaf + make_pem( Spec{} ) );
   CHECK( codes( r ).count( "CRT804" ) == 1 );
   CHECK( find( r, "CRT804" )->message == "Certificate 0 ('mta-sts.example.com') is not issued by the next one ('mta-sts.example.com')." );
   CHECK( codes( lint_cert( leaf + pki().intermediate() + pki().root_pem() ) ).count( "CRT804" ) == 0 );
}

TEST_CASE( "CRT805 self-signed leaf, CRT806 leaf that is a CA, CRT811 unknown critical extension" )
{
   Spec s;
   s.exts = { { "subjectAltName", "DNS:mta-sts.example.com" } };
   auto r = lint_cert( make_pem( s ) );
   INFO( describe( r ) );
   CHECK( codes( r ).count( "CRT805" ) == 1 );
   CHECK( codes( r ).count( "CRT806" ) == 0 );
   s.exts.push_back( { "basicConstraints", "critical,CA:TRUE" } );
   CHECK( codes( lint_cert( make_pem( s ) ) ).count( "CRT806" ) == 1 );
   CHECK( codes( lint_cert( pki().leaf( "DNS:mta-sts.example.com" ) + pki().intermediate() ) ).count( "CRT805" ) == 0 );
   Spec u;
   u.exts = { { "subjectAltName", "DNS:mta-sts.example.com" } };
   u.raw_exts.emplace_back( "1.3.6.1.4.1.99999.7", true, std::string( "\x05\x00", 2 ) );
   r = lint_cert( make_pem( u ) );
   REQUIRE( find( r, "CRT811" ) );
   CHECK( find( r, "CRT811" )->message == "Certificate 0 has an unknown critical extension 1.3.6.1.4.1.99999.7: TLS clients reject it." );
}

namespace {

std::string s_client( const std::string& command, const std::string& leaf_pem, const std::string& more_pem, int verify )
{
   // As OpenSSL 3.0's s_client prints it with 2>&1: the verify callback's lines (stderr) come before CONNECTED.
   std::string t = command.empty() ? "" : command + "\n";
   t += "depth=0 CN = mx.example.com\n";
   if( verify == 20 ) {
      t += "verify error:num=20:unable to get local issuer certificate\nverify return:1\ndepth=0 CN = mx.example.com\nverify error:num=21:unable to verify the first certificate\nverify return:1\n";
   }
   t += "CONNECTED(00000003)\n---\nCertificate chain\n 0 s:CN = mx.example.com\n   i:C = US, O = Test PKI, CN = Test Intermediate\n   a:PKEY: id-ecPublicKey, 256 (bit); sigalg: RSA-SHA256\n" + leaf_pem;
   if( !more_pem.empty() ) {
      t += " 1 s:C = US, O = Test PKI, CN = Test Intermediate\n   i:C = US, O = Test PKI, CN = Test Root\n" + more_pem;
   }
   t += "---\nServer certificate\nsubject=CN = mx.example.com\n---\nSSL handshake has read 2101 bytes and written 433 bytes\nVerification error: unable to verify the first certificate\n---\n";
   t += verify == 20 ? "    Verify return code: 21 (unable to verify the first certificate)\n" : "    Verify return code: 0 (ok)\n";
   return t;
}

}  // namespace

TEST_CASE( "CRT807: a missing intermediate when s_client shows verify error 20/21" )
{
   const std::string cmd = "$ openssl s_client -connect mta-sts.example.com:443 -servername mta-sts.example.com -showcerts";
   const std::string leaf = pki().leaf( "DNS:mta-sts.example.com" );
   const std::string text = s_client( cmd, leaf, "", 20 );
   auto r = lint_cert( text );
   INFO( describe( r ) );
   REQUIRE( find( r, "CRT807" ) );
   const auto* d = find( r, "CRT807" );
   CHECK( text.substr( d->offset, d->length ) == "verify error:num=20:unable to get local issuer certificate" );
   CHECK( d->message == "The server does not send the certificate that issued 'mta-sts.example.com' (verify error:num=20:unable to get local issuer certificate)." );
   // spans: the " 0 s:" line shows the leaf
   const auto* note = find( r, "STS309" );
   REQUIRE( note );
   CHECK( text.substr( note->offset, note->length ) == "0 s:CN = mx.example.com" );
   r = lint_cert( s_client( cmd, leaf, pki().intermediate(), 0 ) );
   CHECK( !find( r, "CRT807" ) );
   CHECK( r.error_count() == 0 );
   // without the command line: the policy host comes from --domain; two sessions pasted one after the other
   const std::string bare = s_client( "", leaf, "", 20 );
   r = lint_cert( bare + bare );
   CHECK( codes( r ).count( "CRT807" ) == 2 );
   CHECK( codes( r ).count( "STS309" ) == 2 );
   CHECK( bare.substr( find( r, "CRT807" )->offset, 4 ) == "veri" );
}

TEST_CASE( "MX hosts: a certificate that does not cover the host is an error in enforce mode (CRT808), a warning otherwise (CRT809)" )
{
   const std::string cmd = "openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts";
   const std::string wrong = s_client( cmd, pki().leaf( "DNS:mail.example.org" ), pki().intermediate(), 0 );
   auto r = lint_cert( wrong, k_mid_2026, "example.com", "enforce" );
   INFO( describe( r ) );
   REQUIRE( find( r, "CRT808" ) );
   CHECK( find( r, "CRT808" )->message == "The certificate of MX host 'mx.example.com' does not cover that name: enforcing senders will not deliver to it." );
   CHECK( !find( r, "STS306" ) );
   CHECK( !find( r, "STS309" ) );
   r = lint_cert( wrong, k_mid_2026, "example.com", "testing" );
   CHECK( find( r, "CRT809" ) );
   CHECK( r.error_count() == 0 );
   const std::string right = s_client( cmd, pki().leaf( "DNS:mx.example.com" ), pki().intermediate(), 0 );
   r = lint_cert( right, k_mid_2026, "example.com", "enforce" );
   CHECK( r.error_count() + r.warning_count() == 0 );
   // expired, self-signed
   r = lint_cert( right, k_not_after + 1, "example.com", "enforce" );
   REQUIRE( find( r, "CRT808" ) );
   CHECK( find( r, "CRT808" )->message.find( "is expired" ) != std::string::npos );
   Spec self;
   self.subject = { { "CN", "mx.example.com" } };
   self.exts = { { "subjectAltName", "DNS:mx.example.com" } };
   r = lint_cert( s_client( cmd, make_pem( self ), "", 0 ), k_mid_2026, "example.com", "enforce" );
   REQUIRE( find( r, "CRT808" ) );
   CHECK( find( r, "CRT808" )->message.find( "is self-signed" ) != std::string::npos );
   // two sessions in one paste: the policy host and an MX host
   const std::string both = s_client( "openssl s_client -connect mta-sts.example.com:443 -servername mta-sts.example.com -showcerts", pki().leaf( "DNS:mta-sts.example.com" ), pki().intermediate(), 0 ) + wrong;
   r = lint_cert( both, k_mid_2026, "example.com", "enforce" );
   CHECK( codes( r ) == std::multiset< std::string >{ "STS309", "CRT808" } );
}

TEST_CASE( "unreadable input: CRT801 with the position of the bad byte, CRT802 when there is no certificate" )
{
   std::string pem = pki().leaf( "DNS:mta-sts.example.com" );
   pem[ 100 ] = '#';
   auto r = lint_cert( pem );
   INFO( describe( r ) );
   REQUIRE( find( r, "CRT801" ) );
   CHECK( find( r, "CRT801" )->offset == 100 );
   // a PEM block whose DER is cut short: base64 of the first 200 bytes only
   X509* x = make_x509( Spec{} );
   const std::string der = der_of( x );
   X509_free( x );
   BIO* b64 = BIO_push( BIO_new( BIO_f_base64() ), BIO_new( BIO_s_mem() ) );
   BIO_write( b64, der.data(), 200 );
   (void)BIO_flush( b64 );
   char* p = nullptr;
   const long n = BIO_get_mem_data( BIO_next( b64 ), &p );
   const std::string cut = "-----BEGIN CERTIFICATE-----\n" + std::string( p, static_cast< std::size_t >( n ) ) + "-----END CERTIFICATE-----\n";
   BIO_free_all( b64 );
   r = lint_cert( cut );
   REQUIRE( find( r, "CRT801" ) );
   CHECK( find( r, "CRT801" )->message.find( "of its DER" ) != std::string::npos );
   CHECK( find( r, "CRT801" )->offset >= 28 );
   CHECK( find( r, "CRT801" )->offset < cut.size() );
   r = lint_cert( "" );
   CHECK( codes( r ) == std::multiset< std::string >{ "CRT802" } );
   r = lint_cert( "-----BEGIN CERTIFICATE-----\nAAAA\n" );  // no END line
   CHECK( find( r, "CRT801" ) );
}

TEST_CASE( "input kinds: certificates are detected and DER reads as one certificate and CRT800 without the certificate reader" )
{
   const std::string pem = pki().leaf( "DNS:mta-sts.example.com" );
   mtasts::x509::enable_certificates();
   CHECK( mtasts::detect_kind( pem ) == Kind::cert );
   CHECK( mtasts::detect_kind( "CONNECTED(00000003)\n" ) == Kind::cert );
   CHECK( mtasts::detect_kind( "version: STSv1\nmode: enforce\n" ) == Kind::policy );
   X509* x = make_x509( Spec{} );
   const std::string der = der_of( x );
   X509_free( x );
   CHECK( mtasts::detect_kind( der ) == Kind::cert );
   auto r = lint_cert( der );
   INFO( describe( r ) );
   CHECK( find( r, "CRT805" ) );
   const auto saved = mtasts::detail::cert_linter;
   mtasts::detail::cert_linter = nullptr;
   LintOptions o;
   o.kind = Kind::cert;
   r = mtasts::lint( pem, o );
   const Kind detected = mtasts::detect_kind( pem );
   mtasts::detail::cert_linter = saved;
   CHECK( codes( r ) == std::multiset< std::string >{ "CRT800" } );
   CHECK( detected == Kind::policy );  // the lint-only builds keep their kinds
}

TEST_CASE( "CRT812: no host name to check the names against (an MX session without -connect)" )
{
   const std::string text = s_client( "openssl s_client -starttls smtp -showcerts", pki().leaf( "DNS:mx.example.com" ), pki().intermediate(), 0 );
   auto r = lint_cert( text, k_mid_2026, "", "enforce" );
   INFO( describe( r ) );
   CHECK( codes( r ) == std::multiset< std::string >{ "CRT812" } );
   r = lint_cert( s_client( "openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts", pki().leaf( "DNS:mx.example.com" ), pki().intermediate(), 0 ), k_mid_2026, "", "enforce" );
   CHECK( r.diagnostics.empty() );
}

TEST_CASE( "CRT815: with the policy's mx patterns, only the MX hosts they match get the MX certificate checks (RFC 8461 §4.1)" )
{
   mtasts::enable_all_languages();
   mtasts::x509::enable_certificates();
   const auto run = []( const std::string& text, std::optional< std::vector< std::string > > mx, const std::string& mode = "enforce", mtasts::Lang lang = mtasts::Lang::en ) {
      LintOptions o;
      o.kind = Kind::cert;
      o.verbose = true;
      o.lang = lang;
      o.domain = "example.com";
      o.now = k_mid_2026;
      o.mode = mode;
      o.policy_mx = std::move( mx );
      return mtasts::lint( text, o );
   };
   const std::string cmd = "openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts";
   const std::string wrong = s_client( cmd, pki().leaf( "DNS:mail.example.org" ), pki().intermediate(), 0 );
   // matched by a wildcard pattern: the certificate counts (CRT808 in enforce mode)
   auto r = run( wrong, std::vector< std::string >{ "*.example.com" } );
   INFO( describe( r ) );
   CHECK( codes( r ) == std::multiset< std::string >{ "CRT808" } );
   // matched exactly, case-insensitively
   r = run( wrong, std::vector< std::string >{ "backup.example.net", "MX.Example.COM" } );
   CHECK( codes( r ) == std::multiset< std::string >{ "CRT808" } );
   // not matched: a wildcard covers exactly one label, so "*.mx.example.com" and "*.com" do not match mx.example.com
   r = run( wrong, std::vector< std::string >{ "*.mx.example.com", "*.com", "mail.example.com" } );
   REQUIRE( codes( r ) == std::multiset< std::string >{ "CRT815" } );
   const auto* d = find( r, "CRT815" );
   CHECK( d->severity == mtasts::Severity::warning );
   // the span is the command line that names the host
   CHECK( wrong.substr( d->offset, d->length ) == cmd );
   CHECK( d->offset == 0 );
   CHECK( d->length == cmd.size() );
   CHECK( d->message == "MX host 'mx.example.com' is not matched by the policy's mx patterns (*.mx.example.com, *.com, mail.example.com): in enforce mode senders refuse it, so its certificate is not checked." );
   // without the patterns (no policy in the evidence set) the host's certificate is checked as before
   r = run( wrong, std::nullopt );
   CHECK( codes( r ) == std::multiset< std::string >{ "CRT808" } );
   // a policy without mx lines matches no host
   r = run( wrong, std::vector< std::string >{} );
   CHECK( codes( r ) == std::multiset< std::string >{ "CRT815" } );
   // in testing mode as well (a warning either way), and in Spanish
   r = run( wrong, std::vector< std::string >{ "mail.example.com" }, "testing", mtasts::Lang::es );
   REQUIRE( find( r, "CRT815" ) );
   CHECK( find( r, "CRT815" )->message == "El host MX 'mx.example.com' no coincide con los patrones mx de la política (mail.example.com): en modo enforce los servidores emisores lo rechazan, así que su certificado no se comprueba." );
   CHECK( !find( r, "CRT809" ) );
   // the policy host's chain is never judged by the mx patterns
   const std::string policy_host = s_client( "openssl s_client -connect mta-sts.example.com:443 -servername mta-sts.example.com -showcerts", pki().leaf( "DNS:mta-sts.example.com" ), pki().intermediate(), 0 );
   r = run( policy_host + wrong, std::vector< std::string >{ "mail.example.com" } );
   CHECK( codes( r ) == std::multiset< std::string >{ "STS309", "CRT815" } );
   REQUIRE( find( r, "CRT815" ) );
   CHECK( find( r, "CRT815" )->offset == policy_host.size() );
   // an MX capture that names no host: CRT812, and no CRT815 since there is no host to match
   const std::string no_host = s_client( "openssl s_client -starttls smtp -showcerts", pki().leaf( "DNS:mail.example.org" ), pki().intermediate(), 0 );
   r = run( no_host, std::vector< std::string >{ "mail.example.com" } );
   CHECK( codes( r ) == std::multiset< std::string >{ "CRT812" } );
   // the facts say whether each MX host is in the policy
   r = run( wrong, std::vector< std::string >{ "mail.example.com" } );
   CHECK( r.certificates_json.find( "\"role\":\"mx\",\"in_policy\":false" ) != std::string::npos );
   CHECK( r.certificates_json.find( "\"problems\":[\"CRT815\"]" ) != std::string::npos );
   r = run( wrong, std::vector< std::string >{ "mx.example.com" } );
   CHECK( r.certificates_json.find( "\"role\":\"mx\",\"in_policy\":true" ) != std::string::npos );
}

TEST_CASE( "the text output ends with each certificates result's table, written by the core's formatter" )
{
   // a leaf with a DNS and an IP name, its intermediate; then a leaf that does not name the policy host (STS306)
   const auto good = lint_cert( pki().leaf( "DNS:mta-sts.example.com,IP:192.0.2.7" ) + pki().intermediate() );
   const auto bad = lint_cert( pki().leaf( "DNS:www.example.com" ) + pki().intermediate() );
   REQUIRE( good.error_count() == 0 );
   REQUIRE( bad.error_count() > 0 );
   const std::string a = pki().leaf( "DNS:mta-sts.example.com,IP:192.0.2.7" ) + pki().intermediate();
   const std::vector< mtasts::FileReport > files{ { "good.pem", a, &good }, { "bad.pem", a, &bad } };
   const std::string out = mtasts::format( mtasts::Format::text, files, {} );
   // under the summary line, in the files' order
   const auto summary = out.find( "2 files checked: " );
   const auto first = out.find( "good.pem: certificates checked at 2026-06-01T00:00:00Z\n  policy host mta-sts.example.com\n      0 CN=mta-sts.example.com\n        issuer " );
   const auto second = out.find( "bad.pem: certificates checked at 2026-06-01T00:00:00Z\n  policy host mta-sts.example.com\n    ! 0 CN=mta-sts.example.com\n" );
   REQUIRE( summary != std::string::npos );
   CHECK( first != std::string::npos );
   CHECK( second != std::string::npos );
   CHECK( summary < first );
   CHECK( first < second );
   // validity from the certificate's own dates, names: dNSNames then IP addresses; the intermediate is certificate 1
   CHECK( out.find( "        valid 2026-01-01T00:00:00Z .. 2027-01-01T00:00:00Z, ", first ) < second );
   CHECK( out.find( "        names mta-sts.example.com, 192.0.2.7\n", first ) < second );
   CHECK( out.find( "      1 C=US, O=Test PKI, CN=Test Intermediate\n", first ) < second );
   CHECK( out.find( "        names (no subjectAltName)\n", first ) < second );
   // the JSON output has the facts, not the table
   const std::string json = mtasts::format( mtasts::Format::json, files, {} );
   CHECK( json.find( "certificates checked at" ) == std::string::npos );
   CHECK( json.find( "\"certificates\":{\"now\":\"2026-06-01T00:00:00Z\"" ) != std::string::npos );
}

TEST_CASE( "the certificate table keeps every value on its line: control characters, C1 controls and bytes that are not UTF-8" )
{
   // dNSNames with ESC [31m, a line feed, a C1 CSI (U+009B) and a byte that is not UTF-8, a host in the capture with
   // ESC: none of them may end a line of the table or reach the terminal as an escape sequence
   const std::string leaf = pki().leaf( "DNS:mta-sts.example.com,DNS:red\x1b[31m.example.com,DNS:csi\xC2\x9B" "2J.example.com,DNS:bad\xFFname.example.com,DNS:two\nlines.example.com" );
   const std::string capture = "openssl s_client -connect mx\x1b]0;x.example.com:25 -starttls smtp -showcerts\nCONNECTED(00000003)\n---\nCertificate chain\n" + leaf + "---\n";
   for( const auto& text : { leaf, capture } ) {
      const auto r = lint_cert( text );
      REQUIRE( r.kind == Kind::cert );
      const std::string& t = r.certificates_table;
      REQUIRE_FALSE( t.empty() );
      // in the result, control characters are escaped, so no value ends a line
      for( const char c : t ) {
         CHECK( ( static_cast< unsigned char >( c ) >= 0x20 || c == '\n' ) );
      }
      CHECK( t.find( "red\\x1B[31m.example.com" ) != std::string::npos );
      CHECK( t.find( "two\\x0Alines.example.com" ) != std::string::npos );
      // in the text output, what is not UTF-8 and C1 controls are U+FFFD, as on every line of it
      const std::vector< mtasts::FileReport > files{ { "capture.txt", text, &r } };
      const std::string out = mtasts::format( mtasts::Format::text, files, {} );
      INFO( out );
      const auto table = out.find( "capture.txt: certificates checked at" );
      REQUIRE( table != std::string::npos );
      for( std::size_t k = table; k < out.size(); ++k ) {
         const auto c = static_cast< unsigned char >( out[ k ] );
         CHECK( ( c >= 0x20 || c == '\n' ) );
      }
      CHECK( out.find( "\xC2\x9B" ) == std::string::npos );
      CHECK( out.find( "\xFF" ) == std::string::npos );
      CHECK( out.find( "red\\x1B[31m.example.com", table ) != std::string::npos );
      CHECK( out.find( "two\\x0Alines.example.com", table ) != std::string::npos );
      CHECK( out.find( "csi\xEF\xBF\xBD" "2J.example.com", table ) != std::string::npos );
      CHECK( out.find( "bad\xEF\xBF\xBDname.example.com", table ) != std::string::npos );
   }
   CHECK( lint_cert( capture ).certificates_table.find( "mx host mx\\x1B]0;x.example.com\n" ) != std::string::npos );
}

// The command line with certificates: --kind cert and detection, DER files read as binary, --now (printed in the
// report), --expiry-warning-days, --cert-host, --policy-mode, and the JSON facts for a UI table.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "openssl_helpers.hpp"

using namespace x509test;

namespace {

struct Run
{
   int status;
   std::string out;
};

std::filesystem::path temp_dir()
{
   static const std::filesystem::path dir = [] {
      auto d = std::filesystem::temp_directory_path() / ( "mtasts-x509-cli-" + std::to_string( ::getpid() ) );
      std::filesystem::create_directories( d );
      return d;
   }();
   return dir;
}

std::string write( const std::string& name, const std::string& bytes )
{
   const auto p = temp_dir() / name;
   std::ofstream( p, std::ios::binary ) << bytes;
   return p.string();
}

Run run( const std::string& args )
{
   const std::string out = ( temp_dir() / "out.txt" ).string();
   const int rc = std::system( ( std::string( MTASTS_CLI_PATH ) + " " + args + " > " + out + " 2>&1" ).c_str() );
   std::ifstream in( out, std::ios::binary );
   std::ostringstream ss;
   ss << in.rdbuf();
   return { WIFEXITED( rc ) ? WEXITSTATUS( rc ) : -1, ss.str() };
}

Spec host_cert( const std::string& san )
{
   Spec s;
   s.exts = { { "subjectAltName", san } };
   return s;
}

}  // namespace

TEST_CASE( "CLI: PEM and DER files, --now printed, exit status" )
{
   Spec s = host_cert( "DNS:mta-sts.example.com" );
   const std::string pem = write( "self.pem", make_pem( s ) );
   const std::string der = write( "self.der", make_der( s ) );
   Run r = run( "--now 2026-06-01T00:00:00Z --domain example.com " + pem );
   INFO( r.out );
   CHECK( r.status == 1 );  // self-signed: CRT805
   CHECK( r.out.find( "[CRT805]" ) != std::string::npos );
   CHECK( r.out.find( "certificates checked at 2026-06-01T00:00:00Z" ) != std::string::npos );
   CHECK( r.out.find( "names mta-sts.example.com" ) != std::string::npos );
   r = run( "--format json --now 2026-06-01 --cert-host mta-sts.example.com " + der );
   INFO( r.out );
   CHECK( r.out.find( "\"kind\":\"cert\"" ) != std::string::npos );
   CHECK( r.out.find( "\"now\":\"2026-06-01T00:00:00Z\"" ) != std::string::npos );
   CHECK( r.out.find( "\"not_after\":\"2027-01-01T00:00:00Z\"" ) != std::string::npos );
   CHECK( r.out.find( "\"dns_names\":[\"mta-sts.example.com\"]" ) != std::string::npos );
   CHECK( r.out.find( "\"covers_host\":true" ) != std::string::npos );  // its dNSName matches --cert-host
   r = run( "--now 2026-13-01 " + pem );
   CHECK( r.status == 2 );
   CHECK( r.out.find( "--now" ) != std::string::npos );
}

TEST_CASE( "CLI: --expiry-warning-days and --policy-mode for an MX host's certificate" )
{
   const std::string cmd = "openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts\nCONNECTED(00000003)\n";
   const std::string mx = write( "mx.txt", cmd + make_pem( host_cert( "DNS:other.example.net" ) ) );
   Run r = run( "--now 2026-06-01T00:00:00Z --policy-mode enforce " + mx );
   INFO( r.out );
   CHECK( r.status == 1 );
   CHECK( r.out.find( "[CRT808]" ) != std::string::npos );
   r = run( "--now 2026-06-01T00:00:00Z --policy-mode testing " + mx );
   CHECK( r.status == 0 );
   CHECK( r.out.find( "[CRT809]" ) != std::string::npos );
   const std::string soon = write( "soon.pem", make_pem( host_cert( "DNS:mta-sts.example.com" ) ) );
   r = run( "--kind cert --now 2026-12-01T00:00:00Z --expiry-warning-days 40 --domain example.com " + soon );
   CHECK( r.out.find( "expires in 31 day(s)" ) != std::string::npos );
   r = run( "--kind cert --now 2026-12-01T00:00:00Z --domain example.com " + soon );
   CHECK( r.out.find( "[CRT810]" ) == std::string::npos );
}

TEST_CASE( "CLI: --ca-file verifies each chain with OpenSSL at the validation time (CRT813 and CRT814)" )
{
   Spec root;
   root.subject = { { "O", "CLI Test PKI" }, { "CN", "CLI Test Root" } };
   root.key = ec384_key().pkey;
   root.not_before = "20200101000000Z";
   root.not_after = "20400101000000Z";
   root.exts = { { "basicConstraints", "critical,CA:TRUE" }, { "keyUsage", "critical,keyCertSign" }, { "subjectKeyIdentifier", "hash" } };
   X509* r = make_x509( root );
   Spec leaf = host_cert( "DNS:mta-sts.example.com" );
   leaf.issuer = root.subject;
   leaf.signer = ec384_key().pkey;
   leaf.issuer_cert = r;
   leaf.exts.push_back( { "authorityKeyIdentifier", "keyid:always" } );
   leaf.exts.push_back( { "extendedKeyUsage", "serverAuth" } );
   const std::string ca = write( "root.pem", pem_of( r ) );
   const std::string chain = write( "leaf.pem", make_pem( leaf ) );
   X509_free( r );
   const std::string other = write( "other.pem", make_pem( host_cert( "DNS:ca.example" ) ) );
   Run out = run( "-v --now 2026-06-01T00:00:00Z --domain example.com --ca-file " + ca + " " + chain );
   INFO( out.out );
   CHECK( out.status == 0 );
   CHECK( out.out.find( "note: The chain for mta-sts.example.com verifies against " + ca + " at 2026-06-01T00:00:00Z (revocation not checked). [CRT814]" ) != std::string::npos );
   out = run( "--now 2026-06-01T00:00:00Z --domain example.com --ca-file " + other + " " + chain );
   CHECK( out.status == 1 );
   CHECK( out.out.find( "does not verify against " + other + ": unable to get local issuer certificate. [CRT813]" ) != std::string::npos );
   out = run( "--now 2028-06-01T00:00:00Z --domain example.com --ca-file " + ca + " " + chain );
   CHECK( out.out.find( ": certificate has expired. [CRT813]" ) != std::string::npos );
   out = run( "--domain example.com --ca-file " + ( temp_dir() / "missing.pem" ).string() + " " + chain );
   CHECK( out.status == 2 );
}

TEST_CASE( "CLI: a policy linted in the same run gives the MX hosts' certificates its mode" )
{
   const std::string cmd = "openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts\nCONNECTED(00000003)\n";
   const std::string mx = write( "mx2.txt", cmd + make_pem( host_cert( "DNS:other.example.net" ) ) );
   const std::string enforce = write( "enforce.txt", "version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 604800\n" );
   const std::string testing = write( "testing.txt", "version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 604800\n" );
   Run r = run( "--now 2026-06-01T00:00:00Z " + enforce + " " + mx );
   INFO( r.out );
   CHECK( r.out.find( "[CRT808]" ) != std::string::npos );
   r = run( "--now 2026-06-01T00:00:00Z " + testing + " " + mx );
   CHECK( r.out.find( "[CRT809]" ) != std::string::npos );
   r = run( "--now 2026-06-01T00:00:00Z --policy-mode testing " + enforce + " " + mx );  // the option wins
   CHECK( r.out.find( "[CRT809]" ) != std::string::npos );
}

TEST_CASE( "CLI: a policy in the same run chooses the MX hosts by its mx patterns (CRT815 for a host it does not match)" )
{
   const std::string cmd = "openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts";
   const std::string mx = write( "mx3.txt", cmd + "\nCONNECTED(00000003)\n" + make_pem( host_cert( "DNS:other.example.net" ) ) );
   const std::string unlisted = write( "unlisted.txt", "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.mx.example.com\nmax_age: 604800\n" );
   const std::string listed = write( "listed.txt", "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.com\nmax_age: 604800\n" );
   Run r = run( "--now 2026-06-01T00:00:00Z " + unlisted + " " + mx );
   INFO( r.out );
   CHECK( r.status == 0 );  // a warning: the certificate of a host senders do not use is not an error
   CHECK( r.out.find( mx + ":1:1: warning: MX host 'mx.example.com' is not matched by the policy's mx patterns (mail.example.com, *.mx.example.com): in enforce mode senders refuse it, so its certificate is not checked. [CRT815]\n"
                      "   1 | " + cmd + "\n"
                      "     | ^" + std::string( cmd.size() - 1, '~' ) + "\n" ) != std::string::npos );
   CHECK( r.out.find( "[CRT808]" ) == std::string::npos );
   r = run( "--now 2026-06-01T00:00:00Z " + listed + " " + mx );
   CHECK( r.status == 1 );
   CHECK( r.out.find( "[CRT808]" ) != std::string::npos );
   CHECK( r.out.find( "[CRT815]" ) == std::string::npos );
   r = run( "--format json --now 2026-06-01T00:00:00Z " + unlisted + " " + mx );
   CHECK( r.out.find( "\"role\":\"mx\",\"in_policy\":false" ) != std::string::npos );
   CHECK( r.out.find( "\"covers_host\":false" ) != std::string::npos );  // other.example.net is not mx.example.com
   // with --domain the other files form one evidence set; the certificates are still read as certificates
   r = run( "--now 2026-06-01T00:00:00Z --domain example.com " + unlisted + " " + mx );
   CHECK( r.out.find( mx + ":1:1: warning: MX host 'mx.example.com' is not matched" ) != std::string::npos );
   CHECK( r.out.find( "certificates checked at 2026-06-01T00:00:00Z" ) != std::string::npos );
   r = run( "--now 2026-06-01T00:00:00Z --domain example.com " + listed + " " + mx );
   CHECK( r.out.find( "[CRT808]" ) != std::string::npos );
}

namespace {

std::vector< nlohmann::json > batch( const std::vector< nlohmann::json >& lines, const std::string& args = "" )
{
   std::string in;
   for( const auto& l : lines ) {
      in += l.dump() + "\n";
   }
   const Run r = run( "--batch " + args + " < " + write( "batch.jsonl", in ) );
   REQUIRE( r.status == 0 );
   std::vector< nlohmann::json > out;
   std::istringstream ss( r.out );
   for( std::string line; std::getline( ss, line ); ) {
      out.push_back( nlohmann::json::parse( line ) );
   }
   REQUIRE( out.size() == lines.size() );
   return out;
}

std::vector< std::string > codes_of( const nlohmann::json& result )
{
   std::vector< std::string > c;
   for( const auto& d : result.at( "diagnostics" ) ) {
      c.push_back( d.at( "code" ) );
   }
   return c;
}

}  // namespace

TEST_CASE( "CLI batch mode: a \"certificates\" key with now, certHost, policyMode and expiryWarningDays" )
{
   const std::string self = make_pem( host_cert( "DNS:mta-sts.example.com" ) );  // 2026-01-01 .. 2027-01-01, self-signed
   const std::string cmd = "openssl s_client -connect mx.example.com:25 -starttls smtp -showcerts";
   const std::string mx = cmd + "\nCONNECTED(00000003)\n" + make_pem( host_cert( "DNS:other.example.net" ) );
   const std::string enforce = "version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 604800\n";
   const std::string elsewhere = "version: STSv1\nmode: enforce\nmx: mail.example.net\nmax_age: 604800\n";
   using J = nlohmann::json;
   const auto a = batch( {
      J{ { "domain", "example.com" }, { "certificates", self }, { "now", "2026-06-01T00:00:00Z" } },
      J{ { "domain", "example.com" }, { "policy", enforce }, { "certificates", mx }, { "now", "2026-06-01" } },
      J{ { "domain", "example.com" }, { "policy", enforce }, { "certificates", mx }, { "now", "2026-06-01" }, { "policyMode", "testing" } },
      J{ { "domain", "example.com" }, { "policy", elsewhere }, { "certificates", mx }, { "now", "2026-06-01" } },
      J{ { "domain", "example.com" }, { "certificates", self }, { "now", "2026-12-01T00:00:00Z" }, { "expiryWarningDays", 40 } },
      J{ { "domain", "example.com" }, { "certificates", self }, { "now", "2026-06-01" }, { "certHost", "mta-sts.example.org" } },
      J{ { "domain", "example.com" }, { "certificates", nullptr }, { "txt", "v=STSv1; id=1" } },
      J{ { "domain", "example.com" }, { "certificates", self }, { "now", "yesterday" } },
      J{ { "domain", "example.com" }, { "certificates", self }, { "expiryWarningDays", -1 } },
      J{ { "domain", "example.com" }, { "certificates", self }, { "policyMode", "strict" } },
      J{ { "domain", "example.com" }, { "certificates", 5 } },
      J{ { "domain", "example.com" }, { "certificates", "no certificate here" }, { "now", "2026-06-01" } },
      J{ { "domain", "example.com" }, { "certificates", self } },
   } );
   INFO( a[ 0 ].dump() );
   // 0: the CLI's JSON shape: the text's result and the facts
   CHECK( a[ 0 ].at( "valid" ) == false );
   const auto& c0 = a[ 0 ].at( "certificates" );
   CHECK( c0.at( "kind" ) == "cert" );
   CHECK( c0.at( "errorCount" ) == 1 );
   CHECK( codes_of( c0 ) == std::vector< std::string >{ "CRT805" } );
   const auto& d0 = c0.at( "diagnostics" )[ 0 ];
   CHECK( d0.at( "offset" ) == 0 );  // the BEGIN line shows it
   CHECK( d0.at( "length" ) == 27 );
   CHECK( d0.at( "line" ) == 1 );
   CHECK( d0.at( "column" ) == 1 );
   CHECK( d0.at( "endColumn" ) == 28 );
   CHECK( d0.at( "message" ) == "The certificate for mta-sts.example.com is self-signed: senders do not trust it." );
   CHECK( c0.at( "certificates" ).at( "now" ) == "2026-06-01T00:00:00Z" );
   CHECK( c0.at( "certificates" ).at( "expiry_warning_days" ) == 14 );
   const auto& leaf = c0.at( "certificates" ).at( "chains" )[ 0 ].at( "certificates" )[ 0 ];
   CHECK( c0.at( "certificates" ).at( "chains" )[ 0 ].at( "host" ) == "mta-sts.example.com" );
   CHECK( leaf.at( "dns_names" ) == J::array( { "mta-sts.example.com" } ) );
   CHECK( leaf.at( "not_after" ) == "2027-01-01T00:00:00Z" );
   CHECK( leaf.at( "problems" ) == J::array( { "CRT805" } ) );
   // 1: the line's policy gives its mode (enforce) and mx patterns (*.example.com matches mx.example.com)
   CHECK( codes_of( a[ 1 ].at( "certificates" ) ) == std::vector< std::string >{ "CRT808", "CRT808" } );  // not covering, self-signed
   CHECK( a[ 1 ].at( "policy" ).at( "valid" ) == true );
   CHECK( a[ 1 ].at( "valid" ) == false );
   // 2: policyMode wins over the policy's mode
   CHECK( codes_of( a[ 2 ].at( "certificates" ) ) == std::vector< std::string >{ "CRT809", "CRT809" } );
   CHECK( a[ 2 ].at( "valid" ) == true );
   // 3: a host the policy's mx patterns do not match: CRT815 on the command line, no certificate checks
   const auto& c3 = a[ 3 ].at( "certificates" );
   CHECK( codes_of( c3 ) == std::vector< std::string >{ "CRT815" } );
   CHECK( c3.at( "diagnostics" )[ 0 ].at( "offset" ) == 0 );
   CHECK( c3.at( "diagnostics" )[ 0 ].at( "length" ) == cmd.size() );
   CHECK( c3.at( "diagnostics" )[ 0 ].at( "severity" ) == "warning" );
   CHECK( c3.at( "certificates" ).at( "chains" )[ 0 ].at( "in_policy" ) == false );
   // 4: expiryWarningDays
   CHECK( codes_of( a[ 4 ].at( "certificates" ) ) == std::vector< std::string >{ "CRT805", "CRT810" } );
   CHECK( a[ 4 ].at( "certificates" ).at( "diagnostics" )[ 1 ].at( "message" ) == "The certificate for mta-sts.example.com expires in 31 day(s), at 2027-01-01T00:00:00Z." );
   // 5: certHost names the policy host
   CHECK( codes_of( a[ 5 ].at( "certificates" ) ) == std::vector< std::string >{ "STS306", "CRT805" } );
   // 6: null is absent
   CHECK( !a[ 6 ].contains( "certificates" ) );
   CHECK( a[ 6 ].at( "txt" ).at( "valid" ) == true );
   // 7-10: a line that cannot be used, with the domain
   CHECK( a[ 7 ] == J{ { "line", 8 }, { "domain", "example.com" }, { "error", "\"now\" must be a time as YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD (UTC), or null" } } );
   CHECK( a[ 8 ].at( "error" ) == "\"expiryWarningDays\" must be a whole number from 0 to 3650, or null" );
   CHECK( a[ 9 ].at( "error" ) == "\"policyMode\" must be \"enforce\", \"testing\", \"none\" or null" );
   CHECK( a[ 10 ].at( "error" ) == "\"certificates\" must be a string or null" );
   // 11: no certificate in the text
   CHECK( codes_of( a[ 11 ].at( "certificates" ) ) == std::vector< std::string >{ "CRT802" } );
   // 12: without "now", the current time (printed in the facts)
   CHECK( a[ 12 ].at( "certificates" ).at( "certificates" ).at( "now" ).is_string() );
   // --lang es
   const auto es = batch( { J{ { "domain", "example.com" }, { "certificates", self }, { "now", "ayer" } } }, "--lang es" );
   CHECK( es[ 0 ].at( "error" ) == "\"now\" debe ser una hora AAAA-MM-DDTHH:MM:SSZ o AAAA-MM-DD (UTC), o null" );
}

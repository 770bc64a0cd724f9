// The command line with certificates: --kind cert and detection, DER files read as binary, --now (printed in the
// report), --expiry-warning-days, --cert-host, --policy-mode, and the JSON facts for a UI table.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

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

// The native CLI end to end: formats, exit codes, stdin, kinds.
#include <catch2/catch.hpp>

#include "helpers.hpp"

#include <array>
#include <cstdio>
#include <sys/wait.h>

namespace {

test::Run run( const std::string& args, const std::string& stdin_text = "" )
{
   std::string cmd = std::string( "NO_COLOR=1 " ) + MTASTS_CLI_PATH + " " + args + " 2>/dev/null";
   if( !stdin_text.empty() ) {
      cmd = "printf '%s' '" + stdin_text + "' | " + cmd;
   }
   return test::run_command( cmd );
}

const std::string fx = MTASTS_FIXTURES_DIR;

}  // namespace

TEST_CASE( "CLI exit codes: 0 clean - 1 errors or too many warnings - 2 usage or I/O" )
{
   CHECK( run( fx + "/valid.txt" ).status == 0 );
   CHECK( run( fx + "/broken.txt" ).status == 1 );
   CHECK( run( fx + "/warning.txt" ).status == 0 );
   CHECK( run( "--max-warnings 0 " + fx + "/warning.txt" ).status == 1 );
   CHECK( run( "--max-warnings 1 " + fx + "/warning.txt" ).status == 0 );
   CHECK( run( fx + "/does-not-exist.txt" ).status == 2 );
   CHECK( run( "--format yaml " + fx + "/valid.txt" ).status == 2 );
   CHECK( run( "--no-such-option" ).status == 2 );
   CHECK( run( "--version" ).status == 0 );
   CHECK( run( "--version" ).out.find( "mta-sts-lint " ) == 0 );
   CHECK( run( "--help" ).out.find( "--kind" ) != std::string::npos );
}

TEST_CASE( "CLI text format is gcc-style with the source line - a caret and a summary" )
{
   const auto r = run( fx + "/broken.txt" );
   const std::string name = fx + "/broken.txt";
   CHECK( r.out.find( name + ":2:1: error: Field names are case-sensitive: write 'mode' in lower case. [STS214]\n" ) != std::string::npos );
   CHECK( r.out.find( "   2 | Mode: enforce\n     | ^~~~\n" ) != std::string::npos );
   CHECK( r.out.find( name + ":3:21: error: " ) != std::string::npos );
   CHECK( r.out.find( name + ":4:1: error: Empty line 4" ) != std::string::npos );
   CHECK( r.out.find( name + ":5:10: error: 'max_age' must be" ) != std::string::npos );
   CHECK( r.out.find( "1 file checked: 4 errors, 0 warnings\n" ) != std::string::npos );
   CHECK( r.out.find( "\x1b[" ) == std::string::npos );  // no colour when not a TTY
}

TEST_CASE( "CLI json format" )
{
   const auto r = run( "--format json " + fx + "/broken.txt " + fx + "/valid.txt" );
   CHECK( r.status == 1 );
   CHECK( r.out.rfind( "{\"tool\":\"mta-sts-lint\",\"version\":\"", 0 ) == 0 );
   CHECK( r.out.find( "\"kind\":\"policy\",\"valid\":false,\"errorCount\":4,\"warningCount\":0,\"infoCount\":0" ) != std::string::npos );
   CHECK( r.out.find( "{\"code\":\"STS239\",\"severity\":\"error\"" ) != std::string::npos );
   CHECK( r.out.find( "\"line\":3,\"column\":21,\"endLine\":3,\"endColumn\":22,\"offset\":49,\"length\":1,\"fix\":{\"title\":\"Remove the trailing dot\",\"edits\":[{\"offset\":49,\"length\":1,\"insert\":\"\"}]}" ) != std::string::npos );
   CHECK( r.out.find( "\"policy\":{\"version\":\"STSv1\",\"mode\":\"enforce\",\"maxAge\":604800,\"mx\":[\"mail.example.com\",\"*.mail.example.net\"],\"extensions\":{}}" ) != std::string::npos );
   CHECK( r.out.back() == '\n' );
}

TEST_CASE( "CLI sarif format" )
{
   const auto r = run( "--format sarif " + fx + "/broken.txt" );
   CHECK( r.out.find( "\"version\": \"2.1.0\"" ) != std::string::npos );
   CHECK( r.out.find( "\"columnKind\": \"utf16CodeUnits\"" ) != std::string::npos );
   CHECK( r.out.find( "\"ruleId\": \"STS214\"" ) != std::string::npos );
   CHECK( r.out.find( "\"startColumn\": 0" ) == std::string::npos );  // 1-based (upload-sarif rejects 0)
}

TEST_CASE( "CLI reads standard input and detects the kind" )
{
   auto r = run( "--format json -", "v=STSv1; id=20240101" );
   CHECK( r.status == 0 );
   CHECK( r.out.find( "\"file\":\"<stdin>\",\"kind\":\"txt\",\"valid\":true" ) != std::string::npos );
   r = run( "--format json", "_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\"" );
   CHECK( r.out.find( "\"kind\":\"tlsrpt\",\"valid\":true" ) != std::string::npos );
   r = run( "--kind policy --format json", "v=STSv1; id=1" );
   CHECK( r.out.find( "\"kind\":\"policy\",\"valid\":false" ) != std::string::npos );
}

TEST_CASE( "CLI --mx-host takes one host per occurrence and checks coverage" )
{
   // files after a repeated option must stay files
   auto r = run( "--mx-host mail.example.com --mx-host other.example.org " + fx + "/valid.txt" );
   CHECK( r.status == 1 );
   CHECK( r.out.find( "MX host 'other.example.org' is not covered" ) != std::string::npos );
   CHECK( r.out.find( "[STS401]" ) != std::string::npos );
   r = run( "--mx-host mail.example.com --mx-host mx7.mail.example.net " + fx + "/valid.txt" );
   CHECK( r.status == 0 );
}

TEST_CASE( "CLI refuses a directory with exit 2" )
{
   CHECK( run( fx ).status == 2 );
}

TEST_CASE( "CLI reads pasted tool output as a bundle and prints its parts in json and sarif" )
{
   const std::string paste = fx + "/paste/combined.txt";
   auto r = run( "--format json " + paste );
   CHECK( r.status == 0 );  // one warning (STS402), no error
   CHECK( r.out.find( "\"kind\":\"bundle\",\"valid\":true,\"errorCount\":0,\"warningCount\":1" ) != std::string::npos );
   // the MX host the testing policy does not cover, at the MX record of the paste (line 5: "20 mx2.example.com.")
   CHECK( r.out.find( "{\"code\":\"STS402\",\"severity\":\"warning\",\"message\":\"MX host 'mx2.example.com' is not covered; this would fail in enforce mode.\",\"line\":5,\"column\":4" ) != std::string::npos );
   CHECK( r.out.find( "\"artefacts\":[" ) != std::string::npos );
   CHECK( r.out.find( "{\"kind\":\"txt\",\"label\":\"_mta-sts TXT record\",\"line\":2,\"column\":1" ) != std::string::npos );
   CHECK( r.out.find( "{\"kind\":\"policy\",\"label\":\"policy (HTTP body)\",\"line\":13,\"column\":1" ) != std::string::npos );
   CHECK( r.out.find( "\"record\":{\"value\":\"v=STSv1; id=20240501T100000\",\"version\":\"STSv1\",\"id\":\"20240501T100000\"" ) != std::string::npos );
   r = run( "--format sarif " + paste );
   CHECK( r.out.find( "\"artefacts\": [" ) != std::string::npos );
   CHECK( r.out.find( "\"kind\": \"http\"" ) != std::string::npos );
   // --kind txt keeps the old reading of the same text (records only)
   r = run( "--kind txt --format json " + paste );
   CHECK( r.out.find( "\"kind\":\"txt\"" ) != std::string::npos );
   CHECK( r.out.find( "\"artefacts\"" ) == std::string::npos );
}

TEST_CASE( "CLI: several files with --domain are one evidence set" )
{
   const std::string dir = std::string( MTASTS_FIXTURES_DIR ) + "/../.tmp";
   test::run_command( "mkdir -p " + dir );
   const auto write = []( const std::string& path, const std::string& text ) {
      FILE* f = std::fopen( path.c_str(), "wb" );
      std::fwrite( text.data(), 1, text.size(), f );
      std::fclose( f );
   };
   write( dir + "/mx.txt", "$ dig +short MX example.com\n10 mx1.example.com.\n20 mx2.example.com.\n" );
   write( dir + "/mta-sts.txt", "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n" );
   // together: the MX records are the evidence for the policy's coverage, reported at the MX record of mx.txt
   auto r = run( "--domain example.com " + dir + "/mx.txt " + dir + "/mta-sts.txt" );
   CHECK( r.status == 1 );
   CHECK( r.out.find( "mx.txt:3:4: error: MX host 'mx2.example.com' is not covered" ) != std::string::npos );
   // without --domain, each file alone: no coverage check
   r = run( dir + "/mx.txt " + dir + "/mta-sts.txt" );
   CHECK( r.status == 0 );
   CHECK( r.out.find( "STS401" ) == std::string::npos );
}

// `mta-sts-lint --batch` end to end: JSON Lines in, one JSON line out per input line, in order; malformed lines are
// answered with error lines and the stream goes on. (Streaming and bounded memory: tests/batch/batch.test.mjs.)
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

struct Run
{
   int status = -1;
   std::vector< std::string > lines;
   std::string out;
};

// Feeds `input` (bytes, as given) to `mta-sts-lint --batch <args>` through a temporary file.
Run batch( const std::string& input, const std::string& args = "", const std::string& env = "" )
{
   char path[] = "/tmp/mtasts-batch-test-XXXXXX";
   const int fd = mkstemp( path );
   REQUIRE( fd >= 0 );
   REQUIRE( write( fd, input.data(), input.size() ) == static_cast< ssize_t >( input.size() ) );
   close( fd );
   const std::string cmd = env + " " + MTASTS_CLI_PATH + " --batch " + args + " < " + path + " 2>/dev/null";
   Run r;
   FILE* p = popen( cmd.c_str(), "r" );
   REQUIRE( p );
   std::array< char, 65536 > buf{};
   std::size_t n;
   while( ( n = fread( buf.data(), 1, buf.size(), p ) ) > 0 ) {
      r.out.append( buf.data(), n );
   }
   const int st = pclose( p );
   unlink( path );
   r.status = WIFEXITED( st ) ? WEXITSTATUS( st ) : -1;
   std::size_t b = 0;
   for( std::size_t e; ( e = r.out.find( '\n', b ) ) != std::string::npos; b = e + 1 ) {
      r.lines.push_back( r.out.substr( b, e - b ) );
   }
   CHECK( b == r.out.size() );  // every answer ends with a newline
   return r;
}

bool has( const std::string& s, const std::string& part )
{
   return s.find( part ) != std::string::npos;
}

const std::string good_policy = R"(version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n)";

}  // namespace

TEST_CASE( "batch: one answer per line - in input order - with the line number and domain", "[batch]" )
{
   std::string in;
   for( int i = 1; i <= 50; ++i ) {
      in += R"({"domain": "d)" + std::to_string( i ) + R"(.example", "policy": ")" + good_policy + R"(", "txt": "v=STSv1; id=)" + std::to_string( i ) + "\"}\n";
   }
   const auto r = batch( in );
   CHECK( r.status == 0 );
   REQUIRE( r.lines.size() == 50 );
   for( int i = 1; i <= 50; ++i ) {
      const auto& l = r.lines[ i - 1 ];
      CHECK( l.rfind( "{\"line\":" + std::to_string( i ) + ",\"domain\":\"d" + std::to_string( i ) + ".example\",\"valid\":true,", 0 ) == 0 );
      CHECK( has( l, R"("policy":{"kind":"policy","valid":true,"errorCount":0,"warningCount":0,"infoCount":0,"mode":"enforce","maxAge":604800,"diagnostics":[]})" ) );
      CHECK( has( l, R"("txt":{"kind":"txt","valid":true,)" ) );
      CHECK_FALSE( has( l, "\"tlsrpt\"" ) );  // not given, not answered
   }
}

TEST_CASE( "batch: diagnostics carry code - severity - message and exact positions", "[batch]" )
{
   const auto r = batch( R"({"domain":"b.example","policy":"version: STSv1\nMode: enforce\nmx: mail.b.example\nmax_age: 604800\n"})"
                         "\n" );
   REQUIRE( r.lines.size() == 1 );
   const auto& l = r.lines[ 0 ];
   CHECK( has( l, R"("valid":false)" ) );
   CHECK( has( l, R"({"code":"STS214","severity":"error","message":"Field names are case-sensitive: write 'mode' in lower case.","line":2,"column":1,"endLine":2,"endColumn":5,"offset":15,"length":4})" ) );
   CHECK( has( l, R"("errorCount":)" ) );
   CHECK( has( l, R"("warningCount":)" ) );
   CHECK( has( l, R"("infoCount":0)" ) );  // infos only with --verbose
}

TEST_CASE( "batch: a policy's answer carries the mode and max_age a sender uses, only when their lines were read", "[batch]" )
{
   // RFC 8461 section 3.2: mode is enforce, testing or none; max_age is 1 to 10 digits; senders use the first occurrence.
   const auto r = batch( R"({"domain":"m.example","policy":"version: STSv1\nmode: testing\nmode: enforce\nmx: mail.m.example\nmax_age: 31557600\n"})"
                         "\n"
                         R"({"domain":"n.example","policy":"version: STSv1\nmode: [testing]\nmx: mail.n.example\nmax_age: 1w\n"})"
                         "\n"
                         R"({"domain":"o.example","txt":"v=STSv1; id=1"})"
                         "\n" );
   REQUIRE( r.lines.size() == 3 );
   CHECK( has( r.lines[ 0 ], R"("mode":"testing","maxAge":31557600,"diagnostics":[)" ) );
   CHECK_FALSE( has( r.lines[ 1 ], R"("mode":)" ) );    // '[testing]' is not a mode a sender reads
   CHECK_FALSE( has( r.lines[ 1 ], R"("maxAge":)" ) );  // '1w' is not a number of seconds
   CHECK_FALSE( has( r.lines[ 2 ], R"("mode":)" ) );    // no policy given
}

TEST_CASE( "batch: records are checked as their kind - the TLS-RPT record too", "[batch]" )
{
   const auto r = batch( R"({"domain":"c.example","txt":"v=STSv1; id=","tlsrpt":"v=TLSRPTv1; rua=mailto:tls@c.example"})"
                         "\n" );
   REQUIRE( r.lines.size() == 1 );
   CHECK( has( r.lines[ 0 ], R"("valid":false,"txt":{"kind":"txt","valid":false,)" ) );
   CHECK( has( r.lines[ 0 ], R"("tlsrpt":{"kind":"tlsrpt","valid":true,)" ) );
}

TEST_CASE( "batch: malformed lines are answered with an error line and the stream goes on", "[batch]" )
{
   const std::string in = "not json\n"                                   // 1
                          "[1, 2]\n"                                     // 2
                          "\n"                                           // 3: blank, skipped
                          R"({"policy": "version: STSv1\n"})" "\n"       // 4
                          R"({"domain": 42})" "\n"                       // 5
                          R"({"domain": "e.example", "txt": 1})" "\n"    // 6
                          R"({"domain": "f.example", "domain": "g"})" "\n"  // 7
                          R"({"domain": "h.example", "mx": "mx.h"})" "\n"  // 8
                          R"({"domain": "i.example")" "\n"               // 9: truncated
                          R"({"domain": "\ud800"})" "\n"                 // 10: lone surrogate
                          "{\"domain\": \"\xff\"}\n"                     // 11: invalid UTF-8
                          R"({"domain": "ok.example", "txt": "v=STSv1; id=1"})" "\n";  // 12
   const auto r = batch( in );
   CHECK( r.status == 0 );
   REQUIRE( r.lines.size() == 11 );
   CHECK( r.lines[ 0 ].rfind( R"({"line":1,"error":"invalid JSON: )", 0 ) == 0 );
   CHECK( r.lines[ 1 ] == R"({"line":2,"error":"not a JSON object"})" );
   CHECK( r.lines[ 2 ] == R"({"line":4,"error":"missing \"domain\""})" );
   CHECK( r.lines[ 3 ] == R"({"line":5,"error":"\"domain\" must be a string"})" );
   CHECK( r.lines[ 4 ] == R"({"line":6,"domain":"e.example","error":"\"txt\" must be a string or null"})" );
   CHECK( r.lines[ 5 ] == R"({"line":7,"domain":"f.example","error":"duplicate key \"domain\""})" );
   CHECK( r.lines[ 6 ] == R"({"line":8,"domain":"h.example","error":"\"mx\" must be an array of strings or null"})" );
   CHECK( r.lines[ 7 ].rfind( R"({"line":9,"domain":"i.example","error":"invalid JSON: )", 0 ) == 0 );
   CHECK( r.lines[ 8 ].rfind( R"({"line":10,"error":"invalid JSON: )", 0 ) == 0 );
   CHECK( r.lines[ 9 ].rfind( R"({"line":11,"error":"invalid JSON: )", 0 ) == 0 );
   CHECK( r.lines[ 10 ].rfind( R"({"line":12,"domain":"ok.example","valid":true,)", 0 ) == 0 );
}

TEST_CASE( "batch: a line longer than the limit is answered and skipped - memory stays bounded", "[batch]" )
{
   std::string in = R"({"domain":"big.example","policy":")";
   in.append( std::size_t( 5 ) << 20, 'x' );
   in += "\"}\n";
   in += R"({"domain":"after.example"})" "\n";
   const auto r = batch( in );
   REQUIRE( r.lines.size() == 2 );
   CHECK( r.lines[ 0 ] == R"({"line":1,"error":"line longer than 4194304 bytes"})" );
   CHECK( r.lines[ 1 ] == R"({"line":2,"domain":"after.example","valid":true})" );
}

TEST_CASE( "batch: JSON details (escapes - nulls - unknown keys of any type - CRLF - no final newline) read the same", "[batch]" )
{
   const std::string plain = R"({"domain":"j.example","policy":")" + good_policy + R"("})";
   // The same domain, written in ways that take the slow (SAX) path or stress the fast one.
   const std::string same[] = {
      R"(  { "domain" : "j.example" , "policy" : ")" + good_policy + R"(" , "txt" : null , "note" : [1, {"a": 2.5e3}, true] }  )",
      R"({"domain":"j\u002eexample","policy":"version: STSv1\u000d\u000amode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n","x":1})",
      R"({"comment":"\"quoted\" \\ \/ \b\f\t \u00e9 \ud83d\ude00","domain":"j.example","policy":")" + good_policy + R"("})",
   };
   std::string in = plain + "\n";
   for( const auto& s : same ) {
      in += s + "\r\n";
   }
   in += plain;  // no final newline
   const auto r = batch( in );
   REQUIRE( r.lines.size() == 5 );
   const auto strip = []( const std::string& l ) { return l.substr( l.find( ",\"domain\"" ) ); };
   for( std::size_t i = 1; i < r.lines.size(); ++i ) {
      CHECK( strip( r.lines[ i ] ) == strip( r.lines[ 0 ] ) );
   }
}

TEST_CASE( "batch: text is escaped on output - non-ASCII domain names survive", "[batch]" )
{
   const auto r = batch( R"({"domain":"b\u00fccher.example \"q\" \u0001"})" "\n" );
   REQUIRE( r.lines.size() == 1 );
   CHECK( r.lines[ 0 ] == "{\"line\":1,\"domain\":\"b\xC3\xBC" R"(cher.example \"q\" \u0001","valid":true})" );
}

TEST_CASE( "batch: RPT523 for a testing policy without a TLS-RPT record (an info: --verbose only)", "[batch]" )
{
   const std::string testing = R"(version: STSv1\nmode: testing\nmx: mail.k.example\nmax_age: 604800\n)";
   const std::string in = R"({"domain":"k.example","policy":")" + testing + "\"}\n" +
                          R"({"domain":"k.example","policy":")" + testing + R"(","tlsrpt":"v=TLSRPTv1; rua=mailto:tls@k.example"})" "\n" +
                          R"({"domain":"k.example","policy":")" + good_policy + "\"}\n";
   const auto v = batch( in, "--verbose" );
   REQUIRE( v.lines.size() == 3 );
   // at the mode value (line 2, columns 7-14), after STS226 at the same place
   CHECK( has( v.lines[ 0 ], R"({"code":"RPT523","severity":"info","message":"Testing mode produces reports only if you publish a TLS-RPT record.","line":2,"column":7,"endLine":2,"endColumn":14,"offset":21,"length":7})" ) );
   CHECK( v.lines[ 0 ].find( "STS226" ) < v.lines[ 0 ].find( "RPT523" ) );
   CHECK_FALSE( has( v.lines[ 1 ], "RPT523" ) );  // a TLS-RPT record was given
   CHECK_FALSE( has( v.lines[ 2 ], "RPT523" ) );  // enforce
   const auto q = batch( in );
   REQUIRE( q.lines.size() == 3 );
   CHECK_FALSE( has( q.lines[ 0 ], "RPT523" ) );  // infos are dropped without --verbose
}

TEST_CASE( "batch: the domain and its MX hosts reach the policy checks", "[batch]" )
{
   const auto r = batch( R"({"domain":"m.example","policy":")" + good_policy + R"(","mx":["other.m.example"]})" "\n" +
                         R"({"domain":"m.example","policy":")" + good_policy + R"(","mx":["mail.example.com"]})" "\n" );
   REQUIRE( r.lines.size() == 2 );
   CHECK( has( r.lines[ 0 ], R"("code":"STS401")" ) );
   CHECK( has( r.lines[ 0 ], R"("valid":false)" ) );
   CHECK_FALSE( has( r.lines[ 1 ], R"("code":"STS401")" ) );
}

TEST_CASE( "batch: the fast reader and the full JSON parser give the same answers - line for line", "[batch]" )
{
   // Every line either parses the same both ways or is answered with the same error (the fast path hands anything
   // unusual to the SAX parser; MTASTS_BATCH_SLOW_PATH=1 sends every line there).
   std::string in;
   const std::vector< std::string > values = { R"("a")", R"("")", R"("\u00e9\ud83d\ude00\n\r\t\b\f\/\\\"")", R"("\ud83d")", R"("\ude00")",
                                               R"("\u12")", R"("\x")", "\"\xC3\xA9\"", "\"\xC3\"", "\"\xED\xA0\x80\"", "\"\x7F\"", "\"\x01\"",
                                               "null", "nul", "1", "-0.5e3", "true", "[]", R"(["a"])", R"(["a",])", R"([1])", "{}", R"({"a":"b"})", "\"a" };
   const std::vector< std::string > keys = { "domain", "policy", "txt", "tlsrpt", "mx", "other", "dom\\u0061in" };
   for( const auto& k : keys ) {
      for( const auto& v : values ) {
         in += R"({"domain":"d.example",")" + k + "\":" + v + "}\n";
         in += "{ \"" + k + "\" : " + v + " , \"domain\" : \"e.example\" }\n";
         in += R"({"policy":"version: STSv1\nmode: none\nmax_age: 86400\n",")" + k + "\":" + v + "}\n";
      }
   }
   in += "{\"domain\":\"x\"} trailing\n{\"domain\":\"x\"}}\n{\"domain\":\"x\"\n{}\n\"s\"\n {\"domain\":\"\\u0000\"} \n";
   const auto fast = batch( in );
   const auto slow = batch( in, "", "MTASTS_BATCH_SLOW_PATH=1" );
   REQUIRE( fast.lines.size() == slow.lines.size() );
   CHECK( fast.lines.size() > 400 );
   for( std::size_t i = 0; i < fast.lines.size(); ++i ) {
      INFO( "answer " << i + 1 );
      CHECK( fast.lines[ i ] == slow.lines[ i ] );
   }
}

TEST_CASE( "batch: usage", "[batch]" )
{
   CHECK( batch( "", "" ).status == 0 );
   CHECK( batch( "", "" ).lines.empty() );
   CHECK( batch( "", "--format json" ).status == 2 );
   CHECK( has( batch( "", "--help" ).out, "JSON Lines" ) );
}

TEST_CASE( "batch: --line-offset N numbers the answers as lines N+1... of the whole stream", "[batch]" )
{
   // Three lines, the second blank (skipped, but counted), the third not JSON: answered as lines 1001 and 1003.
   const std::string in = R"({"domain":"a.example","txt":"v=STSv1; id=1"})"
                          "\n\nnot JSON\n";
   for( const std::string args : { "--line-offset 1000", "--line-offset=1000" } ) {
      const auto r = batch( in, args );
      CHECK( r.status == 0 );
      REQUIRE( r.lines.size() == 2 );
      CHECK( r.lines[ 0 ].rfind( R"({"line":1001,"domain":"a.example",)", 0 ) == 0 );
      CHECK( r.lines[ 1 ].rfind( R"({"line":1003,"error":)", 0 ) == 0 );
   }
   CHECK( batch( in, "--line-offset 0" ).lines[ 0 ].rfind( R"({"line":1,)", 0 ) == 0 );
   CHECK( batch( in, "--line-offset 999999999999999" ).lines[ 1 ].rfind( R"({"line":1000000000000002,)", 0 ) == 0 );
   // Not a number of lines: a usage error, nothing answered.
   for( const std::string args : { "--line-offset", "--line-offset=", "--line-offset -1", "--line-offset 1e3", "--line-offset 1000000000000000" } ) {
      const auto r = batch( in, args );
      CHECK( r.status == 2 );
      CHECK( r.out.empty() );
   }
}

TEST_CASE( "batch: a dmarc key is linted as a _dmarc record, with the line's domain as evidence (DMC638)", "[batch]" )
{
   const auto r = batch( R"({"domain":"example.com","dmarc":"v=DMARC1; p=none; rua=mailto:d@reports.example.net"})"
                         "\n"
                         R"({"domain":"example.org","dmarc":"v=DMARC1 p=reject","txt":"v=STSv1; id=1"})"
                         "\n"
                         R"({"domain":"example.net","dmarc":5})"
                         "\n",
                         "--verbose" );
   REQUIRE( r.lines.size() == 3 );
   // RFC 7489 §7.1: reports.example.net is another organisation, so it must authorize example.com's reports.
   CHECK( has( r.lines[ 0 ], R"("valid":true,"dmarc":{"kind":"dmarc","valid":true)" ) );
   CHECK( has( r.lines[ 0 ], R"("code":"DMC638")" ) );
   CHECK( has( r.lines[ 0 ], "example.com._report._dmarc.reports.example.net" ) );
   // §6.4: dmarc-sep is required between the version and p.
   CHECK( has( r.lines[ 1 ], R"("valid":false)" ) );
   CHECK( has( r.lines[ 1 ], R"("code":"DMC603")" ) );
   CHECK( has( r.lines[ 1 ], R"("txt":{"kind":"txt","valid":true)" ) );
   CHECK( has( r.lines[ 2 ], R"("error":"\"dmarc\" must be a string or null")" ) );
}

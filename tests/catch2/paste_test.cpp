// Pasted evidence (core/evidence/): every fixture of tests/fixtures/paste/ (the tools' own output, see its README) is
// recognised as a bundle, gets exactly the diagnostics of the defect planted in it (code, line, column and the exact
// bytes of the span, counted from the tool's documented format) and nothing about the tool's chatter; fixes stay
// inside the part they fix; plain policies and records are read as before; hostile pastes stay linear.
#include <catch2/catch.hpp>

#include <algorithm>
#include <dirent.h>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/evidence/reader.hpp"
#include "core/text.hpp"
#include "helpers.hpp"

namespace {

std::string slurp( const std::string& path )
{
   std::ifstream in( path, std::ios::binary );
   std::ostringstream ss;
   ss << in.rdbuf();
   return ss.str();
}

std::vector< std::string > files_in( const std::string& dir, const std::string& ext = ".txt" )
{
   std::vector< std::string > out;
   if( DIR* d = opendir( dir.c_str() ) ) {
      while( const dirent* e = readdir( d ) ) {
         const std::string n = e->d_name;
         if( n.size() > ext.size() && n.compare( n.size() - ext.size(), ext.size(), ext ) == 0 ) {
            out.push_back( dir + "/" + n );
         }
      }
      closedir( d );
   }
   std::sort( out.begin(), out.end() );
   return out;
}

struct Expect
{
   const char* code;
   std::size_t line, column;
   std::string span;
};

struct Fixture
{
   const char* file;
   std::vector< Expect > diagnostics;  // every error and warning, nothing else
   std::vector< const char* > artefacts;  // kinds that must be found
};

// Columns count bytes (a tab is one); the spans are the planted defects.
const std::vector< Fixture > fixtures = {
   { "dig-full.txt", { { "STS105", 15, 51, "-" } }, { "tool", "txt" } },
   { "dig-short.txt", {}, { "txt", "tlsrpt", "mx" } },
   { "dig-multiline.txt", { { "RPT510", 9, 1, "" }, { "RPT507", 9, 54, "tlsrpt@example.com" } }, { "tlsrpt" } },
   { "kdig-cname.txt", { { "STS113", 13, 60, " " } }, { "cname", "txt" } },
   { "drill-nxdomain.txt", { { "EVD702", 2, 39, "NXDOMAIN" } }, { "no-record" } },
   { "delv.txt", {}, { "tlsrpt" } },
   { "host.txt", { { "STS113", 2, 60, " " } }, { "txt", "mx", "no-record" } },
   { "nslookup-bind.txt", { { "STS103", 6, 37, " " } }, { "txt", "mx", "no-record" } },
   { "nslookup-windows.txt", { { "STS105", 8, 19, "_" } }, { "txt", "mx" } },
   { "resolve-dnsname-table.txt", { { "EVD703", 5, 67, "v=STSv1; id=20240501T1000000000000000000000..." } }, { "txt", "mx" } },
   { "resolve-dnsname-list.txt", { { "STS103", 9, 22, " " } }, { "txt" } },
   { "resolve-dnsname-nxdomain.txt", { { "EVD702", 2, 42, "DNS name does not exist" } }, { "no-record" } },
   { "zone-bind.txt", { { "STS112", 20, 21, "mode" } }, { "txt", "tlsrpt", "mx" } },
   { "zone-unbalanced.txt", { { "DNS607", 3, 25, "(" } }, { "txt", "mx" } },
   { "curl-i.txt", { { "STS239", 14, 20, "." } }, { "http", "policy" } },
   { "curl-v.txt", { { "STS303", 16, 10, "301" } }, { "http" } },
   { "curl-head.txt", { { "STS304", 3, 15, "text/html" } }, { "http" } },
   { "wget.txt", { { "STS304", 8, 17, "application/octet-stream" }, { "EVD706", 10, 21, "gzip" } }, { "http", "policy" } },
   { "invoke-webrequest.txt", { { "STS305", 20, 71, "charset=windows-1252" } }, { "http", "policy" } },
   { "invoke-webrequest-content.txt", { { "STS239", 7, 40, "." } }, { "http", "policy" } },
   { "resolve-dnsname-strings.txt", { { "STS105", 5, 85, "-" } }, { "txt", "tlsrpt" } },
   { "zone-relative-owner.txt", { { "DNS610", 7, 1, "_mta-sts.example.com" }, { "EVD701", 7, 1, "_mta-sts.example.com" } }, { "tlsrpt", "mx" } },
   { "combined.txt", { { "STS402", 5, 4, "mx2.example.com." } }, { "txt", "mx", "no-record", "http", "policy" } },
};

std::string fixture_path( const std::string& name ) { return std::string( MTASTS_FIXTURES_DIR ) + "/paste/" + name; }

}  // namespace

TEST_CASE( "every paste fixture gets exactly its planted diagnostics, at the exact bytes" )
{
   REQUIRE( files_in( std::string( MTASTS_FIXTURES_DIR ) + "/paste" ).size() == fixtures.size() );  // none untested
   for( const auto& f : fixtures ) {
      const auto text = slurp( fixture_path( f.file ) );
      REQUIRE( !text.empty() );
      INFO( f.file );
      CHECK( mtasts::detect_kind( text ) == mtasts::Kind::bundle );
      const auto r = test::lint( text, mtasts::Kind::auto_, false );
      CHECK( r.kind == mtasts::Kind::bundle );
      const mtasts::SourceMap map( text );
      std::vector< std::string > got, want;
      for( const auto& d : r.diagnostics ) {
         const auto lc = map.locate( d.offset );
         got.push_back( std::string( mtasts::rule( d.code ).id ) + " " + std::to_string( lc.line ) + ":" + std::to_string( lc.column ) + " '" + text.substr( d.offset, d.length ) + "'" );
      }
      for( const auto& e : f.diagnostics ) {
         want.push_back( std::string( e.code ) + " " + std::to_string( e.line ) + ":" + std::to_string( e.column ) + " '" + e.span + "'" );
      }
      std::sort( got.begin(), got.end() );
      std::sort( want.begin(), want.end() );
      CHECK( got == want );
      std::set< std::string > kinds;
      for( const auto& a : r.artefacts ) {
         kinds.insert( a.kind );
         CHECK( a.offset + a.length <= text.size() );
      }
      for( const char* k : f.artefacts ) {
         INFO( "artefact " << k );
         CHECK( kinds.count( k ) == 1 );
      }
   }
}

TEST_CASE( "paste fixtures: fixes stay inside the record or policy they fix, and Fix all keeps the tool output" )
{
   for( const auto& f : fixtures ) {
      const auto text = slurp( fixture_path( f.file ) );
      INFO( f.file );
      const auto r = test::lint( text, mtasts::Kind::auto_, true );
      std::vector< mtasts::Edit > all;
      for( const auto& d : r.diagnostics ) {
         if( !d.fix ) {
            continue;
         }
         for( const auto& e : d.fix->edits ) {
            bool inside = false;
            for( const auto& a : r.artefacts ) {
               if( ( a.kind == "txt" || a.kind == "tlsrpt" || a.kind == "policy" ) && e.offset >= a.offset && e.offset + e.length <= a.offset + a.length ) {
                  inside = true;
               }
            }
            INFO( mtasts::rule( d.code ).id << " edit at " << e.offset );
            CHECK( inside );
            all.push_back( e );
         }
      }
      std::sort( all.begin(), all.end(), []( const mtasts::Edit& a, const mtasts::Edit& b ) { return a.offset < b.offset; } );
      const auto fixed = mtasts::apply_edits( text, all );
      // every line of tool output (a comment, a prompt, a header, chatter) is still there, in order
      std::istringstream before( text ), after( fixed );
      std::vector< std::string > tool_lines, fixed_lines;
      for( std::string l; std::getline( before, l ); ) {
         if( !l.empty() && ( l[ 0 ] == ';' || l[ 0 ] == '$' || l[ 0 ] == '*' || l[ 0 ] == '<' || l[ 0 ] == '>' || l.rfind( "HTTP/", 0 ) == 0 || l.rfind( "PS ", 0 ) == 0 || l.rfind( "Server:", 0 ) == 0 ) ) {
            tool_lines.push_back( l );
         }
      }
      for( std::string l; std::getline( after, l ); ) {
         fixed_lines.push_back( l );
      }
      std::size_t k = 0;
      for( const auto& l : fixed_lines ) {
         if( k < tool_lines.size() && l == tool_lines[ k ] ) {
            ++k;
         }
      }
      CHECK( k == tool_lines.size() );
      // and the fixed paste no longer has the diagnostics that were fixed
      const auto again = test::lint( fixed, mtasts::Kind::auto_, true );
      CHECK( again.kind == mtasts::Kind::bundle );
      CHECK( again.error_count() <= r.error_count() );
   }
}

TEST_CASE( "plain policies and records are not read as bundles: the shared corpus, the examples, the fixtures, the seeds" )
{
   std::vector< std::string > inputs;
   for( const auto& p : files_in( std::string( MTASTS_CORPUS_DIR ) + "/policies" ) ) {
      inputs.push_back( slurp( p ) );
   }
   {
      std::ifstream list( std::string( MTASTS_CORPUS_DIR ) + "/records.expected.jsonl" );
      for( std::string line; std::getline( list, line ); ) {
         const auto k = line.find( "\"value\": \"" );
         if( k != std::string::npos ) {
            std::string v;
            for( std::size_t i = k + 10; i < line.size() && line[ i ] != '"'; ++i ) {
               if( line[ i ] == '\\' && i + 1 < line.size() ) {
                  ++i;
                  v += line[ i ] == 'n' ? '\n' : line[ i ];
               }
               else {
                  v += line[ i ];
               }
            }
            inputs.push_back( v );
         }
      }
   }
   for( const auto& dir : { std::string( MTASTS_FIXTURES_DIR ), std::string( MTASTS_FIXTURES_DIR ) + "/../../web/examples", std::string( MTASTS_FIXTURES_DIR ) + "/../../fuzz/seeds" } ) {
      for( const auto& p : files_in( dir ) ) {
         if( p.find( "/pasted-" ) == std::string::npos ) {  // (web/examples/pasted-evidence.txt is a paste on purpose)
            inputs.push_back( slurp( p ) );
         }
      }
   }
   CHECK( inputs.size() > 280 );
   for( const auto& in : inputs ) {
      INFO( in.substr( 0, 200 ) );
      CHECK_FALSE( mtasts::evidence::looks_like_bundle( in ) );
      CHECK( mtasts::detect_kind( in ) != mtasts::Kind::bundle );
   }
   // the same inputs given explicitly as a bundle still find their policy or record (nothing is lost)
   const auto r = test::lint( "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n", mtasts::Kind::bundle, false );
   CHECK( r.policy.has_value() );
   CHECK( r.diagnostics.empty() );
}

TEST_CASE( "the fast decision reads the first line that has content" )
{
   using mtasts::evidence::looks_like_bundle;
   CHECK( looks_like_bundle( "$ dig TXT _mta-sts.example.com\n" ) );
   CHECK( looks_like_bundle( "user@host:~$ host -t MX example.com\n" ) );
   CHECK( looks_like_bundle( "PS C:\\> Resolve-DnsName -Type TXT _mta-sts.example.com\r\n" ) );
   CHECK( looks_like_bundle( "C:\\Users\\me>nslookup -type=TXT _mta-sts.example.com\r\n" ) );
   CHECK( looks_like_bundle( "\n\n; <<>> DiG 9.18.24 <<>> TXT _mta-sts.example.com\n" ) );
   CHECK( looks_like_bundle( "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" ) );
   CHECK( looks_like_bundle( "example.com. 3600 IN MX 10 mail.example.com.\n" ) );
   CHECK( looks_like_bundle( "$ORIGIN example.com.\n@ IN SOA ns1 hostmaster 1 2 3 4 5\n" ) );
   CHECK( looks_like_bundle( "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n" ) );
   CHECK( looks_like_bundle( "_mta-sts.example.com descriptive text \"v=STSv1; id=1\"\n" ) );
   CHECK( looks_like_bundle( "_mta-sts.example.com\ttext = \"v=STSv1; id=1\"\n" ) );
   // as before: records, zone-file TXT lines, dig's answer for the record, policies
   CHECK_FALSE( looks_like_bundle( "v=STSv1; id=1" ) );
   CHECK_FALSE( looks_like_bundle( "\"v=STSv1; id=1\"" ) );
   CHECK_FALSE( looks_like_bundle( "$ORIGIN example.com.\n_mta-sts IN TXT \"v=STSv1; id=1\"\n" ) );
   CHECK_FALSE( looks_like_bundle( ";; ANSWER SECTION:\n_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=1\"\n" ) );
   CHECK_FALSE( looks_like_bundle( "version: STSv1\nmode: enforce\n" ) );
   CHECK_FALSE( looks_like_bundle( "Server: nginx\nversion: STSv1\n" ) );
   CHECK_FALSE( looks_like_bundle( "<html><body>404</body></html>" ) );
}

TEST_CASE( "pasted MX evidence: a null MX and an MX query with no answer" )
{
   const std::string policy = "$ curl -s https://mta-sts.example.com/.well-known/mta-sts.txt\nversion: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n";
   {
      const auto r = test::lint( "$ dig +short MX example.com\n0 .\n" + policy, mtasts::Kind::auto_, true );
      CHECK( test::with_code( r, "STS406" ).size() == 1 );  // null MX: no host to match
      CHECK( test::with_code( r, "STS401" ).empty() );
   }
   {
      // host says there is none: the domain itself is the implicit MX (RFC 5321 §5.1), which the policy does not cover
      const auto r = test::lint( "$ host -t MX example.com\nexample.com has no MX record\n" + policy, mtasts::Kind::auto_, true );
      CHECK( test::with_code( r, "STS406" ).size() == 1 );
      CHECK( test::with_code( r, "STS401" ).size() == 1 );
   }
   {
      // no MX query in the paste: nothing is assumed
      const auto r = test::lint( policy, mtasts::Kind::auto_, true );
      CHECK( r.kind == mtasts::Kind::bundle );
      CHECK( test::with_code( r, "STS401" ).empty() );
      CHECK( test::with_code( r, "STS406" ).empty() );
      CHECK( test::with_code( r, "EVD705" ).size() >= 1 );
   }
}

TEST_CASE( "pasted evidence: a CNAME at _mta-sts is followed to its target's record" )
{
   const std::string paste = "$ dig +noall +answer TXT _mta-sts.example.com\n"
                             "_mta-sts.example.com.\t300\tIN\tCNAME\t_mta-sts.provider.example.\n"
                             "_mta-sts.provider.example.\t300\tIN\tTXT\t\"v=STSv1; id=abc!\"\n";
   const auto r = test::lint( paste, mtasts::Kind::auto_, true );
   CHECK( test::with_code( r, "STS119" ).size() == 1 );
   CHECK( test::with_code( r, "STS118" ).empty() );  // the target's name is right for a delegated record
   const auto bad = test::with_code( r, "STS105" );
   REQUIRE( bad.size() == 1 );
   CHECK( paste.substr( bad[ 0 ]->offset, bad[ 0 ]->length ) == "!" );
   CHECK( test::with_code( r, "EVD702" ).empty() );
}

TEST_CASE( "pasted evidence: RPT523 needs the _smtp._tls query to be shown" )
{
   const std::string policy = "$ curl -s https://mta-sts.example.com/.well-known/mta-sts.txt\nversion: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 604800\n";
   CHECK( test::with_code( test::lint( "$ dig +short TXT _smtp._tls.example.com\n" + policy ), "RPT523" ).size() == 1 );
   CHECK( test::with_code( test::lint( policy ), "RPT523" ).empty() );
   CHECK( test::with_code( test::lint( "$ dig +short TXT _smtp._tls.example.com\n\"v=TLSRPTv1; rua=mailto:t@example.com\"\n" + policy ), "RPT523" ).empty() );
}

TEST_CASE( "hostile pastes: huge, many records, unclosed parentheses, endless headers, long lines" )
{
   std::string mixed;
   for( const auto& f : fixtures ) {
      mixed += slurp( fixture_path( f.file ) );
   }
   std::string big;
   while( big.size() < 5 * 1024 * 1024 ) {
      big += mixed;
   }
   const auto half = test::lint( big, mtasts::Kind::bundle, false );
   const auto full = test::lint( big + big, mtasts::Kind::bundle, false );
   // twice the paste, twice the parts and the findings (a quadratic reader would not finish this test)
   CHECK( full.artefacts.size() >= 2 * half.artefacts.size() - 4 );  // (where the two copies meet, a part may differ)
   CHECK( full.artefacts.size() <= 2 * half.artefacts.size() + 4 );
   CHECK( full.diagnostics.size() >= 2 * half.diagnostics.size() - 8 );
   CHECK( full.diagnostics.size() <= 2 * half.diagnostics.size() + 8 );
   for( const auto& d : full.diagnostics ) {
      REQUIRE( d.offset + d.length <= 2 * big.size() );
   }
   {
      std::string many = "$ dig +noall +answer TXT _mta-sts.example.com\n";
      for( int i = 0; i < 5000; ++i ) {
         many += "_mta-sts.example.com.\t300\tIN\tTXT\t\"v=STSv1; id=" + std::to_string( i ) + "\"\n";
      }
      const auto r = test::lint( many, mtasts::Kind::auto_, false );
      CHECK( test::with_code( r, "STS115" ).size() == 4999 );
   }
   {
      std::string parens = "$ORIGIN example.com.\n@ IN SOA ns1 hostmaster (\n";
      for( int i = 0; i < 100000; ++i ) {
         parens += "\t( ( 1 2 ; x\n";
      }
      const auto r = test::lint( parens, mtasts::Kind::auto_, false );
      CHECK( r.kind == mtasts::Kind::bundle );
      CHECK( test::with_code( r, "DNS607" ).size() >= 1 );
   }
   {
      std::string headers = "HTTP/1.1 200 OK\r\n";
      for( int i = 0; i < 200000; ++i ) {
         headers += "X-Header-" + std::to_string( i ) + ": value\r\n";
      }
      const auto r = test::lint( headers, mtasts::Kind::auto_, false );
      CHECK( test::with_code( r, "STS304" ).size() == 1 );  // no Content-Type among them
      std::string verbose = "< HTTP/1.1 200 OK\r\n";
      for( int i = 0; i < 100000; ++i ) {
         verbose += "< not a header line\r\n";
      }
      CHECK( test::with_code( test::lint( verbose, mtasts::Kind::auto_, false ), "EVD707" ).size() == 100000 );
   }
   {
      const auto r = test::lint( "$ " + std::string( 4 * 1024 * 1024, '>' ) + "\n" + std::string( 1024 * 1024, '(' ), mtasts::Kind::bundle, false );
      CHECK( r.kind == mtasts::Kind::bundle );
      const auto n = test::lint( std::string( "\0\xff\xfe;<<>>\n", 9 ) + std::string( 3 * 1024 * 1024, '\0' ), mtasts::Kind::bundle, false );
      CHECK( n.kind == mtasts::Kind::bundle );
   }
}

TEST_CASE( "paste fixes: the fixes kept without --verbose do not depend on the infos --verbose adds" )
{
   // fuzz_bundle (CI settings, 5 December 2026): the infos' fixes spent the fix budget before a warning's, so with
   // --verbose the STS209 of line 149 lost its fix and the warnings differed from a plain run
   const auto text = slurp( std::string( MTASTS_FIXTURES_DIR ) + "/../../fuzz/seeds/bundle-verbose-infos-spend-fix-budget.bin" );
   REQUIRE( text.size() == 560 );
   const auto verbose = test::lint( text, mtasts::Kind::bundle, true );
   const auto quiet = test::lint( text, mtasts::Kind::bundle, false );
   std::vector< const mtasts::Diagnostic* > kept;
   for( const auto& d : verbose.diagnostics ) {
      if( d.severity != mtasts::Severity::info ) {
         kept.push_back( &d );
      }
   }
   REQUIRE( kept.size() == quiet.diagnostics.size() );
   std::size_t fixes = 0;
   for( std::size_t i = 0; i < kept.size(); ++i ) {
      CHECK( kept[ i ]->code == quiet.diagnostics[ i ].code );
      CHECK( kept[ i ]->offset == quiet.diagnostics[ i ].offset );
      REQUIRE( bool( kept[ i ]->fix ) == bool( quiet.diagnostics[ i ].fix ) );
      if( kept[ i ]->fix ) {
         ++fixes;
         CHECK( kept[ i ]->fix->edits.size() == quiet.diagnostics[ i ].fix->edits.size() );
      }
   }
   CHECK( fixes >= 100 );
   const auto line149 = std::find_if( quiet.diagnostics.begin(), quiet.diagnostics.end(), []( const mtasts::Diagnostic& d ) { return d.offset == 462 && d.code == mtasts::Code::STS209; } );
   REQUIRE( line149 != quiet.diagnostics.end() );
   CHECK( line149->fix );
}

TEST_CASE( "a build without the paste reader (the lint-only WebAssembly module): auto keeps today's kinds, an explicit bundle gets EVD708" )
{
   const std::string dig = "; <<>> DiG 9.18.28 <<>> TXT _mta-sts.example.com\n"
                           ";; ANSWER SECTION:\n"
                           "_mta-sts.example.com.\t300\tIN\tTXT\t\"v=STSv1; id=20240101\"\n";
   mtasts::LintOptions bundle;
   bundle.kind = mtasts::Kind::bundle;
   REQUIRE( mtasts::lint( dig ).kind == mtasts::Kind::bundle );  // the suite runs with the reader (tests/catch2/main.cpp)
   const auto detector = mtasts::detail::bundle_detector;
   const auto linter = mtasts::detail::bundle_linter;
   mtasts::detail::bundle_detector = nullptr;
   mtasts::detail::bundle_linter = nullptr;
   const auto plain = mtasts::lint( dig );
   const auto refused = mtasts::lint( dig, bundle );
   const auto policy = mtasts::lint( "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 86400\n" );
   mtasts::detail::bundle_detector = detector;
   mtasts::detail::bundle_linter = linter;
   CHECK( plain.kind != mtasts::Kind::bundle );
   CHECK( plain.artefacts.empty() );
   REQUIRE( refused.diagnostics.size() == 1 );
   CHECK( refused.diagnostics[ 0 ].code == mtasts::Code::EVD708 );
   CHECK( refused.diagnostics[ 0 ].offset == 0 );
   CHECK( policy.kind == mtasts::Kind::policy );
   CHECK( policy.valid() );
}

TEST_CASE( "DNS610 in a pasted zone file: an owner that names the origin without the final dot, only where the origin is known" )
{
   const std::string soa = "$ORIGIN example.com.\n@ IN SOA ns1.example.com. hostmaster.example.com. ( 1 7200 3600 1209600 3600 )\n";
   {
      const std::string paste = soa + "_mta-sts.example.com IN TXT \"v=STSv1; id=1\"\nexample.com.example.com IN MX 10 mx1\n";
      const auto r = test::lint( paste, mtasts::Kind::auto_, false );
      REQUIRE( r.kind == mtasts::Kind::bundle );
      const auto d = test::with_code( r, "DNS610" );
      REQUIRE( d.size() == 2 );
      CHECK( paste.substr( d[ 0 ]->offset, d[ 0 ]->length ) == "_mta-sts.example.com" );
      CHECK( paste.substr( d[ 1 ]->offset, d[ 1 ]->length ) == "example.com.example.com" );
   }
   // the origin from the SOA's owner when there is no $ORIGIN
   {
      const std::string paste = "example.com. IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 3600\n_smtp._tls.EXAMPLE.com IN TXT \"v=TLSRPTv1; rua=mailto:t@example.com\"\n";
      const auto r = test::lint( paste, mtasts::Kind::auto_, false );
      const auto d = test::with_code( r, "DNS610" );
      REQUIRE( d.size() == 1 );
      CHECK( paste.substr( d[ 0 ]->offset, d[ 0 ]->length ) == "_smtp._tls.EXAMPLE.com" );
   }
   // not: relative owners that do not name the origin, absolute owners, '@', omitted owners, a name that only ends
   // with the origin's letters, the origin itself, other types, dig's answers (absolute names), no origin known
   for( const std::string rest : { "_mta-sts IN TXT \"v=STSv1; id=1\"\n", "_mta-sts.example.com. IN TXT \"v=STSv1; id=1\"\n", "@ IN MX 10 mx1\n", "  IN MX 10 mx1\n",
                                   "_mta-sts.myexample.com IN TXT \"v=STSv1; id=1\"\n", "example.com IN MX 10 mx1\n", "www.example.com IN A 192.0.2.1\n" } ) {
      INFO( rest );
      CHECK( test::with_code( test::lint( soa + rest, mtasts::Kind::auto_, false ), "DNS610" ).empty() );
   }
   CHECK( test::with_code( test::lint( "$ dig +noall +answer MX example.com\nexample.com.\t300\tIN\tMX\t10 mx1.example.com.\n_mta-sts.example.com IN TXT \"v=STSv1; id=1\"\n", mtasts::Kind::auto_, false ), "DNS610" ).empty() );
   CHECK( test::with_code( test::lint( "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n_mta-sts.example.com IN TXT \"v=STSv1; id=1\"\n", mtasts::Kind::auto_, false ), "DNS610" ).empty() );
}

TEST_CASE( "Resolve-DnsName's {a, b}: the strings of one TXT record, joined as DNS joins them, and a cut value stays EVD703" )
{
   const std::string head = "PS C:\\> Resolve-DnsName -Type TXT _mta-sts.example.com\n\nName                  Type TTL Section Strings\n----                  ---- --- ------- -------\n";
   {
      const std::string paste = head + "_mta-sts.example.com  TXT  300 Answer  {v=STSv1; , id=20240501}\n";
      const auto r = test::lint( paste, mtasts::Kind::auto_, false );
      REQUIRE( r.kind == mtasts::Kind::bundle );
      CHECK( r.error_count() == 0 );
      CHECK( r.warning_count() == 0 );
      REQUIRE( r.record );
      CHECK( r.record->value == "v=STSv1; id=20240501" );
      REQUIRE( r.record->id );
      CHECK( *r.record->id == "20240501" );
   }
   {
      // Format-List, three strings; the error in the last one points at its bytes
      const std::string paste = "PS C:\\> Resolve-DnsName -Type TXT _mta-sts.example.com | Format-List\n\nName    : _mta-sts.example.com\nType    : TXT\nSection : Answer\nStrings : {v=STSv1; , id=2024, 05!01}\n";
      const auto r = test::lint( paste, mtasts::Kind::auto_, false );
      REQUIRE( r.record );
      CHECK( r.record->value == "v=STSv1; id=202405!01" );
      const auto d = test::with_code( r, "STS105" );
      REQUIRE( d.size() == 1 );
      CHECK( paste.substr( d[ 0 ]->offset, d[ 0 ]->length ) == "!" );
      CHECK( paste[ d[ 0 ]->offset - 2 ] == '0' );  // "05!01": in the third string
   }
   {
      // a cut value: not linted as if it were complete, whatever its strings
      const std::string paste = head + "_mta-sts.example.com  TXT  300 Answer  {v=STSv1; , id=2024050110000000000000...\n";
      const auto r = test::lint( paste, mtasts::Kind::auto_, false );
      CHECK( test::with_code( r, "EVD703" ).size() == 1 );
      CHECK( r.error_count() == 0 );
   }
}

TEST_CASE( "Invoke-WebRequest's Content: linted as the policy, every position on the paste's bytes, fixes inside one line" )
{
   const std::string head = "PS C:\\> Invoke-WebRequest https://mta-sts.example.com/.well-known/mta-sts.txt\r\n\r\n"
                            "StatusCode        : 200\r\nStatusDescription : OK\r\n";
   const std::string tail = "RawContent        : HTTP/1.1 200 OK\r\n                    Content-Type: text/plain\r\n\r\n";
   {
      const std::string paste = head + "Content           : version: STSv1\r\n                    mode: enforced\r\n                     mx: mx1.example.com\r\n                    max_age: 604800\r\n                    \r\n" + tail;
      const auto r = test::lint( paste, mtasts::Kind::auto_, true );
      REQUIRE( r.kind == mtasts::Kind::bundle );
      const auto mode = test::with_code( r, "STS225" );
      REQUIRE( mode.size() == 1 );
      CHECK( paste.substr( mode[ 0 ]->offset, mode[ 0 ]->length ) == "enforced" );
      const auto indent = test::with_code( r, "STS210" );  // one space more than PowerShell's indentation: the body's own
      REQUIRE( indent.size() == 1 );
      CHECK( paste.substr( indent[ 0 ]->offset - 20, 21 + 3 ) == std::string( 20, ' ' ) + " mx:" );
      // what the view does not show as served is not judged: CRLF of the console, the size, the final line break
      for( const char* c : { "STS206", "STS207", "STS208", "STS218", "STS250", "STS251" } ) {
         CHECK( test::with_code( r, c ).empty() );
      }
      REQUIRE( r.policy );
      REQUIRE( r.policy->version );
      CHECK( paste.substr( r.policy->version_offset, 5 ) == "STSv1" );
      CHECK( test::with_code( r, "EVD705" ).empty() == false );  // (the record and the MX are not in the paste)
      bool policy_part = false;
      for( const auto& a : r.artefacts ) {
         policy_part = policy_part || ( a.kind == "policy" && paste.substr( a.offset, 14 ) == "version: STSv1" );
      }
      CHECK( policy_part );
   }
   {
      // a fix inside one line is kept and lands on the paste's bytes; Fix all keeps every PowerShell line
      const std::string paste = head + "Content           : version: STSv1\r\n                    mode: enforce\r\n                    mx: mx1.example.com.\r\n                    max_age: 604800\r\n                    \r\n" + tail;
      const auto r = test::lint( paste, mtasts::Kind::auto_, false );
      const auto dot = test::with_code( r, "STS239" );
      REQUIRE( dot.size() == 1 );
      REQUIRE( dot[ 0 ]->fix );
      REQUIRE( r.policy );
      REQUIRE( r.policy->mode );
      CHECK( paste.substr( r.policy->mode_offset, r.policy->mode->size() ) == "enforce" );  // a slice of the paste
      const auto fixed = mtasts::apply_edits( paste, dot[ 0 ]->fix->edits );
      CHECK( fixed == head + "Content           : version: STSv1\r\n                    mode: enforce\r\n                    mx: mx1.example.com\r\n                    max_age: 604800\r\n                    \r\n" + tail );
      CHECK( test::lint( fixed, mtasts::Kind::auto_, false ).error_count() == 0 );
   }
   {
      // a fix that would join or split the lines PowerShell shows is dropped (a blank line in the body)
      const std::string paste = head + "Content           : version: STSv1\r\n                    \r\n                    mode: enforce\r\n                    mx: mx1.example.com\r\n                    max_age: 604800\r\n                    \r\n" + tail;
      const auto r = test::lint( paste, mtasts::Kind::auto_, false );
      const auto blank = test::with_code( r, "STS209" );
      REQUIRE( blank.size() == 1 );
      CHECK( !blank[ 0 ]->fix );
   }
   // Content cut by PowerShell, or shown as bytes: not the body, not linted (EVD705 with --verbose)
   for( const std::string content : { "Content           : version: STSv1\r\n                    mode: enfo...\r\n", "Content           : {118, 101, 114, 115...}\r\n" } ) {
      const auto r = test::lint( head + content + tail, mtasts::Kind::auto_, true );
      CHECK( !r.policy );
      CHECK( r.error_count() == 0 );
      bool said = false;
      for( const auto* d : test::with_code( r, "EVD705" ) ) {
         said = said || d->message.find( "Invoke-WebRequest cut it" ) != std::string::npos;
      }
      CHECK( said );
   }
}

TEST_CASE( "hostile PowerShell pastes: a Content of 100,000 lines, a Strings array of 100,000 elements" )
{
   std::string iwr = "PS C:\\> Invoke-WebRequest https://mta-sts.example.com/.well-known/mta-sts.txt\r\n\r\nStatusCode        : 200\r\nContent           : version: STSv1\r\n";
   for( int i = 0; i < 100000; ++i ) {
      iwr += "                    mx: mx" + std::to_string( i ) + ".example.com\r\n";
   }
   iwr += "                    \r\nRawContent        : x\r\n";
   const auto r = test::lint( iwr, mtasts::Kind::auto_, false );
   CHECK( test::with_code( r, "STS224" ).size() == 1 );  // no mode: every line was read as the body
   CHECK( test::with_code( r, "STS250" ).empty() );      // the size as served is not judged from the view
   std::string rs = "PS C:\\> Resolve-DnsName -Type TXT _mta-sts.example.com\r\n\r\nName Type TTL Section Strings\r\n---- ---- --- ------- -------\r\n_mta-sts.example.com TXT 300 Answer {v=STSv1; id=1";
   for( int i = 0; i < 100000; ++i ) {
      rs += ", x";
   }
   rs += "}\r\n";
   const auto s = test::lint( rs, mtasts::Kind::auto_, false );
   REQUIRE( s.record );
   CHECK( s.record->value.size() == 13 + 100000 );  // "v=STSv1; id=1" + "x" per string
}

TEST_CASE( "paste fixes: the same tool output pasted many times gets the same fix in every copy, within the same budget" )
{
   // keep_safe_fixes() decides a fix once per identical piece and edits (docs/performance.md, "Issue #19, the paste
   // reader"): every copy must still get what its own reading gives, and the budget of 4096 fixes read must be spent
   // as before, so that the 4097th fix and the later ones are dropped whether or not their pieces repeat.
   const std::string block = "$ dig +short TXT _mta-sts.example.com\n\"v=STSv1 ; id=20240101T000000\"\n";
   const std::size_t copies = 4200;
   std::string text;
   for( std::size_t i = 0; i < copies; ++i ) {
      text += block;
   }
   const auto r = test::lint( text, mtasts::Kind::auto_, false );
   REQUIRE( r.kind == mtasts::Kind::bundle );
   std::vector< const mtasts::Diagnostic* > sts103;
   for( const auto& d : r.diagnostics ) {
      if( d.code == mtasts::Code::STS103 ) {
         sts103.push_back( &d );
      }
   }
   REQUIRE( sts103.size() == copies );
   std::size_t fixed = 0;
   for( std::size_t i = 0; i < copies; ++i ) {
      const auto& d = *sts103[ i ];
      INFO( "copy " << i );
      // the space before ';' of copy i: the 8th byte of its quoted value
      REQUIRE( d.offset == i * block.size() + 38 + 8 );
      if( i < 4096 ) {
         REQUIRE( d.fix );
         REQUIRE( d.fix->edits.size() == 1 );
         CHECK( d.fix->edits[ 0 ].offset == d.offset );
         CHECK( d.fix->edits[ 0 ].length == 1 );
         CHECK( d.fix->edits[ 0 ].insert.empty() );
         ++fixed;
      }
      else {
         CHECK( !d.fix );  // past the budget: no fix rather than an unread one
      }
   }
   CHECK( fixed == 4096 );
}

TEST_CASE( "a command after a prompt is found wherever the prompt ends in the first 160 bytes of its line" )
{
   // command_start() scans eight bytes at a time up to a possible prompt end: the command is found after a prompt that
   // ends at any byte, up to the 160th of the line, as the byte-wise scan found it; a later one is not a prompt.
   for( std::size_t n = 1; n <= 170; ++n ) {
      for( const char end : { '$', '#', '%', '>' } ) {
         INFO( "prompt of " << n << " bytes ending in " << end );
         const std::string text = std::string( n - 1, 'x' ) + end + " dig +short TXT _mta-sts.example.com\n\"v=STSv1; id=20240101T000000\"\n";
         const auto b = mtasts::evidence::read_bundle( text );
         const bool dig = !b.blocks.empty() && b.blocks[ 0 ].tool == mtasts::evidence::Tool::dig;
         // the prompt's last byte is at n - 1 and needs the byte after it within the first 160
         CHECK( dig == ( n <= 159 ) );
         if( dig ) {
            REQUIRE( b.queries.size() == 1 );
            CHECK( b.queries[ 0 ].name == "_mta-sts.example.com" );
            CHECK( b.queries[ 0 ].type == "TXT" );
         }
      }
   }
}

TEST_CASE( "paste fixtures with their names in other capitals: the same domain, the same diagnostics and fixes" )
{
   // DNS names compare without regard to case (RFC 4343 §3): `dig TXT _mta-sts.eXample.com` shows the question as
   // typed, and the paste is still about example.com. The bench's paste without repeated blocks (bench/lint_bench.cpp,
   // `linter_renamed_paste_64k`) relies on it: each copy of the fixtures spells `example` with one letter in capitals.
   const auto shape = []( const mtasts::LintResult& r ) {
      std::vector< std::string > out;
      for( const auto& d : r.diagnostics ) {
         std::string s = std::string( mtasts::rule( d.code ).id ) + " " + std::to_string( d.offset ) + "+" + std::to_string( d.length );
         if( d.fix ) {
            for( const auto& e : d.fix->edits ) {
               s += " fix " + std::to_string( e.offset ) + "+" + std::to_string( e.length ) + " '" + mtasts::text::to_lower( e.insert ) + "'";
            }
         }
         out.push_back( s );
      }
      return out;
   };
   std::string all, all_respelt;
   std::size_t n = 0;
   for( const auto& f : fixtures ) {
      const auto text = slurp( fixture_path( f.file ) );
      INFO( f.file );
      const auto want = shape( test::lint( text, mtasts::Kind::auto_, true ) );
      REQUIRE( text.find( "example" ) != std::string::npos );
      for( std::size_t k = 0; k < 7; ++k ) {
         INFO( "capital at " << k );
         std::string t = text;
         for( auto i = t.find( "example" ); i != std::string::npos; i = t.find( "example", i + 7 ) ) {
            t[ i + k ] = char( t[ i + k ] - 'a' + 'A' );
         }
         CHECK( shape( test::lint( t, mtasts::Kind::auto_, true ) ) == want );
         if( k == n % 7 ) {
            all_respelt += t + "\n";
         }
      }
      all += text + "\n";
      ++n;
   }
   // and pasted together, each part with its own spelling: still one domain (no EVD701 "about another domain")
   REQUIRE( all.size() == all_respelt.size() );
   CHECK( shape( test::lint( all_respelt, mtasts::Kind::auto_, true ) ) == shape( test::lint( all, mtasts::Kind::auto_, true ) ) );
}

TEST_CASE( "a PowerShell Content view with NUL characters: the body is not passed as a valid policy without facts" )
{
   // fuzz_format_json (5 December 2026): Invoke-WebRequest's Content showed the policy's lines, then a run of NULs. The
   // policy linter stops at such a body (STS202, as for UTF-16), and the view dropped STS202 (it judges no encoding):
   // the paste was valid with a policy part and no policy facts. NULs in the view were in the body as served.
   const auto text = slurp( std::string( MTASTS_FIXTURES_DIR ) + "/../../fuzz/seeds/bundle-invoke-webrequest-nul-body.bin" );
   REQUIRE( text.size() == 588 );
   const auto r = test::lint( text, mtasts::Kind::auto_, false );
   REQUIRE( r.kind == mtasts::Kind::bundle );
   CHECK_FALSE( r.valid() );
   const auto sts202 = test::with_code( r, "STS202" );
   REQUIRE( sts202.size() == 1 );
   CHECK( sts202[ 0 ]->offset == text.find( "version: STSv1" ) );  // the body's first byte, in the paste
   CHECK_FALSE( sts202[ 0 ]->fix );
   // the same view without the NULs reads as the valid policy it shows (STS202 is not judged from a view)
   std::string clean = text;
   clean.erase( std::remove( clean.begin(), clean.end(), '\0' ), clean.end() );
   const auto ok = test::lint( clean, mtasts::Kind::auto_, false );
   CHECK( test::with_code( ok, "STS202" ).empty() );
   REQUIRE( ok.policy );
   CHECK( ok.policy->version == std::optional< std::string >( "STSv1" ) );
}

TEST_CASE( "a fix in a block's first line is checked with the block before it: a line that would join an HTTP response's headers" )
{
   // fuzz_bundle (CI, 5 December 2026): a curl response whose headers end without a blank line, at an indented line
   // read as a policy. STS221's fix inserts 'version: STSv1' at that policy's first byte, where curl's headers would
   // take it as one more header: the fix did not remove STS221. The fix check read only the policy's block.
   const std::string text = "HTTP/1.1 200 OK\r\nContent-Typ2-us-east-:ra.sophos.com\n      mx: mx-02-us-east-: text/plain\r\n";
   const auto r = test::lint( text, mtasts::Kind::auto_, false );
   REQUIRE( r.kind == mtasts::Kind::bundle );
   const auto sts221 = test::with_code( r, "STS221" );
   REQUIRE( sts221.size() == 1 );
   CHECK( sts221[ 0 ]->offset == text.find( "      mx" ) );
   // the fix, if kept, must do what it says
   for( const auto& d : r.diagnostics ) {
      if( !d.fix ) {
         continue;
      }
      const auto after = test::lint( mtasts::apply_edits( text, d.fix->edits ), mtasts::Kind::auto_, false );
      CHECK( test::with_code( after, mtasts::rule( d.code ).id ).size() < test::with_code( r, mtasts::rule( d.code ).id ).size() );
   }
   CHECK_FALSE( sts221[ 0 ]->fix );
   // with the blank line that ends curl's headers, the same fix is kept and works
   const std::string ok = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nmode: enforce\r\nmx: mx.example.com\r\nmax_age: 86400\r\n";
   const auto r2 = test::lint( ok, mtasts::Kind::auto_, false );
   const auto v = test::with_code( r2, "STS221" );
   REQUIRE( v.size() == 1 );
   REQUIRE( v[ 0 ]->fix );
   const auto fixed = test::lint( mtasts::apply_edits( ok, v[ 0 ]->fix->edits ), mtasts::Kind::auto_, false );
   CHECK( test::with_code( fixed, "STS221" ).empty() );
}

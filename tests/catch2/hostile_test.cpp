// Bad input never crashes or hangs: it gets a diagnostic with a code and a position.
#include <catch2/catch.hpp>

#include <random>

#include "core/format.hpp"
#include "helpers.hpp"

namespace {

void all_spans_inside( const mtasts::LintResult& r, std::string_view text )
{
   bool ok = true;
   for( const auto& d : r.diagnostics ) {
      ok = ok && d.offset + d.length <= text.size() && !d.message.empty() && d.message.find( '\n' ) == std::string::npos;
   }
   CHECK( ok );
}

}  // namespace

TEST_CASE( "hostile inputs get a diagnostic and return" )
{
   std::mt19937 rng( 42 );
   std::string random( 10 * 1024 * 1024, '\0' );
   for( auto& c : random ) {
      c = static_cast< char >( rng() & 0xFF );
   }
   const std::vector< std::pair< const char*, std::string > > inputs = {
      { "10 MB of random bytes", random },
      { "a 5 MB line", "version: STSv1\nx-long: " + std::string( 5 * 1024 * 1024, 'a' ) + "\n" },
      { "NUL bytes", std::string( 64, '\0' ) },
      { "invalid UTF-8", "version: STSv1\nx-note: \xC3\x28\xFF\n" },
      { "UTF-16 without BOM", std::string( "v\0e\0r\0s\0i\0o\0n\0:\0 \0S\0", 20 ) },
      { "CR-only lines", "version: STSv1\rmode: enforce\rmx: a.example.com\rmax_age: 86400\r" },
      { "an HTML page", "<!DOCTYPE html><html><head><title>404 Not Found</title></head></html>" },
      { "200,000 mx lines", [] { std::string s = "version: STSv1\nmode: enforce\nmax_age: 86400\n"; for( int i = 0; i < 200000; ++i ) s += "mx: mx" + std::to_string( i ) + ".example.com\n"; return s; }() },
   };
   for( const auto& [ what, text ] : inputs ) {
      for( const auto kind : { mtasts::Kind::auto_, mtasts::Kind::policy, mtasts::Kind::txt, mtasts::Kind::tlsrpt, mtasts::Kind::dmarc } ) {
         INFO( what << " as " << mtasts::kind_name( kind ) );
         const auto r = test::lint( text, kind );
         all_spans_inside( r, text );
         if( std::string_view( what ) != "200,000 mx lines" && std::string_view( what ) != "a 5 MB line" ) {
            CHECK( r.error_count() > 0 );
         }
      }
   }
}

TEST_CASE( "a 1 MB TXT record and 50 000 rua URIs" )
{
   std::string rec = "v=STSv1; id=1; x=" + std::string( 1024 * 1024, 'a' );
   auto r = test::lint( rec, mtasts::Kind::txt );
   CHECK( !test::with_code( r, "DNS602" ).empty() );
   std::string rpt = "v=TLSRPTv1; rua=";
   for( int i = 0; i < 50000; ++i ) {
      rpt += ( i ? "," : "" ) + std::string( "mailto:r" ) + std::to_string( i ) + "@example.com";
   }
   r = test::lint( rpt, mtasts::Kind::tlsrpt );
   CHECK( r.record->rua.size() == 50000 );
   all_spans_inside( r, rpt );
}

TEST_CASE( "DMARC: 50 000 report URIs and 50 000 tags without '=' stay linear" )
{
   // Each URI and each tag is searched within itself: a search to the end of the record per URI was quadratic
   // (500,000 URIs took 55 s).
   std::string rec = "v=DMARC1; p=reject; rua=";
   for( int i = 0; i < 50000; ++i ) {
      rec += ( i ? "," : "" ) + std::string( "mailto:r" ) + std::to_string( i ) + "@example.com";
   }
   auto r = test::lint( rec, mtasts::Kind::dmarc );
   CHECK( r.record->rua.size() == 50000 );
   CHECK( r.error_count() == 0 );
   all_spans_inside( r, rec );
   std::string tags = "v=DMARC1; p=reject";
   for( int i = 0; i < 50000; ++i ) {
      tags += "; x";
   }
   r = test::lint( tags, mtasts::Kind::dmarc );
   CHECK( test::with_code( r, "DMC623" ).size() == 50000 );
}

TEST_CASE( "the text output shows a C1 control or a byte that is not UTF-8 as U+FFFD, and no control character" )
{
   // U+009B (CSI) starts an escape sequence on some terminals: a policy line holding it is echoed in the excerpt and
   // quoted in a message, and neither may reach the terminal as it is
   const std::string text = "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 86400\nx-note: a\xC2\x9B" "2Jb\xFF\x1b[31m\n";
   const auto r = test::lint( text, mtasts::Kind::policy, true );
   REQUIRE_FALSE( r.diagnostics.empty() );
   const std::vector< mtasts::FileReport > files{ { "p.txt", text, &r } };
   const std::string out = mtasts::format( mtasts::Format::text, files, {} );
   INFO( out );
   CHECK( out.find( "\xC2\x9B" ) == std::string::npos );
   CHECK( out.find( "\xFF" ) == std::string::npos );
   CHECK( out.find( "x-note: a\xEF\xBF\xBD" "2Jb\xEF\xBF\xBD [31m" ) != std::string::npos );  // the excerpt, one column each
   for( const char c : out ) {
      CHECK( ( static_cast< unsigned char >( c ) >= 0x20 || c == '\n' ) );
   }
}

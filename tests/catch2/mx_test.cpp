// MX host matching (RFC 8461 §4.1, Appendix B) and the checks that use the domain's MX list (STS401-STS406, STS249).
#include <catch2/catch.hpp>

#include "core/mx.hpp"
#include "core/text.hpp"
#include "helpers.hpp"

TEST_CASE( "RFC 8461 §4.1 matching: '*.' covers exactly one left-most label - case-insensitively" )
{
   // the table of rules.md §3, from the RFC text and the cited issues
   CHECK( mtasts::mx_matches( "mail.example.com", "mail.example.com" ) );
   CHECK( mtasts::mx_matches( "mail.example.com", "MAIL.Example.COM." ) );
   CHECK( mtasts::mx_matches( "*.example.com", "mx1.example.com" ) );
   CHECK_FALSE( mtasts::mx_matches( "*.example.com", "example.com" ) );
   CHECK_FALSE( mtasts::mx_matches( "*.example.com", "a.b.example.com" ) );
   CHECK_FALSE( mtasts::mx_matches( "*.mx.microsoft", "icewolf-li.h-v1.mx.microsoft" ) );
   CHECK_FALSE( mtasts::mx_matches( "mail.subl.im", "subl.im" ) );
   CHECK_FALSE( mtasts::mx_matches( "mail.example.com", "mail.example.com.evil.net" ) );
   CHECK( mtasts::mx_matches( "*.xn--bcher-kva.example", "mx.xn--bcher-kva.example" ) );
}

TEST_CASE( "A-labels and public suffixes" )
{
   CHECK( mtasts::valid_a_label( "xn--bcher-kva" ) );
   CHECK( mtasts::valid_a_label( "xn--mnchen-3ya" ) );
   CHECK_FALSE( mtasts::valid_a_label( "xn--zz" ) );
   CHECK_FALSE( mtasts::valid_a_label( "xn--" ) );
   CHECK( mtasts::valid_a_label( "mail" ) );
   CHECK( mtasts::is_public_suffix( "com" ) );
   CHECK( mtasts::is_public_suffix( "co.uk" ) );
   CHECK_FALSE( mtasts::is_public_suffix( "example.co.uk" ) );
   // the built-in list's first and last entries, any case, and its longest ones (six bytes)
   CHECK( mtasts::is_public_suffix( "CO.UK" ) );
   CHECK( mtasts::is_public_suffix( "gv.at" ) );
   CHECK( mtasts::is_public_suffix( "com.sa" ) );
   CHECK( mtasts::is_public_suffix( "Com.Au" ) );
   CHECK_FALSE( mtasts::is_public_suffix( "" ) );
   CHECK_FALSE( mtasts::is_public_suffix( "co.ukx" ) );
   CHECK_FALSE( mtasts::is_public_suffix( "a.co.uk" ) );
   CHECK_FALSE( mtasts::is_public_suffix( "mail.example.net" ) );
   CHECK_FALSE( mtasts::is_public_suffix( "example.com" ) );
   // a wildcard over one of them is no valid pattern (RFC 8461 §4.1 matches the left-most label only)
   CHECK( mtasts::valid_pattern_prefix( "*.example.co.uk" ) == 15 );
   CHECK( mtasts::valid_pattern_prefix( "*.co.uk" ) == 0 );
   CHECK( mtasts::valid_pattern_prefix( "*.COM.BR" ) == 0 );
   // the same with the rest of a policy after them (32 bytes to read: the word-wise path where there is one)
   const std::string rest = "\nmax_age: 86400\nmx: mail.example.com\n";
   CHECK( mtasts::valid_pattern_prefix( "*.example.co.uk" + rest ) == 15 );
   CHECK( mtasts::valid_pattern_prefix( "*.co.uk" + rest ) == 0 );
   CHECK( mtasts::valid_pattern_prefix( "*.COM.BR" + rest ) == 0 );
   CHECK( mtasts::valid_pattern_prefix( "*.uk" + rest ) == 0 );
   CHECK( mtasts::valid_pattern_prefix( "*.mail.example.net" + rest ) == 18 );
   CHECK( mtasts::detail::valid_pattern_prefix_scalar( "*.mail.example.net" + rest ) == 18 );
   CHECK( mtasts::detail::valid_pattern_prefix_scalar( "*.co.uk" + rest ) == 0 );
}

namespace {

mtasts::LintResult lint_with( const std::string& policy, std::optional< std::vector< std::string > > hosts, std::string domain = "example.com" )
{
   mtasts::LintOptions o;
   o.kind = mtasts::Kind::policy;
   o.verbose = true;
   o.domain = std::move( domain );
   o.mx_hosts = std::move( hosts );
   return mtasts::lint( policy, o );
}

const std::string enforce = "version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmx: backup.example.net\r\nmax_age: 604800\r\n";

}  // namespace

TEST_CASE( "MX hosts not covered by the policy" )
{
   auto r = lint_with( enforce, std::vector< std::string >{ "mx1.example.com", "a.b.example.com" } );
   auto d = test::with_code( r, "STS401" );
   REQUIRE( d.size() == 1 );
   CHECK( d[ 0 ]->severity == mtasts::Severity::error );
   CHECK( d[ 0 ]->message.find( "a.b.example.com" ) != std::string::npos );
   // the lenient reading is explained at the wildcard pattern
   auto why = test::with_code( r, "STS404" );
   REQUIRE( why.size() == 1 );
   CHECK( enforce.substr( why[ 0 ]->offset, why[ 0 ]->length ) == "*.example.com" );
   // backup.example.net matches none of the hosts
   auto stale = test::with_code( r, "STS403" );
   REQUIRE( stale.size() == 1 );
   CHECK( enforce.substr( stale[ 0 ]->offset, stale[ 0 ]->length ) == "backup.example.net" );

   const auto testing = "version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\n";
   r = lint_with( testing, std::vector< std::string >{ "other.example.com" } );
   REQUIRE( test::with_code( r, "STS402" ).size() == 1 );
   CHECK( test::with_code( r, "STS402" )[ 0 ]->severity == mtasts::Severity::warning );
   CHECK( test::with_code( r, "STS401" ).empty() );
}

TEST_CASE( "MX hosts covered: no STS401/402 - normalisation is noted" )
{
   auto r = lint_with( enforce, std::vector< std::string >{ "MX1.example.com.", "backup.example.net" } );
   CHECK( test::with_code( r, "STS401" ).empty() );
   CHECK( test::with_code( r, "STS403" ).empty() );
   CHECK( test::with_code( r, "STS405" ).size() == 1 );
   r = lint_with( enforce, std::vector< std::string >{ "mx1.example.com", "backup.example.net" } );
   CHECK( test::with_code( r, "STS405" ).empty() );
   // not given: no matching at all
   r = lint_with( enforce, std::nullopt );
   CHECK( test::with_code( r, "STS403" ).empty() );
}

TEST_CASE( "no MX records and null MX" )
{
   // RFC 5321 §5.1: without MX records the domain itself is the MX host; *.example.com does not cover example.com
   auto r = lint_with( enforce, std::vector< std::string >{} );
   CHECK( test::with_code( r, "STS406" ).size() == 1 );
   REQUIRE( test::with_code( r, "STS401" ).size() == 1 );
   CHECK( test::with_code( r, "STS404" ).size() == 1 );
   r = lint_with( enforce, std::vector< std::string >{ "." } );
   CHECK( test::with_code( r, "STS406" ).size() == 1 );
   CHECK( test::with_code( r, "STS401" ).empty() );
}

TEST_CASE( "STS249: a wildcard inside the policy domain" )
{
   auto r = lint_with( enforce, std::nullopt, "example.com" );
   auto d = test::with_code( r, "STS249" );
   REQUIRE( d.size() == 1 );
   CHECK( enforce.substr( d[ 0 ]->offset, d[ 0 ]->length ) == "*.example.com" );
   r = lint_with( enforce, std::nullopt, "example.org" );
   CHECK( test::with_code( r, "STS249" ).empty() );
   r = lint_with( enforce, std::nullopt, "" );
   CHECK( test::with_code( r, "STS249" ).empty() );
}

TEST_CASE( "valid_pattern_prefix: the bit-mask path agrees with the byte loop" )
{
   // Random strings over the bytes that matter (letters in both cases, digits, '-', '.', '*', and a few that end a
   // pattern), long enough for the 32-byte path, with the pattern at varied lengths.
   const std::string alphabet = "abcxyzABCXYZ0189-.-.*.:_ #\xC3\r\nxn--";
   std::uint64_t state = 0x9E3779B97F4A7C15ull;
   const auto next = [ &state ] {
      state ^= state << 13;
      state ^= state >> 7;
      state ^= state << 17;
      return state;
   };
   std::size_t accepted = 0;
   for( int n = 0; n < 300000; ++n ) {
      std::string s;
      const std::size_t len = next() % 48;
      for( std::size_t k = 0; k < len; ++k ) {
         s += alphabet[ next() % alphabet.size() ];
      }
      if( next() % 3 == 0 ) {
         s = ( next() % 2 ? "*." : "" ) + std::string( "mx" ) + std::to_string( n ) + ".example" + ( next() % 2 ? ".com" : "" ) + s;
      }
      s += std::string( 40, '\n' );  // readable bytes after the pattern, as in a policy
      const std::string_view v( s );
      for( std::size_t cut : { std::size_t( 0 ), s.size() - 40 } ) {
         const auto w = v.substr( 0, v.size() - cut );
         const auto expected = mtasts::detail::valid_pattern_prefix_scalar( w );
         INFO( '"' << w << '"' );
         REQUIRE( mtasts::valid_pattern_prefix( w ) == expected );
         accepted += expected > 0 ? 1 : 0;
      }
   }
   CHECK( accepted > 50000 );  // the test exercises acceptance, not only refusals
   CHECK( mtasts::valid_pattern_prefix( "mail.example.com\r\n" + std::string( 40, ' ' ) ) == 16 );
   CHECK( mtasts::valid_pattern_prefix( "*.example.com\n" + std::string( 40, ' ' ) ) == 13 );
   CHECK( mtasts::valid_pattern_prefix( "*.co.uk\n" + std::string( 40, ' ' ) ) == 0 );
   CHECK( mtasts::valid_pattern_prefix( "xn--bcher-kva.example\n" + std::string( 40, ' ' ) ) == 0 );  // detailed check
   CHECK( mtasts::valid_pattern_prefix( "mail.123\n" + std::string( 40, ' ' ) ) == 0 );
}

TEST_CASE( "find_line_break: the eight-bytes-at-a-time scan finds the first CR or LF" )
{
   // Every position of a CR or LF in strings of 0..40 bytes, alone and after another break, from every start; also
   // bytes that differ from CR/LF by one bit (0x0B, 0x0C, 0x8A, 0x8D) and 0x00/0xFF, which a wrong mask would take.
   const std::string fill = "ab\x0B\x0C\x8A\x8D\x00\xFFz 9";
   std::size_t checks = 0;
   for( std::size_t len = 0; len <= 40; ++len ) {
      std::string base;
      for( std::size_t k = 0; k < len; ++k ) {
         base += fill[ ( k * 7 + len ) % fill.size() ];
      }
      for( std::size_t at = 0; at <= len; ++at ) {
         for( const char brk : { '\n', '\r' } ) {
            std::string s = base;
            if( at < len ) {
               s[ at ] = brk;
            }
            for( std::size_t from = 0; from <= len; ++from ) {
               std::size_t expected = from;
               while( expected < s.size() && s[ expected ] != '\n' && s[ expected ] != '\r' ) {
                  ++expected;
               }
               INFO( "len " << len << " break at " << at << " from " << from );
               REQUIRE( mtasts::text::find_line_break( s, from ) == expected );
               ++checks;
            }
         }
      }
   }
   CHECK( checks > 20000 );
}

TEST_CASE( "order_by: indices by key, equal keys in index order" )
{
   REQUIRE( mtasts::text::order_by( {} ).empty() );
   REQUIRE( mtasts::text::order_by( { 5, 1, 5, 0, 1 } ) == std::vector< std::size_t >{ 3, 1, 4, 0, 2 } );
   // many equal keys: a plain std::sort would be free to reorder them
   std::vector< std::uint64_t > keys;
   for( int i = 0; i < 300; ++i ) {
      keys.push_back( static_cast< std::uint64_t >( ( i * 7 ) % 3 ) );
   }
   const auto order = mtasts::text::order_by( keys );
   REQUIRE( order.size() == keys.size() );
   for( std::size_t k = 1; k < order.size(); ++k ) {
      const auto a = order[ k - 1 ], b = order[ k ];
      REQUIRE( ( keys[ a ] < keys[ b ] || ( keys[ a ] == keys[ b ] && a < b ) ) );
   }
}

TEST_CASE( "lint(): diagnostics by position, then code, whatever order the checks found them in" )
{
   mtasts::LintOptions o;
   o.kind = mtasts::Kind::policy;
   o.verbose = true;
   // STS225 is found on line 1 before the document checks find STS221 (missing version, offset 0) and STS206 (LF
   // line endings, offset 0); the result puts both offset-0 diagnostics first, STS206 before STS221.
   const auto r = mtasts::lint( "mode: enforcing\nmx: a.example.com\nmax_age: 86400\n", o );
   std::vector< std::string > codes;
   for( const auto& d : r.diagnostics ) {
      codes.emplace_back( mtasts::rule( d.code ).id );
   }
   REQUIRE( codes == std::vector< std::string >{ "STS206", "STS221", "STS225" } );
   REQUIRE( r.diagnostics[ 2 ].offset == 6 );
}

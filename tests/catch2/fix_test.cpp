// Fixes: applying a diagnostic's edits and linting again removes that diagnostic and adds no error.
#include <catch2/catch.hpp>

#include <tuple>

#include "helpers.hpp"

TEST_CASE( "every fix removes its diagnostic and adds no error" )
{
   const std::vector< std::pair< mtasts::Kind, std::string > > inputs = {
      { mtasts::Kind::policy, "\xEF\xBB\xBFversion: STSv1\r\nmode: enforce\r\nmx: mail.example.com.\r\nmax_age: 604800\r\n" },
      { mtasts::Kind::policy, "Version: STSv1\nmode: Enforce\nmx: a.example.com, b.example.com\nmax_age: 0604800\n" },
      { mtasts::Kind::policy, "version: STSv1\nmode : enforce\nmx: .example.com\nmax_age=604800\n" },
      { mtasts::Kind::policy, "version: STSv1\nmode: [testing]\nmx: mail.example.com\n\nmax_age: 604800 # one week\n# comment\n" },
      { mtasts::Kind::policy, "mode: enforce\r\nmx: https://mail.example.com/\r\nmx: mail.example.com:25\r\nmax_age: 86400s\r\n" },
      { mtasts::Kind::policy, "version: STSv1\rmode: report\rmx: mail.example.com\rmax_age: 86400" },
      { mtasts::Kind::policy, "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 86400\nmode: enforce\n" },
      { mtasts::Kind::txt, "V=STSv1 ; id = 1;; ID=2" },
      { mtasts::Kind::txt, " v=STSv1; id=1 " },
      { mtasts::Kind::tlsrpt, "v=TLSRPTv1 ; RUA=reports@example.com, mailto:b@example.com!10m" },
   };
   std::size_t fixes = 0;
   for( const auto& [ kind, text ] : inputs ) {
      const auto before = test::lint( text, kind );
      for( const auto& d : before.diagnostics ) {
         if( !d.fix ) {
            continue;
         }
         ++fixes;
         const auto fixed = mtasts::apply_edits( text, d.fix->edits );
         const auto after = test::lint( fixed, kind );
         INFO( "input: " << text << "\nfix for " << mtasts::rule( d.code ).id << ": " << d.fix->title << "\nfixed: " << fixed << "\nafter: " << test::codes( after ) );
         // the same code may remain elsewhere, but never more often than before
         CHECK( test::with_code( after, mtasts::rule( d.code ).id ).size() < test::with_code( before, mtasts::rule( d.code ).id ).size() );
         CHECK( after.error_count() <= before.error_count() );
      }
   }
   CHECK( fixes >= 20 );
}

TEST_CASE( "the fixes of the issue's unambiguous cases exist" )
{
   const auto r = test::lint( "\xEF\xBB\xBFVersion: STSv1\nmode : Enforce\nmx: a.example.com, b.example.com\nmx: c.example.com.\nmax_age: 86400\n", mtasts::Kind::policy );
   for( const char* code : { "STS203", "STS214", "STS212", "STS225", "STS253", "STS239" } ) {
      INFO( code );
      const auto found = test::with_code( r, code );
      REQUIRE( found.size() == 1 );
      CHECK( found[ 0 ]->fix.has_value() );
   }
   const std::string text = "version: STSv1\nmode: enforce\nmx: a.example.com, b.example.com\nmax_age: 86400\n";
   const auto fixed = mtasts::apply_edits( text, test::with_code( test::lint( text, mtasts::Kind::policy ), "STS253" )[ 0 ]->fix->edits );
   CHECK( fixed == "version: STSv1\nmode: enforce\nmx: a.example.com\nmx: b.example.com\nmax_age: 86400\n" );
}

TEST_CASE( "regressions found by fuzzing" )
{
   // several trailing dots: one diagnostic, one fix that removes them all
   std::string p = "version: STSv1\nmode: enforce\nmx: mail.example.com...\nmax_age: 86400\n";
   auto r = test::lint( p, mtasts::Kind::policy );
   auto d = test::with_code( r, "STS239" );
   REQUIRE( d.size() == 1 );
   CHECK( p.substr( d[ 0 ]->offset, d[ 0 ]->length ) == "..." );
   REQUIRE( d[ 0 ]->fix );
   CHECK( test::with_code( test::lint( mtasts::apply_edits( p, d[ 0 ]->fix->edits ), mtasts::Kind::policy ), "STS239" ).empty() );

   // trailing whitespace written as a zone-file escape: reported, but no fix that would strand the backslash
   const std::string rec = "\"v=STSv1; id=1\\ \"";
   r = test::lint( rec, mtasts::Kind::txt );
   d = test::with_code( r, "STS113" );
   REQUIRE( d.size() == 1 );
   CHECK_FALSE( d[ 0 ]->fix.has_value() );

   // a quoted string never runs over a line break, even inside parentheses: no CR in the value
   const std::string zone = "_smtp._tls IN TXT ( \"v=TLSRPTv1; rua=mailto:a@example.com\r\n  x\" )\r\n";
   r = test::lint( zone, mtasts::Kind::tlsrpt );
   CHECK_FALSE( test::with_code( r, "DNS607" ).empty() );
   for( const auto& diag : r.diagnostics ) {
      CHECK( zone.substr( diag.offset, diag.length ).find( '\r' ) == std::string::npos );
   }

   // removing the spaces around '=' in a bare value would turn it into a zone-file line ('v=STSv1;id=1' becoming the
   // owner of an "IN TXT" record) and change what every byte means: the diagnostic stays, without a fix
   for( const auto& [ kind, text, code ] : { std::tuple{ mtasts::Kind::txt, std::string( "v=STSv1;id =1 IN TXT \"x\"" ), "STS109" },
                                             std::tuple{ mtasts::Kind::tlsrpt, std::string( "v=TLSRPTv1;rua =mailto:a@example.com IN TXT \"x\"" ), "RPT505" } } ) {
      INFO( text );
      r = test::lint( text, kind );
      d = test::with_code( r, code );
      REQUIRE( d.size() == 1 );
      CHECK_FALSE( d[ 0 ]->fix.has_value() );
   }
   // ...while the same mistake in an ordinary record keeps its fix
   r = test::lint( "v=STSv1; id = 1", mtasts::Kind::txt );
   d = test::with_code( r, "STS109" );
   REQUIRE( d.size() == 1 );
   CHECK( d[ 0 ]->fix.has_value() );

   // a '%' without two hex digits made PEGTL's URI rule raise out of a noexcept function (SIGABRT)
   const std::string bad = "v=TLSRPTv1; rua=mailto:a@example.com%zz";
   r = test::lint( bad, mtasts::Kind::tlsrpt );
   CHECK( r.error_count() > 0 );
}

TEST_CASE( "two byte-order marks: one diagnostic, one fix removes both" )
{
   const std::string p = "\xEF\xBB\xBF\xEF\xBB\xBFversion: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 86400\n";
   const auto r = test::lint( p, mtasts::Kind::policy );
   const auto d = test::with_code( r, "STS203" );
   REQUIRE( d.size() == 1 );
   CHECK( d[ 0 ]->length == 6 );
   REQUIRE( d[ 0 ]->fix );
   CHECK( test::lint( mtasts::apply_edits( p, d[ 0 ]->fix->edits ), mtasts::Kind::policy ).error_count() == 0 );
}

TEST_CASE( "a byte-order mark starting a later line is reported there and the line read without it" )
{
   const std::string p = "version: STSv1\n\xEF\xBB\xBFmode: enforce\nmx: mail.example.com\nmax_age: 86400\n";
   const auto r = test::lint( p, mtasts::Kind::policy );
   const auto d = test::with_code( r, "STS203" );
   REQUIRE( d.size() == 1 );
   CHECK( d[ 0 ]->offset == 15 );
   CHECK( test::with_code( r, "STS224" ).empty() );  // the mode line still counts
   CHECK( test::lint( mtasts::apply_edits( p, d[ 0 ]->fix->edits ), mtasts::Kind::policy ).error_count() == 0 );
}

TEST_CASE( "a byte-order mark alone on a later line: deleting the blank line deletes the mark too" )
{
   const std::string p = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n\xEF\xBB\xBF\r\n";
   const auto r = test::lint( p, mtasts::Kind::policy );
   const auto d = test::with_code( r, "STS209" );
   REQUIRE( d.size() == 1 );
   REQUIRE( d[ 0 ]->fix );
   const auto fixed = mtasts::apply_edits( p, d[ 0 ]->fix->edits );
   CHECK( fixed == "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n" );
   const auto after = test::lint( fixed, mtasts::Kind::policy );
   CHECK( after.error_count() == 0 );
   CHECK( test::with_code( after, "STS209" ).empty() );
}

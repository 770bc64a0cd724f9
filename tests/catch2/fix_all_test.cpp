// core/fix/: which fixes go together, fixing a whole text to a fixed point, the summary line and the unified diff.
#include <catch2/catch.hpp>

#include <chrono>

#include "core/fix/diff.hpp"
#include "core/fix/fix.hpp"
#include "helpers.hpp"

namespace {

mtasts::Diagnostic with_fix( std::vector< mtasts::Edit > edits )
{
   mtasts::Diagnostic d;
   d.fix = mtasts::Fix{ "t", std::move( edits ) };
   return d;
}

mtasts::FixAllResult fix( std::string_view text, mtasts::Kind kind = mtasts::Kind::auto_, bool verbose = false )
{
   mtasts::LintOptions o;
   o.kind = kind;
   o.verbose = verbose;
   return mtasts::fix_all( text, o );
}

}  // namespace

TEST_CASE( "compatible fixes: edits that share a byte, or touch with an insertion, wait for the next round" )
{
   const std::vector< mtasts::Diagnostic > ds = {
      with_fix( { { 0, 5, "" } } ),     // taken
      with_fix( { { 3, 5, "" } } ),     // shares bytes 3-4 with the first: waits
      with_fix( { { 5, 1, "" } } ),     // a deletion touching a deletion: taken
      with_fix( { { 6, 0, "x" } } ),    // an insertion where a taken edit ends: waits
      with_fix( { { 9, 0, "y" } } ),    // taken
      with_fix( { { 9, 0, "z" } } ),    // a second insertion at the same point: waits (which goes first?)
      with_fix( { { 8, 1, "" } } ),     // a deletion ending where an insertion is: waits
      with_fix( { { 20, 1, "" }, { 30, 1, "" } } ),  // two edits of one fix: taken together
      with_fix( { { 25, 10, "" } } ),   // overlaps the second edit of that fix: waits
      with_fix( { { 40, 2, "" }, { 41, 1, "" } } ),  // malformed (its own edits overlap): skipped
      with_fix( { { 49, 2, "" } } ),    // past the end of a 50-byte text: skipped
      with_fix( {} ),                   // no edits
      mtasts::Diagnostic{},             // no fix
      with_fix( { { 12, 1, "" } } ),    // out of order in the list, still fine: taken
   };
   CHECK( mtasts::compatible_fixes( ds, 50 ) == std::vector< std::size_t >{ 0, 2, 4, 7, 13 } );
   const auto edits = mtasts::compatible_edits( ds, 50 );
   REQUIRE( edits.size() == 6 );
   CHECK( edits[ 0 ].offset == 0 );
   CHECK( edits[ 1 ].offset == 5 );
   CHECK( edits[ 2 ].offset == 9 );
   CHECK( edits[ 3 ].offset == 12 );
   CHECK( edits[ 4 ].offset == 20 );
   CHECK( edits[ 5 ].offset == 30 );
}

TEST_CASE( "fix_all: the issue's example, with CRLF kept" )
{
   const std::string in = "\xEF\xBB\xBFVersion: STSv1\r\nmode : Enforce\r\nmx: a.example.com, b.example.com\r\nmx: c.example.com.\r\nmax_age: 86400\r\n";
   const auto r = fix( in );
   REQUIRE( r.settled );
   CHECK( r.changed() );
   CHECK( r.text == "version: STSv1\r\nmode: enforce\r\nmx: a.example.com\r\nmx: b.example.com\r\nmx: c.example.com\r\nmax_age: 86400\r\n" );
   CHECK( test::lint( r.text, mtasts::Kind::auto_, false ).diagnostics.empty() );
   CHECK( mtasts::fix_summary( "mta-sts.txt", r, false ) == "mta-sts.txt: fixed 6 problems (STS203, STS212, STS214, STS225, STS239, STS253)\n" );
   CHECK( mtasts::fix_summary( "mta-sts.txt", r, true ) == "mta-sts.txt: would fix 6 problems (STS203, STS212, STS214, STS225, STS239, STS253)\n" );
   // a fixed point: fixing again changes nothing
   const auto again = fix( r.text );
   CHECK_FALSE( again.changed() );
   CHECK( again.text == r.text );
   CHECK( mtasts::fix_summary( "mta-sts.txt", again, false ).empty() );
}

TEST_CASE( "fix_all keeps each line's own ending, LF, CRLF or mixed" )
{
   CHECK( fix( "version: STSv1\nMode: enforce\r\nmx: a.example.com.\nmax_age: 86400\r\n" ).text == "version: STSv1\nmode: enforce\r\nmx: a.example.com\nmax_age: 86400\r\n" );
   CHECK( fix( "Version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n" ).text == "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n" );
   // patterns split onto lines of their own end as their line did, in a mixed file too
   CHECK( fix( "version: STSv1\nmode: enforce\r\nmx: a.example.com, b.example.com\r\nmax_age: 86400\n" ).text == "version: STSv1\nmode: enforce\r\nmx: a.example.com\r\nmx: b.example.com\r\nmax_age: 86400\n" );
   CHECK( fix( "version: STSv1\r\nmode: enforce\r\nmx: a.example.com, b.example.com\nmax_age: 86400\r\n" ).text == "version: STSv1\r\nmode: enforce\r\nmx: a.example.com\nmx: b.example.com\nmax_age: 86400\r\n" );
   // a missing version line is added with the file's own line break
   CHECK( fix( "mode: enforce\r\nmx: a.example.com\r\nmax_age: 86400\r\n", mtasts::Kind::policy ).text == "version: STSv1\r\nmode: enforce\r\nmx: a.example.com\r\nmax_age: 86400\r\n" );
}

TEST_CASE( "fix_all: a run of blank lines goes in one round, infos are fixed only when reported" )
{
   std::string in = "version: STSv1\nmode: enforce\n";
   in.append( 40, '\n' );
   in += "mx: a.example.com\nmax_age: 86400   ";
   auto r = fix( in );
   REQUIRE( r.settled );
   CHECK( r.rounds == 1 );
   CHECK( r.fixed.size() == 40 );
   CHECK( r.text == "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400   " );
   // with --verbose, the trailing whitespace (STS218) and the missing final line break (STS208) are reported and fixed:
   // they touch (an insertion where the deletion ends), so the line break comes in a second round
   r = fix( in, mtasts::Kind::auto_, true );
   REQUIRE( r.settled );
   CHECK( r.rounds == 2 );
   CHECK( r.text == "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n" );
}

TEST_CASE( "fix_all: records" )
{
   CHECK( fix( "v=STSv1 ; ID = 20240101;", mtasts::Kind::txt ).text == "v=STSv1; id=20240101;" );
   CHECK( fix( "v=TLSRPTv1; RUA=mailto:tlsrpt@example.com!10m", mtasts::Kind::tlsrpt ).text == "v=TLSRPTv1; rua=mailto:tlsrpt@example.com" );
}

TEST_CASE( "fix_all: what needs a choice is never fixed" )
{
   // two different modes: which one is meant? (STS219 error, no fix); the same value twice: the copy goes
   const std::string differ = "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\nmode: testing\n";
   const auto r = fix( differ );
   CHECK_FALSE( r.changed() );
   CHECK( r.text == differ );
   CHECK( fix( "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\nmode: enforce\n" ).text == "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n" );
   // a misspelled field name is only a guess (STS216, no fix)
   const std::string typo = "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\nmxx: b.example.com\n";
   CHECK_FALSE( fix( typo ).changed() );
}

TEST_CASE( "fix_all: text that is not UTF-8 is not fixed" )
{
   for( const std::string& in : { std::string( "Version: STSv1\nmode: enforce\nmx: caf\xE9.example.com\nmax_age: 86400\n" ),
                                 std::string( "Version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n\0", 63 ) } ) {
      const auto r = fix( in, mtasts::Kind::policy );
      CHECK( r.not_text );
      CHECK_FALSE( r.changed() );
      CHECK( r.text == in );
      CHECK( mtasts::fix_summary( "p.txt", r, false ) == "p.txt: not valid UTF-8 text; not fixed\n" );
   }
}

TEST_CASE( "unified diff: the format of diff -u" )
{
   CHECK( mtasts::unified_diff( "a\nb\n", "a\nb\n", "x", "y" ).empty() );
   CHECK( mtasts::unified_diff( "a\nb\nc\n", "a\nB\nc\n", "a/f", "b/f" ) == "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n" );
   // one-line ranges print no length; an empty range prints the line before it
   CHECK( mtasts::unified_diff( "a\n", "b\n", "x", "y" ) == "--- x\n+++ y\n@@ -1 +1 @@\n-a\n+b\n" );
   CHECK( mtasts::unified_diff( "", "a\n", "x", "y" ) == "--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n" );
   // a last line without a line break
   CHECK( mtasts::unified_diff( "a\nb", "a\nb\n", "x", "y" ) == "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n" );
   // CR stays in the line
   CHECK( mtasts::unified_diff( "a\r\nb\r\n", "a\r\nc\r\n", "x", "y" ) == "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n" );
   // three lines of context; changes six unchanged lines apart share a hunk, seven apart do not
   std::string base;
   for( char c = 'a'; c <= 'p'; ++c ) {
      base += c;
      base += '\n';
   }
   auto changed = base;
   changed[ 2 * 1 ] = 'B';   // line 2
   changed[ 2 * 8 ] = 'I';   // line 9: six lines (3-8) between
   CHECK( mtasts::unified_diff( base, changed, "x", "y" ) == "--- x\n+++ y\n@@ -1,12 +1,12 @@\n a\n-b\n+B\n c\n d\n e\n f\n g\n h\n-i\n+I\n j\n k\n l\n" );
   changed = base;
   changed[ 2 * 1 ] = 'B';   // line 2
   changed[ 2 * 9 ] = 'J';   // line 10: seven lines (3-9) between
   CHECK( mtasts::unified_diff( base, changed, "x", "y" ) == "--- x\n+++ y\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -7,7 +7,7 @@\n g\n h\n i\n-j\n+J\n k\n l\n m\n" );
   // removed lines before added ones, and a minimal diff: one line inserted is one '+'
   CHECK( mtasts::unified_diff( "m\nx\n", "v\nm\nx\n", "x", "y" ) == "--- x\n+++ y\n@@ -1,2 +1,3 @@\n+v\n m\n x\n" );
}

TEST_CASE( "fix_diff labels like git, relative paths lose a leading ./" )
{
   CHECK( mtasts::fix_diff( "./p/mta-sts.txt", "a\n", "b\n" ).rfind( "--- a/p/mta-sts.txt\n+++ b/p/mta-sts.txt\n", 0 ) == 0 );
   CHECK( mtasts::fix_diff( "/srv/mta-sts.txt", "a\n", "b\n" ).rfind( "--- /srv/mta-sts.txt\n+++ /srv/mta-sts.txt\n", 0 ) == 0 );
   CHECK( mtasts::fix_diff( "<stdin>", "a\n", "b\n" ).rfind( "--- <stdin>\n+++ <stdin>\n", 0 ) == 0 );
}

TEST_CASE( "unified diff of many changed lines stays fast (bounded Myers, then one replacement)" )
{
   std::string a, b;
   for( int i = 0; i < 200000; ++i ) {
      a += "mx: m" + std::to_string( i ) + ".example.com.\n";
      b += "mx: m" + std::to_string( i ) + ".example.com\n";
   }
   const auto t0 = std::chrono::steady_clock::now();
   const auto d = mtasts::unified_diff( a, b, "x", "y" );
   const auto s = std::chrono::duration< double >( std::chrono::steady_clock::now() - t0 ).count();
   CHECK( s < 5.0 );
   CHECK( d.rfind( "--- x\n+++ y\n@@ -1,200000 +1,200000 @@\n-mx: m0.example.com.\n", 0 ) == 0 );
   CHECK( d.size() == 12 + 26 + a.size() + b.size() + 400000 );
}

TEST_CASE( "fix_summary: one problem, and fixes that did not settle" )
{
   mtasts::FixAllResult r;
   r.fixed = { mtasts::Code::STS239 };
   r.rounds = 1;
   CHECK( mtasts::fix_summary( "p.txt", r, false ) == "p.txt: fixed 1 problem (STS239)\n" );
   r.settled = false;
   CHECK_FALSE( r.changed() );
   CHECK( mtasts::fix_summary( "p.txt", r, false ) == "p.txt: fixes did not settle after 5 rounds; left unchanged\n" );
}

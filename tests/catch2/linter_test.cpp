// mtasts::Linter (core/lint.hpp): a reused linter gives exactly what a fresh lint() gives, whatever came before it
// (any order of inputs, a huge input, other options, another language or kind), and it does reuse its memory.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "core/lint.hpp"

namespace {

const bool languages = ( mtasts::enable_all_languages(), true );

std::string read_file( const std::filesystem::path& p )
{
   std::ifstream in( p, std::ios::binary );
   std::ostringstream ss;
   ss << in.rdbuf();
   return ss.str();
}

// The value of "value" in a line of records.expected.jsonl (JSON string escapes \" \\ \n only appear there).
std::string record_value( const std::string& line )
{
   const std::string key = "\"value\": \"";
   const auto at = line.find( key );
   std::string out;
   for( std::size_t i = at == std::string::npos ? line.size() : at + key.size(); i < line.size() && line[ i ] != '"'; ++i ) {
      if( line[ i ] == '\\' && i + 1 < line.size() ) {
         ++i;
         out += line[ i ] == 'n' ? '\n' : line[ i ];
      }
      else {
         out += line[ i ];
      }
   }
   return out;
}

// A 64 KiB-class policy of n mx lines, every seventh a duplicate of an earlier one in other case (STS220).
std::string many_mx( std::size_t n )
{
   std::string s = "version: STSv1\nmode: enforce\nmax_age: 1209600\n";
   for( std::size_t i = 0; i < n; ++i ) {
      s += i % 7 == 6 ? "mx: MX" + std::to_string( i / 2 ) + ".EXAMPLE.com\n" : "mx: mx" + std::to_string( i ) + ".example.com\n";
   }
   return s;
}

struct Case
{
   std::string name;
   std::string text;
   mtasts::LintOptions options;
};

std::vector< Case > all_cases()
{
   std::vector< Case > cases;
   const auto add = [ & ]( std::string name, std::string text, mtasts::LintOptions o = {} ) { cases.push_back( Case{ std::move( name ), std::move( text ), std::move( o ) } ); };
   std::vector< std::filesystem::path > files;
   for( const auto& e : std::filesystem::directory_iterator( MTASTS_CORPUS_DIR "/policies" ) ) {
      files.push_back( e.path() );
   }
   for( const auto* dir : { MTASTS_FIXTURES_DIR, MTASTS_FIXTURES_DIR "/paste" } ) {
      for( const auto& e : std::filesystem::directory_iterator( dir ) ) {
         if( e.path().extension() == ".txt" ) {
            files.push_back( e.path() );
         }
      }
   }
   std::sort( files.begin(), files.end() );
   for( const auto& f : files ) {
      add( f.filename().string(), read_file( f ) );
   }
   std::ifstream records( MTASTS_CORPUS_DIR "/records.expected.jsonl" );
   std::string line;
   while( std::getline( records, line ) ) {
      add( "record", record_value( line ) );
   }
   // Other options: verbose, Spanish, an explicit kind, evidence (domain and MX hosts), and other kinds of input.
   mtasts::LintOptions verbose;
   verbose.verbose = true;
   mtasts::LintOptions es;
   es.lang = mtasts::Lang::es;
   es.verbose = true;
   mtasts::LintOptions evidence;
   evidence.domain = "example.com";
   evidence.mx_hosts = std::vector< std::string >{ "mail.example.com", "MX9.other.net." };
   mtasts::LintOptions as_txt;
   as_txt.kind = mtasts::Kind::txt;
   const std::string broken = read_file( MTASTS_FIXTURES_DIR "/broken.txt" );
   add( "broken, verbose", broken, verbose );
   add( "broken, es", broken, es );
   add( "broken, evidence", broken, evidence );
   add( "broken as a record", broken, as_txt );
   add( "policy with evidence", "version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmx: mail.example.com\r\nmax_age: 86400\r\n", evidence );
   add( "testing, es", "version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 600\nmx: MAIL.example.com\nfoo: bar\nfoo: baz\n", es );
   add( "dmarc", "v=DMARC1; p=none; rua=mailto:d@example.com; pct=50" );
   add( "dmarc, es", "v=DMARC1; p=reject; rua=mailto:a@example.net", es );
   add( "tlsrpt", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://reports.example.com/v1/tlsrpt" );
   add( "zone line", "_mta-sts.example.com. 3600 IN TXT \"v=STSv1; id=20240101T000000\"" );
   add( "binary", std::string( "\x00\xff\xfe\r\r\n\x80mx: a\x00", 12 ) );
   add( "empty", "" );
   add( "64 KiB policy", many_mx( 2800 ) );
   add( "64 KiB policy with duplicates (infos)", many_mx( 2800 ), verbose );
   return cases;
}

// Every member of the facts, through a structured binding: a member added to PolicyFacts or RecordFacts without a
// name here no longer compiles ("N names provided for structured binding"), so whoever adds one adds it here, and the
// comparisons below and the clear() tests cover it.
auto policy_members( const mtasts::PolicyFacts& f )
{
   const auto& [ version, mode, max_age, mx, extensions, version_offset, mode_offset, mx_offsets ] = f;
   return std::tie( version, mode, max_age, mx, extensions, version_offset, mode_offset, mx_offsets );
}

auto record_members( const mtasts::RecordFacts& f )
{
   const auto& [ value, fields, version, id, rua, p ] = f;
   return std::tie( value, fields, version, id, rua, p );
}

// Everything a result holds, compared field by field (a description of the first difference, empty when equal).
std::string differ( const mtasts::LintResult& a, const mtasts::LintResult& b )
{
   if( a.kind != b.kind ) {
      return "kind";
   }
   if( a.diagnostics.size() != b.diagnostics.size() ) {
      return "diagnostic count " + std::to_string( a.diagnostics.size() ) + " vs " + std::to_string( b.diagnostics.size() );
   }
   for( std::size_t k = 0; k < a.diagnostics.size(); ++k ) {
      const auto& x = a.diagnostics[ k ];
      const auto& y = b.diagnostics[ k ];
      if( x.code != y.code || x.severity != y.severity || x.offset != y.offset || x.length != y.length || x.message != y.message || x.fix.has_value() != y.fix.has_value() ) {
         return "diagnostic " + std::to_string( k ) + ": " + x.message + " | " + y.message;
      }
      if( x.fix ) {
         if( x.fix->title != y.fix->title || x.fix->edits.size() != y.fix->edits.size() ) {
            return "fix of diagnostic " + std::to_string( k );
         }
         for( std::size_t e = 0; e < x.fix->edits.size(); ++e ) {
            if( x.fix->edits[ e ].offset != y.fix->edits[ e ].offset || x.fix->edits[ e ].length != y.fix->edits[ e ].length || x.fix->edits[ e ].insert != y.fix->edits[ e ].insert ) {
               return "edit of diagnostic " + std::to_string( k );
            }
         }
      }
   }
   if( a.policy.has_value() != b.policy.has_value() ) {
      return "policy facts present in one only";
   }
   if( a.policy ) {
      const auto& x = *a.policy;
      const auto& y = *b.policy;
      if( policy_members( x ) != policy_members( y ) ) {
         return "policy facts";
      }
   }
   if( a.record.has_value() != b.record.has_value() ) {
      return "record facts present in one only";
   }
   if( a.record ) {
      const auto& x = *a.record;
      const auto& y = *b.record;
      if( record_members( x ) != record_members( y ) ) {
         return "record facts";
      }
   }
   if( a.certificates_json != b.certificates_json || a.certificates_table != b.certificates_table ) {
      return "certificates";
   }
   if( a.artefacts.size() != b.artefacts.size() ) {
      return "artefact count";
   }
   for( std::size_t k = 0; k < a.artefacts.size(); ++k ) {
      const auto& x = a.artefacts[ k ];
      const auto& y = b.artefacts[ k ];
      if( x.kind != y.kind || x.offset != y.offset || x.length != y.length || x.label != y.label ) {
         return "artefact " + std::to_string( k );
      }
   }
   return {};
}

}  // namespace

TEST_CASE( "a reused Linter gives lint()'s results over the corpus and the fixtures, in any order, around a huge input" )
{
   const auto cases = all_cases();
   REQUIRE( cases.size() > 280 );  // 242 corpus policies, 31 records, the fixtures and the cases above
   std::vector< mtasts::LintResult > expected;
   for( const auto& c : cases ) {
      expected.push_back( mtasts::lint( c.text, c.options ) );
   }
   // A 2 MiB policy (past Linter::keep_limit) with duplicates and mistakes, and its fresh result.
   std::string huge = many_mx( 90000 ) + "mode: testing\nmx: bad..name\n";
   REQUIRE( huge.size() > mtasts::Linter::keep_limit );
   mtasts::LintOptions verbose;
   verbose.verbose = true;  // the duplicates are infos
   const auto huge_expected = mtasts::lint( huge, verbose );
   REQUIRE( huge_expected.diagnostics.size() > 5000 );

   std::vector< std::size_t > order( cases.size() );
   for( std::size_t k = 0; k < order.size(); ++k ) {
      order[ k ] = k;
   }
   std::mt19937 rng( 8461 );
   mtasts::Linter linter;
   mtasts::LintResult kept;  // the overload that lints into the caller's own result, reused as well
   for( int round = 0; round < 4; ++round ) {
      if( round == 1 ) {
         std::reverse( order.begin(), order.end() );
      }
      else if( round > 1 ) {
         std::shuffle( order.begin(), order.end(), rng );
      }
      std::size_t checked = 0;
      for( const std::size_t k : order ) {
         if( checked == order.size() / 2 ) {
            const auto& h = linter.lint( huge, verbose );
            INFO( "round " << round << ", the huge input" );
            REQUIRE( differ( h, huge_expected ).empty() );
         }
         INFO( "round " << round << ": " << cases[ k ].name );
         const auto& r = linter.lint( cases[ k ].text, cases[ k ].options );
         CHECK( differ( r, expected[ k ] ) == "" );
         linter.lint( cases[ k ].text, cases[ k ].options, kept );
         CHECK( differ( kept, expected[ k ] ) == "" );
         ++checked;
      }
   }
}

TEST_CASE( "nothing of one Linter call leaks into the next: options, language, kind, facts, artefacts" )
{
   mtasts::Linter linter;
   const std::string policy = "version: STSv1\nmode: testing\nmx: mail.example.com\nmx: mail.example.com\nmax_age: 600\n";
   mtasts::LintOptions verbose_es;
   verbose_es.verbose = true;
   verbose_es.lang = mtasts::Lang::es;
   verbose_es.domain = "example.com";
   verbose_es.mx_hosts = std::vector< std::string >{ "other.example.net" };
   const auto first = linter.lint( policy, verbose_es );  // a copy
   REQUIRE( first.policy );
   REQUIRE( std::any_of( first.diagnostics.begin(), first.diagnostics.end(), []( const mtasts::Diagnostic& d ) { return d.severity == mtasts::Severity::info; } ) );
   REQUIRE( std::any_of( first.diagnostics.begin(), first.diagnostics.end(), []( const mtasts::Diagnostic& d ) { return d.code == mtasts::Code::STS401 || d.code == mtasts::Code::STS402; } ) );

   // The same text with the default options: English, no infos, no MX evidence.
   const auto& plain = linter.lint( policy );
   CHECK( differ( plain, mtasts::lint( policy ) ) == "" );
   CHECK( std::none_of( plain.diagnostics.begin(), plain.diagnostics.end(), []( const mtasts::Diagnostic& d ) { return d.severity == mtasts::Severity::info || d.code == mtasts::Code::STS402; } ) );
   CHECK( plain.diagnostics.front().message != first.diagnostics.front().message );  // another language

   // Another kind: no policy facts left over, and the record's own.
   const auto& record = linter.lint( "v=STSv1; id=abc" );
   CHECK( record.kind == mtasts::Kind::txt );
   CHECK_FALSE( record.policy );
   REQUIRE( record.record );
   CHECK( record.record->id == "abc" );

   // A paste (artefacts, a record and a policy inside), then a record and a policy: nothing of the paste remains.
   const std::string paste = read_file( MTASTS_FIXTURES_DIR "/paste/combined.txt" );
   REQUIRE( !linter.lint( paste ).artefacts.empty() );
   const auto& after = linter.lint( "v=TLSRPTv1; rua=mailto:r@example.com" );
   CHECK( after.artefacts.empty() );
   CHECK( differ( after, mtasts::lint( "v=TLSRPTv1; rua=mailto:r@example.com" ) ) == "" );
   mtasts::LintOptions as_policy;
   as_policy.kind = mtasts::Kind::policy;
   const auto& p = linter.lint( "version: STSv1\nmode: none\nmax_age: 86400\n", as_policy );
   CHECK( p.artefacts.empty() );
   CHECK_FALSE( p.record );
   REQUIRE( p.policy );
   CHECK( p.policy->mx.empty() );
   CHECK( p.policy->mx_offsets.empty() );
   CHECK( p.policy->mode == "none" );

   // A caller that moved the result's parts away: the next call is still complete.
   auto& taken = linter.lint( policy );
   auto moved_diagnostics = std::move( taken.diagnostics );
   auto moved_policy = std::move( taken.policy );
   CHECK( differ( linter.lint( policy ), mtasts::lint( policy ) ) == "" );
   linter.release();
   CHECK( differ( linter.lint( policy, verbose_es ), first ) == "" );
}

TEST_CASE( "a Linter keeps its memory between calls, and lets a huge input's go" )
{
   mtasts::Linter linter;
   mtasts::LintOptions verbose;
   verbose.verbose = true;  // the duplicates are infos
   const std::string large = many_mx( 2800 );
   const auto& r1 = linter.lint( large, verbose );
   REQUIRE( r1.policy );
   const auto* offsets = r1.policy->mx_offsets.data();
   const auto* diagnostics = r1.diagnostics.data();
   REQUIRE( r1.diagnostics.size() > 150 );  // the duplicates
   linter.lint( "v=STSv1; id=1" );          // another kind in between
   const auto& r2 = linter.lint( large, verbose );
   CHECK( r2.policy->mx_offsets.data() == offsets );  // the same buffers: no allocation for them
   CHECK( r2.diagnostics.data() == diagnostics );

   std::string huge = many_mx( 90000 );
   REQUIRE( huge.size() > mtasts::Linter::keep_limit );
   REQUIRE( linter.lint( huge ).policy->mx_offsets.capacity() >= 90000 );
   const auto& small = linter.lint( "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 86400\n" );
   CHECK( small.policy->mx_offsets.capacity() < 90000 );
   CHECK( small.valid() );
}

// The page's case (c) in small: every line two mistakes, each with a fix (STS214 "Mx", STS239 the trailing dot).
std::string mistakes( std::size_t n )
{
   std::string s = "version: STSv1\nmode: enforce\nmax_age: 1209600\n";
   for( std::size_t i = 0; i < n; ++i ) {
      s += "Mx: a" + std::to_string( i ) + ".\n";
   }
   return s;
}

TEST_CASE( "a Linter renders into its previous result's diagnostics: their strings' memory, and lint()'s result whatever they held" )
{
   mtasts::Linter linter;
   const std::string text = mistakes( 300 );
   const auto expected = mtasts::lint( text );
   REQUIRE( expected.diagnostics.size() == 600 );
   const auto& r1 = linter.lint( text );
   REQUIRE( differ( r1, expected ) == "" );
   std::vector< const char* > messages, titles;
   std::vector< const mtasts::Edit* > edits;
   for( const auto& d : r1.diagnostics ) {
      REQUIRE( d.message.size() > 15 );  // on the heap (past the short-string buffer)
      REQUIRE( d.fix );
      messages.push_back( d.message.data() );
      titles.push_back( d.fix->title.data() );
      edits.push_back( d.fix->edits.data() );
   }
   const auto& r2 = linter.lint( text );
   REQUIRE( differ( r2, expected ) == "" );
   std::size_t same = 0;
   std::size_t long_titles = 0;
   for( std::size_t k = 0; k < r2.diagnostics.size(); ++k ) {
      const auto& d = r2.diagnostics[ k ];
      long_titles += d.fix->title.size() > 15 ? 1 : 0;  // "Remove the trailing dot" (not the short 'Write "mx"')
      same += d.message.data() == messages[ k ] && ( d.fix->title.size() <= 15 || d.fix->title.data() == titles[ k ] ) && d.fix->edits.data() == edits[ k ] ? 1 : 0;
   }
   CHECK( long_titles == 300 );
   CHECK( same == r2.diagnostics.size() );  // no string or edit list allocated again

   // Whatever the previous result held (diagnostics without a fix at the same places, other fixes, another
   // language, infos, a caller's changes to the result), the next call equals a fresh lint().
   mtasts::LintOptions es_verbose;
   es_verbose.lang = mtasts::Lang::es;
   es_verbose.verbose = true;
   std::string other = "version: STSv1\nmode: enforce\nmax_age: 1209600\n";
   for( std::size_t i = 0; i < 400; ++i ) {
      other += i % 3 == 0 ? "mx: a" + std::to_string( i ) + "..b\n" : i % 3 == 1 ? "foo" + std::to_string( i ) + ": x\n" : "Mx: .a" + std::to_string( i ) + "\n";
   }
   const std::vector< std::pair< const std::string*, mtasts::LintOptions > > sequence = {
      { &text, {} }, { &other, {} }, { &text, es_verbose }, { &text, {} }, { &other, es_verbose }, { &text, {} }, { &text, {} },
   };
   for( std::size_t step = 0; step < sequence.size(); ++step ) {
      INFO( "step " << step );
      auto& r = linter.lint( *sequence[ step ].first, sequence[ step ].second );
      CHECK( differ( r, mtasts::lint( *sequence[ step ].first, sequence[ step ].second ) ) == "" );
      // The caller changes the result (it may): the next call must not see any of it.
      for( std::size_t k = 0; k < r.diagnostics.size(); k += 3 ) {
         auto& d = r.diagnostics[ k ];
         d.message.assign( 300, 'x' );
         if( d.fix ) {
            d.fix->edits.push_back( mtasts::Edit{ 1, 2, "extra edit's insert, long enough" } );
            d.fix->title.clear();
            if( k % 2 == 0 ) {
               d.fix.reset();
            }
         }
         else {
            d.fix = mtasts::make_fix( "a title the caller set", 0, 0, "x" );
         }
      }
   }
}

TEST_CASE( "the kind's fast decision agrees with the full detection" )
{
   // A text that starts with a blank line takes the full path (the paste reader's first lines, then the record and
   // policy rules), which skips that line: both must decide the same kind.
   auto texts = std::vector< std::string >{ "version: STSv1\n", "mx: a", "a: b", "ab:c", "Server: 10.0.0.1\nAddress: 10.0.0.1#53\n", "Server:x\n", "Host: mta-sts.example.com",
                                            "v=STSv1; id=1", "\"v=STSv1; id=1\"", "v=stsv1", "V=STSv1", "v=TLSRPTv1; rua=mailto:a@b", "\"v=TLSRPTv1\"", "v=DMARC1; p=none",
                                            "v=spf1 -all", "v=", "\"v=", "v=STSv1\nCONNECTED(00000003)", "HTTP/1.1 200 OK\r\n\r\nversion: STSv1\r\n", "_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=1\"",
                                            "mode: enforce\n$ dig +short MX example.com\n10 mx.example.com.\n", "content-type: text/plain\r\n", std::string( 600, 'a' ) + ": b" };
   for( const auto& e : std::filesystem::directory_iterator( MTASTS_FIXTURES_DIR "/paste" ) ) {
      texts.push_back( read_file( e.path() ) );
   }
   for( const auto& e : std::filesystem::directory_iterator( MTASTS_CORPUS_DIR "/policies" ) ) {
      texts.push_back( read_file( e.path() ) );
   }
   for( const auto& t : texts ) {
      INFO( t.substr( 0, 80 ) );
      CHECK( mtasts::detect_kind( t ) == mtasts::detect_kind( "\n" + t ) );
   }
}

TEST_CASE( "a Linter can be moved (one per worker in a container) and keeps working" )
{
   static_assert( std::is_nothrow_move_constructible_v< mtasts::Linter > && std::is_nothrow_move_assignable_v< mtasts::Linter > );
   const std::string policy = "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 86400\n";
   std::vector< mtasts::Linter > workers( 1 );
   workers[ 0 ].lint( policy );
   workers.resize( 4 );  // moves the first
   for( auto& w : workers ) {
      CHECK( differ( w.lint( policy ), mtasts::lint( policy ) ) == "" );
   }
}

TEST_CASE( "clear() resets every member of the facts and of a result, and keeps their buffers" )
{
   mtasts::PolicyFacts policy;
   policy.version = "STSv1";
   policy.mode = "enforce";
   policy.max_age = 86400;
   policy.mx.push_back( "mail.example.com" );
   policy.extensions.emplace_back( "foo", "bar" );
   policy.version_offset = 9;
   policy.mode_offset = 21;
   policy.mx_offsets.assign( 1000, 7 );
   REQUIRE( policy_members( policy ) != policy_members( mtasts::PolicyFacts() ) );
   policy.clear();
   CHECK( policy_members( policy ) == policy_members( mtasts::PolicyFacts() ) );
   CHECK( policy.mx_offsets.capacity() >= 1000 );  // the buffer kept for the next call

   mtasts::RecordFacts record;
   record.value = "v=DMARC1; p=reject; rua=mailto:a@example.com";
   record.fields.emplace_back( "v", "DMARC1" );
   record.version = "DMARC1";
   record.id = "20240101";
   record.rua.assign( 100, "mailto:a@example.com" );
   record.p = "reject";
   REQUIRE( record_members( record ) != record_members( mtasts::RecordFacts() ) );
   record.clear();
   CHECK( record_members( record ) == record_members( mtasts::RecordFacts() ) );
   CHECK( record.rua.capacity() >= 100 );

   mtasts::LintResult result;
   result.kind = mtasts::Kind::bundle;
   result.diagnostics.resize( 500 );
   result.policy.emplace();
   result.record.emplace();
   result.certificates_json = "{}";
   result.certificates_table = "(no time)\n";
   result.artefacts.resize( 3 );
   result.clear();
   // (as above: a member added to LintResult without a name here no longer compiles)
   const auto& [ kind, diagnostics, policy_facts, record_facts, certificates_json, certificates_table, artefacts ] = result;
   CHECK( kind == mtasts::LintResult().kind );
   CHECK( diagnostics.empty() );
   CHECK( diagnostics.capacity() >= 500 );
   CHECK_FALSE( policy_facts );
   CHECK_FALSE( record_facts );
   CHECK( certificates_json.empty() );
   CHECK( certificates_table.empty() );
   CHECK( artefacts.empty() );
}

TEST_CASE( "a Linter's facts after an input that set every one of them equal a fresh lint()'s" )
{
   mtasts::LintOptions as_policy;
   as_policy.kind = mtasts::Kind::policy;
   mtasts::LintOptions as_txt;
   as_txt.kind = mtasts::Kind::txt;
   // Every policy fact set (version, mode, max_age, mx, an extension and their offsets), then texts that set fewer.
   const std::string full = "version: STSv1\nmode: enforce\nmx: a.example.com\nmx: b.example.com\nmax_age: 86400\nfoo: bar\n";
   mtasts::Linter linter;
   REQUIRE( linter.lint( full, as_policy ).policy );
   {
      const auto& f = *linter.result().policy;
      REQUIRE( ( f.version && f.mode && f.max_age && f.mx.size() == 2 && f.extensions.size() == 1 && f.version_offset == 9 && f.mode_offset == 21 && f.mx_offsets.size() == 2 ) );
   }
   for( const std::string text : { "", "mode: testing\n", "\n\nmx: c.example.com\n" } ) {
      INFO( text );
      CHECK( differ( linter.lint( text, as_policy ), mtasts::lint( text, as_policy ) ) == "" );
      linter.lint( full, as_policy );
   }
   // Every record fact set across the record kinds (value, fields, version, id; rua; DMARC's p), then texts that set none.
   const std::vector< std::string > records = { "v=STSv1; id=20240101T000000; ext=1", "v=DMARC1; p=reject; rua=mailto:d@example.com", "v=TLSRPTv1; rua=mailto:r@example.com" };
   for( const auto& r : records ) {
      for( const std::string text : { "", "v=", "id=1" } ) {
         INFO( r << " then '" << text << "'" );
         REQUIRE( linter.lint( r ).record );
         CHECK( differ( linter.lint( text, as_txt ), mtasts::lint( text, as_txt ) ) == "" );
      }
   }
}

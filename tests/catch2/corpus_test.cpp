// The real-world corpus: verdicts and the set of lines that carry an error must match the expectations
// (tests/corpus/*.expected.jsonl). Any fitting code is right; `null` lines are document-level.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/fix/fix.hpp"
#include "helpers.hpp"

namespace {

// tests/corpus of the source tree (set by tests/CMakeLists.txt); the environment variable MTASTS_CORPUS_DIR may name
// another copy (tests/node/self-contained.test.mjs points it into a copy of the clone).
std::string corpus_dir()
{
   const char* env = std::getenv( "MTASTS_CORPUS_DIR" );
   return env && *env ? env : MTASTS_CORPUS_DIR;
}

std::string read_file( const std::string& path )
{
   std::ifstream in( path, std::ios::binary );
   std::ostringstream ss;
   ss << in.rdbuf();
   return ss.str();
}

struct Expected
{
   bool valid;
   std::set< std::size_t > lines;
   std::vector< std::string > doc_codes;
};

Expected parse_expected( const std::string& line )
{
   Expected e;
   e.valid = line.find( "\"valid\": true" ) != std::string::npos;
   const auto errs = line.substr( line.find( "\"errors\"" ) );
   static const std::regex pair( R"re(\[(null|\d+), "([A-Z]+\d+)"\])re" );
   for( std::sregex_iterator it( errs.begin(), errs.end(), pair ), end; it != end; ++it ) {
      if( ( *it )[ 1 ] == "null" ) {
         e.doc_codes.push_back( ( *it )[ 2 ] );
      }
      else {
         e.lines.insert( std::stoul( ( *it )[ 1 ] ) );
      }
   }
   return e;
}

std::string json_field( const std::string& line, const std::string& key )
{
   const std::regex re( "\"" + key + R"re(": "((?:[^"\\]|\\.)*)")re" );
   std::smatch m;
   if( std::regex_search( line, m, re ) ) {
      return m[ 1 ];
   }
   return {};
}

std::string unescape_json( const std::string& s )
{
   std::string out;
   for( std::size_t i = 0; i < s.size(); ++i ) {
      if( s[ i ] == '\\' && i + 1 < s.size() ) {
         ++i;
         out += s[ i ] == 'n' ? '\n' : s[ i ];
      }
      else {
         out += s[ i ];
      }
   }
   return out;
}

// Compares a result with an expectation; returns a description of the difference, empty when they agree.
std::string compare( std::string_view input, const mtasts::LintResult& r, const Expected& e )
{
   std::string diff;
   if( r.valid() != e.valid ) {
      diff += "verdict differs; ";
   }
   const mtasts::SourceMap map( input );
   std::set< std::size_t > lines;
   std::vector< const mtasts::Diagnostic* > errors;
   for( const auto& d : r.diagnostics ) {
      if( d.severity == mtasts::Severity::error ) {
         errors.push_back( &d );
      }
   }
   for( const auto& code : e.doc_codes ) {
      auto it = std::find_if( errors.begin(), errors.end(), [ & ]( const mtasts::Diagnostic* d ) { return code == mtasts::rule( d->code ).id; } );
      if( it == errors.end() ) {
         diff += "missing document-level " + code + "; ";
      }
      else {
         errors.erase( it );
      }
   }
   for( const auto* d : errors ) {
      static const std::set< std::string > document_level = { "STS201", "STS221", "STS224", "STS228", "STS236", "STS104", "RPT504", "RPT510" };
      if( document_level.count( mtasts::rule( d->code ).id ) ) {
         continue;  // a document-level error that the expectation names by another fitting code
      }
      lines.insert( map.locate( d->offset ).line );
   }
   if( lines != e.lines ) {
      diff += "error lines differ: got {";
      for( auto l : lines ) {
         diff += std::to_string( l ) + " ";
      }
      diff += "} expected {";
      for( auto l : e.lines ) {
         diff += std::to_string( l ) + " ";
      }
      diff += "}";
   }
   return diff;
}

// Every policy of the corpus: its file name, its line of policies.expected.jsonl and its bytes.
struct CorpusPolicy
{
   std::string file, expected, text;
};

std::vector< CorpusPolicy > corpus_policies()
{
   std::ifstream list( corpus_dir() + "/policies.expected.jsonl" );
   REQUIRE( list.is_open() );
   std::vector< CorpusPolicy > out;
   std::string line;
   while( std::getline( list, line ) ) {
      auto file = json_field( line, "file" );
      REQUIRE( !file.empty() );
      auto text = read_file( corpus_dir() + "/policies/" + file );
      out.push_back( CorpusPolicy{ std::move( file ), line, std::move( text ) } );
   }
   return out;
}

}  // namespace

TEST_CASE( "policies of the corpus get the expected verdicts and error lines" )
{
   std::size_t total = 0, agree = 0, invalid = 0;
   for( const auto& [ file, expected, text ] : corpus_policies() ) {
      const auto e = parse_expected( expected );
      const auto r = test::lint( text, mtasts::Kind::auto_, false );
      CHECK( r.kind == mtasts::Kind::policy );
      const auto diff = compare( text, r, e );
      INFO( file << ": " << diff << " | got " << test::codes( r ) );
      CHECK( diff.empty() );
      ++total;
      agree += diff.empty() ? 1 : 0;
      invalid += e.valid ? 0 : 1;
   }
   CHECK( total == 242 );
   CHECK( invalid > 40 );
   WARN( "corpus policies: " << agree << "/" << total << " agree" );
}

TEST_CASE( "records of the corpus get the expected verdicts" )
{
   std::ifstream list( corpus_dir() + "/records.expected.jsonl" );
   REQUIRE( list.is_open() );
   std::string line;
   std::size_t total = 0;
   while( std::getline( list, line ) ) {
      const auto value = unescape_json( json_field( line, "value" ) );
      const auto kind = json_field( line, "kind" ) == "txt" ? mtasts::Kind::txt : mtasts::Kind::tlsrpt;
      const auto e = parse_expected( line );
      // auto-detection must find the same kind
      CHECK( mtasts::detect_kind( value ) == kind );
      const auto r = test::lint( value, kind, false );
      const auto diff = compare( value, r, e );
      INFO( value << ": " << diff << " | got " << test::codes( r ) );
      CHECK( diff.empty() );
      ++total;
   }
   CHECK( total == 31 );
}

// The policy linter reads "mx: <valid pattern>", "version: STSv1", "mode: enforce|testing|none" and "max_age: N"
// lines on a fast path (core/policy_lint.cpp). "mx:\t" (and "version:\t", ...) has the same length and meaning but
// always takes the general path (core/policy_checks.cpp): the two must give the same diagnostics (code, severity,
// span, message, fix) and the same facts.
namespace {

std::string general_path_variant( std::string text )
{
   for( const std::string name : { "mx: ", "version: ", "mode: ", "max_age: " } ) {
      for( std::size_t i = 0; ( i = text.find( name, i ) ) != std::string::npos; i += name.size() ) {
         if( i == 0 || text[ i - 1 ] == '\n' || text[ i - 1 ] == '\r' ) {
            text[ i + name.size() - 1 ] = '\t';
         }
      }
   }
   return text;
}

void same_as_general_path( const std::string& text )
{
   const auto variant = general_path_variant( text );
   INFO( text );
   const auto a = test::lint( text, mtasts::Kind::policy );
   const auto b = test::lint( variant, mtasts::Kind::policy );
   REQUIRE( a.diagnostics.size() == b.diagnostics.size() );
   for( std::size_t k = 0; k < a.diagnostics.size(); ++k ) {
      const auto& x = a.diagnostics[ k ];
      const auto& y = b.diagnostics[ k ];
      CHECK( mtasts::rule( x.code ).id == mtasts::rule( y.code ).id );
      CHECK( x.severity == y.severity );
      CHECK( x.offset == y.offset );
      CHECK( x.length == y.length );
      CHECK( x.message == y.message );
      REQUIRE( x.fix.has_value() == y.fix.has_value() );
      if( x.fix ) {
         REQUIRE( x.fix->edits.size() == y.fix->edits.size() );
         for( std::size_t e = 0; e < x.fix->edits.size(); ++e ) {
            CHECK( x.fix->edits[ e ].offset == y.fix->edits[ e ].offset );
            CHECK( x.fix->edits[ e ].length == y.fix->edits[ e ].length );
            CHECK( x.fix->edits[ e ].insert == y.fix->edits[ e ].insert );  // e.g. the file's own line ending
         }
      }
   }
   REQUIRE( a.policy );
   REQUIRE( b.policy );
   CHECK( a.policy->mx == b.policy->mx );
   CHECK( a.policy->mx_offsets == b.policy->mx_offsets );  // "mx:\t" has the length of "mx: "
   CHECK( a.policy->mode == b.policy->mode );
   CHECK( a.policy->max_age == b.policy->max_age );
   CHECK( a.policy->version == b.policy->version );
   CHECK( a.policy->version_offset == b.policy->version_offset );
   CHECK( a.policy->mode_offset == b.policy->mode_offset );
   CHECK( a.policy->extensions == b.policy->extensions );
}

}  // namespace

TEST_CASE( "the fast paths agree with the general path on every corpus policy and on edge cases" )
{
   std::size_t n = 0;
   for( const auto& p : corpus_policies() ) {
      same_as_general_path( p.text );
      ++n;
   }
   CHECK( n == 242 );
   const std::string head = "version: STSv1\r\nmode: enforce\r\nmax_age: 604800\r\n";
   const std::string label63( 63, 'a' ), label64( 64, 'a' );
   const std::vector< std::string > patterns = { "mail.example.com", "MAIL.Example.COM", "*.example.com", "*.co.uk", "*.com", "example",
                                 "mail.example.com.", "mail..example.com", ".example.com", "-a.example.com", "a-.example.com",
                                 "xn--bcher-kva.example", "xn--zz.example", "ab--c.example.com", "mail.123", "123.example.com",
                                 label63 + ".example.com", label64 + ".example.com", "mail.example.com:25", "mail.example.com #c",
                                 "mail.example.com, b.example.com", "mail.example.com ", "mail_1.example.com", "m\xC3\xA4il.example.com",
                                 "*.mail.example.com", "*.", "*", "a.b" };
   for( const auto& mx : patterns ) {
      for( const char* end : { "\r\n", "\n", "\r", "" } ) {
         same_as_general_path( head + "mx: " + mx + end );
         same_as_general_path( head + "mx: " + mx + end + "mx: " + mx + end );
         same_as_general_path( "mx: " + mx + end + head );
         // no version line, no final line break: the fixes insert the line ending of the first line
         same_as_general_path( "mx: " + mx + end + "mode: enforce" + end + "max_age: 604800" );
      }
   }
   std::string big = head;  // more than 16 patterns: the duplicate check's hash table
   for( int i = 0; i < 100; ++i ) {
      big += "mx: mx" + std::to_string( i % 60 ) + ".example.com" + ( i % 3 ? "\r\n" : "\n" );
   }
   same_as_general_path( big );

   // version, mode and max_age: values the fast path takes and values next to them that it must leave alone
   const std::vector< std::pair< std::string, std::vector< std::string > > > fields = {
      { "version", { "STSv1", "STSv1x", "STSv", "stsv1", "STSv1 ", "STSv1 #c", "", "STSv2" } },
      { "mode", { "enforce", "testing", "none", "enforced", "nonee", "test", "Enforce", "enforce ", "none #c", "" } },
      { "max_age", { "1", "0", "00", "086400", "86400", "604800", "1209600", "31557600", "31557601", "99999999", "123456789",
                     "9999999999", "604800 ", "86400s", "1e6", "" } },
   };
   const std::string rest[] = { "version: STSv1", "mode: testing", "max_age: 86400", "mx: mail.example.com" };
   for( const auto& [ name, values ] : fields ) {
      for( const auto& v : values ) {
         for( const char* end : { "\r\n", "\n", "" } ) {
            const std::string line = name + ": " + v;
            std::string others;
            for( const auto& r : rest ) {
               if( r.compare( 0, name.size() + 1, name + ":" ) != 0 ) {
                  others += r + "\r\n";
               }
            }
            same_as_general_path( line + end + others );                      // first
            same_as_general_path( others + line + end );                      // last (maybe without a line break)
            same_as_general_path( others + line + "\n" + line + end );        // a duplicate, same value
            same_as_general_path( line + "\r\n" + others + name + ": 1\n" );  // a duplicate, another value
            same_as_general_path( line + end );                               // alone: the required fields missing
         }
      }
   }
}

TEST_CASE( "policy facts say where each value was read (version, mode, every mx pattern)" )
{
   std::size_t checked = 0;
   for( const auto& [ file, expected, text ] : corpus_policies() ) {
      const auto r = test::lint( text, mtasts::Kind::policy, false );
      REQUIRE( r.policy );
      const auto& f = *r.policy;
      INFO( file );
      if( f.version ) {
         CHECK( text.substr( f.version_offset, f.version->size() ) == *f.version );
      }
      if( f.mode ) {
         CHECK( text.substr( f.mode_offset, f.mode->size() ) == *f.mode );
      }
      REQUIRE( f.mx_offsets.size() == f.mx.size() );
      for( std::size_t k = 0; k < f.mx.size(); ++k ) {
         CHECK( text.substr( f.mx_offsets[ k ], f.mx[ k ].size() ) == f.mx[ k ] );
         CHECK( ( k == 0 || f.mx_offsets[ k ] > f.mx_offsets[ k - 1 ] ) );
         ++checked;
      }
   }
   CHECK( checked > 300 );
   // Both mx paths (the "mx: <valid>" fast path and the general one, here after a tab) and a later duplicate field.
   const std::string text = "mode: testing\r\nversion: STSv1\r\nmx:\ta.example.com\r\nmx: *.b.example.net\r\nmode: enforce\r\n";
   const auto r = test::lint( text, mtasts::Kind::policy, false );
   REQUIRE( r.policy );
   CHECK( r.policy->mode_offset == 6 );
   CHECK( r.policy->version_offset == 24 );
   CHECK( r.policy->mx_offsets == std::vector< std::size_t >{ 35, 54 } );
}

TEST_CASE( "fix_all on every corpus policy and record settles in at most 2 rounds and leaves nothing fixable" )
{
   std::vector< std::pair< mtasts::Kind, std::string > > inputs;
   for( auto& p : corpus_policies() ) {
      inputs.emplace_back( mtasts::Kind::auto_, std::move( p.text ) );
   }
   std::ifstream list( std::string( MTASTS_CORPUS_DIR ) + "/records.expected.jsonl" );
   REQUIRE( list.is_open() );
   std::string line;
   while( std::getline( list, line ) ) {
      inputs.emplace_back( json_field( line, "kind" ) == "txt" ? mtasts::Kind::txt : mtasts::Kind::tlsrpt, unescape_json( json_field( line, "value" ) ) );
   }
   int most = 0;
   std::size_t changed = 0;
   for( const auto& [ kind, text ] : inputs ) {
      for( const bool verbose : { false, true } ) {
         mtasts::LintOptions o;
         o.kind = kind;
         o.verbose = verbose;
         const auto r = mtasts::fix_all( text, o );
         INFO( text );
         REQUIRE( r.settled );
         most = std::max( most, r.rounds );
         changed += r.changed() ? 1 : 0;
         if( !r.not_text ) {
            for( const auto& d : r.linted.diagnostics ) {
               CHECK_FALSE( d.fix.has_value() );  // nothing fixable left
            }
         }
         CHECK( test::codes( r.linted ) == test::codes( mtasts::lint( r.text, o ) ) );
      }
   }
   CHECK( most <= 2 );
   CHECK( changed > 50 );
}

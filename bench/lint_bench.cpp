// Native micro-benchmarks of mtasts::lint() and mtasts::Linter (Google Benchmark). Each case reports time per input
// and, through SetBytesProcessed, bytes per second. The inputs are the same as bench/node.mjs uses for the npm package.
//   build/bench/mtasts_bench [--benchmark_filter=...] [--benchmark_format=json]
//   build/bench/mtasts_bench --count CASE N   runs CASE N times through mtasts_bench_count() and nothing else, for
//                                              valgrind --tool=callgrind --toggle-collect=mtasts_bench_count
//   build/bench/mtasts_bench --print CASE     writes CASE's text to stdout
// `npm run bench` (bench/run.mjs) runs both and puts the figures in the table and bench/results.json.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/lint.hpp"

// As the native command runs the library: with the paste reader (core/evidence/), so a plain policy's rows include the
// decision that it is not a paste.
// The Spanish texts are there, as in the command (the en rows then show what English costs with them linked in).
static const bool bundles_enabled = ( mtasts::evidence::enable_bundles(), mtasts::enable_all_languages(), true );

namespace {

// ~100 bytes, CRLF, two mx lines: what most domains publish.
const std::string typical_policy = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.mail.example.net\r\nmax_age: 1209600\r\n";

// mx lines appended until the text is just under 64 KiB (the RFC's suggested maximum of a policy).
void append_mx_lines( std::string& s )
{
   for( int i = 0;; ++i ) {
      const std::string line = "mx: mx" + std::to_string( i ) + ".example.com\n";
      if( s.size() + line.size() > 64 * 1024 ) {
         break;
      }
      s += line;
   }
}

// Just under 64 KiB: ~2,700 mx lines.
std::string large_policy()
{
   std::string s = "version: STSv1\nmode: enforce\nmax_age: 1209600\n";
   append_mx_lines( s );
   return s;
}

std::string read_file( const std::filesystem::path& p )
{
   std::ifstream in( p, std::ios::binary );
   std::ostringstream ss;
   ss << in.rdbuf();
   return ss.str();
}

// A combined paste of the real tools' outputs (tests/fixtures/paste/*.txt, each with its one planted defect, in name
// order, repeated) up to 64 KiB: dozens of parts of every layout the reader knows, and their diagnostics.
// With `renamed`, each copy of the fixtures spells its names its own way, so that no two blocks of the paste are the
// same byte for byte (as in a real paste, which rarely shows the same output twice; a fix's verdict is remembered per
// identical piece, docs/performance.md): copy 0 writes `example`, copy k one letter of it in capitals (`Example`,
// `eXample`, ...). DNS names are case-insensitive (RFC 4343), so every copy is about the same domain and gets the same
// diagnostics and fixes at the same offsets as in the plain fixture paste (giving each copy its own domain instead
// would make the later copies "about another domain", EVD701); the length is the same, so Content-Length headers and
// the PowerShell tables' columns and `...` cuts stay as the tools print them.
std::string fixture_paste_64k( bool renamed = false )
{
   std::vector< std::filesystem::path > files;
   for( const auto& e : std::filesystem::directory_iterator( MTASTS_FIXTURES_DIR "/paste" ) ) {
      if( e.path().extension() == ".txt" ) {
         files.push_back( e.path() );
      }
   }
   std::sort( files.begin(), files.end() );
   std::vector< std::string > texts;
   for( const auto& f : files ) {
      texts.push_back( read_file( f ) );
   }
   std::string s;
   std::size_t copy = 0;
   for( std::size_t k = 0; !texts.empty(); k = ( k + 1 ) % texts.size() ) {
      std::string t = texts[ k ];
      if( renamed ) {
         char label[] = "example";
         if( copy > 0 ) {
            label[ ( copy - 1 ) % 7 ] = char( label[ ( copy - 1 ) % 7 ] - 'a' + 'A' );
         }
         for( auto i = t.find( "example" ); i != std::string::npos; i = t.find( "example", i + 7 ) ) {
            t.replace( i, 7, label, 7 );
         }
      }
      if( s.size() + t.size() + 1 > 64 * 1024 ) {
         break;
      }
      s += t;
      s += '\n';
      if( k + 1 == texts.size() ) {
         ++copy;
      }
   }
   return s;
}

// Every policy of the real-world corpus (tests/corpus/policies): most have warnings, so messages are rendered.
const std::vector< std::string >& corpus_policies()
{
   static const std::vector< std::string > all = [] {
      std::vector< std::filesystem::path > files;
      for( const auto& e : std::filesystem::directory_iterator( MTASTS_CORPUS_DIR "/policies" ) ) {
         files.push_back( e.path() );
      }
      std::sort( files.begin(), files.end() );
      std::vector< std::string > texts;
      for( const auto& f : files ) {
         texts.push_back( read_file( f ) );
      }
      return texts;
   }();
   return all;
}

const std::string sts_record = "v=STSv1; id=20240101T000000";
const std::string tlsrpt_record = "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://reports.example.com/v1/tlsrpt";
const std::string zone_line = "_mta-sts.example.com. 3600 IN TXT \"v=STSv1; id=20240101T000000\"";

// A combined paste of about 64 KiB (docs/paste.md): dig's answer for the record, dig +short MX with 3 hosts, and
// curl -i of a policy that covers them (the rest of the 64 KiB in mx lines), read and cross-checked as a bundle.
std::string combined_paste_64k()
{
   std::string s = "$ dig +noall +answer TXT _mta-sts.example.com\n_mta-sts.example.com.\t300\tIN\tTXT\t\"v=STSv1; id=20240101T000000\"\n"
                   "$ dig +short MX example.com\n";
   for( int i = 0; i < 3; ++i ) {
      s += std::to_string( 10 + i ) + " mx" + std::to_string( i ) + ".example.com.\n";
   }
   s += "$ curl -i https://mta-sts.example.com/.well-known/mta-sts.txt\nHTTP/2 200 \r\ncontent-type: text/plain\r\n\r\n"
        "version: STSv1\nmode: enforce\nmax_age: 1209600\n";
   append_mx_lines( s );
   return s;
}

void report( benchmark::State& state, std::size_t bytes )
{
   state.SetBytesProcessed( static_cast< std::int64_t >( state.iterations() ) * static_cast< std::int64_t >( bytes ) );
   state.SetItemsProcessed( static_cast< std::int64_t >( state.iterations() ) );
   state.counters[ "bytes" ] = static_cast< double >( bytes );
}

// mtasts::lint(): a fresh result per call, as a program that calls the free function gets it.
void run( benchmark::State& state, const std::string& text, mtasts::Kind kind )
{
   mtasts::LintOptions o;
   o.kind = kind;
   // The inputs must be valid, or we would be timing the error paths.
   const auto check = mtasts::lint( text, o );
   if( !check.valid() ) {
      state.SkipWithError( "benchmark input is not valid" );
      return;
   }
   for( auto _ : state ) {
      auto r = mtasts::lint( text, o );
      benchmark::DoNotOptimize( r );
   }
   report( state, text.size() );
}

// mtasts::Linter: one object for every call, as the command and the bindings use it.
void run_linter( benchmark::State& state, const std::string& text, mtasts::Kind kind, bool must_be_valid = true, mtasts::Lang lang = mtasts::Lang::en )
{
   mtasts::LintOptions o;
   o.kind = kind;
   o.lang = lang;
   mtasts::Linter linter;
   if( must_be_valid && !linter.lint( text, o ).valid() ) {
      state.SkipWithError( "benchmark input is not valid" );
      return;
   }
   for( auto _ : state ) {
      auto& r = linter.lint( text, o );
      benchmark::DoNotOptimize( r );
   }
   report( state, text.size() );
}

const std::string& large() { static const std::string t = large_policy(); return t; }
const std::string& combined() { static const std::string t = combined_paste_64k(); return t; }
const std::string& fixtures() { static const std::string t = fixture_paste_64k(); return t; }
const std::string& renamed_fixtures() { static const std::string t = fixture_paste_64k( true ); return t; }
// The page's case (c) (scripts/page-latency.mjs): 64 KiB of short lines with two mistakes each ('Mx:' and a trailing
// dot), over 12,000 diagnostics, each with a fix: what the core spends per diagnostic.
const std::string& mistakes()
{
   static const std::string t = [] {
      std::string s = "version: STSv1\nmode: enforce\nmax_age: 1209600\n";
      for( std::size_t i = 0;; ++i ) {
         const std::string line = "Mx: a" + std::to_string( i ) + ".\n";
         if( s.size() + line.size() > 65536 ) {
            return s;
         }
         s += line;
      }
   }();
   return t;
}

void BM_typical_policy( benchmark::State& state ) { run( state, typical_policy, mtasts::Kind::policy ); }
void BM_large_policy_64k( benchmark::State& state ) { run( state, large(), mtasts::Kind::policy ); }
void BM_sts_record( benchmark::State& state ) { run( state, sts_record, mtasts::Kind::txt ); }
void BM_tlsrpt_record( benchmark::State& state ) { run( state, tlsrpt_record, mtasts::Kind::tlsrpt ); }
void BM_zone_file_line( benchmark::State& state ) { run( state, zone_line, mtasts::Kind::txt ); }
// The same typical policy with kind detection (what the CLI does without --kind).
void BM_typical_policy_auto( benchmark::State& state ) { run( state, typical_policy, mtasts::Kind::auto_ ); }
void BM_combined_paste_64k( benchmark::State& state ) { run( state, combined(), mtasts::Kind::auto_ ); }

void BM_linter_typical_policy( benchmark::State& state ) { run_linter( state, typical_policy, mtasts::Kind::policy ); }
void BM_linter_typical_policy_auto( benchmark::State& state ) { run_linter( state, typical_policy, mtasts::Kind::auto_ ); }
void BM_linter_large_policy_64k( benchmark::State& state ) { run_linter( state, large(), mtasts::Kind::policy ); }
void BM_linter_large_policy_64k_auto( benchmark::State& state ) { run_linter( state, large(), mtasts::Kind::auto_ ); }
void BM_linter_sts_record( benchmark::State& state ) { run_linter( state, sts_record, mtasts::Kind::txt ); }
void BM_linter_sts_record_auto( benchmark::State& state ) { run_linter( state, sts_record, mtasts::Kind::auto_ ); }
void BM_linter_combined_paste_64k( benchmark::State& state ) { run_linter( state, combined(), mtasts::Kind::auto_ ); }
void BM_linter_fixture_paste_64k( benchmark::State& state ) { run_linter( state, fixtures(), mtasts::Kind::auto_, false ); }
void BM_linter_renamed_paste_64k( benchmark::State& state ) { run_linter( state, renamed_fixtures(), mtasts::Kind::auto_, false ); }

// The corpus's 242 policies, one Linter, messages in English or in Spanish (per input: the mean over the corpus).
void corpus( benchmark::State& state, mtasts::Lang lang )
{
   mtasts::LintOptions o;
   o.kind = mtasts::Kind::auto_;
   o.lang = lang;
   mtasts::Linter linter;
   std::size_t bytes = 0;
   for( const auto& t : corpus_policies() ) {
      bytes += t.size();
   }
   for( auto _ : state ) {
      for( const auto& t : corpus_policies() ) {
         auto& r = linter.lint( t, o );
         benchmark::DoNotOptimize( r );
      }
   }
   state.SetBytesProcessed( static_cast< std::int64_t >( state.iterations() ) * static_cast< std::int64_t >( bytes ) );
   state.SetItemsProcessed( static_cast< std::int64_t >( state.iterations() * corpus_policies().size() ) );
   state.counters[ "bytes" ] = static_cast< double >( bytes );
}
void BM_linter_corpus_en( benchmark::State& state ) { corpus( state, mtasts::Lang::en ); }
void BM_linter_corpus_es( benchmark::State& state ) { corpus( state, mtasts::Lang::es ); }

}  // namespace

BENCHMARK( BM_typical_policy );
BENCHMARK( BM_large_policy_64k );
BENCHMARK( BM_sts_record );
BENCHMARK( BM_tlsrpt_record );
BENCHMARK( BM_zone_file_line );
BENCHMARK( BM_typical_policy_auto );
BENCHMARK( BM_combined_paste_64k );
BENCHMARK( BM_linter_typical_policy );
BENCHMARK( BM_linter_typical_policy_auto );
BENCHMARK( BM_linter_large_policy_64k );
BENCHMARK( BM_linter_large_policy_64k_auto );
BENCHMARK( BM_linter_sts_record );
BENCHMARK( BM_linter_sts_record_auto );
BENCHMARK( BM_linter_combined_paste_64k );
BENCHMARK( BM_linter_fixture_paste_64k );
BENCHMARK( BM_linter_renamed_paste_64k );
BENCHMARK( BM_linter_corpus_en );
BENCHMARK( BM_linter_corpus_es );

// --count CASE N: the instructions of one call, for callgrind. The call runs N times inside mtasts_bench_count (after
// one warm-up call outside it, so a Linter's memory is already there), and run.mjs divides the total by N.
namespace {

struct CountCase
{
   const char* name;
   const std::string* text;
   mtasts::Kind kind;
   bool linter;
   mtasts::Lang lang;
};

}  // namespace

[[gnu::noinline]] static void count_body( const CountCase& c, mtasts::Linter& linter, long n )
{
   mtasts::LintOptions o;
   o.kind = c.kind;
   o.lang = c.lang;
   for( long i = 0; i < n; ++i ) {
      if( c.text ) {
         if( c.linter ) {
            benchmark::DoNotOptimize( linter.lint( *c.text, o ) );
         }
         else {
            auto r = mtasts::lint( *c.text, o );
            benchmark::DoNotOptimize( r );
         }
      }
      else {
         for( const auto& t : corpus_policies() ) {
            benchmark::DoNotOptimize( linter.lint( t, o ) );
         }
      }
   }
}

extern "C" [[gnu::noinline]] void mtasts_bench_count( const CountCase& c, mtasts::Linter& linter, long n )
{
   count_body( c, linter, n );
}

int main( int argc, char** argv )
{
   if( ( argc == 4 && std::strcmp( argv[ 1 ], "--count" ) == 0 ) || ( argc == 3 && std::strcmp( argv[ 1 ], "--print" ) == 0 ) ) {
      using mtasts::Kind;
      using mtasts::Lang;
      const CountCase cases[] = {
         { "typical_policy", &typical_policy, Kind::policy, false, Lang::en },
         { "linter_typical_policy", &typical_policy, Kind::policy, true, Lang::en },
         { "linter_typical_policy_auto", &typical_policy, Kind::auto_, true, Lang::en },
         { "linter_sts_record", &sts_record, Kind::txt, true, Lang::en },
         { "linter_sts_record_auto", &sts_record, Kind::auto_, true, Lang::en },
         { "large_policy_64k", &large(), Kind::policy, false, Lang::en },
         { "linter_large_policy_64k", &large(), Kind::policy, true, Lang::en },
         { "linter_large_policy_64k_auto", &large(), Kind::auto_, true, Lang::en },
         { "linter_fixture_paste_64k", &fixtures(), Kind::auto_, true, Lang::en },
         { "linter_renamed_paste_64k", &renamed_fixtures(), Kind::auto_, true, Lang::en },
         { "linter_mistakes_64k", &mistakes(), Kind::policy, true, Lang::en },
         { "linter_corpus_en", nullptr, Kind::auto_, true, Lang::en },
         { "linter_corpus_es", nullptr, Kind::auto_, true, Lang::es },
      };
      for( const auto& c : cases ) {
         if( std::strcmp( argv[ 2 ], c.name ) == 0 ) {
            if( argc == 3 ) {  // --print CASE: its text on stdout (to run the command on the same input)
               if( c.text ) {
                  std::fwrite( c.text->data(), 1, c.text->size(), stdout );
               }
               return 0;
            }
            mtasts::Linter linter;
            count_body( c, linter, 1 );  // warm, outside what callgrind collects
            std::printf( "%zu\n", c.text ? c.text->size() : std::size_t( 0 ) );
            mtasts_bench_count( c, linter, std::atol( argv[ 3 ] ) );
            return 0;
         }
      }
      std::fprintf( stderr, "mtasts_bench: unknown case %s\n", argv[ 2 ] );
      return 2;
   }
   benchmark::Initialize( &argc, argv );
   if( benchmark::ReportUnrecognizedArguments( argc, argv ) ) {
      return 1;
   }
   benchmark::RunSpecifiedBenchmarks();
   benchmark::Shutdown();
   return 0;
}

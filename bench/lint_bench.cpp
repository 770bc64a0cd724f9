// Native micro-benchmarks of mtasts::lint() (Google Benchmark). Each case reports time per input and, through
// SetBytesProcessed, bytes per second. The inputs are the same as bench/node.mjs uses for the npm package.
//   build/bench/mtasts_bench [--benchmark_filter=...] [--benchmark_format=json]
// `npm run bench` (bench/run.mjs) runs it and puts the figures in the table and bench/results.json.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/lint.hpp"

// As the native command runs the library: with the paste reader (core/evidence/), so a plain policy's rows include the
// decision that it is not a paste.
static const bool bundles_enabled = ( mtasts::evidence::enable_bundles(), true );

namespace {

// ~100 bytes, CRLF, two mx lines: what most domains publish.
const std::string typical_policy = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.mail.example.net\r\nmax_age: 1209600\r\n";

// Just under 64 KiB (the RFC's suggested maximum): ~2,700 mx lines.
std::string large_policy()
{
   std::string s = "version: STSv1\nmode: enforce\nmax_age: 1209600\n";
   for( int i = 0;; ++i ) {
      const std::string line = "mx: mx" + std::to_string( i ) + ".example.com\n";
      if( s.size() + line.size() > 64 * 1024 ) {
         break;
      }
      s += line;
   }
   return s;
}

const std::string sts_record = "v=STSv1; id=20240101T000000";
const std::string tlsrpt_record = "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://reports.example.com/v1/tlsrpt";
const std::string zone_line = "_mta-sts.example.com. 3600 IN TXT \"v=STSv1; id=20240101T000000\"";

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
   state.SetBytesProcessed( static_cast< std::int64_t >( state.iterations() ) * static_cast< std::int64_t >( text.size() ) );
   state.SetItemsProcessed( static_cast< std::int64_t >( state.iterations() ) );
   state.counters[ "bytes" ] = static_cast< double >( text.size() );
}

void BM_typical_policy( benchmark::State& state ) { run( state, typical_policy, mtasts::Kind::policy ); }
void BM_large_policy_64k( benchmark::State& state )
{
   static const std::string text = large_policy();
   run( state, text, mtasts::Kind::policy );
}
void BM_sts_record( benchmark::State& state ) { run( state, sts_record, mtasts::Kind::txt ); }
void BM_tlsrpt_record( benchmark::State& state ) { run( state, tlsrpt_record, mtasts::Kind::tlsrpt ); }
void BM_zone_file_line( benchmark::State& state ) { run( state, zone_line, mtasts::Kind::txt ); }
// The same typical policy with kind detection (what the CLI does without --kind).
void BM_typical_policy_auto( benchmark::State& state ) { run( state, typical_policy, mtasts::Kind::auto_ ); }

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
   for( int i = 0;; ++i ) {
      const std::string line = "mx: mx" + std::to_string( i ) + ".example.com\n";
      if( s.size() + line.size() > 64 * 1024 ) {
         break;
      }
      s += line;
   }
   return s;
}
void BM_combined_paste_64k( benchmark::State& state )
{
   static const std::string text = combined_paste_64k();
   run( state, text, mtasts::Kind::auto_ );
}

}  // namespace

BENCHMARK( BM_typical_policy );
BENCHMARK( BM_large_policy_64k );
BENCHMARK( BM_sts_record );
BENCHMARK( BM_tlsrpt_record );
BENCHMARK( BM_zone_file_line );
BENCHMARK( BM_typical_policy_auto );
BENCHMARK( BM_combined_paste_64k );

BENCHMARK_MAIN();

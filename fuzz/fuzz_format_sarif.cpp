// libFuzzer target: mtasts::format_sarif. The output is valid JSON; there is one result per diagnostic with its rule id
// and index, level, and a 1-based region whose lines match an independent line count and whose columns are UTF-16 code
// units (counted independently: invalid bytes one unit, 4-byte sequences two, an offset inside a sequence at its start).
#include "format_target.hpp"
#include "json_check.hpp"

namespace {

// 1-based UTF-16 column of byte offset `pos` on a line that starts at `line_start`.
std::size_t utf16_column( std::string_view text, std::size_t line_start, std::size_t pos )
{
   std::size_t units = 0, i = line_start;
   while( i < pos ) {
      const std::size_t len = fuzzinv::utf8_len( text, i );
      if( i + len > pos ) {
         break;
      }
      units += len == 4 ? 2 : 1;
      i += len;
   }
   return units + 1;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   fuzzinv::Reports rep;
   fuzzinv::make_reports( rep, data, size, true );
   mtasts::FormatOptions options;
   options.version = "0.0.0-fuzz";
   const std::string out = mtasts::format_sarif( rep.files, options );
   FUZZ_CHECK( out == mtasts::format_sarif( rep.files, options ), "format_sarif is not deterministic" );
   fuzzjson::Value doc;
   fuzzjson::Parser parser( out );
   FUZZ_CHECK( parser.parse( doc ), "format_sarif output is not valid JSON: " + parser.error() );
   const auto* runs = doc.get( "runs" );
   FUZZ_CHECK( runs && runs->arr.size() == 1, "runs" );
   const auto* results = runs->arr[ 0 ].get( "results" );
   std::size_t total = 0;
   for( const auto& f : rep.files ) {
      total += f.result->diagnostics.size();
   }
   FUZZ_CHECK( results && results->arr.size() == total, "one result per diagnostic" );
   const auto* rules = runs->arr[ 0 ].get( "tool" )->get( "driver" )->get( "rules" );
   FUZZ_CHECK( rules && rules->arr.size() == mtasts::rule_count, "every rule listed" );
   const fuzzinv::Lines lines( rep.text );
   std::size_t k = 0;
   for( const auto& f : rep.files ) {
      for( const auto& d : f.result->diagnostics ) {
         const auto& res = results->arr[ k++ ];
         const std::string what = fuzzinv::describe( d );
         FUZZ_CHECK( res.get( "ruleId" ) && res.get( "ruleId" )->str == mtasts::rule( d.code ).id, "ruleId: " + what );
         const auto* index = res.get( "ruleIndex" );
         FUZZ_CHECK( index && index->integer && index->u < rules->arr.size() && rules->arr[ index->u ].get( "id" )->str == mtasts::rule( d.code ).id, "ruleIndex: " + what );
         const auto* region = res.get( "locations" )->arr.at( 0 ).get( "physicalLocation" )->get( "region" );
         FUZZ_CHECK( region, "region: " + what );
         const auto b = lines.locate( d.offset );
         const auto e = lines.locate( d.offset + d.length );
         const auto num = [ & ]( const char* key ) -> std::uint64_t {
            const auto* v = region->get( key );
            FUZZ_CHECK( v && v->integer, std::string( "region." ) + key + ": " + what );
            return v->u;
         };
         FUZZ_CHECK( num( "startLine" ) == b.line && num( "endLine" ) == e.line, "region lines: " + what );
         const std::size_t sc = utf16_column( rep.text, lines.start[ b.line - 1 ], d.offset );
         const std::size_t ec = utf16_column( rep.text, lines.start[ e.line - 1 ], d.offset + d.length );
         FUZZ_CHECK( num( "startColumn" ) == sc, "startColumn " + std::to_string( num( "startColumn" ) ) + ", expected " + std::to_string( sc ) + ": " + what );
         FUZZ_CHECK( num( "endColumn" ) == ec, "endColumn " + std::to_string( num( "endColumn" ) ) + ", expected " + std::to_string( ec ) + ": " + what );
         FUZZ_CHECK( e.line > b.line || ec >= sc, "region ends before it starts: " + what );
      }
   }
   return 0;
}

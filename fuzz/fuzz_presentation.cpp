// libFuzzer target: mtasts::parse_presentation (RFC 1035 §5.1 presentation form of TXT data).
// Invariants: deterministic; every record's offset map is well formed (one source offset per joined byte plus the end,
// inside the input and inside the record, never decreasing); string ends are sorted and inside the value; the record
// ranges are inside the input and in input order; raw values are the input
// bytes they map to; every diagnostic span lies inside the input; DNS601 is raised for every character-string over
// 255 bytes of a quoted record.
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"

namespace {

std::string summary( const std::vector< mtasts::TxtRecord >& rs, mtasts::Sink& sink )
{
   std::string s;
   for( const auto& r : rs ) {
      s += r.value + '\x01' + std::to_string( r.begin ) + ',' + std::to_string( r.end ) + ',' + r.owner + ',' + std::to_string( r.owner_offset ) + ',' +
           std::to_string( r.quoted ) + std::to_string( r.raw ) + std::to_string( r.zone ) + std::to_string( r.cname ) + '\x02';
      for( const auto p : r.src ) {
         s += std::to_string( p ) + ',';
      }
      for( const auto p : r.string_ends ) {
         s += std::to_string( p ) + ';';
      }
   }
   for( const auto& d : sink.items() ) {
      s += fuzzinv::describe( d ) + '\x03';
   }
   return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   const std::string_view text( reinterpret_cast< const char* >( data ), size );
   mtasts::Sink sink, sink2;
   const auto records = mtasts::parse_presentation( text, sink );
   const auto again = mtasts::parse_presentation( text, sink2 );
   FUZZ_CHECK( summary( records, sink ) == summary( again, sink2 ), "parse_presentation is not deterministic" );

   std::size_t previous_begin = 0;
   for( std::size_t k = 0; k < records.size(); ++k ) {
      const auto& r = records[ k ];
      const std::string what = "record " + std::to_string( k ) + " [" + std::to_string( r.begin ) + "," + std::to_string( r.end ) + ")";
      FUZZ_CHECK( r.begin <= r.end && r.end <= size, "record range outside the input: " + what );
      FUZZ_CHECK( r.begin >= previous_begin, "records out of input order: " + what );
      previous_begin = r.begin;
      FUZZ_CHECK( r.src.size() == r.value.size() + 1, "src must have one offset per value byte plus the end: " + what );
      for( std::size_t i = 0; i < r.src.size(); ++i ) {
         FUZZ_CHECK( r.src[ i ] <= size, "src offset outside the input: " + what );
         FUZZ_CHECK( r.src[ i ] >= r.begin && r.src[ i ] <= r.end, "src offset outside the record: " + what + " src[" + std::to_string( i ) + "]=" + std::to_string( r.src[ i ] ) );
         if( i > 0 ) {
            FUZZ_CHECK( r.src[ i ] > r.src[ i - 1 ] || ( i == r.src.size() - 1 && r.src[ i ] >= r.src[ i - 1 ] ), "src offsets not increasing: " + what + " at " + std::to_string( i ) );
         }
      }
      for( std::size_t i = 0; i < r.string_ends.size(); ++i ) {
         FUZZ_CHECK( r.string_ends[ i ] <= r.value.size(), "string end past the value: " + what );
         FUZZ_CHECK( i == 0 || r.string_ends[ i ] >= r.string_ends[ i - 1 ], "string ends not sorted: " + what );
      }
      // (an owner inherited from a previous line is not written at owner_offset, so only the bound is checked)
      FUZZ_CHECK( r.owner_offset <= size, "owner_offset outside the input: " + what );
      if( r.raw ) {
         for( std::size_t i = 0; i < r.value.size(); ++i ) {
            FUZZ_CHECK( text[ r.src[ i ] ] == r.value[ i ], "raw value byte differs from the input byte it maps to: " + what );
         }
      }
      // map() / map_len() stay inside the input for any joined range
      for( std::size_t a = 0; a <= r.value.size(); a += 1 + r.value.size() / 8 ) {
         const std::size_t m = r.map( a );
         FUZZ_CHECK( m <= size && m + r.map_len( a, r.value.size() ) <= size, "map/map_len outside the input: " + what );
      }
      if( r.quoted ) {
         std::size_t from = 0;
         for( const auto e : r.string_ends ) {
            if( e - from > 255 ) {
               bool found = false;
               for( const auto& d : sink.items() ) {
                  found = found || d.code == mtasts::Code::DNS601;
               }
               FUZZ_CHECK( found, "a character-string of " + std::to_string( e - from ) + " bytes without DNS601: " + what );
            }
            from = e;
         }
      }
   }
   for( const auto& d : sink.items() ) {
      FUZZ_CHECK( d.offset <= size && d.length <= size - d.offset, "diagnostic outside the input: " + fuzzinv::describe( d ) );
      FUZZ_CHECK( !d.message.empty() && d.message.find_first_of( "\r\n" ) == std::string::npos, "message is not one line: " + fuzzinv::describe( d ) );
   }
   return 0;
}

// libFuzzer target: SourceMap and the UTF-16 conversion against naive re-implementations, at every byte position.
#include <algorithm>

#include "format_target.hpp"

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   const std::string_view text( reinterpret_cast< const char* >( data ), size );
   const mtasts::SourceMap map( text );
   const fuzzinv::Lines lines( text );
   FUZZ_CHECK( map.line_count() == lines.start.size(), "line_count" );
   std::vector< std::size_t > offsets;
   for( std::size_t p = 0; p <= size; ++p ) {
      const auto got = map.locate( p );
      const auto want = lines.locate( p );
      FUZZ_CHECK( got.line == want.line && got.column == want.column, "locate(" + std::to_string( p ) + ")" );
      offsets.push_back( size - p );  // reverse order: utf16_offsets must not need sorted input
   }
   FUZZ_CHECK( map.locate( size + 10 ).line == lines.line[ size ], "locate past the end" );
   for( std::size_t l = 1; l <= lines.start.size(); ++l ) {
      FUZZ_CHECK( map.line_start( l ) == lines.start[ l - 1 ], "line_start" );
      const std::size_t b = lines.start[ l - 1 ];
      std::size_t e = l < lines.start.size() ? lines.start[ l ] : size;
      if( e > b && text[ e - 1 ] == '\n' ) {
         --e;
      }
      if( e > b && text[ e - 1 ] == '\r' ) {
         --e;
      }
      FUZZ_CHECK( map.line_text( l ) == text.substr( b, e - b ), "line_text(" + std::to_string( l ) + ")" );
   }
   FUZZ_CHECK( map.line_text( 0 ).empty() && map.line_text( lines.start.size() + 1 ).empty(), "line_text out of range" );
   // UTF-16 units before every offset
   std::vector< std::size_t > units( size + 1 );
   {
      std::size_t i = 0, u = 0;
      units[ 0 ] = 0;
      while( i < size ) {
         const std::size_t len = fuzzinv::utf8_len( text, i );
         for( std::size_t k = 1; k < len; ++k ) {
            units[ i + k ] = u;  // inside a sequence: counted at its start
         }
         u += len == 4 ? 2 : 1;
         i += len;
         units[ i ] = u;
      }
   }
   const auto got = mtasts::utf16_offsets( text, offsets );
   FUZZ_CHECK( got.size() == offsets.size(), "utf16_offsets size" );
   for( std::size_t k = 0; k < offsets.size(); ++k ) {
      FUZZ_CHECK( got[ k ] == units[ offsets[ k ] ], "utf16_offsets(" + std::to_string( offsets[ k ] ) + ") = " + std::to_string( got[ k ] ) + ", expected " + std::to_string( units[ offsets[ k ] ] ) );
   }
   FUZZ_CHECK( mtasts::utf16_length( text ) == units[ size ], "utf16_length" );
   return 0;
}

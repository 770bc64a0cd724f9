#include "text.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace mtasts::text {

std::size_t edit_distance( std::string_view a, std::string_view b, std::size_t cap )
{
   const std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
   if( diff > cap || a.size() > 64 || b.size() > 64 ) {
      return cap + 1;
   }
   std::vector< std::size_t > prev( b.size() + 1 ), cur( b.size() + 1 );
   for( std::size_t j = 0; j <= b.size(); ++j ) {
      prev[ j ] = j;
   }
   for( std::size_t i = 1; i <= a.size(); ++i ) {
      cur[ 0 ] = i;
      for( std::size_t j = 1; j <= b.size(); ++j ) {
         const std::size_t sub = prev[ j - 1 ] + ( a[ i - 1 ] == b[ j - 1 ] ? 0 : 1 );
         cur[ j ] = std::min( { prev[ j ] + 1, cur[ j - 1 ] + 1, sub } );
      }
      std::swap( prev, cur );
   }
   return std::min( prev[ b.size() ], cap + 1 );
}

std::string quote( std::string_view s, std::size_t max_bytes )
{
   std::string out;
   std::size_t n = std::min( s.size(), max_bytes );
   // do not cut a UTF-8 sequence in half
   while( n < s.size() && n > 0 && ( static_cast< unsigned char >( s[ n ] ) & 0xC0 ) == 0x80 ) {
      --n;
   }
   // The bytes shown as they are go in runs (a byte at a time, quote() was 1.5 % of a text with 12,000 diagnostics).
   std::size_t run = 0;
   for( std::size_t i = 0; i < n; ++i ) {
      const auto c = static_cast< unsigned char >( s[ i ] );
      if( c < 0x20 || c == 0x7F ) {
         static const char hex[] = "0123456789ABCDEF";
         out.append( s.data() + run, i - run );
         run = i + 1;
         out += "\\x";
         out += hex[ c >> 4 ];
         out += hex[ c & 15 ];
      }
   }
   out.append( s.data() + run, n - run );
   if( n < s.size() ) {
      out += "...";
   }
   return out;
}

std::vector< std::size_t > order_by( const std::vector< std::uint64_t >& keys )
{
   std::vector< std::size_t > order( keys.size() );
   std::iota( order.begin(), order.end(), std::size_t( 0 ) );
   std::sort( order.begin(), order.end(), [ & ]( std::size_t a, std::size_t b ) { return keys[ a ] != keys[ b ] ? keys[ a ] < keys[ b ] : a < b; } );
   return order;
}

}  // namespace mtasts::text

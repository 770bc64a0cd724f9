// See diff.hpp.
#include "core/fix/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mtasts {

namespace {

// Myers' greedy O((N+M)·D) line diff keeps every step's furthest reaching points to trace the path back: (D+1)²
// ints. Bounded both ways; past either bound the middle becomes one replacement.
constexpr std::size_t max_d = 1000;               // at most 4 MB of trace
constexpr std::size_t max_work = 20'000'000;      // diagonal steps and line comparisons

std::vector< std::string_view > split_lines( std::string_view t )
{
   std::vector< std::string_view > lines;
   std::size_t at = 0;
   while( at < t.size() ) {
      const std::size_t nl = t.find( '\n', at );
      const std::size_t end = nl == std::string_view::npos ? t.size() : nl + 1;
      lines.push_back( t.substr( at, end - at ) );
      at = end;
   }
   return lines;
}

// ops over the middle A (n lines) and B (m lines): '=' '-' '+'. Empty when the budget ran out.
std::vector< char > myers( const std::vector< std::uint32_t >& a, const std::vector< std::uint32_t >& b )
{
   const std::ptrdiff_t n = static_cast< std::ptrdiff_t >( a.size() );
   const std::ptrdiff_t m = static_cast< std::ptrdiff_t >( b.size() );
   const std::ptrdiff_t limit = std::min< std::ptrdiff_t >( n + m, static_cast< std::ptrdiff_t >( max_d ) );
   std::vector< std::ptrdiff_t > v( 2 * static_cast< std::size_t >( limit ) + 3, 0 );
   const std::ptrdiff_t off = limit + 1;
   std::vector< std::ptrdiff_t > trace;  // step d: V[-d..d], 2d+1 slots, starting at d*d
   std::size_t work = 0;
   std::ptrdiff_t found = -1;
   for( std::ptrdiff_t d = 0; d <= limit && found < 0; ++d ) {
      for( std::ptrdiff_t k = -d; k <= d; k += 2 ) {
         std::ptrdiff_t x = ( k == -d || ( k != d && v[ off + k - 1 ] < v[ off + k + 1 ] ) ) ? v[ off + k + 1 ] : v[ off + k - 1 ] + 1;
         std::ptrdiff_t y = x - k;
         while( x < n && y < m && a[ x ] == b[ y ] ) {
            ++x;
            ++y;
            ++work;
         }
         v[ off + k ] = x;
         ++work;
         if( x >= n && y >= m ) {
            found = d;
         }
      }
      for( std::ptrdiff_t k = -d; k <= d; ++k ) {
         trace.push_back( v[ off + k ] );
      }
      if( work > max_work ) {
         return {};
      }
   }
   if( found < 0 ) {
      return {};
   }
   // Back from (n, m): each step d came from step d-1 by one deletion or insertion, then a snake of equal lines.
   std::vector< char > ops;
   std::ptrdiff_t x = n;
   std::ptrdiff_t y = m;
   for( std::ptrdiff_t d = found; d > 0; --d ) {
      const std::ptrdiff_t* prev = trace.data() + ( d - 1 ) * ( d - 1 ) + ( d - 1 );  // prev[k] = V_{d-1}[k]
      const std::ptrdiff_t k = x - y;
      const bool down = k == -d || ( k != d && prev[ k - 1 ] < prev[ k + 1 ] );
      const std::ptrdiff_t pk = down ? k + 1 : k - 1;
      const std::ptrdiff_t px = prev[ pk ];
      const std::ptrdiff_t py = px - pk;
      const std::ptrdiff_t sx = down ? px : px + 1;  // where the snake of step d starts
      while( x > sx ) {
         ops.push_back( '=' );
         --x;
         --y;
      }
      ops.push_back( down ? '+' : '-' );
      x = px;
      y = py;
   }
   while( x > 0 ) {
      ops.push_back( '=' );
      --x;
      --y;
   }
   std::reverse( ops.begin(), ops.end() );
   return ops;
}

void put_line( std::string& out, char tag, std::string_view line )
{
   out.push_back( tag );
   out.append( line );
   if( line.empty() || line.back() != '\n' ) {
      out.append( "\n\\ No newline at end of file\n" );
   }
}

void put_range( std::string& out, std::size_t start, std::size_t len )
{
   // 1-based first line; for an empty range, the line before it (diff -u: "-0,0" at the start of a file)
   out.append( std::to_string( len == 0 ? start : start + 1 ) );
   if( len != 1 ) {
      out.push_back( ',' );
      out.append( std::to_string( len ) );
   }
}

}  // namespace

std::string unified_diff( std::string_view old_text, std::string_view new_text, std::string_view old_label, std::string_view new_label, std::size_t context )
{
   if( old_text == new_text ) {
      return {};
   }
   const auto a = split_lines( old_text );
   const auto b = split_lines( new_text );
   std::size_t p = 0;
   while( p < a.size() && p < b.size() && a[ p ] == b[ p ] ) {
      ++p;
   }
   std::size_t s = 0;
   while( s < a.size() - p && s < b.size() - p && a[ a.size() - 1 - s ] == b[ b.size() - 1 - s ] ) {
      ++s;
   }
   // The middle lines as numbers: equal lines, equal numbers (by sorting, which is smaller in WebAssembly than a
   // hash map and as fast here).
   std::vector< std::string_view > lines( a.begin() + static_cast< std::ptrdiff_t >( p ), a.end() - static_cast< std::ptrdiff_t >( s ) );
   lines.insert( lines.end(), b.begin() + static_cast< std::ptrdiff_t >( p ), b.end() - static_cast< std::ptrdiff_t >( s ) );
   std::vector< std::uint32_t > order( lines.size() );
   for( std::size_t i = 0; i < order.size(); ++i ) {
      order[ i ] = static_cast< std::uint32_t >( i );
   }
   std::sort( order.begin(), order.end(), [ & ]( std::uint32_t x, std::uint32_t y ) { return lines[ x ] < lines[ y ]; } );
   std::vector< std::uint32_t > id( lines.size() );
   for( std::size_t k = 0; k < order.size(); ++k ) {
      id[ order[ k ] ] = k > 0 && lines[ order[ k ] ] == lines[ order[ k - 1 ] ] ? id[ order[ k - 1 ] ] : static_cast< std::uint32_t >( k );
   }
   const std::size_t na = a.size() - s - p;
   const std::vector< std::uint32_t > ma( id.begin(), id.begin() + static_cast< std::ptrdiff_t >( na ) );
   const std::vector< std::uint32_t > mb( id.begin() + static_cast< std::ptrdiff_t >( na ), id.end() );
   std::vector< char > middle = myers( ma, mb );
   if( middle.empty() && ( !ma.empty() || !mb.empty() ) ) {
      middle.assign( ma.size(), '-' );
      middle.insert( middle.end(), mb.size(), '+' );
   }
   std::vector< char > ops( p, '=' );
   ops.insert( ops.end(), middle.begin(), middle.end() );
   ops.insert( ops.end(), s, '=' );
   // In each run of changes, the removed lines first, then the added ones (as diff -u prints them).
   for( std::size_t k = 0; k < ops.size(); ) {
      if( ops[ k ] == '=' ) {
         ++k;
         continue;
      }
      std::size_t e = k;
      std::size_t minus = 0;
      while( e < ops.size() && ops[ e ] != '=' ) {
         minus += ops[ e ] == '-' ? 1 : 0;
         ++e;
      }
      std::fill( ops.begin() + static_cast< std::ptrdiff_t >( k ), ops.begin() + static_cast< std::ptrdiff_t >( k + minus ), '-' );
      std::fill( ops.begin() + static_cast< std::ptrdiff_t >( k + minus ), ops.begin() + static_cast< std::ptrdiff_t >( e ), '+' );
      k = e;
   }
   // Line numbers before each op.
   const std::size_t t = ops.size();
   std::vector< std::size_t > oi( t + 1 ), nj( t + 1 );
   for( std::size_t k = 0; k < t; ++k ) {
      oi[ k + 1 ] = oi[ k ] + ( ops[ k ] != '+' ? 1 : 0 );
      nj[ k + 1 ] = nj[ k ] + ( ops[ k ] != '-' ? 1 : 0 );
   }
   std::string out;
   out.append( "--- " ).append( old_label ).append( "\n+++ " ).append( new_label ).append( "\n" );
   std::size_t prev_end = 0;
   for( std::size_t k = 0; k < t; ) {
      if( ops[ k ] == '=' ) {
         ++k;
         continue;
      }
      const std::size_t start = std::max( prev_end, k >= context ? k - context : 0 );
      std::size_t end = k;  // exclusive end of the changes taken so far
      std::size_t stop;     // exclusive end of the hunk
      for( ;; ) {
         while( end < t && ops[ end ] != '=' ) {
            ++end;
         }
         std::size_t eq = 0;
         while( end + eq < t && ops[ end + eq ] == '=' ) {
            ++eq;
         }
         if( end + eq < t && eq <= 2 * context ) {
            end += eq;  // the next change is close enough: same hunk
            continue;
         }
         stop = end + std::min( eq, context );
         break;
      }
      out.append( "@@ -" );
      put_range( out, oi[ start ], oi[ stop ] - oi[ start ] );
      out.append( " +" );
      put_range( out, nj[ start ], nj[ stop ] - nj[ start ] );
      out.append( " @@\n" );
      for( std::size_t q = start; q < stop; ++q ) {
         if( ops[ q ] == '+' ) {
            put_line( out, '+', b[ nj[ q ] ] );
         }
         else {
            put_line( out, ops[ q ] == '-' ? '-' : ' ', a[ oi[ q ] ] );
         }
      }
      prev_end = stop;
      k = stop;
   }
   return out;
}

std::string fix_diff( std::string_view name, std::string_view old_text, std::string_view new_text )
{
   if( name.empty() || name.front() == '/' || name == "<stdin>" ) {
      return unified_diff( old_text, new_text, name, name );
   }
   while( name.size() > 2 && name.substr( 0, 2 ) == "./" ) {
      name.remove_prefix( 2 );
   }
   return unified_diff( old_text, new_text, std::string( "a/" ).append( name ), std::string( "b/" ).append( name ) );
}

}  // namespace mtasts

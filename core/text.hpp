// Small ASCII text helpers shared by the checks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mtasts::text {

inline bool is_wsp( char c ) noexcept { return c == ' ' || c == '\t'; }
inline bool is_digit( char c ) noexcept { return c >= '0' && c <= '9'; }
inline bool is_alpha( char c ) noexcept { return ( c >= 'a' && c <= 'z' ) || ( c >= 'A' && c <= 'Z' ); }
inline bool is_alnum( char c ) noexcept { return is_alpha( c ) || is_digit( c ); }
inline char lower( char c ) noexcept { return ( c >= 'A' && c <= 'Z' ) ? static_cast< char >( c - 'A' + 'a' ) : c; }

inline std::string to_lower( std::string_view s )
{
   std::string r( s );
   for( auto& c : r ) {
      c = lower( c );
   }
   return r;
}

inline bool iequals( std::string_view a, std::string_view b ) noexcept
{
   if( a.size() != b.size() ) {
      return false;
   }
   for( std::size_t i = 0; i < a.size(); ++i ) {
      if( lower( a[ i ] ) != lower( b[ i ] ) ) {
         return false;
      }
   }
   return true;
}

inline bool istarts_with( std::string_view s, std::string_view prefix ) noexcept
{
   return s.size() >= prefix.size() && iequals( s.substr( 0, prefix.size() ), prefix );
}

inline bool all_digits( std::string_view s ) noexcept
{
   if( s.empty() ) {
      return false;
   }
   for( const char c : s ) {
      if( !is_digit( c ) ) {
         return false;
      }
   }
   return true;
}

inline std::size_t leading_wsp( std::string_view s ) noexcept
{
   std::size_t i = 0;
   while( i < s.size() && is_wsp( s[ i ] ) ) {
      ++i;
   }
   return i;
}

inline std::size_t trailing_wsp( std::string_view s ) noexcept
{
   std::size_t i = 0;
   while( i < s.size() && is_wsp( s[ s.size() - 1 - i ] ) ) {
      ++i;
   }
   return i;
}

// Index of the first CR or LF in s at or after `from`, or s.size(). One pass, eight bytes at a time, instead of two
// memchr calls per line (LF, then a bare CR before it), which were a tenth of a typical policy's time in WebAssembly
// (musl's memchr there goes four bytes at a time after a byte-wise alignment loop, and lines are short).
inline std::size_t find_line_break( std::string_view s, std::size_t from ) noexcept
{
   constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
   std::size_t i = from;
   for( ; i + 8 <= s.size(); i += 8 ) {
      std::uint64_t w;
      std::memcpy( &w, s.data() + i, 8 );
      const std::uint64_t lf = w ^ ( ones * '\n' ), cr = w ^ ( ones * '\r' );
      if( ( ( lf - ones ) & ~lf & high ) | ( ( cr - ones ) & ~cr & high ) ) {
         break;  // a zero byte in lf or cr: the byte loop below finds which
      }
   }
   while( i < s.size() && s[ i ] != '\n' && s[ i ] != '\r' ) {
      ++i;
   }
   return i;
}

// Levenshtein distance, capped: returns cap + 1 as soon as the distance exceeds cap (cheap for long strings).
std::size_t edit_distance( std::string_view a, std::string_view b, std::size_t cap );

// Shortens a value for quoting in a one-line message (keeps the message short on huge inputs) and makes control
// characters visible.
std::string quote( std::string_view s, std::size_t max_bytes = 64 );

// The indices 0 .. keys.size() - 1 in the order of their keys, equal keys in index order: a stable order without
// moving the items themselves. One sort for the whole core (diagnostics, UTF-16 offsets): std::stable_sort of the
// diagnostics cost 6 KB of WebAssembly.
std::vector< std::size_t > order_by( const std::vector< std::uint64_t >& keys );

// Puts items in the order of their keys (as order_by: equal keys keep their order) in place, cycle by cycle: each item
// is moved about once and the vector keeps its memory (a Linter's result reuses it). std::stable_sort of a paste's
// artefacts (two strings each) took 3 % of a 64 KiB paste's instructions, in its merges and their buffer.
template< typename T >
void sort_by_keys( std::vector< T >& items, const std::vector< std::uint64_t >& keys )
{
   auto order = order_by( keys );
   for( std::size_t start = 0; start < order.size(); ++start ) {
      if( order[ start ] == start ) {
         continue;
      }
      T held = std::move( items[ start ] );
      std::size_t at = start;
      while( order[ at ] != start ) {
         const std::size_t from = order[ at ];
         items[ at ] = std::move( items[ from ] );
         order[ at ] = at;
         at = from;
      }
      items[ at ] = std::move( held );
      order[ at ] = at;
   }
}

}  // namespace mtasts::text

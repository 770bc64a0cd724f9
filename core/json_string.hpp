// JSON string scanning and escaping, shared by core/json_writer.cpp (every JSON the library prints) and the CLI's
// batch mode (which reads JSON Lines and writes into its own buffer). Invalid UTF-8 becomes U+FFFD, so the output is
// always valid JSON; control characters and DEL are escaped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined( __SSE2__ )
#include <emmintrin.h>
#endif

#include "utf8.hpp"

namespace mtasts::json {

// Bytes a JSON string holds as they are: from 0x20 up to `last`, except '"' and '\'.
struct ByteTable
{
   bool t[ 256 ] = {};
   constexpr explicit ByteTable( int last )
   {
      for( int c = 0x20; c <= last; ++c ) {
         t[ c ] = c != '"' && c != '\\';
      }
   }
};
constexpr ByteTable input_plain( 0x7F );   // inside a JSON string read (DEL allowed)
constexpr ByteTable output_plain( 0x7E );  // inside a JSON string written (DEL escaped)

// Skips plain bytes eight at a time (SWAR): stops at the first 8-byte block holding a byte below 0x20, a quote, a
// backslash, a byte from 0x80 (and DEL when `del`); a byte loop with the tables above finds which.
inline const char* skip_plain8( const char* p, const char* end, bool del ) noexcept
{
   constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
   const auto has_zero = [ & ]( std::uint64_t v ) { return ( v - ones ) & ~v & highs; };
   while( end - p >= 8 ) {
      std::uint64_t x;
      std::memcpy( &x, p, 8 );
      std::uint64_t r = ( ( x - ones * 0x20 ) & ~x & highs ) | has_zero( x ^ ( ones * '"' ) ) | has_zero( x ^ ( ones * '\\' ) ) | ( x & highs );
      if( del ) {
         r |= has_zero( x ^ ( ones * 0x7F ) );
      }
      if( r ) {
         break;
      }
      p += 8;
   }
   return p;
}

// The same, sixteen bytes at a time where SSE2 exists (every x86-64; not WebAssembly), returning the exact position
// there: JSON Lines of policies have an escape ("\n") every twenty bytes or so, where 8-byte blocks kept restarting.
inline const char* skip_plain( const char* p, const char* end, bool del ) noexcept
{
#if defined( __SSE2__ )
   const __m128i quote = _mm_set1_epi8( '"' ), backslash = _mm_set1_epi8( '\\' ), space = _mm_set1_epi8( 0x20 ), delete_ = _mm_set1_epi8( 0x7F );
   while( end - p >= 16 ) {
      const __m128i x = _mm_loadu_si128( reinterpret_cast< const __m128i* >( p ) );
      // signed comparison: "below 0x20" includes the bytes from 0x80, which are negative
      __m128i m = _mm_or_si128( _mm_or_si128( _mm_cmpeq_epi8( x, quote ), _mm_cmpeq_epi8( x, backslash ) ), _mm_cmplt_epi8( x, space ) );
      if( del ) {
         m = _mm_or_si128( m, _mm_cmpeq_epi8( x, delete_ ) );
      }
      const int mask = _mm_movemask_epi8( m );
      if( mask != 0 ) {
         return p + __builtin_ctz( static_cast< unsigned >( mask ) );
      }
      p += 16;
   }
#endif
   return skip_plain8( p, end, del );
}

// Appends s as a JSON string, quotes included, to any output that has `+= char`, `+= "literal"` and
// `append(const char*, size_t)` (std::string, or the batch mode's buffer).
template< typename Out >
void append_string( Out& out, std::string_view s )
{
   static const char hex[] = "0123456789abcdef";
   out += '"';
   std::size_t i = 0;
   const std::size_t n = s.size();
   while( i < n ) {
      const std::size_t run = i;
      i = static_cast< std::size_t >( skip_plain( s.data() + i, s.data() + n, true ) - s.data() );
      while( i < n && output_plain.t[ static_cast< unsigned char >( s[ i ] ) ] ) {
         ++i;
      }
      out.append( s.data() + run, i - run );
      if( i == n ) {
         break;
      }
      const auto c = static_cast< unsigned char >( s[ i ] );
      if( c >= 0x80 ) {
         const auto seq = utf8::decode( s, i );
         if( seq.valid ) {
            out.append( s.data() + i, seq.length );
         }
         else {
            out += "\xEF\xBF\xBD";
         }
         i += seq.length;
         continue;
      }
      switch( c ) {
         case '"':
            out += "\\\"";
            break;
         case '\\':
            out += "\\\\";
            break;
         case '\n':
            out += "\\n";
            break;
         case '\r':
            out += "\\r";
            break;
         case '\t':
            out += "\\t";
            break;
         default: {
            const char esc[ 6 ] = { '\\', 'u', '0', '0', hex[ c >> 4 ], hex[ c & 15 ] };
            out.append( esc, 6 );
         }
      }
      ++i;
   }
   out += '"';
}

}  // namespace mtasts::json

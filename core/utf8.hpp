// Minimal UTF-8 decoding per RFC 3629 §4 (no overlongs, no surrogates, at most U+10FFFF).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mtasts::utf8 {

struct Sequence
{
   std::size_t length = 1;   // bytes consumed (1 for an invalid byte)
   bool valid = true;
   std::uint32_t code_point = 0;
};

inline Sequence decode( std::string_view s, std::size_t i ) noexcept
{
   const auto b0 = static_cast< unsigned char >( s[ i ] );
   if( b0 < 0x80 ) {
      return { 1, true, b0 };
   }
   std::size_t len = 0;
   std::uint32_t cp = 0;
   unsigned char lo = 0x80, hi = 0xBF;
   if( b0 >= 0xC2 && b0 <= 0xDF ) {
      len = 2;
      cp = b0 & 0x1F;
   }
   else if( b0 >= 0xE0 && b0 <= 0xEF ) {
      len = 3;
      cp = b0 & 0x0F;
      if( b0 == 0xE0 ) {
         lo = 0xA0;
      }
      if( b0 == 0xED ) {
         hi = 0x9F;
      }
   }
   else if( b0 >= 0xF0 && b0 <= 0xF4 ) {
      len = 4;
      cp = b0 & 0x07;
      if( b0 == 0xF0 ) {
         lo = 0x90;
      }
      if( b0 == 0xF4 ) {
         hi = 0x8F;
      }
   }
   else {
      return { 1, false, 0xFFFD };
   }
   if( i + len > s.size() ) {
      return { 1, false, 0xFFFD };
   }
   for( std::size_t k = 1; k < len; ++k ) {
      const auto b = static_cast< unsigned char >( s[ i + k ] );
      if( b < lo || b > hi ) {
         return { 1, false, 0xFFFD };
      }
      lo = 0x80;
      hi = 0xBF;
      cp = ( cp << 6 ) | ( b & 0x3F );
   }
   return { len, true, cp };
}

// Offset of the first byte that is not valid UTF-8, or a NUL; npos when none.
inline std::size_t first_invalid( std::string_view s ) noexcept
{
   std::size_t i = 0;
   while( i < s.size() ) {
      const auto b = static_cast< unsigned char >( s[ i ] );
      if( b == 0 ) {
         return i;
      }
      if( b < 0x80 ) {
         ++i;
         continue;
      }
      const auto seq = decode( s, i );
      if( !seq.valid ) {
         return i;
      }
      i += seq.length;
   }
   return std::string_view::npos;
}

}  // namespace mtasts::utf8

// The fuzz targets' own reading of UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF), independent of
// core/utf8.hpp on purpose: the oracle shares no code with what it checks.
#pragma once

#include <cstddef>
#include <string_view>

namespace fuzzinv {

// Length of the UTF-8 sequence at s[i] under RFC 3629 (1 for an invalid byte), its validity in *valid.
inline std::size_t utf8_len( std::string_view s, std::size_t i, bool* valid = nullptr )
{
   const auto b0 = static_cast< unsigned char >( s[ i ] );
   std::size_t len = 0;
   unsigned char lo = 0x80, hi = 0xBF;
   if( b0 < 0x80 ) {
      len = 1;
   }
   else if( b0 >= 0xC2 && b0 <= 0xDF ) {
      len = 2;
   }
   else if( b0 >= 0xE0 && b0 <= 0xEF ) {
      len = 3;
      lo = b0 == 0xE0 ? 0xA0 : 0x80;
      hi = b0 == 0xED ? 0x9F : 0xBF;
   }
   else if( b0 >= 0xF0 && b0 <= 0xF4 ) {
      len = 4;
      lo = b0 == 0xF0 ? 0x90 : 0x80;
      hi = b0 == 0xF4 ? 0x8F : 0xBF;
   }
   bool ok = len > 0 && i + len <= s.size();
   for( std::size_t k = 1; ok && k < len; ++k ) {
      const auto b = static_cast< unsigned char >( s[ i + k ] );
      ok = b >= ( k == 1 ? lo : 0x80 ) && b <= ( k == 1 ? hi : 0xBF );
   }
   if( valid ) {
      *valid = ok;
   }
   return ok ? len : 1;
}

}  // namespace fuzzinv

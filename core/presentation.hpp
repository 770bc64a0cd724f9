// RFC 1035 §5.1 presentation form of TXT data: raw values, quoted strings, zone-file and `dig` lines, one record per
// line (or per parenthesised group). Produces each record's joined value with a map back to input byte offsets;
// reports DNS6xx while unquoting.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace mtasts {

struct TxtRecord
{
   std::string value;                 // strings joined without spaces (RFC 8461 §3.1, RFC 8460 §3)
   std::vector< std::size_t > src;    // src[i]: input offset of value[i]; src[value.size()]: end of the record
   std::vector< std::size_t > string_ends;  // joined offsets where each character-string ends
   std::size_t begin = 0;             // input offset of the record's first byte
   std::size_t end = 0;
   bool quoted = false;               // written as quoted character-strings
   bool raw = false;                  // a bare value (no quotes, no zone-file syntax)
   bool zone = false;                 // zone-file / dig line (owner, TTL, class, type)
   bool cname = false;                // a CNAME, not a TXT record
   std::string owner;                 // zone-file owner name, if any
   std::size_t owner_offset = 0;

   // input span of joined [a, b)
   std::size_t map( std::size_t a ) const noexcept { return src[ a < src.size() ? a : src.size() - 1 ]; }
   std::size_t map_len( std::size_t a, std::size_t b ) const noexcept
   {
      if( b <= a ) {
         return 0;
      }
      return src[ b - 1 ] + 1 - map( a );
   }
};

std::vector< TxtRecord > parse_presentation( std::string_view text, Sink& sink );

}  // namespace mtasts

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

// The zone-file shape of a line from t[i]: owner [TTL] [class] TXT|CNAME, within its first six tokens.
struct ZoneShape
{
   bool zone = false;
   bool cname = false;
   bool continuation = false;  // starts with whitespace: the owner is the previous record's
   std::size_t owner_tokens = 0;
   std::size_t first_b = 0, first_e = 0;  // the first token
   std::size_t rdata = 0;                 // just after the type
};
ZoneShape zone_shape( std::string_view t, std::size_t i );

// How parse_presentation reads a line (the text from a record's first byte to its end of line). A fix must not
// change it: removing a space can turn a bare value into a zone-file line and change what every byte means.
enum class LineShape { blank, comment, directive, zone, quoted, raw };
LineShape line_shape( std::string_view line );

}  // namespace mtasts

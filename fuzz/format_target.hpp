// Shared by the formatter targets: the input is linted twice (auto kind verbose, policy kind quiet) and reported as two
// files, one with an awkward name (quotes, backslash, invalid UTF-8) to exercise escaping.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "invariants.hpp"

namespace fuzzinv {

// Length of the UTF-8 sequence at s[i] under RFC 3629 (1 for an invalid byte), independently of core/utf8.hpp.
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

inline bool valid_utf8( std::string_view s )
{
   std::size_t i = 0;
   while( i < s.size() ) {
      bool ok;
      i += utf8_len( s, i, &ok );
      if( !ok ) {
         return false;
      }
   }
   return true;
}

struct Reports
{
   std::string_view text;
   mtasts::LintResult auto_result, policy_result;
   std::vector< mtasts::FileReport > files;
};

inline void make_reports( Reports& r, const std::uint8_t* data, std::size_t size, bool awkward_name )
{
   r.text = std::string_view( reinterpret_cast< const char* >( data ), size );
   mtasts::LintOptions o;
   o.verbose = true;
   r.auto_result = lint_and_check( r.text, o, 0 );
   o.kind = mtasts::Kind::policy;
   o.verbose = false;
   r.policy_result = mtasts::lint( r.text, o );
   r.files.push_back( { "<stdin>", r.text, &r.auto_result } );
   r.files.push_back( { awkward_name ? std::string( "dir/\"q\"\\\xFF\xC3( \x01.txt", 17 ) : std::string( "dir/mta-sts.txt" ), r.text, &r.policy_result } );
}

}  // namespace fuzzinv

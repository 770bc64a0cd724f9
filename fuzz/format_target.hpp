// Shared by the formatter targets: the input is linted twice (auto kind verbose, policy kind quiet) and reported as two
// files, one with an awkward name (quotes, backslash, invalid UTF-8) to exercise escaping.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "invariants.hpp"
#include "utf8_oracle.hpp"

namespace fuzzinv {

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

#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/lint.hpp"
#include "core/source_map.hpp"

namespace test {

inline mtasts::LintResult lint( std::string_view text, mtasts::Kind kind = mtasts::Kind::auto_, bool verbose = true )
{
   mtasts::LintOptions o;
   o.kind = kind;
   o.verbose = verbose;
   return mtasts::lint( text, o );
}

inline std::vector< const mtasts::Diagnostic* > with_code( const mtasts::LintResult& r, std::string_view code )
{
   std::vector< const mtasts::Diagnostic* > out;
   for( const auto& d : r.diagnostics ) {
      if( code == mtasts::rule( d.code ).id ) {
         out.push_back( &d );
      }
   }
   return out;
}

inline std::string codes( const mtasts::LintResult& r )
{
   std::string s;
   for( const auto& d : r.diagnostics ) {
      s += mtasts::rule( d.code ).id;
      s += ' ';
   }
   return s;
}

}  // namespace test

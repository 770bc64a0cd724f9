#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <sys/wait.h>
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

struct Run
{
   int status = -1;  // exit status; -1 when killed by a signal or not started
   std::string out;  // standard output
};

// Runs a shell command line and collects its standard output.
inline Run run_command( const std::string& cmd )
{
   Run r;
   FILE* p = popen( cmd.c_str(), "r" );
   if( !p ) {
      return r;
   }
   std::array< char, 4096 > buf{};
   std::size_t n;
   while( ( n = fread( buf.data(), 1, buf.size(), p ) ) > 0 ) {
      r.out.append( buf.data(), n );
   }
   const int st = pclose( p );
   r.status = WIFEXITED( st ) ? WEXITSTATUS( st ) : -1;
   return r;
}

}  // namespace test

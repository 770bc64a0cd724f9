// Not a fuzz target: a debugging aid for the artifacts the targets leave. Prints what the linter reports for a file
// (with every kind or the one given), every fix and what the linter reports after it.
// Usage: build-fuzz/fuzz/fuzz_explain FILE [auto|policy|txt|tlsrpt] [--domain example.com --mx a,b]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "invariants.hpp"

namespace {

void print( const mtasts::LintResult& r, std::string_view text, const char* indent )
{
   const mtasts::SourceMap map( text );
   for( const auto& d : r.diagnostics ) {
      const auto lc = map.locate( d.offset );
      std::printf( "%s%s %s %zu:%zu [%zu+%zu] %s\n", indent, mtasts::rule( d.code ).id, mtasts::severity_name( d.severity ), lc.line, lc.column, d.offset, d.length, d.message.c_str() );
   }
}

}  // namespace

int main( int argc, char** argv )
{
   if( argc < 2 ) {
      std::fprintf( stderr, "usage: %s FILE [auto|policy|txt|tlsrpt] [--domain D] [--mx a,b|none]\n", argv[ 0 ] );
      return 2;
   }
   std::ifstream in( argv[ 1 ], std::ios::binary );
   std::stringstream ss;
   ss << in.rdbuf();
   const std::string text = ss.str();
   mtasts::LintOptions o;
   o.verbose = true;
   if( argc > 2 ) {
      o.kind = mtasts::parse_kind( argv[ 2 ] ).value_or( mtasts::Kind::auto_ );
   }
   for( int i = 3; i + 1 < argc; i += 2 ) {
      const std::string flag = argv[ i ], value = argv[ i + 1 ];
      if( flag == "--domain" ) {
         o.domain = value;
      }
      else if( flag == "--mx" ) {
         std::vector< std::string > hosts;
         std::stringstream list( value == "none" ? "" : value );
         for( std::string h; std::getline( list, h, ',' ); ) {
            hosts.push_back( h );
         }
         o.mx_hosts = hosts;
      }
   }
   const auto r = mtasts::lint( text, o );
   std::printf( "kind %s, %zu bytes, %zu errors, %zu warnings, %zu infos\n", mtasts::kind_name( r.kind ), text.size(), r.error_count(), r.warning_count(), r.info_count() );
   print( r, text, "  " );
   for( const auto& d : r.diagnostics ) {
      if( !d.fix ) {
         continue;
      }
      const auto fixed = mtasts::apply_edits( text, d.fix->edits );
      mtasts::LintOptions o2 = o;
      o2.kind = r.kind;
      const auto after = mtasts::lint( fixed, o2 );
      std::printf( "fix of %s at %zu '%s' -> %zu errors:\n", mtasts::rule( d.code ).id, d.offset, d.fix->title.c_str(), after.error_count() );
      print( after, fixed, "    " );
   }
   return 0;
}

// The body shared by the three lint targets: verbose (every fix re-linted) and quiet (the same minus infos).
#pragma once

#include <cstddef>
#include <cstdint>

#include "invariants.hpp"

namespace fuzzinv {

// The evidence a caller may give (policy domain, MX host names), chosen by the input's size so every seed is linted
// without it and, as the fuzzer grows inputs, with each kind of evidence.
inline mtasts::LintOptions options_for( mtasts::Kind kind, bool verbose, std::size_t size )
{
   mtasts::LintOptions o;
   o.kind = kind;
   o.verbose = verbose;
   switch( size % 5 ) {
      case 1:
         o.domain = "example.com";
         o.mx_hosts = std::vector< std::string >{ "mail.example.com", "MX2.Example.COM.", "mx.example.net" };
         break;
      case 2:
         o.domain = "example.com";
         o.mx_hosts = std::vector< std::string >{};
         break;
      case 3:
         o.domain = "co.uk";
         o.mx_hosts = std::vector< std::string >{ "." };
         break;
      default:
         break;
   }
   return o;
}

inline void lint_target( const std::uint8_t* data, std::size_t size, mtasts::Kind kind )
{
   const std::string_view text( reinterpret_cast< const char* >( data ), size );
   const auto verbose = lint_and_check( text, options_for( kind, true, size ) );
   const auto quiet = lint_and_check( text, options_for( kind, false, size ), 0 );
   std::size_t q = 0;
   for( const auto& d : verbose.diagnostics ) {
      if( d.severity == mtasts::Severity::info ) {
         continue;
      }
      FUZZ_CHECK( q < quiet.diagnostics.size() && same( d, quiet.diagnostics[ q ] ), "without --verbose the diagnostics differ beyond the infos, at " + describe( d ) );
      ++q;
   }
   FUZZ_CHECK( q == quiet.diagnostics.size(), "without --verbose there are more diagnostics" );
   // One Linter for the whole run (what the command and the bindings keep): whatever it linted before, with whatever
   // options, it gives what a fresh lint() gives, verbose or not.
   static mtasts::Linter linter;
   FUZZ_CHECK( same( linter.lint( text, options_for( kind, true, size ) ), verbose ), "a reused Linter differs from lint() (verbose)" );
   FUZZ_CHECK( same( linter.lint( text, options_for( kind, false, size ) ), quiet ), "a reused Linter differs from lint()" );
}

}  // namespace fuzzinv

// Runs a PEGTL grammar rule over a piece of text (the glue between grammar/ and the checks).
#pragma once

#include <cstddef>
#include <string_view>

#include <tao/pegtl.hpp>

namespace mtasts {

// True when `Rule` matches all of `s`.
template< typename Rule >
bool full_match( std::string_view s ) noexcept
{
   tao::pegtl::memory_input< tao::pegtl::tracking_mode::lazy > in( s.data(), s.size(), "" );
   try {
      return tao::pegtl::parse< tao::pegtl::seq< Rule, tao::pegtl::eof > >( in );
   }
   catch( const tao::pegtl::parse_error& ) {
      return false;  // PEGTL's contrib rules raise (e.g. uri::pct_encoded on '%' without two hex digits): no match
   }
}

// Length of the match of `Rule` at the start of `s`, or npos.
template< typename Rule >
std::size_t prefix_match( std::string_view s ) noexcept
{
   tao::pegtl::memory_input< tao::pegtl::tracking_mode::lazy > in( s.data(), s.size(), "" );
   try {
      if( tao::pegtl::parse< Rule >( in ) ) {
         return static_cast< std::size_t >( in.current() - s.data() );
      }
   }
   catch( const tao::pegtl::parse_error& ) {
   }
   return std::string_view::npos;
}

}  // namespace mtasts

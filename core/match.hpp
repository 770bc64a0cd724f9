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
   return tao::pegtl::parse< tao::pegtl::seq< Rule, tao::pegtl::eof > >( in );
}

// Length of the match of `Rule` at the start of `s`, or npos.
template< typename Rule >
std::size_t prefix_match( std::string_view s ) noexcept
{
   tao::pegtl::memory_input< tao::pegtl::tracking_mode::lazy > in( s.data(), s.size(), "" );
   if( tao::pegtl::parse< Rule >( in ) ) {
      return static_cast< std::size_t >( in.current() - s.data() );
   }
   return std::string_view::npos;
}

}  // namespace mtasts

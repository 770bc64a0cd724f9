// Runs a PEGTL grammar rule over a piece of text (the glue between grammar/ and the checks).
#pragma once

#include <cstddef>
#include <string_view>

#include <tao/pegtl.hpp>

namespace mtasts {

namespace detail {
   // PEGTL's contrib rules (uri::pct_encoded is an if_must) raise on a local error. A raise here means "no match":
   // throw a tag type, not tao::pegtl::parse_error, whose positions and messages pull iostreams into the wasm build
   // (design.md P11).
   struct match_raised
   {};

   template< typename Rule >
   struct quiet_control : tao::pegtl::normal< Rule >
   {
      template< typename ParseInput, typename... States >
      [[noreturn]] static void raise( const ParseInput& /*unused*/, States&&... /*unused*/ )
      {
         throw match_raised{};
      }
   };
}  // namespace detail

// True when `Rule` matches all of `s`.
template< typename Rule >
bool full_match( std::string_view s ) noexcept
{
   tao::pegtl::memory_input< tao::pegtl::tracking_mode::lazy > in( s.data(), s.size(), "" );
   try {
      return tao::pegtl::parse< tao::pegtl::seq< Rule, tao::pegtl::eof >, tao::pegtl::nothing, detail::quiet_control >( in );
   }
   catch( const detail::match_raised& ) {
      return false;
   }
}

// Length of the match of `Rule` at the start of `s`, or npos.
template< typename Rule >
std::size_t prefix_match( std::string_view s ) noexcept
{
   tao::pegtl::memory_input< tao::pegtl::tracking_mode::lazy > in( s.data(), s.size(), "" );
   try {
      if( tao::pegtl::parse< Rule, tao::pegtl::nothing, detail::quiet_control >( in ) ) {
         return static_cast< std::size_t >( in.current() - s.data() );
      }
   }
   catch( const detail::match_raised& ) {
   }
   return std::string_view::npos;
}

}  // namespace mtasts

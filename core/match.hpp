// Runs a PEGTL grammar rule over a piece of text (the glue between grammar/ and the checks).
#pragma once

#include <cstddef>
#include <string_view>

#include <tao/pegtl.hpp>

namespace mtasts {

// The grammars in grammar/ never raise (no must<>, and no PEGTL contrib rule that does): a rule matches or it does
// not. The WebAssembly build has no exception support (-fno-exceptions), where a rule that raised would not compile
// (PEGTL's normal<>::raise static_asserts); natively such a raise would be reported as "no match".
namespace detail {
#if defined( __cpp_exceptions )
   struct match_raised
   {};
#endif

   template< typename Rule >
   struct quiet_control : tao::pegtl::normal< Rule >
   {
#if defined( __cpp_exceptions )
      template< typename ParseInput, typename... States >
      [[noreturn]] static void raise( const ParseInput& /*unused*/, States&&... /*unused*/ )
      {
         throw match_raised{};  // a tag type: parse_error would pull iostreams in (design.md P11)
      }
#endif
   };

   template< typename Rule >
   bool parse( tao::pegtl::memory_input< tao::pegtl::tracking_mode::lazy >& in ) noexcept
   {
#if defined( __cpp_exceptions )
      try {
         return tao::pegtl::parse< Rule, tao::pegtl::nothing, quiet_control >( in );
      }
      catch( const match_raised& ) {
         return false;
      }
#else
      return tao::pegtl::parse< Rule, tao::pegtl::nothing, quiet_control >( in );
#endif
   }
}  // namespace detail

// True when `Rule` matches all of `s`.
template< typename Rule >
bool full_match( std::string_view s ) noexcept
{
   tao::pegtl::memory_input< tao::pegtl::tracking_mode::lazy > in( s.data(), s.size(), "" );
   return detail::parse< tao::pegtl::seq< Rule, tao::pegtl::eof > >( in );
}

// Length of the match of `Rule` at the start of `s`, or npos.
template< typename Rule >
std::size_t prefix_match( std::string_view s ) noexcept
{
   tao::pegtl::memory_input< tao::pegtl::tracking_mode::lazy > in( s.data(), s.size(), "" );
   return detail::parse< Rule >( in ) ? static_cast< std::size_t >( in.current() - s.data() ) : std::string_view::npos;
}

}  // namespace mtasts

// libFuzzer target: mtasts::lint with kind policy, every invariant of invariants.hpp, and the fast paths of
// core/policy_lint.cpp against the general path: "mx:\t" (and "version:\t", "mode:\t", "max_age:\t") at the start of a
// line has the length and meaning of "mx: " but never takes a fast path, so both texts must lint the same.
#include <string>

#include "lint_target.hpp"

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   fuzzinv::lint_target( data, size, mtasts::Kind::policy );

   const std::string text( reinterpret_cast< const char* >( data ), size );
   std::string general = text;
   for( const std::string name : { "mx: ", "version: ", "mode: ", "max_age: " } ) {
      for( std::size_t i = 0; ( i = general.find( name, i ) ) != std::string::npos; i += name.size() ) {
         if( i == 0 || general[ i - 1 ] == '\n' || general[ i - 1 ] == '\r' ) {
            general[ i + name.size() - 1 ] = '\t';
         }
      }
   }
   if( general != text ) {
      const auto options = fuzzinv::options_for( mtasts::Kind::policy, true, size );
      const auto a = mtasts::lint( text, options );
      const auto b = mtasts::lint( general, options );
      FUZZ_CHECK( fuzzinv::same( a, b ), "the fast path and the general path differ: " + fuzzinv::codes( a ) + "| " + fuzzinv::codes( b ) );
      FUZZ_CHECK( !a.policy || ( a.policy->mx_offsets == b.policy->mx_offsets && a.policy->version_offset == b.policy->version_offset &&
                                 a.policy->mode_offset == b.policy->mode_offset ),
                  "the fast path and the general path record other offsets" );
   }
   return 0;
}

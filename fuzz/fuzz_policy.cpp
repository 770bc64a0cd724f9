// libFuzzer target: mtasts::lint with kind policy, every invariant of invariants.hpp.
#include "lint_target.hpp"

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   fuzzinv::lint_target( data, size, mtasts::Kind::policy );
   return 0;
}

// libFuzzer target: mtasts::lint with kind dmarc (_dmarc records, report authorization records, other protocols' records), every invariant of invariants.hpp.
#include "lint_target.hpp"

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   fuzzinv::lint_target( data, size, mtasts::Kind::dmarc );
   return 0;
}

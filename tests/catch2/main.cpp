#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "core/lint.hpp"

// The suite tests the library as the native command runs it: with the paste reader (core/evidence/). The one test of
// a lint-only build (no paste reader) switches it off and on again (paste_test.cpp).
static const bool bundles_enabled = ( mtasts::evidence::enable_bundles(), true );

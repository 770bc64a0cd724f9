// MX patterns (RFC 8461 §3.2 `["*." ] Domain`) and MX host matching (§4.1, Appendix B).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "diagnostic.hpp"

namespace mtasts {

// Checks one mx value that sits at byte `offset` of the input; reports STS238-STS248, STS253, STS254.
// Returns true when the value is a syntactically valid pattern (warnings allowed). `line` is the value's line number
// (1-based), which STS238 (an empty value) names; callers that never pass an empty value may leave it 0.
bool check_mx_pattern( std::string_view value, std::size_t offset, Sink& sink, std::string_view terminator, std::size_t line = 0 );

// The length of the valid pattern that starts v and ends at its first byte that is not a letter, digit, '-' or '.';
// 0 when that is not a pattern check_mx_pattern accepts without any diagnostic (the caller looks at what follows).
std::size_t valid_pattern_prefix( std::string_view v ) noexcept;
namespace detail {
   std::size_t valid_pattern_prefix_scalar( std::string_view v ) noexcept;  // the same, a byte at a time (tests compare)
}

// RFC 8461 §4.1: case-insensitive; "*." covers exactly one left-most label; one trailing dot of the host is ignored.
bool mx_matches( std::string_view pattern, std::string_view host ) noexcept;

// RFC 3492 decoding of the part after "xn--"; false when it is not valid Punycode or decodes to ASCII only.
bool valid_a_label( std::string_view label ) noexcept;

// True for single labels and the built-in list of common multi-label public suffixes (co.uk, com.au, ...).
bool is_public_suffix( std::string_view name ) noexcept;

}  // namespace mtasts

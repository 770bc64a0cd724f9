// The checks, per input kind. Internal to core/: lint() dispatches to them.
#pragma once

#include <string_view>

#include "diagnostic.hpp"
#include "lint.hpp"

namespace mtasts::detail {

void lint_policy( std::string_view text, const LintOptions& options, Sink& sink, PolicyFacts& facts );
// `text` holds one or more TXT records in presentation form (raw value, quoted strings, zone-file or dig lines).
void lint_records( std::string_view text, Kind kind, Sink& sink, RecordFacts& facts );

}  // namespace mtasts::detail

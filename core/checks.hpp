// The checks, per input kind. Internal to core/: lint() dispatches to them.
#pragma once

#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "lint.hpp"
#include "presentation.hpp"

namespace mtasts::detail {

void lint_policy( std::string_view text, const LintOptions& options, Sink& sink, PolicyFacts& facts );
// `text` holds one or more TXT records in presentation form (raw value, quoted strings, zone-file or dig lines).
void lint_records( std::string_view text, Kind kind, Sink& sink, RecordFacts& facts );
// The same over records already read (offsets into `text`): the bundle reader finds them inside tool output.
void lint_parsed_records( std::string_view text, const std::vector< TxtRecord >& records, Kind kind, Sink& sink, RecordFacts& facts );
// A paste of tool output, zone files and HTTP responses (core/evidence/): each part linted where it stands, and the
// parts checked against each other.
void lint_bundle( std::string_view text, const LintOptions& options, Sink& sink, LintResult& result );

}  // namespace mtasts::detail

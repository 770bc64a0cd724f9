// The checks, per input kind. Internal to core/: lint() dispatches to them.
#pragma once

#include <optional>
#include <string_view>

#include "diagnostic.hpp"
#include "lint.hpp"

namespace mtasts::detail {

void lint_policy( std::string_view text, const LintOptions& options, Sink& sink, PolicyFacts& facts );
// `text` holds one or more TXT records in presentation form (raw value, quoted strings, zone-file or dig lines).
void lint_records( std::string_view text, Kind kind, Sink& sink, RecordFacts& facts );

// `text` holds one or more _dmarc TXT records (and, as evidence, report authorization records), as for lint_records.
void lint_dmarc( std::string_view text, const LintOptions& options, Sink& sink, RecordFacts& facts );
// For detect_kind: Kind::dmarc when `compact` (a token's start without whitespace) is v=DMARC1 or another
// protocol's tag, or `rest` starts with the owner _dmarc.
std::optional< Kind > detect_dmarc( std::string_view compact, std::string_view rest ) noexcept;

}  // namespace mtasts::detail

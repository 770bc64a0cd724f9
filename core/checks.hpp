// The checks, per input kind. Internal to core/: lint() dispatches to them.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "lint.hpp"
#include "evidence/reader.hpp"
#include "presentation.hpp"

namespace mtasts::detail {

// ws: a Linter's working memory (the duplicate check's tables), or nullptr.
void lint_policy( std::string_view text, const LintOptions& options, Sink& sink, PolicyFacts& facts, Workspace* ws = nullptr );
// `text` holds one or more TXT records in presentation form (raw value, quoted strings, zone-file or dig lines).
void lint_records( std::string_view text, Kind kind, Sink& sink, RecordFacts& facts );
// The same over records already read (offsets into `text`): the bundle reader finds them inside tool output.
void lint_parsed_records( std::string_view text, const std::vector< TxtRecord >& records, Kind kind, Sink& sink, RecordFacts& facts );
// A paste of tool output, zone files and HTTP responses (core/evidence/): each part linted where it stands, and the
// parts checked against each other.
// `parts`: the texts of an evidence set joined into `text` (lint_evidence()); empty for one paste.
void lint_bundle( std::string_view text, const LintOptions& options, Sink& sink, LintResult& result, const std::vector< evidence::Part >& parts = {} );
// What lint() does after the checks: infos dropped unless verbose, spans kept inside the text and on one line, sorted.
void finish( LintResult& result, Sink& sink, std::string_view text, bool verbose );

// `text` holds one or more _dmarc TXT records (and, as evidence, report authorization records), as for lint_records.
void lint_dmarc( std::string_view text, const LintOptions& options, Sink& sink, RecordFacts& facts );
// For detect_kind: Kind::dmarc when `compact` (a token's start without whitespace) is v=DMARC1 or another
// protocol's tag, or `rest` starts with the owner _dmarc.
std::optional< Kind > detect_dmarc( std::string_view compact, std::string_view rest ) noexcept;

}  // namespace mtasts::detail

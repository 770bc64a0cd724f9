// Output formatters over one list of results. The native CLI and the WebAssembly build print the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint.hpp"

namespace mtasts {

struct FileReport
{
   std::string name;         // as given on the command line, "<stdin>" for standard input
   std::string_view source;  // the bytes linted
   const LintResult* result = nullptr;
};

enum class Format : std::uint8_t { text, json, sarif };
std::optional< Format > parse_format( std::string_view name ) noexcept;

struct FormatOptions
{
   bool color = false;     // ANSI colour (text only)
   std::string version;    // tool version, for json and sarif
   Lang lang = Lang::en;   // the words of the text output and SARIF's rule texts (messages come rendered in the results)
};

// gcc-style: FILE:LINE:COL: error|warning|note: message [CODE], the source line and a caret/underline; a summary.
std::string format_text( const std::vector< FileReport >& files, const FormatOptions& options );
// {"tool", "version", "files": [...]}: columns are 1-based bytes; offset/length are bytes.
std::string format_json( const std::vector< FileReport >& files, const FormatOptions& options );
// SARIF 2.1.0, columnKind utf16CodeUnits, 1-based.
std::string format_sarif( const std::vector< FileReport >& files, const FormatOptions& options );

std::string format( Format f, const std::vector< FileReport >& files, const FormatOptions& options );

namespace detail {
// Set by x509::enable_certificates(): the heading of a certificates result's table in the text output ("FILE:
// certificates checked at TIME"; its texts come with the certificate reader, outside the lint-only builds). The text
// formatter prints it and the table's lines (LintResult::certificates_table) under the summary.
using CertTableHeading = std::string ( * )( std::string_view file, std::string_view time, Lang lang );
extern CertTableHeading cert_table_heading;
}  // namespace detail

}  // namespace mtasts

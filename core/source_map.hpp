// Byte offsets inside, converted only at the edge: 1-based line and byte column (CLI), UTF-16 (JS, SARIF).
// Lines end at LF, CRLF or a bare CR (as editors count them); a position never points into a CRLF pair's LF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace mtasts {

struct LineCol
{
   std::size_t line = 1;    // 1-based
   std::size_t column = 1;  // 1-based, in bytes
};

class SourceMap
{
public:
   explicit SourceMap( std::string_view text );

   std::size_t line_count() const noexcept { return starts_.size(); }
   LineCol locate( std::size_t offset ) const noexcept;
   std::size_t line_start( std::size_t line ) const noexcept;  // 1-based line
   // The line's text without its terminator.
   std::string_view line_text( std::size_t line ) const noexcept;

private:
   std::string_view text_;
   std::vector< std::size_t > starts_;
};

// Converts byte offsets into UTF-16 code-unit offsets in one pass.
// `offsets` need not be sorted; the result is in the same order. Invalid UTF-8 bytes count as one unit each
// (U+FFFD), a 4-byte sequence as two.
std::vector< std::size_t > utf16_offsets( std::string_view text, const std::vector< std::size_t >& offsets );

// UTF-16 length of a byte range (same rules).
std::size_t utf16_length( std::string_view bytes ) noexcept;

}  // namespace mtasts

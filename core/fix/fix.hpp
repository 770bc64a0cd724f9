// Fixing a whole text: which fixes are safe together, applying them round after round until nothing is left to fix,
// and what to say about it. Pure functions, no I/O: the native CLI (cli/fix.cpp), the WebAssembly binding
// (mtasts_fix, for the Node bin) and the page's "Fix all" follow the same rule (docs/fix.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/lint.hpp"

namespace mtasts {

// The rounds fix_all() runs at most (the page's "Fix all" runs as many).
constexpr int fix_max_rounds = 5;

// Which diagnostics' fixes to apply together on a text of `text_size` bytes, as indices into `diagnostics`, in
// order. A fix is taken, in diagnostic order, when its edits are well formed (inside the text, sorted, not
// overlapping) and none of them conflicts with an edit already taken. Two edits conflict when they share a byte, or
// when they touch (one ends where the other starts, or both are at the same point) and either inserts text: only two
// pure deletions may touch (deleting [a,b) and [b,c) is deleting [a,c)). A fix that conflicts waits for the next round,
// which lints the text again. Every fix the core attaches is unambiguous (a diagnostic that needs a choice, such as
// which of two different values to keep, has no fix), so taking all of them is safe. O(n log n).
std::vector< std::size_t > compatible_fixes( const std::vector< Diagnostic >& diagnostics, std::size_t text_size );

// The edits of those fixes, merged and sorted: what apply_edits() takes.
std::vector< Edit > compatible_edits( const std::vector< Diagnostic >& diagnostics, std::size_t text_size );

struct FixAllResult
{
   std::string text;                 // the fixed text (== the input when nothing was fixed or !settled)
   std::vector< Code > fixed;        // the code of every fix applied, round after round, in order
   int rounds = 0;                   // rounds that changed the text
   bool settled = true;              // false: fixes were still found after fix_max_rounds; text is the input unchanged
   bool not_text = false;            // the input is not valid UTF-8 (or holds a NUL): nothing is fixed
   LintResult linted;                // the lint of `text` with the options given (what is left to report)
   bool changed() const noexcept { return settled && !not_text && !fixed.empty(); }
};

// Lints `text` with `options`, applies compatible_fixes(), lints the result again with the same options and repeats
// until no fix is left (a fixed point, so fixing the result again changes nothing) or fix_max_rounds rounds have
// changed the text; in that last case the fixes did not settle and the input is returned unchanged. Fixes are byte
// edits: line endings and every byte outside the fixed spans are kept. A text that is not valid UTF-8 (or holds a
// NUL byte) is not fixed at all: it is another encoding (UTF-16, Latin-1) or not text, and ASCII inserted into it
// would mix encodings.
FixAllResult fix_all( std::string_view text, const LintOptions& options ) noexcept;

// One line for standard error, "" when there is nothing to say:
//   "NAME: fixed 3 problems (STS214, STS239)\n" (dry_run: "NAME: would fix ...")  the codes sorted, each once
//   "NAME: fixes did not settle after 5 rounds; left unchanged\n"
//   "NAME: not valid UTF-8 text; not fixed\n"   (only when it has fixes)
// (in `lang`: the words come from core/i18n, MTASTS_TOOL_TEXT fix_*; enables the translations).
std::string fix_summary( std::string_view name, const FixAllResult& r, bool dry_run, Lang lang = Lang::en );

}  // namespace mtasts

// A unified diff of two texts, as `diff -u` and `git diff` print it. Pure function, no I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mtasts {

// "--- OLD_LABEL\n+++ NEW_LABEL\n" then the hunks ("@@ -l,n +l,n @@", ",1" left out, `context` lines of context,
// "\ No newline at end of file" after a last line without one); "" when the texts are equal. Lines end at LF only, as
// for diff and patch: a CR stays part of its line. The line diff is Myers' (minimal) within a bounded amount of work;
// beyond it (hostile input: a huge number of changed lines) the changed middle is one replacement, still a correct
// patch. Linear memory in the input, never quadratic time.
std::string unified_diff( std::string_view old_text, std::string_view new_text, std::string_view old_label, std::string_view new_label, std::size_t context = 3 );

// The diff of a file before and after fixing, labelled as git labels it: "a/NAME" and "b/NAME" (apply with
// `patch -p1` or `git apply`) for a relative NAME (a leading "./" dropped); NAME itself on both lines for an absolute
// path or "<stdin>" (apply with `patch -p0`).
std::string fix_diff( std::string_view name, std::string_view old_text, std::string_view new_text );

}  // namespace mtasts

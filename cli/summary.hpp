// The summary of a sweep: counters over the answer lines of `mta-sts-lint --batch` (core/batch.hpp), and the merge
// of partial summaries (the one-line JSON that `mta-sts-lint summarize --format json` writes). No I/O: the command
// (cli/summarize.cpp) reads the lines and prints; the fuzz target (fuzz/fuzz_summary.cpp) feeds lines here.
//
// Memory is bounded whatever the input: the counters are fixed arrays, the code table holds at most max_codes codes
// (one example domain each), the table of input-error messages at most max_messages messages; a longer stream only
// makes the numbers bigger. The same summary comes out whatever the order of the lines and however they were split:
// every field is a sum, except the example domain of a code, which is the smallest (bytewise) domain that has it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/catalogue.hpp"

namespace mtasts::cli::sweep {

enum TextIndex { policy = 0, txt, tlsrpt, text_count };
constexpr const char* text_keys[ text_count ] = { "policy", "txt", "tlsrpt" };

enum ModeIndex { enforce = 0, testing, none, mode_unread, mode_count };
constexpr const char* mode_keys[ mode_count ] = { "enforce", "testing", "none", "unread" };

// max_age buckets (seconds), by what RFC 8461 and its senders make of them; the last one counts policies whose
// max_age line was not read (missing or not a number).
enum AgeIndex { age_zero = 0, age_under_day, age_under_week, age_under_4_weeks, age_under_year, age_year, age_over_year, age_unread, age_count };
constexpr const char* age_keys[ age_count ] = { "zero", "underDay", "dayToWeek", "weekTo4Weeks", "4WeeksToYear", "year", "overYear", "unread" };
constexpr const char* age_labels[ age_count ] = { "0 (never cached)", "1 s to under 1 day", "1 day to under 1 week", "1 week to under 4 weeks",
                                                  "4 weeks to under 365 days", "365 days to 31557600 s", "over 31557600 s (over the RFC maximum)",
                                                  "no max_age read" };
AgeIndex age_bucket( std::uint64_t seconds ) noexcept;

constexpr std::size_t max_codes = 1024;      // distinct codes kept; more are counted in other_codes
constexpr std::size_t max_messages = 32;     // distinct input-error messages kept; more are counted under "other"
constexpr std::size_t max_key_bytes = 200;   // a longer code or message is cut (a code is 6 bytes)
constexpr std::size_t max_example_bytes = 253;  // a longer domain is never an example (a DNS name has at most 253)

enum SeverityBits : unsigned { sev_error = 1, sev_warning = 2, sev_info = 4 };

struct CodeStat
{
   unsigned severities = 0;        // SeverityBits seen (a "warning / error" code can be both)
   std::uint64_t domains = 0;      // answer lines that have the code at least once
   std::uint64_t count = 0;        // occurrences
   std::optional< std::string > example;  // the smallest domain that has it
};

struct Summary
{
   std::uint64_t lines = 0;         // non-blank lines read: answers + input errors + malformed
   std::uint64_t domains = 0;       // answer lines (one per domain checked)
   std::uint64_t valid = 0;         // answers with "valid": true
   std::uint64_t input_errors = 0;  // {"line", "error"} lines: input lines the batch could not use
   std::map< std::string, std::uint64_t > input_error_messages;
   std::uint64_t malformed = 0;     // lines that are neither an answer, an error line nor a summary
   std::uint64_t given[ text_count ] = {};
   std::uint64_t text_valid[ text_count ] = {};
   std::uint64_t record_without_policy = 0;  // an _mta-sts record given, no policy
   std::uint64_t policy_without_record = 0;  // a policy given, no _mta-sts record
   std::uint64_t mode_domains[ mode_count ] = {};  // over answers with a policy
   std::uint64_t mode_valid[ mode_count ] = {};    // ... of which "valid": true
   std::uint64_t max_age[ age_count ] = {};        // over answers with a policy
   std::uint64_t mx_coverage_failures = 0;  // answers with STS401 or STS402 (an MX host the policy does not cover)
   std::map< std::string, CodeStat > codes;
   std::uint64_t other_codes = 0;   // occurrences of codes beyond max_codes distinct ones

   void merge( const Summary& other );
};

enum class LineKind { blank, answer, input_error, summary, malformed };

struct LineResult
{
   LineKind kind;
   Text why;         // for malformed: why (a sum_why_* text of the catalogue, in any language)
   std::string key;  // for Text::sum_why_key_not_object: the key whose value is not an object
};

// Reads one line (without its line break; a trailing CR is ignored) into `s`. Never throws; any bytes are fine.
LineResult add_line( Summary& s, std::string_view line );

// The outputs. JSON is one line (with its "\n"), which add_line() reads back as a partial summary to merge.
std::string to_json( const Summary& s );
std::string to_text( const Summary& s, std::size_t top, Lang lang = Lang::en );  // top: codes listed (0: all); lang: its words
std::string to_html( const Summary& s, std::size_t top, Lang lang = Lang::en );  // one self-contained page: no script, no external resource

// "error", "warning", "warning/error", ... for SeverityBits.
std::string severity_text( unsigned bits );

}  // namespace mtasts::cli::sweep

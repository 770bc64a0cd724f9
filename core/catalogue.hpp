// The diagnostic catalogue: one row per code in rules.def, compiled into tables.
// Checks never spell out message text; they name a code and give the template's arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mtasts {

enum class Severity : std::uint8_t { error = 0, warning = 1, info = 2 };

const char* severity_name( Severity s ) noexcept;  // "error", "warning", "info"

enum class Code : std::uint16_t {
#define MTASTS_RULE( id, sev, title, msg, ref ) id,
#include "rules.def"
#undef MTASTS_RULE
   count_
};

enum class Hint : std::uint16_t {
   none = 0,
#define MTASTS_HINT( id, text ) id,
#include "rules.def"
#undef MTASTS_HINT
   count_
};

struct RuleInfo
{
   Code code;
   const char* id;        // "STS101"
   Severity severity;     // default severity
   bool dual_severity;    // "warning / error" rows: warning when copies agree, error when they differ
   const char* title;     // short title
   const char* message;   // message template with {name} placeholders
   const char* reference; // RFC reference
};

constexpr std::size_t rule_count = static_cast< std::size_t >( Code::count_ );

const RuleInfo& rule( Code c ) noexcept;
const RuleInfo* rules_begin() noexcept;
const RuleInfo* rules_end() noexcept;
const RuleInfo* find_rule( std::string_view id ) noexcept;

// Named template arguments: {"p", "mail.example.com."}
using Arg = std::pair< const char*, std::string >;
using Args = std::vector< Arg >;

// Renders the template of `c` (plus the hint's template, if any) with `args`.
std::string render_message( Code c, const Args& args, Hint hint = Hint::none );

// Thresholds used by heuristic rules (documented in the README).
namespace thresholds {
   inline constexpr std::uint64_t max_age_max = 31557600;      // STS230, RFC 8461 §3.2
   inline constexpr std::uint64_t one_day = 86400;             // STS233, STS235
   inline constexpr std::uint64_t one_week = 604800;           // STS234
   inline constexpr std::size_t policy_max_bytes = 65536;      // STS250
   inline constexpr std::size_t policy_large_bytes = 10240;    // STS251
   inline constexpr std::size_t txt_string_max = 255;          // DNS601, DNS602
   inline constexpr std::size_t txt_long_record = 450;         // DNS613
   inline constexpr std::size_t typo_distance = 2;             // STS216
}  // namespace thresholds

}  // namespace mtasts

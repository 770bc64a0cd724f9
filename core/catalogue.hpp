// The diagnostic catalogue: one row per code in rules.def, compiled into tables.
// Checks never spell out message text; they name a code and give the template's arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
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

// A named template argument: {"p", "mail.example.com."}. The value is a view: what it refers to must outlive the
// call, which a temporary in the same full-expression does (`sink.add( c, at, n, { { "n", std::to_string( k ) } } )`).
struct Arg
{
   const char* name;
   std::string_view value;
};

// The arguments of one message, as a braced list at the call: no allocation and no copy of the values (a vector of
// owned strings per diagnostic was ~1 KB of code at each of the ~100 call sites and several allocations per call).
class Args
{
public:
   Args() noexcept = default;
   // Only ever a parameter: the braced list at the call lives until the call returns. A named `Args x{ ... }` would
   // dangle (what GCC's -Winit-list-lifetime says here); such code uses ArgList.
#if defined( __GNUC__ ) && !defined( __clang__ )
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winit-list-lifetime"
#endif
   Args( std::initializer_list< Arg > list ) noexcept
      : begin_( list.begin() ), end_( list.end() )
   {}
#if defined( __GNUC__ ) && !defined( __clang__ )
#pragma GCC diagnostic pop
#endif
   Args( const Arg* begin, const Arg* end ) noexcept
      : begin_( begin ), end_( end )
   {}
   const Arg* begin() const noexcept { return begin_; }
   const Arg* end() const noexcept { return end_; }

private:
   const Arg* begin_ = nullptr;
   const Arg* end_ = nullptr;
};

// Arguments collected step by step, owning their values: for the few checks that add arguments conditionally
// (an Args built from temporaries would outlive them).
class ArgList
{
public:
   ArgList() = default;
   ArgList( std::initializer_list< std::pair< const char*, std::string > > list )
      : items_( list )
   {}
   void emplace_back( const char* name, std::string value ) { items_.emplace_back( name, std::move( value ) ); }
   std::pair< const char*, std::string >& operator[]( std::size_t k ) noexcept { return items_[ k ]; }
   std::pair< const char*, std::string >& back() noexcept { return items_.back(); }
   operator Args() const  // NOLINT(google-explicit-constructor): passed where an Args is expected
   {
      views_.clear();
      for( const auto& [ name, value ] : items_ ) {
         views_.push_back( Arg{ name, value } );
      }
      return Args( views_.data(), views_.data() + views_.size() );
   }

private:
   std::vector< std::pair< const char*, std::string > > items_;
   mutable std::vector< Arg > views_;
};

// Renders the template of `c` (plus the hint's template, if any) with `args`.
std::string render_message( Code c, const Args& args, Hint hint = Hint::none );

// Thresholds used by heuristic rules (documented in docs/codes.md, written by tools/gen-catalogue.mjs).
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

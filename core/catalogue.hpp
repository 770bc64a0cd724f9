// The diagnostic catalogue: one row per code in rules.def, compiled into tables.
// Checks never spell out message text; they name a code and give the template's arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
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

// The languages of every text shown to a user (core/i18n/languages.def); English is the source language.
enum class Lang : std::uint8_t {
#define MTASTS_LANG( id, tag, name ) id,
#include "i18n/languages.def"
#undef MTASTS_LANG
   count_
};
constexpr std::size_t lang_count = static_cast< std::size_t >( Lang::count_ );

// English is always there; the other languages once enable_all_languages() has run (it lives in
// core/i18n/translations.cpp, which a program links only if it calls it: the default WebAssembly module does not).
// Before that, a text asked for in another language is the English one, and the command line's, the generator's and
// --batch's texts (MTASTS_TOOL_TEXT) are empty: generate() and the batch functions call it themselves.
void enable_all_languages() noexcept;
bool lang_available( Lang l ) noexcept;
const char* lang_tag( Lang l ) noexcept;   // "en", "es"
const char* lang_name( Lang l ) noexcept;  // "English", "Español"
// A language tag or locale name whose primary subtag is a catalogue language ("es", "es-ES", "es_MX.UTF-8",
// "ES"); nullopt otherwise ("C", "POSIX", "", "fr_FR").
std::optional< Lang > parse_lang( std::string_view name ) noexcept;
// The language of messages as POSIX says: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty decides;
// a locale of a catalogue language selects it, anything else (C, POSIX, fr_FR, unset) selects English.
Lang lang_from_locale( const char* lc_all, const char* lc_messages, const char* lang ) noexcept;

// Titles of suggested edits and other user-visible texts (core/i18n/en.def), by id.
enum class FixTitle : std::uint16_t {
#define MTASTS_FIX( id, text ) id,
#include "i18n/en.def"
#undef MTASTS_FIX
   count_
};
enum class Text : std::uint16_t {
#define MTASTS_TEXT( id, text ) id,
#define MTASTS_TOOL_TEXT( id, text ) id,
#include "i18n/en.def"
#undef MTASTS_TEXT
#undef MTASTS_TOOL_TEXT
   count_
};

struct RuleInfo
{
   Code code;
   const char* id;        // "STS101"
   Severity severity;     // default severity
   bool dual_severity;    // "warning / error" rows: warning when copies agree, error when they differ
   const char* title;     // short title (English; rule_title() gives it in a language)
   const char* message;   // message template with {name} placeholders (English; rule_message())
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

// The texts of the catalogue in a language (English rows for Lang::en).
const char* rule_title( Code c, Lang lang ) noexcept;
const char* rule_message( Code c, Lang lang ) noexcept;
const char* hint_template( Hint h, Lang lang ) noexcept;
const char* fix_template( FixTitle f, Lang lang ) noexcept;
const char* text_template( Text t, Lang lang ) noexcept;

// Renders the template of `c` (plus the hint's template, if any) with `args`, in `lang`.
std::string render_message( Code c, const Args& args, Hint hint = Hint::none, Lang lang = Lang::en );
// Renders a fix title or another text with `args`, in `lang`.
std::string render_fix( FixTitle f, const Args& args = {}, Lang lang = Lang::en );
std::string render_text( Text t, const Args& args = {}, Lang lang = Lang::en );
// The same into `out` (emptied first, its memory kept): a Sink reuses a previous result's strings this way.
void render_message_to( std::string& out, Code c, const Args& args, Hint hint = Hint::none, Lang lang = Lang::en );
void render_fix_to( std::string& out, FixTitle f, const Args& args = {}, Lang lang = Lang::en );

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

// Private to core/catalogue.cpp and core/i18n/translations.cpp: the texts of one language as tables, built at compile
// time from the rows of rules.def + i18n/en.def (English) and of each i18n/<lang>.def.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

#include "../catalogue.hpp"

namespace mtasts::i18n {

constexpr std::size_t hint_count = static_cast< std::size_t >( Hint::count_ );
constexpr std::size_t fix_count = static_cast< std::size_t >( FixTitle::count_ );
constexpr std::size_t text_count = static_cast< std::size_t >( Text::count_ );

// Every text of one language, indexed by code, hint, fix title and text id. Built at compile time from the rows of
// rules.def + i18n/en.def (English) and of each i18n/<lang>.def, in whatever order those list their ids.
struct LangTexts
{
   std::array< const char*, rule_count > title{};
   std::array< const char*, rule_count > message{};
   std::array< const char*, hint_count > hint{};
   std::array< const char*, fix_count > fix{};
   std::array< const char*, text_count > text{};
};

template< typename E >
constexpr std::size_t ix( E e ) noexcept
{
   return static_cast< std::size_t >( e );
}

// tools: also the MTASTS_TOOL_TEXT rows (else "": the default WebAssembly module never shows them).
constexpr LangTexts make_en( bool tools = true )
{
   LangTexts t{};
   t.hint[ 0 ] = "";
#define MTASTS_RULE( id, sev, title_, msg, ref ) t.title[ ix( Code::id ) ] = title_; t.message[ ix( Code::id ) ] = msg;
#define MTASTS_HINT( id, text_ ) t.hint[ ix( Hint::id ) ] = text_;
#include "../rules.def"
#undef MTASTS_RULE
#undef MTASTS_HINT
#define MTASTS_FIX( id, text_ ) t.fix[ ix( FixTitle::id ) ] = text_;
#define MTASTS_TEXT( id, text_ ) t.text[ ix( Text::id ) ] = text_;
#define MTASTS_TOOL_TEXT( id, text_ ) t.text[ ix( Text::id ) ] = tools ? text_ : "";
#include "en.def"
#undef MTASTS_FIX
#undef MTASTS_TEXT
#undef MTASTS_TOOL_TEXT
   return t;
}


// The table of each language: English without its tool texts always; every language, English complete, once
// enable_all_languages() (core/i18n/translations.cpp) has run. Constant-initialised: no static-initialisation order to care about.
extern const LangTexts* language_tables[ lang_count ];

}  // namespace mtasts::i18n

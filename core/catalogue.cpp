#include "catalogue.hpp"

#include <array>
#include <utility>

namespace mtasts {

namespace {
   constexpr Severity sev_error = Severity::error;
   constexpr Severity sev_warning = Severity::warning;
   constexpr Severity sev_info = Severity::info;
   constexpr Severity sev_warning_or_error = Severity::error;

   const RuleInfo table[] = {
#define MTASTS_RULE( id, sev, title, msg, ref ) { Code::id, #id, sev_##sev, std::string_view( #sev ) == "warning_or_error", title, msg, ref },
#include "rules.def"
#undef MTASTS_RULE
   };
   static_assert( sizeof( table ) / sizeof( table[ 0 ] ) == rule_count );

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

   constexpr LangTexts make_en()
   {
      LangTexts t{};
      t.hint[ 0 ] = "";
#define MTASTS_RULE( id, sev, title_, msg, ref ) t.title[ ix( Code::id ) ] = title_; t.message[ ix( Code::id ) ] = msg;
#define MTASTS_HINT( id, text_ ) t.hint[ ix( Hint::id ) ] = text_;
#include "rules.def"
#undef MTASTS_RULE
#undef MTASTS_HINT
#define MTASTS_FIX( id, text_ ) t.fix[ ix( FixTitle::id ) ] = text_;
#define MTASTS_TEXT( id, text_ ) t.text[ ix( Text::id ) ] = text_;
#include "i18n/en.def"
#undef MTASTS_FIX
#undef MTASTS_TEXT
      return t;
   }

#define MTASTS_TRANSLATION_BEGIN( lang ) \
   constexpr LangTexts make_##lang()     \
   {                                     \
      LangTexts t{};                     \
      t.hint[ 0 ] = "";
#define MTASTS_TRANSLATION_END( lang ) \
   return t;                          \
   }
#define MTASTS_RULE_TR( id, title_, msg ) t.title[ ix( Code::id ) ] = title_; t.message[ ix( Code::id ) ] = msg;
#define MTASTS_HINT_TR( id, text_ ) t.hint[ ix( Hint::id ) ] = text_;
#define MTASTS_FIX_TR( id, text_ ) t.fix[ ix( FixTitle::id ) ] = text_;
#define MTASTS_TEXT_TR( id, text_ ) t.text[ ix( Text::id ) ] = text_;
#include "i18n/translations.def"
#undef MTASTS_TRANSLATION_BEGIN
#undef MTASTS_TRANSLATION_END
#undef MTASTS_RULE_TR
#undef MTASTS_HINT_TR
#undef MTASTS_FIX_TR
#undef MTASTS_TEXT_TR

   constexpr LangTexts texts[] = {
#define MTASTS_LANG( id, tag, name ) make_##id(),
#include "i18n/languages.def"
#undef MTASTS_LANG
   };
   static_assert( sizeof( texts ) / sizeof( texts[ 0 ] ) == lang_count );

   struct LangInfo
   {
      const char* tag;
      const char* name;
   };
   constexpr LangInfo lang_info[] = {
#define MTASTS_LANG( id, tag, name ) { tag, name },
#include "i18n/languages.def"
#undef MTASTS_LANG
   };

   // The build-time check of the translations: every id has a text in every language, with the placeholders of the
   // English text ({name}: a lower-case identifier in braces). tools/gen-catalogue.mjs --check names the ids.
   constexpr bool is_name_char( char c ) noexcept
   {
      return ( c >= 'a' && c <= 'z' ) || c == '_';
   }
   // The placeholder starting at s[i] ('{'), or an empty view.
   constexpr std::string_view placeholder_at( std::string_view s, std::size_t i ) noexcept
   {
      std::size_t j = i + 1;
      while( j < s.size() && is_name_char( s[ j ] ) ) {
         ++j;
      }
      return ( j > i + 1 && j < s.size() && s[ j ] == '}' ) ? s.substr( i, j + 1 - i ) : std::string_view();
   }
   constexpr bool has_placeholder( std::string_view s, std::string_view p ) noexcept
   {
      for( std::size_t i = 0; i < s.size(); ++i ) {
         if( s[ i ] == '{' && placeholder_at( s, i ) == p ) {
            return true;
         }
      }
      return false;
   }
   constexpr bool placeholders_within( std::string_view a, std::string_view b ) noexcept
   {
      for( std::size_t i = 0; i < a.size(); ++i ) {
         if( a[ i ] == '{' ) {
            const auto p = placeholder_at( a, i );
            if( !p.empty() && !has_placeholder( b, p ) ) {
               return false;
            }
         }
      }
      return true;
   }
   template< std::size_t N >
   constexpr bool translated( const std::array< const char*, N >& en, const std::array< const char*, N >& tr ) noexcept
   {
      for( std::size_t k = 0; k < N; ++k ) {
         if( en[ k ] == nullptr || tr[ k ] == nullptr ) {
            return false;
         }
         if( !placeholders_within( en[ k ], tr[ k ] ) || !placeholders_within( tr[ k ], en[ k ] ) ) {
            return false;
         }
      }
      return true;
   }
   template< std::size_t L >
   constexpr bool all_translated( int which ) noexcept
   {
      const auto& en = texts[ 0 ];
      const auto& tr = texts[ L ];
      switch( which ) {
         case 0:
            return translated( en.title, tr.title ) && translated( en.message, tr.message );
         case 1:
            return translated( en.hint, tr.hint );
         case 2:
            return translated( en.fix, tr.fix );
         default:
            return translated( en.text, tr.text );
      }
   }
   template< std::size_t... L >
   constexpr bool check_languages( int which, std::index_sequence< L... > ) noexcept
   {
      return ( all_translated< L >( which ) && ... );
   }
   constexpr auto languages = std::make_index_sequence< lang_count >();
   static_assert( check_languages( 0, languages ), "a code of rules.def lacks its row in a core/i18n/<lang>.def, or the row's placeholders differ: run node tools/gen-catalogue.mjs --check" );
   static_assert( check_languages( 1, languages ), "a hint of rules.def lacks its row in a core/i18n/<lang>.def, or the row's placeholders differ: run node tools/gen-catalogue.mjs --check" );
   static_assert( check_languages( 2, languages ), "a fix title of core/i18n/en.def lacks its row in a core/i18n/<lang>.def, or the row's placeholders differ: run node tools/gen-catalogue.mjs --check" );
   static_assert( check_languages( 3, languages ), "a text of core/i18n/en.def lacks its row in a core/i18n/<lang>.def, or the row's placeholders differ: run node tools/gen-catalogue.mjs --check" );

   const LangTexts& in( Lang lang ) noexcept
   {
      const auto k = static_cast< std::size_t >( lang );
      return texts[ k < lang_count ? k : 0 ];
   }

   void substitute( std::string& out, std::string_view tpl, const Args& args )
   {
      std::size_t i = 0;
      while( i < tpl.size() ) {
         const char c = tpl[ i ];
         if( c == '{' ) {
            const auto close = tpl.find( '}', i + 1 );
            if( close != std::string_view::npos ) {
               const auto name = tpl.substr( i + 1, close - i - 1 );
               bool found = false;
               for( const auto& a : args ) {
                  if( name == a.name ) {
                     out += a.value;
                     found = true;
                     break;
                  }
               }
               if( found ) {
                  i = close + 1;
                  continue;
               }
            }
         }
         out += c;
         ++i;
      }
   }
}  // namespace

const char* severity_name( Severity s ) noexcept
{
   switch( s ) {
      case Severity::error:
         return "error";
      case Severity::warning:
         return "warning";
      case Severity::info:
         return "info";
   }
   return "error";
}

const RuleInfo& rule( Code c ) noexcept
{
   return table[ static_cast< std::size_t >( c ) ];
}

const RuleInfo* rules_begin() noexcept
{
   return table;
}

const RuleInfo* rules_end() noexcept
{
   return table + rule_count;
}

const RuleInfo* find_rule( std::string_view id ) noexcept
{
   for( const auto& r : table ) {
      if( id == r.id ) {
         return &r;
      }
   }
   return nullptr;
}

const char* lang_tag( Lang l ) noexcept
{
   const auto k = static_cast< std::size_t >( l );
   return lang_info[ k < lang_count ? k : 0 ].tag;
}

const char* lang_name( Lang l ) noexcept
{
   const auto k = static_cast< std::size_t >( l );
   return lang_info[ k < lang_count ? k : 0 ].name;
}

std::optional< Lang > parse_lang( std::string_view name ) noexcept
{
   std::size_t n = 0;
   while( n < name.size() && ( ( name[ n ] >= 'a' && name[ n ] <= 'z' ) || ( name[ n ] >= 'A' && name[ n ] <= 'Z' ) ) ) {
      ++n;
   }
   if( n < name.size() && name[ n ] != '-' && name[ n ] != '_' && name[ n ] != '.' && name[ n ] != '@' ) {
      return std::nullopt;
   }
   for( std::size_t k = 0; k < lang_count; ++k ) {
      const std::string_view tag = lang_info[ k ].tag;
      if( tag.size() != n ) {
         continue;
      }
      bool same = true;
      for( std::size_t i = 0; i < n; ++i ) {
         same = same && ( name[ i ] | 0x20 ) == tag[ i ];
      }
      if( same ) {
         return static_cast< Lang >( k );
      }
   }
   return std::nullopt;
}

Lang lang_from_locale( const char* lc_all, const char* lc_messages, const char* lang ) noexcept
{
   for( const char* v : { lc_all, lc_messages, lang } ) {
      if( v != nullptr && *v != '\0' ) {
         return parse_lang( v ).value_or( Lang::en );
      }
   }
   return Lang::en;
}

const char* rule_title( Code c, Lang lang ) noexcept
{
   return in( lang ).title[ ix( c ) ];
}

const char* rule_message( Code c, Lang lang ) noexcept
{
   return in( lang ).message[ ix( c ) ];
}

const char* hint_template( Hint h, Lang lang ) noexcept
{
   return in( lang ).hint[ ix( h ) ];
}

const char* fix_template( FixTitle f, Lang lang ) noexcept
{
   return in( lang ).fix[ ix( f ) ];
}

const char* text_template( Text t, Lang lang ) noexcept
{
   return in( lang ).text[ ix( t ) ];
}

std::string render_message( Code c, const Args& args, Hint hint, Lang lang )
{
   const auto& t = in( lang );
   std::string out;
   substitute( out, t.message[ ix( c ) ], args );
   if( hint != Hint::none ) {
      out += ' ';
      substitute( out, t.hint[ ix( hint ) ], args );
   }
   return out;
}

std::string render_fix( FixTitle f, const Args& args, Lang lang )
{
   std::string out;
   substitute( out, in( lang ).fix[ ix( f ) ], args );
   return out;
}

std::string render_text( Text t, const Args& args, Lang lang )
{
   std::string out;
   substitute( out, in( lang ).text[ ix( t ) ], args );
   return out;
}

}  // namespace mtasts

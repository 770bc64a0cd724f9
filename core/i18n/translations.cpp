// The translations (core/i18n/translations.def), in their own file so that a program links them only when it asks for
// them (enable_all_languages()): the native CLI, the tests and mta-sts-lint-full.wasm do; the default
// mta-sts-lint.wasm does not, and English-only users do not pay for the other languages' texts (docs/i18n.md).
#include "tables.hpp"

namespace mtasts::i18n {

namespace {

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
#include "translations.def"
#undef MTASTS_TRANSLATION_BEGIN
#undef MTASTS_TRANSLATION_END
#undef MTASTS_RULE_TR
#undef MTASTS_HINT_TR
#undef MTASTS_FIX_TR
#undef MTASTS_TEXT_TR


   // make_en() once more: the same constant tables as catalogue.cpp's (each language's function is named make_<id>).
   constexpr LangTexts texts[] = {
#define MTASTS_LANG( id, tag, name ) make_##id(),
#include "languages.def"
#undef MTASTS_LANG
   };
   static_assert( sizeof( texts ) / sizeof( texts[ 0 ] ) == lang_count );

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


}  // namespace

}  // namespace mtasts::i18n

namespace mtasts {

void enable_all_languages() noexcept
{
   for( std::size_t k = 0; k < lang_count; ++k ) {
      i18n::language_tables[ k ] = &i18n::texts[ k ];  // English too: with its tool texts
   }
}

}  // namespace mtasts

#include "catalogue.hpp"

#include "i18n/tables.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
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

   using i18n::LangTexts;
   using i18n::ix;
   constexpr LangTexts english = i18n::make_en( false );

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

   const LangTexts& in( Lang lang ) noexcept
   {
      const auto k = static_cast< std::size_t >( lang );
      const LangTexts* t = k < lang_count ? i18n::language_tables[ k ] : nullptr;
      return t != nullptr ? *t : english;
   }

   // Whether the placeholder name [b, e) of a template is `name` (no strlen: names are a few bytes).
   bool same_name( const char* b, const char* e, const char* name ) noexcept
   {
      for( ; b != e; ++b, ++name ) {
         if( *name != *b ) {  // (also when name ends first: *name is '\0', never inside a placeholder's name)
            return false;
         }
      }
      return *name == '\0';
   }

   // The template's runs and the arguments are copied into a buffer on the stack, which goes into `out` in one append
   // (when full, and at the end): a byte at a time from an empty string this was most of the cost of a text with
   // thousands of diagnostics (the page's 64 KiB text of 12,108: 57 % of lint()'s instructions, callgrind), and an
   // append per run still ~25 % once a Linter reused the strings' memory. A {name} that is no argument stays as it is.
   void substitute( std::string& out, const char* tpl, const Args& args )
   {
      char buf[ 256 ];
      std::size_t at = 0;
      const auto put = [ & ]( const char* src, std::size_t n ) {
         if( n > sizeof( buf ) - at ) {
            out.append( buf, at );
            at = 0;
            if( n > sizeof( buf ) ) {
               out.append( src, n );
               return;
            }
         }
         if( n != 0 ) {
            std::memcpy( buf + at, src, n );
            at += n;
         }
      };
      const char* p = tpl;
      const char* const end = tpl + std::strlen( tpl );
      while( p != end ) {
         const char* open = static_cast< const char* >( std::memchr( p, '{', static_cast< std::size_t >( end - p ) ) );
         if( open == nullptr ) {
            put( p, static_cast< std::size_t >( end - p ) );
            break;
         }
         put( p, static_cast< std::size_t >( open - p ) );
         const Arg* arg = nullptr;
         const char* close = static_cast< const char* >( std::memchr( open + 1, '}', static_cast< std::size_t >( end - open - 1 ) ) );
         if( close != nullptr ) {
            for( const auto& a : args ) {
               if( same_name( open + 1, close, a.name ) ) {
                  arg = &a;
                  break;
               }
            }
         }
         if( arg ) {
            put( arg->value.data(), arg->value.size() );
            p = close + 1;
         }
         else {
            put( open, 1 );  // the '{'
            p = open + 1;
         }
      }
      out.append( buf, at );
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

namespace i18n {
   const LangTexts* language_tables[ lang_count ] = { &english };
}  // namespace i18n

bool lang_available( Lang l ) noexcept
{
   const auto k = static_cast< std::size_t >( l );
   return k < lang_count && i18n::language_tables[ k ] != nullptr;
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

void render_message_to( std::string& out, Code c, const Args& args, Hint hint, Lang lang )
{
   const auto& t = in( lang );
   out.clear();
   substitute( out, t.message[ ix( c ) ], args );
   if( hint != Hint::none ) {
      out += ' ';
      substitute( out, t.hint[ ix( hint ) ], args );
   }
}

void render_fix_to( std::string& out, FixTitle f, const Args& args, Lang lang )
{
   out.clear();
   substitute( out, in( lang ).fix[ ix( f ) ], args );
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

#include "catalogue.hpp"

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

   const char* const hint_text[] = {
      "",
#define MTASTS_HINT( id, text ) text,
#include "rules.def"
#undef MTASTS_HINT
   };

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

std::string render_message( Code c, const Args& args, Hint hint )
{
   std::string out;
   substitute( out, rule( c ).message, args );
   if( hint != Hint::none ) {
      out += ' ';
      substitute( out, hint_text[ static_cast< std::size_t >( hint ) ], args );
   }
   return out;
}

}  // namespace mtasts

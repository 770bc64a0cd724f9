// The text report's certificate table: the validation time, then per chain each certificate's names and validity.
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"

namespace mtasts::cli {

std::string certificate_table( const std::string& file, const std::string& facts_json, Lang lang )
{
   const auto j = nlohmann::json::parse( facts_json, nullptr, false );
   if( j.is_discarded() || !j.is_object() ) {
      return {};
   }
   const auto tx = [ & ]( Text t, const Args& args = {} ) { return render_text( t, args, lang ); };
   std::string out = tx( Text::ctab_checked, { { "file", file }, { "time", j[ "now" ].is_string() ? j[ "now" ].get< std::string >() : tx( Text::ctab_no_time ) } } ) + "\n";
   for( const auto& ch : j[ "chains" ] ) {
      const std::string host = ch[ "host" ].get< std::string >().empty() ? tx( Text::ctab_unknown_host ) : ch[ "host" ].get< std::string >();
      out += "  " + tx( ch[ "role" ] == "mx" ? Text::ctab_mx_host : Text::ctab_policy_host, { { "host", host } } ) + "\n";
      for( const auto& c : ch[ "certificates" ] ) {
         const std::string mark = c[ "problems" ].empty() ? "   " : " ! ";
         out += "   " + mark + std::to_string( c[ "index" ].get< std::size_t >() ) + " ";
         if( c.contains( "error" ) ) {
            out += tx( Text::ctab_unreadable, { { "why", c[ "error" ].get< std::string >() } } ) + "\n";
            continue;
         }
         out += c[ "subject" ].get< std::string >() + "\n        " + tx( Text::ctab_issuer, { { "s", c[ "issuer" ].get< std::string >() } } ) + "\n        " +
                tx( Text::ctab_valid, { { "from", c[ "not_before" ].get< std::string >() }, { "to", c[ "not_after" ].get< std::string >() }, { "key", c[ "key" ].get< std::string >() } } ) + "\n";
         std::string names;
         for( const auto& d : c[ "dns_names" ] ) {
            names += ( names.empty() ? "" : ", " ) + d.get< std::string >();
         }
         for( const auto& d : c[ "ip_addresses" ] ) {
            names += ( names.empty() ? "" : ", " ) + d.get< std::string >();
         }
         out += "        " + tx( Text::ctab_names, { { "names", names.empty() ? tx( Text::ctab_no_san ) : names } } ) + "\n";
      }
   }
   return out;
}

}  // namespace mtasts::cli

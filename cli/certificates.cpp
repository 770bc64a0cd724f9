// The text report's certificate table: the validation time, then per chain each certificate's names and validity.
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"

namespace mtasts::cli {

std::string certificate_table( const std::string& file, const std::string& facts_json )
{
   const auto j = nlohmann::json::parse( facts_json, nullptr, false );
   if( j.is_discarded() || !j.is_object() ) {
      return {};
   }
   std::string out = file + ": certificates checked at " + ( j[ "now" ].is_string() ? j[ "now" ].get< std::string >() : std::string( "(no time)" ) ) + "\n";
   for( const auto& ch : j[ "chains" ] ) {
      out += "  " + ch[ "role" ].get< std::string >() + " host " + ( ch[ "host" ].get< std::string >().empty() ? std::string( "(unknown)" ) : ch[ "host" ].get< std::string >() ) + "\n";
      for( const auto& c : ch[ "certificates" ] ) {
         const std::string mark = c[ "problems" ].empty() ? "   " : " ! ";
         out += "   " + mark + std::to_string( c[ "index" ].get< std::size_t >() ) + " ";
         if( c.contains( "error" ) ) {
            out += "unreadable: " + c[ "error" ].get< std::string >() + "\n";
            continue;
         }
         out += c[ "subject" ].get< std::string >() + "\n        issuer " + c[ "issuer" ].get< std::string >() + "\n        valid " + c[ "not_before" ].get< std::string >() + " .. " + c[ "not_after" ].get< std::string >() + ", " + c[ "key" ].get< std::string >() + "\n";
         std::string names;
         for( const auto& d : c[ "dns_names" ] ) {
            names += ( names.empty() ? "" : ", " ) + d.get< std::string >();
         }
         for( const auto& d : c[ "ip_addresses" ] ) {
            names += ( names.empty() ? "" : ", " ) + d.get< std::string >();
         }
         out += "        names " + ( names.empty() ? std::string( "(no subjectAltName)" ) : names ) + "\n";
      }
   }
   return out;
}

}  // namespace mtasts::cli

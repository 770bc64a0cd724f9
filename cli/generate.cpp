// `mta-sts-lint generate`: writes a policy file, its _mta-sts TXT record and a TLS-RPT record from options.
// All the work is core/generator.cpp; this file parses the options, reads the clock (UTC) and prints.
// Exit status: 0 generated, 2 usage error or refused input (one line per problem on stderr).
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "core/catalogue.hpp"
#include "core/generator.hpp"

namespace mtasts::cli {

namespace {

   std::string presets_help()
   {
      std::string s = "Presets (--preset NAME):\n";
      for( const auto& p : presets() ) {
         s += "  ";
         s += p.name;
         s += std::string( p.name ).size() < 18 ? std::string( 18 - std::string( p.name ).size(), ' ' ) : " ";
         s += p.description;
         s += ":";
         for( const char* m : p.mx ) {
            s += " ";
            s += m;
         }
         s += "\n";
      }
      return s;
   }

   void print_message( std::FILE* f, const char* kind, const GenerateMessage& m )
   {
      std::fprintf( f, "mta-sts-lint generate: %s: %s [%s] %s\n", kind, m.code.c_str(), m.field.c_str(), m.message.c_str() );
   }

}  // namespace

int run_generate( int argc, char** argv )
{
   if( argc > 1 && std::string( argv[ 1 ] ) == "dmarc" ) {
      return run_generate_dmarc( argc - 1, argv + 1 );
   }
   CLI::App app{ "Generate an MTA-STS policy (RFC 8461), its _mta-sts TXT record and a TLS-RPT record (RFC 8460).", "mta-sts-lint generate" };
   app.footer( presets_help() +
               "Defaults: mode testing; max_age 86400 (testing, none) or 604800 (enforce); id = the current UTC time as YYYYMMDDHHMMSS.\n"
               "Exit status: 0 generated, 2 usage error or refused input (one line per problem on stderr).\n"
               "Examples:\n"
               "  mta-sts-lint generate --domain example.com --preset google-workspace --rua mailto:tlsrpt@example.com\n"
               "  mta-sts-lint generate --domain example.com --mode enforce --from-mx mx1.example.com. --from-mx mx2.example.com. --format zone\n"
               "A DMARC record: mta-sts-lint generate dmarc --help\n" );
   GenerateOptions o;
   std::string max_age;
   std::string format = "text";
   o.mode = "testing";
   app.add_option( "--domain", o.domain, "The policy domain (the mail domain), e.g. example.com" );
   app.add_option( "--mode", o.mode, "testing (default), enforce or none" );
   app.add_option( "--mx", o.mx, "An mx pattern: a host name or *.suffix (repeatable)" )->allow_extra_args( false );
   app.add_option( "--from-mx", o.from_mx, "An MX host name of the domain, to list exactly (repeatable)" )->allow_extra_args( false );
   app.add_option( "--preset", o.preset, "The mx patterns of a mail provider (see below)" );
   app.add_option( "--max-age", max_age, "Policy lifetime in seconds, 0 to 31557600" );
   app.add_option( "--id", o.id, "The _mta-sts id: 1 to 32 letters or digits (default: the current UTC time)" );
   app.add_option( "--rua", o.rua, "A TLS-RPT destination, mailto: or https: (repeatable)" )->allow_extra_args( false );
   app.add_option( "--format", format, "text (default), json, zone (zone-file lines only) or policy (the policy file only)" )
      ->check( CLI::IsMember( { "text", "json", "zone", "policy" } ) );
   try {
      app.parse( argc, argv );
   }
   catch( const CLI::ParseError& e ) {
      const int rc = app.exit( e );
      return rc == 0 ? 0 : 2;
   }

   if( !max_age.empty() ) {
      std::int64_t v = 0;
      if( const auto refused = parse_max_age( max_age, v ) ) {
         print_message( stderr, "error", *refused );
         return 2;
      }
      o.max_age = v;
   }
   o.now = static_cast< std::int64_t >( std::time( nullptr ) );  // seconds since the epoch, UTC

   const auto r = generate( o );
   if( !r.ok() ) {
      for( const auto& e : r.errors ) {
         print_message( stderr, "error", e );
      }
      return 2;
   }
   std::string out;
   if( format == "json" ) {
      out = mtasts::generate_json( r, true ) + "\n";
   }
   else if( format == "zone" ) {
      out = r.zone;
   }
   else if( format == "policy" ) {
      out = r.policy;
   }
   else {
      out = generate_text( r );
   }
   std::fwrite( out.data(), 1, out.size(), stdout );
   std::fflush( stdout );
   if( format == "zone" || format == "policy" ) {
      for( const auto& n : r.notes ) {
         print_message( stderr, "note", n );
      }
   }
   return 0;
}

}  // namespace mtasts::cli

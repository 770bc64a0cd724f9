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

   std::string presets_help( Lang lang )
   {
      std::string s = say( Text::gen_presets, lang ) + "\n";
      for( const auto& p : presets() ) {
         s += "  ";
         s += p.name;
         s += std::string( p.name ).size() < 18 ? std::string( 18 - std::string( p.name ).size(), ' ' ) : " ";
         s += preset_description( p, lang );
         s += ":";
         for( const char* m : p.mx ) {
            s += " ";
            s += m;
         }
         s += "\n";
      }
      return s;
   }

   void print_message( std::FILE* f, const std::string& kind, const GenerateMessage& m )
   {
      std::fprintf( f, "mta-sts-lint generate: %s: %s [%s] %s\n", kind.c_str(), m.code.c_str(), m.field.c_str(), m.message.c_str() );
   }

}  // namespace

int run_generate( int argc, char** argv, Lang lang )
{
   if( argc > 1 && std::string( argv[ 1 ] ) == "dmarc" ) {
      return run_generate_dmarc( argc - 1, argv + 1, lang );
   }
   CLI::App app{ say( Text::gen_about, lang ), "mta-sts-lint generate" };
   std::string lang_option;
   localise( app, lang, lang_option );
   app.footer( presets_help( lang ) + say( Text::gen_defaults, lang ) + "\n" + say( Text::gen_exit_status, lang ) + "\n" +
               say( Text::cli_examples, lang ) + "\n"
               "  mta-sts-lint generate --domain example.com --preset google-workspace --rua mailto:tlsrpt@example.com\n"
               "  mta-sts-lint generate --domain example.com --mode enforce --from-mx mx1.example.com. --from-mx mx2.example.com. --format zone\n"
               + say( Text::gen_dmarc_see, lang ) + " mta-sts-lint generate dmarc --help\n" );
   GenerateOptions o;
   std::string max_age;
   std::string format = "text";
   o.mode = "testing";
   o.lang = lang;
   app.add_option( "--domain", o.domain, say( Text::gen_opt_domain, lang ) );
   app.add_option( "--mode", o.mode, say( Text::gen_opt_mode, lang ) );
   app.add_option( "--mx", o.mx, say( Text::gen_opt_mx, lang ) )->allow_extra_args( false );
   app.add_option( "--from-mx", o.from_mx, say( Text::gen_opt_from_mx, lang ) )->allow_extra_args( false );
   app.add_option( "--preset", o.preset, say( Text::gen_opt_preset, lang ) );
   app.add_option( "--max-age", max_age, say( Text::gen_opt_max_age, lang ) );
   app.add_option( "--id", o.id, say( Text::gen_opt_id, lang ) );
   app.add_option( "--rua", o.rua, say( Text::gen_opt_rua, lang ) )->allow_extra_args( false );
   app.add_option( "--format", format, say( Text::gen_opt_format, lang ) )
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
      if( const auto refused = parse_max_age( max_age, v, lang ) ) {
         print_message( stderr, say( Text::level_error, lang ), *refused );
         return 2;
      }
      o.max_age = v;
   }
   o.now = static_cast< std::int64_t >( std::time( nullptr ) );  // seconds since the epoch, UTC

   const auto r = generate( o );
   if( !r.ok() ) {
      for( const auto& e : r.errors ) {
         print_message( stderr, say( Text::level_error, lang ), e );
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
      out = generate_text( r, lang );
   }
   std::fwrite( out.data(), 1, out.size(), stdout );
   std::fflush( stdout );
   if( format == "zone" || format == "policy" ) {
      for( const auto& n : r.notes ) {
         print_message( stderr, say( Text::level_note, lang ), n );
      }
   }
   return 0;
}

}  // namespace mtasts::cli

// `mta-sts-lint generate dmarc`: writes a _dmarc record (RFC 7489) from a few answers. All the work is
// core/dmarc/dmarc_generator.cpp; this file parses the options and prints.
// Exit status: 0 generated, 2 usage error or refused input (one line per problem on stderr).
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "core/catalogue.hpp"
#include "core/dmarc/dmarc_generator.hpp"

namespace mtasts::cli {

int run_generate_dmarc( int argc, char** argv, Lang lang )
{
   CLI::App app{ say( Text::gd_about, lang ), "mta-sts-lint generate dmarc" };
   std::string lang_option;
   localise( app, lang, lang_option );
   app.footer( say( Text::gd_defaults, lang ) + "\n" + say( Text::gen_exit_status, lang ) + "\n" + say( Text::cli_examples, lang ) + "\n"
               "  mta-sts-lint generate dmarc --domain example.com --rua dmarc@example.com\n"
               "  mta-sts-lint generate dmarc --domain example.com --policy quarantine --pct 25 --rua mailto:d@reports.example.net --format zone\n" );
   DmarcOptions o;
   o.lang = lang;
   std::string format = "text";
   std::string pct;
   app.add_option( "--domain", o.domain, say( Text::gd_opt_domain, lang ) );
   app.add_option( "--policy", o.policy, say( Text::gd_opt_policy, lang ) );
   app.add_option( "--subdomain-policy", o.subdomain_policy, say( Text::gd_opt_subdomain_policy, lang ) );
   app.add_option( "--rua", o.rua, say( Text::gd_opt_rua, lang ) )->allow_extra_args( false );
   app.add_option( "--ruf", o.ruf, say( Text::gd_opt_ruf, lang ) )->allow_extra_args( false );
   app.add_option( "--adkim", o.adkim, say( Text::gd_opt_adkim, lang ) );
   app.add_option( "--aspf", o.aspf, say( Text::gd_opt_aspf, lang ) );
   app.add_option( "--pct", pct, say( Text::gd_opt_pct, lang ) );
   app.add_option( "--format", format, say( Text::gd_opt_format, lang ) )->check( CLI::IsMember( { "text", "json", "zone" } ) );
   try {
      app.parse( argc, argv );
   }
   catch( const CLI::ParseError& e ) {
      const int rc = app.exit( e );
      return rc == 0 ? 0 : 2;
   }
   DmarcResult r;
   if( !pct.empty() && !parse_whole_number( pct ) ) {
      r.errors.push_back( GenerateMessage{ "DMC608", "pct", render_message( Code::DMC608, { { "v", pct } }, Hint::none, lang ) } );  // as the JS API refuses 1.5
   }
   else {
      if( !pct.empty() ) {
         o.pct = parse_whole_number( pct );
      }
      r = generate_dmarc( o );
   }
   if( !r.ok() ) {
      for( const auto& e : r.errors ) {
         std::fprintf( stderr, "mta-sts-lint generate dmarc: %s: %s [%s] %s\n", say( Text::level_error, lang ).c_str(), e.code.c_str(), e.field.c_str(), e.message.c_str() );
      }
      return 2;
   }
   const std::string out = format == "json" ? dmarc_json( r, true ) + "\n" : format == "zone" ? r.zone : dmarc_text( r, lang );
   std::fwrite( out.data(), 1, out.size(), stdout );
   std::fflush( stdout );
   if( format == "zone" ) {
      for( const auto& n : r.notes ) {
         std::fprintf( stderr, "mta-sts-lint generate dmarc: %s: %s [%s] %s\n", say( Text::level_note, lang ).c_str(), n.code.c_str(), n.field.c_str(), n.message.c_str() );
      }
   }
   return 0;
}

}  // namespace mtasts::cli

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

int run_generate_dmarc( int argc, char** argv )
{
   CLI::App app{ "Generate a DMARC record (RFC 7489) for _dmarc.DOMAIN, checked by the DMARC linter.", "mta-sts-lint generate dmarc" };
   app.footer( "Defaults: policy none (the first stage of none -> quarantine -> reject); sp, adkim, aspf and pct left out (receivers use p, r, r and 100).\n"
               "Exit status: 0 generated, 2 usage error or refused input (one line per problem on stderr).\n"
               "Examples:\n"
               "  mta-sts-lint generate dmarc --domain example.com --rua dmarc@example.com\n"
               "  mta-sts-lint generate dmarc --domain example.com --policy quarantine --pct 25 --rua mailto:d@reports.example.net --format zone\n" );
   DmarcOptions o;
   std::string format = "text";
   std::string pct;
   app.add_option( "--domain", o.domain, "The mail domain (the From: domain), e.g. example.com" );
   app.add_option( "--policy", o.policy, "p: none (default), quarantine or reject" );
   app.add_option( "--subdomain-policy", o.subdomain_policy, "sp: none, quarantine or reject for subdomains (default: as p)" );
   app.add_option( "--rua", o.rua, "An aggregate report address, mailto:a@example.com or a@example.com (repeatable)" )->allow_extra_args( false );
   app.add_option( "--ruf", o.ruf, "A failure report address (repeatable; reports may contain personal data)" )->allow_extra_args( false );
   app.add_option( "--adkim", o.adkim, "DKIM alignment: r (relaxed, the default) or s (strict)" );
   app.add_option( "--aspf", o.aspf, "SPF alignment: r (relaxed, the default) or s (strict)" );
   app.add_option( "--pct", pct, "Percentage of failing mail the policy applies to, 0 to 100 (RFC 7489; DMARCbis drops it)" );
   app.add_option( "--format", format, "text (default), json or zone (zone-file lines only)" )->check( CLI::IsMember( { "text", "json", "zone" } ) );
   try {
      app.parse( argc, argv );
   }
   catch( const CLI::ParseError& e ) {
      const int rc = app.exit( e );
      return rc == 0 ? 0 : 2;
   }
   DmarcResult r;
   if( !pct.empty() && !parse_whole_number( pct ) ) {
      r.errors.push_back( GenerateMessage{ "DMC608", "pct", render_message( Code::DMC608, { { "v", pct } } ) } );  // as the JS API refuses 1.5
   }
   else {
      if( !pct.empty() ) {
         o.pct = parse_whole_number( pct );
      }
      r = generate_dmarc( o );
   }
   if( !r.ok() ) {
      for( const auto& e : r.errors ) {
         std::fprintf( stderr, "mta-sts-lint generate dmarc: error: %s [%s] %s\n", e.code.c_str(), e.field.c_str(), e.message.c_str() );
      }
      return 2;
   }
   const std::string out = format == "json" ? dmarc_json( r, true ) + "\n" : format == "zone" ? r.zone : dmarc_text( r );
   std::fwrite( out.data(), 1, out.size(), stdout );
   std::fflush( stdout );
   if( format == "zone" ) {
      for( const auto& n : r.notes ) {
         std::fprintf( stderr, "mta-sts-lint generate dmarc: note: %s [%s] %s\n", n.code.c_str(), n.field.c_str(), n.message.c_str() );
      }
   }
   return 0;
}

}  // namespace mtasts::cli

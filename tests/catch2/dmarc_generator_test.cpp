// The DMARC generator (core/dmarc/dmarc_generator.hpp): refusals name the answer and the catalogue code; every record
// it writes lints clean (no error, no warning) with the same linter, and its zone lines read back to the same record.
#include <catch2/catch.hpp>

#include "core/dmarc/dmarc_generator.hpp"
#include "core/presentation.hpp"
#include "helpers.hpp"

using mtasts::DmarcOptions;
using mtasts::Kind;

namespace {

std::string codes( const std::vector< mtasts::GenerateMessage >& list )
{
   std::string s;
   for( const auto& m : list ) {
      s += m.code + "[" + m.field + "] ";
   }
   return s;
}

}  // namespace

TEST_CASE( "generate_dmarc: a monitoring record with reports, its zone line and the staged roll-out" )
{
   DmarcOptions o;
   o.domain = "Example.COM.";
   o.rua = { "dmarc@example.com" };
   const auto r = mtasts::generate_dmarc( o );
   REQUIRE( r.ok() );
   CHECK( r.record == "v=DMARC1; p=none; rua=mailto:dmarc@example.com" );
   REQUIRE( r.records.size() == 1 );
   CHECK( r.records[ 0 ].name == "_dmarc.example.com" );
   CHECK( r.zone == "_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@example.com\"\n" );
   CHECK( r.authorizations.empty() );
   CHECK( r.stage == "monitor" );
   CHECK( codes( r.notes ) == "mailto-added[rua] " );
   // the roll-out: three stages, the current one marked
   std::string all;
   for( const auto& c : r.checklist ) {
      all += c + "\n";
   }
   CHECK( all.find( "stage 1, monitor (this record)" ) != std::string::npos );
   CHECK( all.find( "stage 2, quarantine:" ) != std::string::npos );
   CHECK( all.find( "stage 3, reject:" ) != std::string::npos );
}

TEST_CASE( "generate_dmarc: an external report domain gets its authorization record (RFC 7489 §7.1)" )
{
   DmarcOptions o;
   o.domain = "example.com";
   o.policy = "reject";
   o.rua = { "mailto:d@reports.example.net", "mailto:local@example.com" };
   const auto r = mtasts::generate_dmarc( o );
   REQUIRE( r.ok() );
   REQUIRE( r.authorizations.size() == 1 );
   CHECK( r.authorizations[ 0 ].name == "example.com._report._dmarc.reports.example.net" );
   CHECK( r.authorizations[ 0 ].value == "v=DMARC1" );
   // with the authorization in the same zone text, the linter finds nothing to say about the destination
   const auto l = test::lint( r.zone );
   CHECK( l.kind == Kind::dmarc );
   CHECK( test::with_code( l, "DMC638" ).empty() );
   CHECK( test::with_code( l, "DMC639" ).empty() );
   CHECK( l.error_count() == 0 );
}

TEST_CASE( "generate_dmarc: refusals name the answer and the catalogue code" )
{
   const auto refused = []( DmarcOptions o ) { return codes( mtasts::generate_dmarc( o ).errors ); };
   DmarcOptions o;
   o.domain = "example.com";
   CHECK( refused( o ) == "DMC635[rua] " );  // p=none without rua monitors nothing: a warning, so refused
   o.rua = { "mailto:d@example.com" };
   o.policy = "rejct";
   CHECK( refused( o ) == "DMC605[policy] " );
   o.policy = "reject";
   o.subdomain_policy = "block";
   o.pct = 101;
   CHECK( refused( o ) == "DMC606[subdomainPolicy] DMC608[pct] " );
   o.subdomain_policy = "";
   o.pct.reset();
   o.adkim = "x";
   CHECK( refused( o ) == "DMC607[adkim] " );
   o.adkim = "";
   o.ruf = { "https://example.com/ruf" };
   CHECK( refused( o ) == "DMC617[ruf] " );
   o.ruf = { "mailto:a@b@example.com" };
   CHECK( refused( o ) == "DMC616[ruf] " );
   o.ruf.clear();
   o.domain = "";
   CHECK( refused( o ) == "missing-domain[domain] " );
   o.domain = "exa mple.com";
   CHECK( refused( o ) == "invalid-domain[domain] " );
   const auto r = mtasts::generate_dmarc( o );
   CHECK( r.record.empty() );
   CHECK( r.zone.empty() );
   CHECK( r.checklist.empty() );
}

TEST_CASE( "generate_dmarc: property: every record written lints clean and its zone lines read back to it" )
{
   const char* const policies[] = { "none", "quarantine", "reject", "Reject" };
   const char* const sps[] = { "", "none", "quarantine", "reject" };
   const char* const aligns[] = { "", "r", "s", "strict" };
   const std::vector< std::vector< std::string > > ruas = { {}, { "a@example.org" }, { "mailto:d@reports.example.net", "mailto:x@example.org!10m" }, { "mailto:r@example.org?subject=dmarc" } };
   const std::vector< std::vector< std::string > > rufs = { {}, { "mailto:f@example.org" } };
   const std::vector< std::optional< std::int64_t > > pcts = { std::nullopt, 0, 50, 100 };
   const char* const domains[] = { "example.org", "mail.example.co.uk", "xn--bcher-kva.example" };
   std::size_t generated = 0, refused = 0;
   for( const char* d : domains ) {
      for( const char* p : policies ) {
         for( const char* sp : sps ) {
            for( const char* al : aligns ) {
               for( const auto& rua : ruas ) {
                  for( const auto& ruf : rufs ) {
                     for( const auto& pct : pcts ) {
                        DmarcOptions o;
                        o.domain = d;
                        o.policy = p;
                        o.subdomain_policy = sp;
                        o.adkim = al;
                        o.aspf = al;
                        o.rua = rua;
                        o.ruf = ruf;
                        o.pct = pct;
                        const auto r = mtasts::generate_dmarc( o );
                        if( !r.ok() ) {
                           ++refused;
                           CHECK( r.record.empty() );
                           continue;
                        }
                        ++generated;
                        INFO( r.record );
                        mtasts::LintOptions lo;
                        lo.kind = Kind::dmarc;
                        lo.verbose = true;
                        lo.domain = d;
                        const auto l = mtasts::lint( r.record, lo );
                        CHECK( l.error_count() == 0 );
                        CHECK( l.warning_count() == 0 );
                        REQUIRE( l.record );
                        CHECK( l.record->p == std::optional< std::string >( p[ 0 ] == 'R' ? std::string( "reject" ) : std::string( p ) ) );
                        // the zone text: the record and its authorizations, read back by the presentation parser
                        mtasts::Sink sink;
                        const auto recs = mtasts::parse_presentation( r.zone, sink );
                        REQUIRE( recs.size() == 1 + r.authorizations.size() );
                        CHECK( recs[ 0 ].value == r.record );
                        CHECK( sink.items().empty() );
                        const auto z = test::lint( r.zone );
                        CHECK( z.kind == Kind::dmarc );
                        CHECK( z.error_count() == 0 );
                        CHECK( z.warning_count() == 0 );
                        CHECK( test::with_code( z, "DMC638" ).empty() );  // every external domain has its authorization
                     }
                  }
               }
            }
         }
      }
   }
   CHECK( generated > 1000 );
   CHECK( refused > 0 );  // p=none without rua
}

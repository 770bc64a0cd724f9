// DMARC (RFC 7489) records: the grammar production by production (grammar/dmarc.hpp), then every DMC6xx code raised
// once, at its exact span, by an input whose verdict follows from the RFC text, and not raised by its nearest valid
// neighbour; kind detection; the other-protocol diagnostic; report authorization evidence (§7.1).
#include <catch2/catch.hpp>

#include "../../grammar/dmarc.hpp"
#include "core/match.hpp"
#include "helpers.hpp"

using mtasts::full_match;
using mtasts::Kind;
using mtasts::Severity;
namespace g = mtasts::grammar::dmarc;

TEST_CASE( "DMARC grammar: each RFC 7489 §6.4 production" )
{
   // dmarc-version: "v" *WSP "=" *WSP "DMARC1" (DMARC1 is %x-coded: case-sensitive; "v" is not)
   CHECK( full_match< g::dmarc_version >( "v=DMARC1" ) );
   CHECK( full_match< g::dmarc_version >( "v = DMARC1" ) );
   CHECK( full_match< g::dmarc_version >( "V=DMARC1" ) );
   CHECK_FALSE( full_match< g::dmarc_version >( "v=dmarc1" ) );
   CHECK_FALSE( full_match< g::dmarc_version >( "v=DMARC2" ) );
   // dmarc-sep: *WSP ";" *WSP
   CHECK( full_match< g::dmarc_sep >( ";" ) );
   CHECK( full_match< g::dmarc_sep >( " \t; " ) );
   CHECK_FALSE( full_match< g::dmarc_sep >( ",") );
   // dmarc-request / srequest (ABNF strings: case-insensitive)
   CHECK( full_match< g::dmarc_request >( "p=none" ) );
   CHECK( full_match< g::dmarc_request >( "p = quarantine" ) );
   CHECK( full_match< g::dmarc_request >( "p=REJECT" ) );
   CHECK_FALSE( full_match< g::dmarc_request >( "p=rejected" ) );
   CHECK_FALSE( full_match< g::dmarc_request >( "p=" ) );
   CHECK( full_match< g::dmarc_srequest >( "sp=reject" ) );
   CHECK_FALSE( full_match< g::dmarc_srequest >( "sp=all" ) );
   CHECK( full_match< g::dmarc_nprequest >( "np=quarantine" ) );
   // dmarc-auri / dmarc-furi: dmarc-uri *(*WSP "," *WSP dmarc-uri)
   CHECK( full_match< g::dmarc_auri >( "rua=mailto:a@example.com" ) );
   CHECK( full_match< g::dmarc_auri >( "rua=mailto:a@example.com!10m , mailto:b@example.net" ) );
   CHECK( full_match< g::dmarc_furi >( "ruf=mailto:a@example.com!0" ) );
   CHECK_FALSE( full_match< g::dmarc_auri >( "rua=mailto:a@example.com,," ) );
   CHECK_FALSE( full_match< g::dmarc_auri >( "rua=mailto:a@example.com!m" ) );
   // dmarc-uri: URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]
   CHECK( full_match< g::dmarc_uri >( "mailto:a@example.com!50k" ) );
   CHECK( full_match< g::dmarc_uri >( "mailto:a@example.com!50" ) );
   CHECK_FALSE( full_match< g::dmarc_uri >( "mailto:a@example.com!50x" ) );
   CHECK_FALSE( full_match< g::dmarc_uri >( "mailto:a@example.com!" ) );
   CHECK( full_match< g::size_limit >( "!10m" ) );
   CHECK_FALSE( full_match< g::size_limit >( "!10mb" ) );
   // dmarc-adkim / dmarc-aspf: "r" / "s"
   CHECK( full_match< g::dmarc_adkim >( "adkim=s" ) );
   CHECK( full_match< g::dmarc_aspf >( "aspf=r" ) );
   CHECK_FALSE( full_match< g::dmarc_aspf >( "aspf=relaxed" ) );
   // dmarc-ainterval: 1*DIGIT
   CHECK( full_match< g::dmarc_ainterval >( "ri=86400" ) );
   CHECK_FALSE( full_match< g::dmarc_ainterval >( "ri=1d" ) );
   CHECK_FALSE( full_match< g::dmarc_ainterval >( "ri=" ) );
   // dmarc-fo: option *(*WSP ":" *WSP option)
   CHECK( full_match< g::dmarc_fo >( "fo=0" ) );
   CHECK( full_match< g::dmarc_fo >( "fo=0:1 : d:s" ) );
   CHECK_FALSE( full_match< g::dmarc_fo >( "fo=0,1" ) );
   CHECK_FALSE( full_match< g::dmarc_fo >( "fo=2" ) );
   // dmarc-rfmt: Keyword *(*WSP ":" Keyword)
   CHECK( full_match< g::dmarc_rfmt >( "rf=afrf" ) );
   CHECK( full_match< g::dmarc_rfmt >( "rf=afrf:iodef" ) );
   CHECK_FALSE( full_match< g::dmarc_rfmt >( "rf=afrf,iodef" ) );
   CHECK_FALSE( full_match< g::dmarc_rfmt >( "rf=-afrf" ) );
   // dmarc-percent: 1*3DIGIT (the 0-100 range is prose in §6.3)
   CHECK( full_match< g::dmarc_percent >( "pct=0" ) );
   CHECK( full_match< g::dmarc_percent >( "pct=100" ) );
   CHECK_FALSE( full_match< g::dmarc_percent >( "pct=1000" ) );
   CHECK_FALSE( full_match< g::dmarc_percent >( "pct=50%" ) );
   // DMARCbis: t (y/n), psd (y/n/u)
   CHECK( full_match< g::dmarc_test >( "t=y" ) );
   CHECK_FALSE( full_match< g::dmarc_test >( "t=u" ) );
   CHECK( full_match< g::dmarc_psd >( "psd=u" ) );
   CHECK_FALSE( full_match< g::dmarc_psd >( "psd=yes" ) );
   // dmarc-record: version, p, then the others in any order, optional final ';'
   CHECK( full_match< g::dmarc_record >( "v=DMARC1; p=reject" ) );
   CHECK( full_match< g::dmarc_record >( "v=DMARC1;p=none;rua=mailto:a@example.com;" ) );
   CHECK( full_match< g::dmarc_record >( "v=DMARC1; p=quarantine; fo=1; adkim=s; rua=mailto:a@example.com; pct=5; sp=none; ri=3600; rf=afrf; aspf=r; ruf=mailto:f@example.com" ) );
   CHECK_FALSE( full_match< g::dmarc_record >( "v=DMARC1" ) );                       // no p
   CHECK_FALSE( full_match< g::dmarc_record >( "v=DMARC1; rua=mailto:a@example.com; p=none" ) );  // p not second
   CHECK_FALSE( full_match< g::dmarc_record >( "v=DMARC1 p=none" ) );                // no dmarc-sep
   CHECK_FALSE( full_match< g::dmarc_record >( "v=DMARC1; p=rejected" ) );
   CHECK_FALSE( full_match< g::dmarc_record >( "v=DMARC1; p=none " ) );              // WSP only inside dmarc-sep
}

namespace {

struct Hit
{
   int src_line;
   std::string input;
   const char* code;
   Severity severity;
   std::string span;  // the exact bytes the diagnostic covers
};

struct Miss
{
   int src_line;
   std::string input;
   const char* code;
};

const auto E = Severity::error;
const auto W = Severity::warning;
const auto I = Severity::info;
const std::string R = "v=DMARC1; p=reject; ";  // a valid start
const std::string A = "mailto:a@example.com";
const std::string Z = "_dmarc.example.com. 3600 IN TXT ";
const std::string AUTH = "\nexample.com._report._dmarc.reports.example.net. 3600 IN TXT ";

const std::vector< Hit > hits = {
   { __LINE__, "v=dmarc1; p=none; rua=" + A, "DMC601", E, "v=dmarc1" },
   { __LINE__, "p=reject; v=DMARC1", "DMC601", E, "p=reject" },
   { __LINE__, "v=DMARC1x; p=reject", "DMC602", E, "x" },
   { __LINE__, "v=DMARC1; p=reject rua=" + A, "DMC603", E, " " },
   { __LINE__, "v=DMARC1 p=reject", "DMC603", E, " " },
   { __LINE__, "v=DMARC1; rua=" + A, "DMC604", E, "" },
   { __LINE__, "v=DMARC1; p=rejected", "DMC605", E, "rejected" },
   { __LINE__, R + "sp=block", "DMC606", E, "block" },
   { __LINE__, R + "np=all", "DMC606", E, "all" },
   { __LINE__, R + "adkim=strict", "DMC607", E, "strict" },
   { __LINE__, R + "pct=101", "DMC608", E, "101" },
   { __LINE__, R + "pct=50%", "DMC608", E, "50%" },
   { __LINE__, R + "fo=2", "DMC609", E, "2" },
   { __LINE__, R + "rf=afrf,iodef", "DMC610", E, "afrf,iodef" },
   { __LINE__, R + "rf=iodef", "DMC611", W, "iodef" },
   { __LINE__, R + "ri=4294967296", "DMC612", E, "4294967296" },
   { __LINE__, R + "rua=" + A + ",,mailto:b@example.com", "DMC613", E, "," },
   { __LINE__, R + "rua=" + A + "!10x", "DMC614", E, "!10x" },
   { __LINE__, R + "rua=" + A + "!18446744073709551616", "DMC614", E, "!18446744073709551616" },
   { __LINE__, R + "rua=a@example.com", "DMC615", E, "a@example.com" },
   { __LINE__, R + "rua=mailto:a@b@example.com", "DMC616", E, "mailto:a@b@example.com" },
   { __LINE__, R + "rua=https://example.com/dmarc", "DMC617", W, "https://example.com/dmarc" },
   { __LINE__, R + "foo=bar", "DMC618", W, "foo" },
   { __LINE__, R + "p=none", "DMC619", E, "p=none" },
   { __LINE__, R + "p=reject", "DMC619", W, "p=reject" },
   { __LINE__, "v=DMARC1; P=reject", "DMC620", W, "P" },
   { __LINE__, "v=DMARC1; p=Reject", "DMC621", W, "Reject" },
   { __LINE__, "v=DMARC1; p = reject", "DMC622", I, " = " },
   { __LINE__, R + "rua", "DMC623", E, "rua" },
   { __LINE__, "v=DMARC1;; p=reject", "DMC624", W, ";;" },
   { __LINE__, "\"v=DMARC1; p=reject\"\n\"v=DMARC1; p=none; rua=" + A + "\"", "DMC625", E, "\"v=DMARC1; p=none; rua=" + A + "\"" },
   { __LINE__, "example.com. IN TXT \"v=DMARC1; p=reject\"", "DMC626", E, "example.com." },
   { __LINE__, R + "rua=mailto:d@ex\xC3\xA4mple.com", "DMC627", E, "\xC3\xA4" },
   { __LINE__, "\"v=DMARC1; p=reject\"\n\"google-site-verification=abc\"", "DMC628", I, "\"google-site-verification=abc\"" },
   { __LINE__, "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GN", "DMC629", E, "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GN" },
   { __LINE__, R + "t=yes", "DMC630", E, "yes" },
   { __LINE__, "v=DMARC1; rua=" + A + "; p=reject", "DMC631", W, "p=reject" },
   { __LINE__, R + "ri=3600", "DMC632", I, "ri" },
   { __LINE__, R + "np=reject", "DMC633", I, "np" },
   { __LINE__, R + "rua=" + A + "!10m", "DMC634", I, "!10m" },
   { __LINE__, "v=DMARC1; p=none", "DMC635", W, "p=none" },
   { __LINE__, R + "pct=50", "DMC636", I, "pct=50" },
   { __LINE__, R + "ruf=" + A, "DMC637", I, "ruf" },
   { __LINE__, Z + "\"v=DMARC1; p=reject; rua=mailto:d@reports.example.net\"", "DMC638", I, "mailto:d@reports.example.net" },
   { __LINE__, Z + "\"v=DMARC1; p=reject; rua=mailto:d@reports.example.net\"" + AUTH + "\"v=spf1 -all\"", "DMC639", E, "mailto:d@reports.example.net" },
};

const std::vector< Miss > misses = {
   { __LINE__, "v=DMARC1; p=none; rua=" + A, "DMC601" },
   { __LINE__, "v=DMARC1; p=reject", "DMC602" },
   { __LINE__, "v=DMARC1; p=reject; rua=" + A, "DMC603" },
   { __LINE__, "v=DMARC1; p=none; rua=" + A, "DMC604" },
   { __LINE__, "v=DMARC1; p=reject", "DMC605" },
   { __LINE__, R + "sp=none", "DMC606" },
   { __LINE__, R + "adkim=s", "DMC607" },
   { __LINE__, R + "pct=100", "DMC608" },
   { __LINE__, R + "fo=0:1:d:s", "DMC609" },
   { __LINE__, R + "rf=afrf:iodef", "DMC610" },
   { __LINE__, R + "rf=afrf", "DMC611" },
   { __LINE__, R + "ri=4294967295", "DMC612" },
   { __LINE__, R + "rua=" + A + ",mailto:b@example.com", "DMC613" },
   { __LINE__, R + "rua=" + A + "!10m", "DMC614" },
   { __LINE__, R + "rua=" + A, "DMC615" },
   { __LINE__, R + "rua=" + A, "DMC616" },
   { __LINE__, R + "rua=" + A, "DMC617" },
   { __LINE__, R + "fo=1", "DMC618" },
   { __LINE__, R + "sp=none", "DMC619" },
   { __LINE__, "v=DMARC1; p=reject", "DMC620" },
   { __LINE__, "v=DMARC1; p=reject", "DMC621" },
   { __LINE__, "v=DMARC1 ; p=reject", "DMC622" },
   { __LINE__, R + "rua=" + A, "DMC623" },
   { __LINE__, "v=DMARC1; p=reject;", "DMC624" },
   { __LINE__, "\"v=DMARC1; p=reject\"\n\"v=spf1 -all\"", "DMC625" },
   { __LINE__, Z + "\"v=DMARC1; p=reject\"", "DMC626" },
   { __LINE__, R + "rua=mailto:d@xn--exmple-cua.com", "DMC627" },
   { __LINE__, "\"v=DMARC1; p=reject\"", "DMC628" },
   { __LINE__, "v=DMARC1; p=reject", "DMC629" },
   { __LINE__, R + "t=y", "DMC630" },
   { __LINE__, "v=DMARC1; p=reject; rua=" + A, "DMC631" },
   { __LINE__, R + "sp=none", "DMC632" },
   { __LINE__, R + "sp=reject", "DMC633" },
   { __LINE__, R + "rua=" + A, "DMC634" },
   { __LINE__, "v=DMARC1; p=none; rua=" + A, "DMC635" },
   { __LINE__, R + "pct=100", "DMC636" },
   { __LINE__, R + "rua=" + A, "DMC637" },
   { __LINE__, Z + "\"v=DMARC1; p=reject; rua=mailto:d@reports.example.net\"" + AUTH + "\"v=DMARC1\"", "DMC638" },
   { __LINE__, Z + "\"v=DMARC1; p=reject; rua=mailto:d@example.com\"", "DMC638" },
   { __LINE__, Z + "\"v=DMARC1; p=reject; rua=mailto:d@reports.example.net\"" + AUTH + "\"v=DMARC1\"", "DMC639" },
};

}  // namespace

TEST_CASE( "DMARC: every DMC code is raised at its span and not by its nearest valid neighbour" )
{
   for( const auto& h : hits ) {
      INFO( "rules row at line " << h.src_line << ": " << h.input );
      const auto r = test::lint( h.input, Kind::dmarc );
      const auto ds = test::with_code( r, h.code );
      REQUIRE( ds.size() == 1 );
      CHECK( ds[ 0 ]->severity == h.severity );
      CHECK( h.input.substr( ds[ 0 ]->offset, ds[ 0 ]->length ) == h.span );
      CHECK( ds[ 0 ]->message.find( '\n' ) == std::string::npos );
   }
   for( const auto& m : misses ) {
      INFO( "miss row at line " << m.src_line << ": " << m.input << " " << test::codes( test::lint( m.input, Kind::dmarc ) ) );
      CHECK( test::with_code( test::lint( m.input, Kind::dmarc ), m.code ).empty() );
   }
   for( auto* r = mtasts::rules_begin(); r != mtasts::rules_end(); ++r ) {
      const std::string id = r->id;
      if( id.rfind( "DMC", 0 ) != 0 ) {
         continue;
      }
      INFO( id );
      CHECK( std::any_of( hits.begin(), hits.end(), [ & ]( const Hit& h ) { return id == h.code; } ) );
      CHECK( std::any_of( misses.begin(), misses.end(), [ & ]( const Miss& m ) { return id == m.code; } ) );
   }
}

TEST_CASE( "DMARC: the record of the issue is one valid DMARC record, found by content" )
{
   const auto r = test::lint( "v=DMARC1; p=reject; rua=mailto:d@example.com" );
   CHECK( r.kind == Kind::dmarc );
   CHECK( r.diagnostics.empty() );
   REQUIRE( r.record );
   CHECK( r.record->p == std::optional< std::string >( "reject" ) );
   CHECK( r.record->rua == std::vector< std::string >{ "mailto:d@example.com" } );
}

TEST_CASE( "DMARC: kind detection by content and owner name" )
{
   CHECK( mtasts::detect_kind( "v=DMARC1; p=none" ) == Kind::dmarc );
   CHECK( mtasts::detect_kind( "\"v=DMARC1; p=none\"" ) == Kind::dmarc );
   CHECK( mtasts::detect_kind( "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=none\"" ) == Kind::dmarc );
   CHECK( mtasts::detect_kind( "_dmarc IN TXT \"p=none\"" ) == Kind::dmarc );
   CHECK( mtasts::detect_kind( "v=STSv1; id=1" ) == Kind::txt );
   CHECK( mtasts::detect_kind( "v=TLSRPTv1; rua=mailto:a@example.com" ) == Kind::tlsrpt );
   CHECK( mtasts::detect_kind( "version: STSv1\nmode: none\n" ) == Kind::policy );
   CHECK( mtasts::parse_kind( "dmarc" ) == Kind::dmarc );
   CHECK( std::string( mtasts::kind_name( Kind::dmarc ) ) == "dmarc" );
}

TEST_CASE( "DMARC: a record of another protocol is named in one diagnostic, never linted as a policy" )
{
   for( const std::string rec : { "v=spf1 include:_spf.example.com ~all", "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEB", "v=BIMI1; l=https://example.com/logo.svg" } ) {
      INFO( rec );
      const auto r = test::lint( rec );
      CHECK( r.kind == Kind::dmarc );
      REQUIRE( r.diagnostics.size() == 1 );
      CHECK( test::codes( r ) == "DMC629 " );
      CHECK( r.diagnostics[ 0 ].severity == Severity::error );
   }
   const auto spf = test::lint( "v=spf1 -all" );
   CHECK( spf.diagnostics[ 0 ].message.find( "SPF" ) != std::string::npos );
}

TEST_CASE( "DMARC: quoted and split strings and zone lines are joined as for the other records" )
{
   const std::string split = Z + "( \"v=DMARC1; p=reject; rua=mailto:\" \"dmarc@example.com\" )";
   const auto r = test::lint( split );
   CHECK( r.kind == Kind::dmarc );
   CHECK( r.error_count() == 0 );
   CHECK( r.warning_count() == 0 );
   CHECK( test::with_code( r, "DNS603" ).size() == 1 );
   REQUIRE( r.record );
   CHECK( r.record->value == "v=DMARC1; p=reject; rua=mailto:dmarc@example.com" );
   // an unquoted ';' in a zone file starts a comment
   CHECK( !test::with_code( test::lint( "_dmarc IN TXT v=DMARC1; p=reject" ), "DNS605" ).empty() );
}

TEST_CASE( "DMARC: a missing p falls back to p=none only with a valid rua (RFC 7489 §6.6.3)" )
{
   const auto with = test::lint( "v=DMARC1; rua=mailto:a@example.com", Kind::dmarc );
   const auto without = test::lint( "v=DMARC1; sp=reject", Kind::dmarc );
   REQUIRE( test::with_code( with, "DMC604" ).size() == 1 );
   REQUIRE( test::with_code( without, "DMC604" ).size() == 1 );
   CHECK( test::with_code( with, "DMC604" )[ 0 ]->message.find( "p=none" ) != std::string::npos );
   CHECK( test::with_code( without, "DMC604" )[ 0 ]->message.find( "no DMARC at all" ) != std::string::npos );
}

TEST_CASE( "DMARC: fixes edit only the mistake and the result lints clean" )
{
   for( const std::string in : { "v=DMARC1; p=reject rua=mailto:a@example.com", "v=DMARC1; p = reject", "v=DMARC1;; p=reject", "v=DMARC1; P=reject", "v=DMARC1; p=Reject", "v=DMARC1; p=reject; rua=a@example.com", "v=dmarc1; p=reject" } ) {
      INFO( in );
      auto r = test::lint( in, Kind::dmarc );
      std::vector< mtasts::Edit > edits;
      for( const auto& d : r.diagnostics ) {
         if( d.fix ) {
            edits.insert( edits.end(), d.fix->edits.begin(), d.fix->edits.end() );
         }
      }
      REQUIRE( !edits.empty() );
      const auto fixed = mtasts::apply_edits( in, edits );
      const auto again = test::lint( fixed, Kind::dmarc );
      INFO( fixed << " -> " << test::codes( again ) );
      CHECK( again.error_count() == 0 );
      CHECK( again.warning_count() == 0 );
   }
}

TEST_CASE( "DMARC: records published in public DNS-as-code repositories and zone files, verdicts checked by hand" )
{
   struct Real
   {
      const char* source;   // repository and path where the record is published
      std::string input;    // as written there
      std::string expected; // every code, in order (verbose)
   };
   const std::vector< Real > real = {
      // RFC 7489 §6.3: p, sp, adkim, aspf all valid; no rua, so no reports, but p=reject is not p=none (no DMC635).
      { "github.com/matthewgall/dnscontrol zones/matthewgall/matthewgall.cf.js", "v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s;", "" },
      // ruf: failure reports (DMC637, info); pct is RFC 7489 only (DMC632, info); pct=100 samples everything.
      { "github.com/atiwaq-5/Lab4 zones/db.example.com",
        "$ORIGIN example.com.\n_dmarc IN TXT \"v=DMARC1; p=quarantine; rua=mailto:postmaster@example.com; ruf=mailto:postmaster@example.com; pct=100\"",
        "DMC637 DMC632 " },
      // No v=DMARC1 at all: §6.6.3 discards the record, so this domain has no DMARC policy.
      { "github.com/mritzmann/cheatsheets dns-template.md", "_dmarc.example.com  IN  TXT  p=reject", "DMC601 " },
   };
   for( const auto& x : real ) {
      INFO( x.source << ": " << x.input );
      const auto r = test::lint( x.input );
      CHECK( r.kind == Kind::dmarc );
      CHECK( test::codes( r ) == x.expected );
   }
}

// The generator (core/generator.hpp, `mta-sts-lint generate`): RFC examples, defaults, presets, refusals, the zone-file
// form, wildcard suggestions, and a property test: every output of random valid options lints clean.
// Expected values come from RFC 8461 / RFC 8460 / RFC 1035 text, not from the program's output.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <sys/wait.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalogue.hpp"
#include "core/generator.hpp"
#include "core/lint.hpp"
#include "core/mx.hpp"
#include "helpers.hpp"

namespace {

using mtasts::GenerateOptions;
using mtasts::GenerateResult;
using mtasts::Kind;

mtasts::LintResult lint_as( const std::string& text, Kind kind )
{
   mtasts::LintOptions o;
   o.kind = kind;
   o.verbose = true;
   return mtasts::lint( text, o );
}

// "CODE: message" of every error and warning (for readable failures).
std::string problems( const mtasts::LintResult& r, const std::set< std::string >& ignore = {} )
{
   std::string s;
   for( const auto& d : r.diagnostics ) {
      const std::string id = mtasts::rule( d.code ).id;
      if( d.severity != mtasts::Severity::info && !ignore.count( id ) ) {
         s += id + ": " + d.message + "\n";
      }
   }
   return s;
}

bool has_code( const mtasts::LintResult& r, const char* code )
{
   for( const auto& d : r.diagnostics ) {
      if( std::string( mtasts::rule( d.code ).id ) == code ) {
         return true;
      }
   }
   return false;
}

// The first error about `field`, or nullptr.
const mtasts::GenerateMessage* error_for( const GenerateResult& r, const std::string& field )
{
   for( const auto& e : r.errors ) {
      if( e.field == field ) {
         return &e;
      }
   }
   return nullptr;
}

bool has_note( const GenerateResult& r, const std::string& code, const std::string& field )
{
   for( const auto& n : r.notes ) {
      if( n.code == code && n.field == field ) {
         return true;
      }
   }
   return false;
}

std::string all_errors( const GenerateResult& r )
{
   std::string s;
   for( const auto& e : r.errors ) {
      s += e.code + " [" + e.field + "] " + e.message + "\n";
   }
   return s;
}

// An independent reading of RFC 1035 §5.1 quoted <character-string>s: the strings of the rdata of a zone line
// (everything after " TXT "), with \X and \DDD unescaped.
std::vector< std::string > zone_strings( const std::string& line )
{
   std::vector< std::string > out;
   const auto at = line.find( " TXT " );
   REQUIRE( at != std::string::npos );
   std::size_t i = at + 5;
   while( i < line.size() ) {
      if( line[ i ] == ' ' ) {
         ++i;
         continue;
      }
      REQUIRE( line[ i ] == '"' );
      ++i;
      std::string s;
      while( true ) {
         REQUIRE( i < line.size() );
         const char c = line[ i ];
         if( c == '"' ) {
            ++i;
            break;
         }
         if( c == '\\' ) {
            REQUIRE( i + 1 < line.size() );
            if( line[ i + 1 ] >= '0' && line[ i + 1 ] <= '9' ) {
               REQUIRE( i + 3 < line.size() );
               s += static_cast< char >( std::stoi( line.substr( i + 1, 3 ) ) );
               i += 4;
            }
            else {
               s += line[ i + 1 ];
               i += 2;
            }
            continue;
         }
         s += c;
         ++i;
      }
      out.push_back( s );
   }
   return out;
}

GenerateOptions base( std::string domain = "example.com" )
{
   GenerateOptions o;
   o.domain = std::move( domain );
   o.id = "20160831085700Z";
   return o;
}

// Every output of a successful generate() lints with no error and no warning (infos are allowed: testing mode, a
// max_age under a week in enforce mode, ...). A raw TLS-RPT value over 255 bytes draws DNS602 by design (it must be
// published as several strings); its zone-file line must be clean.
void require_clean( const GenerateResult& r )
{
   REQUIRE( r.ok() );
   const auto p = lint_as( r.policy, Kind::policy );
   INFO( r.policy );
   CHECK( problems( p ) == "" );
   const auto t = lint_as( r.txt, Kind::txt );
   INFO( r.txt );
   CHECK( problems( t ) == "" );
   if( r.tlsrpt ) {
      const auto l = lint_as( *r.tlsrpt, Kind::tlsrpt );
      INFO( *r.tlsrpt );
      CHECK( problems( l, r.tlsrpt->size() > 255 ? std::set< std::string >{ "DNS602" } : std::set< std::string >{} ) == "" );
   }
   for( const auto& rec : r.records ) {
      const auto line = mtasts::zone_line( rec );
      INFO( line );
      const Kind k = rec.name.rfind( "_mta-sts.", 0 ) == 0 ? Kind::txt : Kind::tlsrpt;
      const auto z = lint_as( line, k );
      CHECK( problems( z ) == "" );
      CHECK_FALSE( has_code( z, "DNS601" ) );
      std::string joined;
      for( const auto& s : zone_strings( line ) ) {
         CHECK( s.size() <= 255 );
         joined += s;
      }
      CHECK( joined == rec.value );
   }
}

}  // namespace

TEST_CASE( "generator: RFC 8461 §3.2 example policy - §3.1 example record and the policy URL", "[generator]" )
{
   auto o = base();
   o.mode = "enforce";
   o.mx = { "mail.example.com", "*.example.net", "backupmx.example.com" };
   o.max_age = 604800;
   const auto r = mtasts::generate( o );
   REQUIRE( r.ok() );
   // RFC 8461 §3.2, the example policy, with CRLF line endings ("CRLF-separated key/value pairs").
   CHECK( r.policy == "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n" );
   // RFC 8461 §3.1: _mta-sts.example.com.  IN TXT "v=STSv1; id=20160831085700Z;"
   CHECK( r.txt == "v=STSv1; id=20160831085700Z;" );
   // RFC 8461 §3.2: "for a Policy Domain of "example.com", the full URL is ..."
   CHECK( r.policy_url == "https://mta-sts.example.com/.well-known/mta-sts.txt" );
   REQUIRE( r.records.size() == 1 );
   CHECK( r.records[ 0 ].name == "_mta-sts.example.com" );
   CHECK( r.records[ 0 ].type == "TXT" );
   CHECK( r.records[ 0 ].value == "v=STSv1; id=20160831085700Z;" );
   CHECK( r.zone == "_mta-sts.example.com. 3600 IN TXT \"v=STSv1; id=20160831085700Z;\"\n" );
   CHECK_FALSE( r.tlsrpt );
   require_clean( r );
}

TEST_CASE( "generator: RFC 8460 §3.1.1 and §3.1.2 TLS-RPT records", "[generator]" )
{
   auto o = base();
   o.mx = { "mail.example.com" };
   o.rua = { "mailto:reports@example.com" };
   auto r = mtasts::generate( o );
   REQUIRE( r.ok() );
   // RFC 8460 §3.1.1: _smtp._tls.example.com. IN TXT "v=TLSRPTv1;rua=mailto:reports@example.com"
   CHECK( r.tlsrpt == std::optional< std::string >( "v=TLSRPTv1;rua=mailto:reports@example.com" ) );
   REQUIRE( r.records.size() == 2 );
   CHECK( r.records[ 1 ].name == "_smtp._tls.example.com" );
   CHECK( mtasts::zone_line( r.records[ 1 ] ) == "_smtp._tls.example.com. 3600 IN TXT \"v=TLSRPTv1;rua=mailto:reports@example.com\"" );
   require_clean( r );

   // RFC 8460 §3: "the Policy Domain can specify a comma-separated list of URIs"
   o.rua = { "mailto:reports@example.com", "https://reporting.example.com/v1/tlsrpt" };
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   const auto l = lint_as( *r.tlsrpt, Kind::tlsrpt );
   REQUIRE( l.record );
   CHECK( l.record->rua == std::vector< std::string >{ "mailto:reports@example.com", "https://reporting.example.com/v1/tlsrpt" } );
   require_clean( r );
}

TEST_CASE( "generator: defaults (mode testing - max_age by mode - id from the UTC time)", "[generator]" )
{
   GenerateOptions o;
   o.domain = "example.com";
   o.mx = { "mail.example.com" };
   o.now = 1472633820;  // 2016-08-31T08:57:00Z, the time in RFC 8461 §3.1's example id
   auto r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( r.mode == "testing" );  // RFC 8461 §5 / deployment: start with testing
   CHECK( r.max_age == 86400 );
   CHECK( r.id == "20160831085700" );
   CHECK( r.txt == "v=STSv1; id=20160831085700;" );
   CHECK( r.policy == "version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmax_age: 86400\r\n" );
   CHECK( has_note( r, "RPT523", "rua" ) );  // testing without a TLS-RPT record produces no reports
   require_clean( r );

   o.mode = "enforce";
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( r.max_age == 604800 );
   o.mode = "none";
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( r.max_age == 86400 );
   require_clean( r );

   // every value 0..31557600 is accepted; below one day the lint warning becomes a note
   o.mode = "testing";
   o.max_age = 31557600;
   CHECK( mtasts::generate( o ).max_age == 31557600 );
   o.max_age = 3600;
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( r.max_age == 3600 );
   CHECK( has_note( r, "STS233", "policy" ) );
   o.max_age = 0;
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( r.policy.find( "max_age: 0\r\n" ) != std::string::npos );
   CHECK( has_note( r, "STS232", "policy" ) );
}

TEST_CASE( "generator: utc_id is YYYYMMDDHHMMSS in UTC", "[generator]" )
{
   CHECK( mtasts::utc_id( 0 ) == std::optional< std::string >( "19700101000000" ) );
   CHECK( mtasts::utc_id( 1472633820 ) == std::optional< std::string >( "20160831085700" ) );
   CHECK( mtasts::utc_id( 951782400 ) == std::optional< std::string >( "20000229000000" ) );  // a leap day
   CHECK( mtasts::utc_id( -1 ) == std::optional< std::string >( "19691231235959" ) );
   CHECK( mtasts::utc_id( 253402300799 ) == std::optional< std::string >( "99991231235959" ) );
   CHECK_FALSE( mtasts::utc_id( 253402300800 ) );
   // an id is at most 32 letters or digits (RFC 8461 §3.1): 14 digits fit
   CHECK( mtasts::utc_id( 1782777599 )->size() == 14 );

   GenerateOptions o;
   o.domain = "example.com";
   o.mx = { "mail.example.com" };
   auto r = mtasts::generate( o );  // neither id nor now
   REQUIRE_FALSE( r.ok() );
   REQUIRE( error_for( r, "id" ) );
   CHECK( error_for( r, "id" )->code == "STS104" );
   o.now = 253402300800;
   r = mtasts::generate( o );
   REQUIRE( error_for( r, "now" ) );
   CHECK( error_for( r, "now" )->code == "STS104" );
}

TEST_CASE( "generator: every preset - in every mode - lints clean and covers the provider's MX hosts", "[generator]" )
{
   REQUIRE( mtasts::presets().size() >= 6 );
   for( const auto& p : mtasts::presets() ) {
      for( const char* mode : { "testing", "enforce", "none" } ) {
         auto o = base();
         o.preset = p.name;
         o.mode = mode;
         o.rua = { "mailto:tlsrpt@example.com" };
         INFO( p.name << " " << mode );
         const auto r = mtasts::generate( o );
         INFO( all_errors( r ) );
         require_clean( r );
         const auto l = lint_as( r.policy, Kind::policy );
         REQUIRE( l.policy );
         CHECK( l.policy->mx.size() == p.mx.size() );
      }
   }
   // Published MX host names each preset must cover (RFC 8461 §4.1 matching).
   const std::vector< std::pair< const char*, std::vector< const char* > > > hosts = {
      { "google-workspace", { "smtp.google.com", "aspmx.l.google.com", "alt1.aspmx.l.google.com", "ALT4.ASPMX.L.GOOGLE.COM." } },
      { "microsoft-365", { "example-com.mail.protection.outlook.com" } },
      { "proton", { "mail.protonmail.ch", "mailsec.protonmail.ch" } },
      { "fastmail", { "in1-smtp.messagingengine.com", "in2-smtp.messagingengine.com" } },
      { "zoho", { "mx.zoho.com", "mx2.zoho.com", "mx3.zoho.com" } },
      { "icloud", { "mx01.mail.icloud.com", "mx02.mail.icloud.com" } },
   };
   for( const auto& [ name, list ] : hosts ) {
      const auto* p = mtasts::find_preset( name );
      REQUIRE( p );
      for( const char* h : list ) {
         bool covered = false;
         for( const char* m : p->mx ) {
            covered = covered || mtasts::mx_matches( m, h );
         }
         INFO( name << " " << h );
         CHECK( covered );
      }
   }
   // "*." covers one label only: Microsoft's pattern does not cover a deeper name
   CHECK_FALSE( mtasts::mx_matches( "*.mail.protection.outlook.com", "a.b.mail.protection.outlook.com" ) );
   const auto ms = mtasts::generate( [] { auto o = base(); o.preset = "microsoft-365"; return o; }() );
   CHECK( ms.policy.find( "\r\nmx: *.mail.protection.outlook.com\r\n" ) != std::string::npos );
   CHECK( mtasts::find_preset( "Google-Workspace" ) );
   CHECK_FALSE( mtasts::find_preset( "gmail" ) );
}

TEST_CASE( "generator: property: random valid options give outputs that lint clean", "[generator]" )
{
   std::mt19937 rng( 8461 );
   auto pick = [ & ]( int lo, int hi ) { return std::uniform_int_distribution< int >( lo, hi )( rng ); };
   const std::string ldh = "abcdefghijklmnopqrstuvwxyz0123456789-";
   auto label = [ & ]( int max_len, bool alpha_only = false ) {
      const int n = pick( 1, max_len );
      std::string l;
      for( int i = 0; i < n; ++i ) {
         const bool edge = i == 0 || i == n - 1;
         const std::size_t limit = alpha_only ? 26 : ( edge ? 36 : 37 );  // no hyphen at either end (RFC 5321 Ldh-str)
         l += ldh[ static_cast< std::size_t >( pick( 0, static_cast< int >( limit ) - 1 ) ) ];
      }
      return l;
   };
   auto name = [ & ]( int min_labels, int max_labels ) {
      const int n = pick( min_labels, max_labels );
      std::string d;
      for( int i = 0; i < n - 1; ++i ) {
         d += label( pick( 0, 9 ) == 0 ? 63 : 12 ) + ".";
      }
      return d + label( 8, true );  // an alphabetic top label: not an IP address (RFC 1123 §2.1)
   };
   auto upper = [ & ]( std::string s ) {
      for( auto& c : s ) {
         if( c >= 'a' && c <= 'z' && pick( 0, 3 ) == 0 ) {
            c = static_cast< char >( c - 'a' + 'A' );
         }
      }
      return s;
   };
   const char* const modes[] = { "testing", "enforce", "none" };
   const char* const preset_names[] = { "google-workspace", "microsoft-365", "proton", "fastmail", "zoho", "icloud" };
   int generated = 0, long_tlsrpt = 0, with_wildcard_suggestion = 0;
   for( int iter = 0; iter < 3000; ++iter ) {
      GenerateOptions o;
      o.domain = upper( name( 2, 4 ) );
      const bool trailing_dot = pick( 0, 4 ) == 0;
      if( trailing_dot ) {
         o.domain += '.';
      }
      o.mode = modes[ pick( 0, 2 ) ];
      if( pick( 0, 3 ) != 0 ) {
         o.max_age = pick( 86400, 31557600 );
      }
      if( pick( 0, 1 ) ) {
         o.now = std::uniform_int_distribution< std::int64_t >( 0, 253402300799 )( rng );
      }
      else {
         o.id = label( 32, false );
         for( auto& c : o.id ) {
            if( c == '-' ) {
               c = 'x';
            }
         }
      }
      std::set< std::string > expected_mx;
      const int nmx = pick( 0, 5 );
      for( int i = 0; i < nmx; ++i ) {
         std::string p;
         if( pick( 0, 2 ) == 0 ) {
            std::string b;
            do {
               b = name( 2, 4 );
            } while( mtasts::is_public_suffix( b ) || b.size() > 251 );
            p = "*." + b;
         }
         else {
            do {
               p = name( 2, 5 );
            } while( p.size() > 253 );  // RFC 1035 §2.3.4 (longer ones are refused; tested apart)
         }
         expected_mx.insert( p );
         o.mx.push_back( upper( p ) + ( pick( 0, 5 ) == 0 ? "." : "" ) );
      }
      if( pick( 0, 3 ) == 0 ) {
         const std::string parent = name( 2, 3 );
         const int nh = pick( 1, 3 );
         for( int i = 0; i < nh; ++i ) {
            const std::string h = label( 10 ) + "." + parent;
            expected_mx.insert( h );
            o.from_mx.push_back( upper( h ) + "." );
         }
      }
      if( expected_mx.empty() || pick( 0, 4 ) == 0 ) {
         const auto* p = mtasts::find_preset( preset_names[ pick( 0, 5 ) ] );
         o.preset = p->name;
         for( const char* m : p->mx ) {
            expected_mx.insert( m );
         }
      }
      std::vector< std::string > expected_rua;
      const int nrua = pick( 0, 6 );
      for( int i = 0; i < nrua; ++i ) {
         std::string u;
         if( pick( 0, 1 ) ) {
            u = "mailto:" + label( 20, true ) + ( pick( 0, 1 ) ? "+" + label( 8, true ) : "" ) + "@" + name( 2, 3 );
         }
         else {
            u = "https://" + name( 2, 3 ) + "/" + label( 60 ) + "/" + label( 60 );
         }
         if( std::find( expected_rua.begin(), expected_rua.end(), u ) == expected_rua.end() ) {
            expected_rua.push_back( u );
         }
         o.rua.push_back( u );
         if( pick( 0, 9 ) == 0 ) {
            o.rua.push_back( u );  // a duplicate: kept once, with a note
         }
      }
      // keep the names built from the domain within 253 characters (longer ones are refused; tested apart)
      if( o.domain.size() > 230 ) {
         continue;
      }
      const auto r = mtasts::generate( o );
      INFO( "iteration " << iter << ": domain " << o.domain );
      INFO( all_errors( r ) );
      require_clean( r );
      ++generated;
      // what senders read back is what was asked for
      const auto p = lint_as( r.policy, Kind::policy );
      REQUIRE( p.policy );
      CHECK( p.policy->mode == std::optional< std::string >( o.mode ) );
      CHECK( p.policy->max_age == std::optional< std::uint64_t >( o.max_age ? static_cast< std::uint64_t >( *o.max_age ) : ( o.mode == std::string( "enforce" ) ? 604800u : 86400u ) ) );
      CHECK( std::set< std::string >( p.policy->mx.begin(), p.policy->mx.end() ) == expected_mx );
      CHECK( p.policy->mx.size() == expected_mx.size() );
      CHECK( r.policy.rfind( "version: STSv1\r\n", 0 ) == 0 );
      CHECK( r.policy.size() >= 2 );
      CHECK( r.policy.substr( r.policy.size() - 2 ) == "\r\n" );
      const auto t = lint_as( r.txt, Kind::txt );
      REQUIRE( t.record );
      CHECK( t.record->id == std::optional< std::string >( o.id.empty() ? *mtasts::utc_id( *o.now ) : o.id ) );
      if( expected_rua.empty() ) {
         CHECK_FALSE( r.tlsrpt );
      }
      else {
         REQUIRE( r.tlsrpt );
         const auto l = lint_as( *r.tlsrpt, Kind::tlsrpt );
         REQUIRE( l.record );
         CHECK( l.record->rua == expected_rua );
         long_tlsrpt += r.tlsrpt->size() > 255 ? 1 : 0;
      }
      std::string lower_domain;
      for( char c : o.domain ) {
         lower_domain += static_cast< char >( ( c >= 'A' && c <= 'Z' ) ? c - 'A' + 'a' : c );
      }
      if( trailing_dot ) {
         lower_domain.pop_back();
         CHECK( has_note( r, "STS239", "domain" ) );
      }
      CHECK( r.policy_url == "https://mta-sts." + lower_domain + "/.well-known/mta-sts.txt" );
      with_wildcard_suggestion += r.suggested_wildcard ? 1 : 0;
   }
   // the generator of inputs covers what it means to
   CHECK( generated > 2500 );
   CHECK( long_tlsrpt > 50 );
   CHECK( with_wildcard_suggestion > 50 );
}

TEST_CASE( "generator: invalid policy domains are refused with the catalogue's codes", "[generator]" )
{
   const std::vector< std::pair< std::string, const char* > > cases = {
      { "", "missing-domain" },
      { "   ", "missing-domain" },
      { "*.example.com", "STS240" },
      { "mail.*.example.com", "STS240" },
      { "a..example.com", "STS243" },
      { "-a.example.com", "STS243" },
      { "a-.example.com", "STS243" },
      { "exa_mple.com", "STS242" },
      { "https://example.com/", "STS242" },
      { "example.com:443", "STS242" },
      { "example.com example.org", "STS253" },
      { std::string( 64, 'a' ) + ".com", "STS244" },
      { "m\xC3\xBCnchen.de", "STS245" },
      { "localhost", "STS254" },
      { "192.0.2.1", "STS247" },
      { ".example.com", "STS241" },
   };
   for( const auto& [ domain, code ] : cases ) {
      auto o = base( domain );
      o.mx = { "mail.example.com" };
      const auto r = mtasts::generate( o );
      INFO( "domain '" << domain << "'" );
      INFO( all_errors( r ) );
      REQUIRE_FALSE( r.ok() );
      REQUIRE( error_for( r, "domain" ) );
      CHECK( error_for( r, "domain" )->code == code );
      CHECK_FALSE( error_for( r, "domain" )->message.empty() );
      // nothing is produced from refused input
      CHECK( r.policy.empty() );
      CHECK( r.txt.empty() );
      CHECK( r.records.empty() );
      CHECK( r.zone.empty() );
   }
   // the names built from the domain must fit in 253 characters (RFC 1035 §2.3.4): 4 labels of 60 + 3 dots = 243
   const std::string long_domain = std::string( 60, 'a' ) + "." + std::string( 60, 'b' ) + "." + std::string( 60, 'c' ) + "." + std::string( 60, 'd' );
   auto o = base( long_domain );
   o.mx = { "mail.example.com" };
   auto r = mtasts::generate( o );  // _mta-sts. + 243 = 252: fits
   INFO( all_errors( r ) );
   REQUIRE( r.ok() );
   require_clean( r );
   o.rua = { "mailto:r@example.com" };  // _smtp._tls. + 243 = 254: does not
   r = mtasts::generate( o );
   REQUIRE( error_for( r, "domain" ) );
   CHECK( error_for( r, "domain" )->code == "STS244" );
   // A-labels are accepted (RFC 8461 §3.2 asks for them), upper case is lowered
   o = base( "XN--BCHER-KVA.Example" );
   o.mx = { "mail.xn--bcher-kva.example" };
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( r.policy_url == "https://mta-sts.xn--bcher-kva.example/.well-known/mta-sts.txt" );
   require_clean( r );
}

TEST_CASE( "generator: invalid mx patterns and MX hosts are refused - a trailing dot is removed with a note", "[generator]" )
{
   const std::vector< std::pair< std::string, const char* > > cases = {
      { "mail.*.example.com", "STS240" },  // wildcard in the middle
      { "*mail.example.com", "STS240" },
      { "mail.example.*", "STS240" },
      { "*", "STS240" },
      { ".example.com", "STS241" },
      { "mail..example.com", "STS243" },
      { "mail_1.example.com", "STS242" },
      { "smtp://mail.example.com", "STS242" },
      { "mail.example.com:25", "STS242" },
      { "a.example.com, b.example.com", "STS253" },
      { "m\xC3\xA4il.example.com", "STS245" },
      { "mail." + std::string( 64, 'x' ) + ".com", "STS244" },
      { "*.com", "STS248" },     // wildcard over a public suffix: a warning in lint, refused here
      { "*.co.uk", "STS248" },
      { "mail", "STS254" },
      { "10.0.0.1", "STS247" },
      { "xn--zz.example.com", "STS246" },
   };
   for( const auto& [ pattern, code ] : cases ) {
      auto o = base();
      o.mx = { pattern };
      const auto r = mtasts::generate( o );
      INFO( "mx '" << pattern << "'" );
      INFO( all_errors( r ) );
      REQUIRE_FALSE( r.ok() );
      REQUIRE( error_for( r, "mx" ) );
      CHECK( error_for( r, "mx" )->code == code );
      CHECK( r.policy.empty() );
   }

   // trailing dot: corrected, with a note, and the policy has the name without it (RFC 5321 Domain has no final dot)
   auto o = base();
   o.mx = { "Mail.Example.COM." };
   auto r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( has_note( r, "STS239", "mx" ) );
   CHECK( r.policy.find( "\r\nmx: mail.example.com\r\n" ) != std::string::npos );
   CHECK( r.policy.find( "example.com.\r\n" ) == std::string::npos );
   require_clean( r );

   // duplicates are kept once, with a note
   o.mx = { "mail.example.com", "MAIL.example.com." };
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( has_note( r, "STS220", "mx" ) );
   CHECK( lint_as( r.policy, Kind::policy ).policy->mx.size() == 1 );

   // no pattern at all
   o.mx.clear();
   r = mtasts::generate( o );
   REQUIRE( error_for( r, "mx" ) );
   CHECK( error_for( r, "mx" )->code == "STS236" );
   o.mode = "none";
   r = mtasts::generate( o );
   REQUIRE( error_for( r, "mx" ) );
   CHECK( error_for( r, "mx" )->code == "STS237" );

   // MX host names: a null MX and a pattern are refused
   o = base();
   o.from_mx = { "." };
   r = mtasts::generate( o );
   REQUIRE( error_for( r, "fromMx" ) );
   CHECK( error_for( r, "fromMx" )->code == "STS406" );
   o.from_mx = { "*.mx.example.com" };
   r = mtasts::generate( o );
   REQUIRE( error_for( r, "fromMx" ) );
   CHECK( error_for( r, "fromMx" )->code == "STS240" );

   // an unknown preset
   o = base();
   o.preset = "hotmail";
   r = mtasts::generate( o );
   REQUIRE( error_for( r, "preset" ) );
   CHECK( error_for( r, "preset" )->code == "unknown-preset" );
   CHECK( error_for( r, "preset" )->message.find( "google-workspace" ) != std::string::npos );
}

TEST_CASE( "generator: mode - max_age - id and rua are checked with the catalogue", "[generator]" )
{
   auto o = base();
   o.mx = { "mail.example.com" };

   for( const char* mode : { "report", "Enforce", "enforced", "strict" } ) {
      o.mode = mode;
      const auto r = mtasts::generate( o );
      INFO( mode );
      REQUIRE( error_for( r, "mode" ) );
      CHECK( error_for( r, "mode" )->code == "STS225" );
   }
   o.mode = "testing";

   o.max_age = 31557601;  // RFC 8461 §3.2: "maximum value of 31557600"
   auto r = mtasts::generate( o );
   REQUIRE( error_for( r, "maxAge" ) );
   CHECK( error_for( r, "maxAge" )->code == "STS230" );
   o.max_age = -1;
   r = mtasts::generate( o );
   REQUIRE( error_for( r, "maxAge" ) );
   CHECK( error_for( r, "maxAge" )->code == "STS229" );
   o.max_age.reset();

   // RFC 8461 §3.1: sts-id = %s"id=" 1*32(ALPHA / DIGIT)
   for( const char* id : { "2016-08-31", "id 1", "abcdefghijklmnopqrstuvwxyz0123456", "v1;x" } ) {
      o.id = id;
      r = mtasts::generate( o );
      INFO( id );
      REQUIRE( error_for( r, "id" ) );
      CHECK( error_for( r, "id" )->code == "STS105" );
   }
   o.id = "abcdefghijklmnopqrstuvwxyz012345";  // 32
   CHECK( mtasts::generate( o ).ok() );
   o.id = "20160831085700Z";

   const std::vector< std::pair< const char*, const char* > > bad_rua = {
      { "ftp://reports.example.com/tlsrpt", "RPT509" },  // RFC 8460 §3: "Two URI schemes are supported: mailto and https"
      { "http://reports.example.com/tlsrpt", "RPT509" },
      { "reports@example.com", "RPT507" },
      { "mailto:a@example.com,b@example.com", "RPT511" },
      { "mailto:reports", "RPT511" },
      { "mailto:reports@example.com!10m", "RPT508" },
      { "https:///tlsrpt", "RPT513" },
      { "https://reports.example.com/a b", "RPT507" },
      { "mailto:r@example.com;x=y", "RPT507" },
      { "mailto:r\xC3\xA9@example.com", "RPT522" },
   };
   for( const auto& [ uri, code ] : bad_rua ) {
      o.rua = { uri };
      r = mtasts::generate( o );
      INFO( uri );
      INFO( all_errors( r ) );
      REQUIRE( error_for( r, "rua" ) );
      CHECK( error_for( r, "rua" )->code == code );
      CHECK( r.errors.size() == 1 );
      CHECK_FALSE( r.tlsrpt );
   }
   // messages come from the catalogue
   o.rua = { "ftp://reports.example.com/tlsrpt" };
   r = mtasts::generate( o );
   CHECK( error_for( r, "rua" )->message.rfind( mtasts::render_message( mtasts::Code::RPT509, { { "u", "ftp://reports.example.com/tlsrpt" } } ), 0 ) == 0 );

   // duplicates kept once; empty entries ignored
   o.rua = { "mailto:r@example.com", " ", "mailto:r@example.com" };
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( r.tlsrpt == std::optional< std::string >( "v=TLSRPTv1;rua=mailto:r@example.com" ) );
   CHECK( has_note( r, "RPT515", "rua" ) );

   // several problems: one error each
   GenerateOptions bad;
   bad.domain = "*.example.com";
   bad.mode = "report";
   bad.mx = { "mail.*.example.com" };
   bad.max_age = 99999999;
   bad.id = "2016-08-31";
   bad.rua = { "ftp://x.example.com" };
   r = mtasts::generate( bad );
   std::set< std::string > fields;
   for( const auto& e : r.errors ) {
      fields.insert( e.field );
   }
   CHECK( fields == std::set< std::string >{ "domain", "mode", "mx", "maxAge", "id", "rua" } );
}

TEST_CASE( "generator: zone-file form splits long values into strings of at most 255 bytes (RFC 1035 §3.3 - §5.1)", "[generator]" )
{
   // RFC 1035 §5.1: inside a quoted string '"' must be quoted with '\'; '\X' quotes X
   CHECK( mtasts::zone_txt_rdata( "a\"b\\c" ) == "\"a\\\"b\\\\c\"" );
   CHECK( mtasts::zone_txt_rdata( "" ) == "\"\"" );
   CHECK( mtasts::zone_txt_rdata( std::string( "a\x01" "b", 3 ) ) == "\"a\\001b\"" );  // \DDD
   CHECK( mtasts::zone_txt_rdata( std::string( 255, 'x' ) ) == "\"" + std::string( 255, 'x' ) + "\"" );
   CHECK( mtasts::zone_txt_rdata( std::string( 256, 'x' ) ) == "\"" + std::string( 255, 'x' ) + "\" \"x\"" );

   // 600 bytes with characters that need escaping: every string ≤ 255 data bytes, and they join back
   std::string v;
   for( int i = 0; v.size() < 600; ++i ) {
      v += ( i % 7 == 0 ) ? '"' : ( i % 11 == 0 ) ? '\\' : static_cast< char >( 'a' + i % 26 );
   }
   const auto line = mtasts::zone_line( mtasts::DnsRecord{ "_smtp._tls.example.com", "TXT", v } );
   CHECK( line.rfind( "_smtp._tls.example.com. 3600 IN TXT \"", 0 ) == 0 );
   const auto strings = zone_strings( line );
   CHECK( strings.size() == 3 );
   std::string joined;
   for( const auto& s : strings ) {
      CHECK( s.size() <= 255 );
      joined += s;
   }
   CHECK( joined == v );

   // the validator agrees: one string over 255 bytes is DNS601, the generator's split form is not
   const auto one = "_smtp._tls.example.com. 3600 IN TXT \"v=TLSRPTv1;rua=mailto:r@example.com,https://reports.example.com/" + std::string( 250, 'p' ) + "\"";
   CHECK( has_code( lint_as( one, Kind::tlsrpt ), "DNS601" ) );

   // a TLS-RPT record over 255 bytes from generate()
   auto o = base();
   o.mx = { "mail.example.com" };
   for( int i = 0; i < 8; ++i ) {
      o.rua.push_back( "https://reports-" + std::to_string( i ) + ".example.com/tls-reporting/v1/" + std::string( 30, static_cast< char >( 'a' + i ) ) );
   }
   const auto r = mtasts::generate( o );
   REQUIRE( r.ok() );
   REQUIRE( r.tlsrpt );
   REQUIRE( r.tlsrpt->size() > 255 );
   REQUIRE( r.records.size() == 2 );
   const auto zl = mtasts::zone_line( r.records[ 1 ] );
   CHECK( zone_strings( zl ).size() >= 2 );
   const auto z = lint_as( zl, Kind::tlsrpt );
   CHECK_FALSE( has_code( z, "DNS601" ) );
   CHECK( problems( z ) == "" );
   REQUIRE( z.record );
   CHECK( z.record->rua.size() == 8 );
   CHECK( r.zone.find( zl + "\n" ) != std::string::npos );
   require_clean( r );
}

TEST_CASE( "generator: wildcard suggestions follow the one-label rule (RFC 8461 §4.1)", "[generator]" )
{
   using H = std::vector< std::string >;
   auto d = mtasts::derive_patterns( H{ "MX1.Example.NET.", "mx2.example.net" } );
   CHECK( d.exact == H{ "mx1.example.net", "mx2.example.net" } );  // lower-cased, trailing dot removed
   CHECK( d.wildcard == std::optional< std::string >( "*.example.net" ) );

   // "*.mx.microsoft" does not match "a.b.mx.microsoft": the wildcard covers one label
   d = mtasts::derive_patterns( H{ "a.mx.microsoft", "a.b.mx.microsoft" } );
   CHECK_FALSE( d.wildcard );
   CHECK( d.exact.size() == 2 );
   d = mtasts::derive_patterns( H{ "x.a.mx.microsoft", "y.b.mx.microsoft" } );
   CHECK_FALSE( d.wildcard );
   // different parents
   CHECK_FALSE( mtasts::derive_patterns( H{ "mx1.example.com", "mx1.example.org" } ).wildcard );
   // never a wildcard over a public suffix
   CHECK_FALSE( mtasts::derive_patterns( H{ "example.com", "example2.com" } ).wildcard );
   CHECK_FALSE( mtasts::derive_patterns( H{ "a.co.uk", "b.co.uk" } ).wildcard );
   // one host: its exact name is the tighter pattern
   CHECK_FALSE( mtasts::derive_patterns( H{ "mx1.example.net" } ).wildcard );
   CHECK_FALSE( mtasts::derive_patterns( H{ "mx1.example.net", "MX1.example.net." } ).wildcard );
   // the suggestion matches every host given
   d = mtasts::derive_patterns( H{ "in1-smtp.messagingengine.com", "in2-smtp.messagingengine.com" } );
   REQUIRE( d.wildcard );
   CHECK( *d.wildcard == "*.messagingengine.com" );
   CHECK( mtasts::mx_matches( *d.wildcard, "in1-smtp.messagingengine.com" ) );

   // generate(): the suggestion is a separate field; the policy lists the exact names
   auto o = base();
   o.from_mx = { "mx1.mail.example.net.", "mx2.mail.example.net." };
   auto r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( r.suggested_wildcard == std::optional< std::string >( "*.mail.example.net" ) );
   CHECK( r.policy == "version: STSv1\r\nmode: testing\r\nmx: mx1.mail.example.net\r\nmx: mx2.mail.example.net\r\nmax_age: 86400\r\n" );
   o.from_mx = { "a.mx.microsoft.", "a.b.mx.microsoft." };
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK_FALSE( r.suggested_wildcard );
   require_clean( r );
}

TEST_CASE( "generator: the checklist names the policy host - text/plain - no redirects - the id and the modes", "[generator]" )
{
   auto o = base();
   o.mx = { "mail.example.com" };
   const auto r = mtasts::generate( o );
   REQUIRE( r.ok() );
   std::string all;
   for( const auto& c : r.checklist ) {
      all += c + "\n";
   }
   CHECK( all.find( "mta-sts.example.com" ) != std::string::npos );  // the host that needs a certificate (§3.3)
   CHECK( all.find( "certificate" ) != std::string::npos );
   CHECK( all.find( "text/plain" ) != std::string::npos );
   CHECK( all.find( "redirect" ) != std::string::npos );
   CHECK( all.find( "id" ) != std::string::npos );
   CHECK( all.find( "testing" ) != std::string::npos );
   CHECK( all.find( "enforce" ) != std::string::npos );
}

namespace {

test::Run cli( const std::string& args, bool merge_stderr = false )
{
   return test::run_command( std::string( MTASTS_CLI_PATH ) + " generate " + args + ( merge_stderr ? " 2>&1" : " 2>/dev/null" ) );
}

}  // namespace

TEST_CASE( "generator: CLI formats - exit status and --help", "[generator]" )
{
   auto r = cli( "--domain example.com --mx mail.example.com --id 20160831085700Z --format zone" );
   CHECK( r.status == 0 );
   CHECK( r.out == "_mta-sts.example.com. 3600 IN TXT \"v=STSv1; id=20160831085700Z;\"\n" );

   r = cli( "--domain example.com --mode enforce --mx mail.example.com --mx '*.example.net' --mx backupmx.example.com --max-age 604800 --id 1 --format policy" );
   CHECK( r.status == 0 );
   CHECK( r.out == "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n" );

   r = cli( "--domain Example.com. --preset google-workspace --rua mailto:tlsrpt@example.com --from-mx mx1.example.org. --from-mx mx2.example.org. --format json" );
   REQUIRE( r.status == 0 );
   const auto j = nlohmann::json::parse( r.out );
   CHECK( j[ "policyUrl" ] == "https://mta-sts.example.com/.well-known/mta-sts.txt" );
   CHECK( j[ "tlsrpt" ] == "v=TLSRPTv1;rua=mailto:tlsrpt@example.com" );
   CHECK( j[ "txt" ].get< std::string >().rfind( "v=STSv1; id=", 0 ) == 0 );
   CHECK( j[ "txt" ].get< std::string >().size() == std::string( "v=STSv1; id=YYYYMMDDHHMMSS;" ).size() );
   REQUIRE( j[ "records" ].size() == 2 );
   CHECK( j[ "records" ][ 1 ][ "name" ] == "_smtp._tls.example.com" );
   CHECK( j[ "records" ][ 1 ][ "type" ] == "TXT" );
   CHECK( j[ "checklist" ].size() >= 5 );
   CHECK( j[ "suggestedWildcard" ] == "*.example.org" );
   CHECK( lint_as( j[ "policy" ].get< std::string >(), Kind::policy ).error_count() == 0 );

   r = cli( "--domain example.com --mx mail.example.com" );
   CHECK( r.status == 0 );
   CHECK( r.out.find( "mta-sts.example.com/.well-known/mta-sts.txt" ) != std::string::npos );
   CHECK( r.out.find( "_mta-sts.example.com. 3600 IN TXT" ) != std::string::npos );

   // refused input: exit 2, one line per problem on stderr, nothing on stdout
   r = cli( "--domain '*.example.com' --mx 'mail.*.example.com' --rua ftp://x.example.com" );
   CHECK( r.status == 2 );
   CHECK( r.out.empty() );
   r = cli( "--domain '*.example.com' --mx 'mail.*.example.com' --rua ftp://x.example.com", true );
   CHECK( r.status == 2 );
   CHECK( std::count( r.out.begin(), r.out.end(), '\n' ) == 3 );
   CHECK( r.out.find( "STS240 [domain]" ) != std::string::npos );
   CHECK( r.out.find( "STS240 [mx]" ) != std::string::npos );
   CHECK( r.out.find( "RPT509 [rua]" ) != std::string::npos );
   r = cli( "--domain example.com --mx mail.example.com --max-age 1w", true );
   CHECK( r.status == 2 );
   CHECK( r.out.find( "STS229" ) != std::string::npos );
   r = cli( "--domain example.com --mx mail.example.com --format yaml" );
   CHECK( r.status == 2 );

   r = cli( "--help" );
   CHECK( r.status == 0 );
   for( const auto& p : mtasts::presets() ) {
      CHECK( r.out.find( p.name ) != std::string::npos );
   }
}

TEST_CASE( "generator: hostile input never crashes and never yields a file the validator rejects", "[generator]" )
{
   std::mt19937 rng( 8460 );
   const std::string alphabet = std::string( "aZ09-.*_:/@;,!\"\\ \t\r\n%?#=+" ) + std::string( "\0\x01\x7f\xc3\xa9\xff", 6 );
   auto junk = [ & ]( std::size_t max_len ) {
      std::string s;
      const auto n = std::uniform_int_distribution< std::size_t >( 0, max_len )( rng );
      for( std::size_t i = 0; i < n; ++i ) {
         s += alphabet[ std::uniform_int_distribution< std::size_t >( 0, alphabet.size() - 1 )( rng ) ];
      }
      return s;
   };
   const std::vector< std::string > fields{ "domain", "mode", "mx", "fromMx", "preset", "maxAge", "id", "now", "rua", "policy", "txt", "tlsrpt" };
   int ok = 0;
   auto bad = [ & ]( int one_in ) { return std::uniform_int_distribution< int >( 1, one_in )( rng ) == 1; };
   for( int iter = 0; iter < 2000; ++iter ) {
      // each field is hostile now and then, so that some inputs pass and the rest fail in one field or several
      GenerateOptions o;
      o.domain = bad( 4 ) ? junk( 40 ) : "example.com";
      o.mode = bad( 6 ) ? junk( 10 ) : "testing";
      for( int i = iter % 4; i > 0; --i ) {
         o.mx.push_back( bad( 4 ) ? junk( 30 ) : "mail.example.com" );
      }
      for( int i = iter % 3; i > 0; --i ) {
         o.from_mx.push_back( bad( 2 ) ? junk( 30 ) : "mx" + std::to_string( i ) + ".example.net." );
      }
      if( bad( 8 ) ) {
         o.preset = junk( 20 );
      }
      if( bad( 6 ) ) {
         o.max_age = std::uniform_int_distribution< std::int64_t >( INT64_MIN, INT64_MAX )( rng );
      }
      o.id = bad( 4 ) ? junk( 40 ) : "";
      o.now = bad( 6 ) ? std::uniform_int_distribution< std::int64_t >( INT64_MIN, INT64_MAX )( rng ) : 1472633820;
      for( int i = iter % 3; i > 0; --i ) {
         o.rua.push_back( bad( 4 ) ? junk( 40 ) : "mailto:r@example.com" );
      }
      const auto r = mtasts::generate( o );
      INFO( all_errors( r ) );
      if( r.ok() ) {
         ++ok;
         require_clean( r );
      }
      else {
         CHECK( r.policy.empty() );
         CHECK( r.records.empty() );
         for( const auto& e : r.errors ) {
            CHECK( std::find( fields.begin(), fields.end(), e.field ) != fields.end() );
            CHECK_FALSE( e.message.empty() );
            CHECK_FALSE( e.code.empty() );
         }
      }
   }
   CHECK( ok > 100 );
}

TEST_CASE( "generator: the notes carry the validator's infos about the result (RFC 8461 §10.4 - §4.1)", "[generator]" )
{
   auto o = base();
   o.mx = { "*.example.com" };  // a wildcard over the policy domain itself (RFC 8461 §10.4)
   auto r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( has_note( r, "STS249", "policy" ) );
   CHECK( has_note( r, "STS226", "policy" ) );  // testing mode
   require_clean( r );

   // MX hosts given: a preset pattern that matches none of them is reported as possibly stale
   o = base();
   o.preset = "microsoft-365";
   o.from_mx = { "mx1.example.com." };
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( has_note( r, "STS403", "policy" ) );
   CHECK_FALSE( has_note( r, "STS401", "policy" ) );
   CHECK_FALSE( has_note( r, "STS402", "policy" ) );

   // enforce mode with a short max_age: an info (RFC 8461 §3.2 expects weeks), kept as a note
   o = base();
   o.mode = "enforce";
   o.mx = { "mail.example.com" };
   o.max_age = 86400;
   r = mtasts::generate( o );
   REQUIRE( r.ok() );
   CHECK( has_note( r, "STS234", "policy" ) );
   CHECK_FALSE( has_note( r, "RPT523", "rua" ) );  // only in testing mode
}

TEST_CASE( "parse_max_age: whole seconds as typed, or the CLI's STS229 refusal (with the units hint for letters)" )
{
   std::int64_t v = 0;
   REQUIRE_FALSE( mtasts::parse_max_age( "604800", v ) );
   CHECK( v == 604800 );
   REQUIRE_FALSE( mtasts::parse_max_age( "-5", v ) );  // whole: generate() refuses the range, not this
   CHECK( v == -5 );
   REQUIRE_FALSE( mtasts::parse_max_age( "+7", v ) );
   CHECK( v == 7 );
   REQUIRE_FALSE( mtasts::parse_max_age( "999999999999999", v ) );  // 15 digits
   CHECK( v == 999999999999999 );
   const std::string units = mtasts::render_message( mtasts::Code::STS229, {}, mtasts::Hint::unit_suffix );
   const std::string plain = mtasts::render_message( mtasts::Code::STS229, {} );
   REQUIRE( units != plain );
   for( const char* bad : { "1d", "7 days", "P7D" } ) {
      const auto r = mtasts::parse_max_age( bad, v );
      REQUIRE( r );
      CHECK( r->code == "STS229" );
      CHECK( r->field == "maxAge" );
      CHECK( r->message == units );
   }
   for( const char* bad : { "", "-", "1.5", " 60", "1000000000000000" } ) {
      const auto r = mtasts::parse_max_age( bad, v );
      REQUIRE( r );
      CHECK( r->message == plain );
   }
}

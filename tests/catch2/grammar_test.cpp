// Grammar soundness (PEGTL analyze: no rule can loop without consuming input) and the ABNF rules on real inputs.
#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "core/match.hpp"
#include "grammar/dns.hpp"
#include "grammar/policy.hpp"
#include "grammar/sts_record.hpp"
#include "grammar/tlsrpt.hpp"
#include "grammar/uri.hpp"

#include <tao/pegtl/contrib/uri.hpp>

namespace g = mtasts::grammar;

TEST_CASE( "grammars pass PEGTL's analyze" )
{
   CHECK( tao::pegtl::analyze< g::policy::sts_policy_record >( -1 ) == 0 );
   CHECK( tao::pegtl::analyze< g::sts_record::sts_text_record >( -1 ) == 0 );
   CHECK( tao::pegtl::analyze< g::tlsrpt::tlsrpt_uri >( -1 ) == 0 );
   CHECK( tao::pegtl::analyze< g::tlsrpt::mailto::mailtoURI >( -1 ) == 0 );
   CHECK( tao::pegtl::analyze< g::dns::character_string >( -1 ) == 0 );
}

TEST_CASE( "RFC 5321 Domain: labels may start with digits - never with or end in '-'" )
{
   using D = g::rfc5321::Domain;
   CHECK( mtasts::full_match< D >( "mail.example.com" ) );
   CHECK( mtasts::full_match< D >( "1mx.example.com" ) );
   CHECK( mtasts::full_match< D >( "a--b.example" ) );
   CHECK_FALSE( mtasts::full_match< D >( "-a.example" ) );
   CHECK_FALSE( mtasts::full_match< D >( "a-.example" ) );
   CHECK_FALSE( mtasts::full_match< D >( "a..example" ) );
   CHECK_FALSE( mtasts::full_match< D >( "example.com." ) );
   CHECK_FALSE( mtasts::full_match< D >( "mail_1.example" ) );
}

TEST_CASE( "policy ABNF: whole files" )
{
   using R = g::policy::sts_policy_record;
   CHECK( mtasts::full_match< R >( "version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 86400\r\n" ) );
   CHECK( mtasts::full_match< R >( "version: STSv1\nmode: none\nmax_age: 86400" ) );          // LF, no final break
   CHECK( mtasts::full_match< R >( "version:STSv1 \nmode:\tenforce\nmx: a.example\nmax_age: 0\n" ) );
   CHECK_FALSE( mtasts::full_match< R >( "version: STSv1\n\nmode: enforce\n" ) );            // blank line
   CHECK_FALSE( mtasts::full_match< R >( " version: STSv1\n" ) );                            // indentation
   CHECK_FALSE( mtasts::full_match< R >( "version : STSv1\n" ) );                            // space before ':'
   CHECK_FALSE( mtasts::full_match< R >( "version: STSv1\rmode: enforce\r" ) );              // bare CR
   // 11 digits: not sts-policy-max-age, but the bare ABNF reads it as an extension named max_age (AMB-27);
   // the validator binds registered names to their own rule and reports STS229.
   CHECK( mtasts::full_match< R >( "max_age: 12345678901\n" ) );
   CHECK_FALSE( mtasts::full_match< g::policy::sts_policy_max_age >( "max_age: 12345678901" ) );
   CHECK( mtasts::full_match< R >( "x-note: caf\xC3\xA9 au lait\n" ) );                        // UTF-8 extension value
}

TEST_CASE( "_mta-sts record ABNF" )
{
   using R = g::sts_record::sts_text_record;
   CHECK( mtasts::full_match< R >( "v=STSv1; id=20160831085700Z;" ) );
   CHECK( mtasts::full_match< R >( "v=STSv1;id=1" ) );
   CHECK( mtasts::full_match< R >( "v=STSv1 ; id=1" ) );  // ABNF-valid; STS103 still reports it (erratum 6285)
   CHECK( mtasts::full_match< R >( "v=STSv1; id=a-b" ) );  // an extension named "id" per the ABNF (AMB-27)
   CHECK_FALSE( mtasts::full_match< R >( "v=STSv1; id=1 " ) );
   CHECK_FALSE( mtasts::full_match< R >( "v=STSv1;; id=1" ) );
   CHECK_FALSE( mtasts::full_match< R >( "v=STSv1" ) );
   CHECK_FALSE( mtasts::full_match< R >( "v=STSv1; id = 1" ) );
}

TEST_CASE( "TLS-RPT URIs and mailto addresses" )
{
   CHECK( mtasts::full_match< g::tlsrpt::tlsrpt_uri >( "mailto:tls-reports@example.com" ) );
   CHECK( mtasts::full_match< g::tlsrpt::tlsrpt_uri >( "https://reporting.example.com/v1/tlsrpt" ) );
   CHECK_FALSE( mtasts::full_match< g::tlsrpt::tlsrpt_uri >( "tlsrpt@example.com" ) );
   CHECK( mtasts::full_match< g::tlsrpt::mailto::mailtoURI >( "mailto:a.b+c@example.com" ) );
   CHECK( mtasts::full_match< g::tlsrpt::mailto::mailtoURI >( "mailto:a%40b@example.com?subject=x" ) );
   CHECK_FALSE( mtasts::full_match< g::tlsrpt::mailto::mailtoURI >( "mailto:example.com" ) );
   CHECK_FALSE( mtasts::full_match< g::tlsrpt::mailto::mailtoURI >( "mailto:a@" ) );
}

namespace {

// PEGTL's own RFC 3986 grammar (contrib/uri.hpp, which raises on a local error): the reference for grammar/uri.hpp.
bool pegtl_uri( const std::string& s )
{
   tao::pegtl::memory_input in( s, "" );
   try {
      return tao::pegtl::parse< tao::pegtl::seq< tao::pegtl::uri::URI, tao::pegtl::eof > >( in );
   }
   catch( const tao::pegtl::parse_error& ) {
      return false;
   }
}

}  // namespace

TEST_CASE( "grammar/uri.hpp (no exceptions) accepts the same URIs as PEGTL's contrib/uri" )
{
   using U = g::uri::URI;
   // RFC 3986 examples and the corners where contrib/uri raises (must<>): '%' without two hex digits, '[' without
   // an IP literal, "v" without a version inside '['.
   for( const char* s : { "https://reporting.example.com/v1/tlsrpt", "mailto:a@example.com", "ftp://ftp.is.co.za/rfc/rfc1808.txt",
                          "http://www.ietf.org/rfc/rfc2396.txt", "ldap://[2001:db8::7]/c=GB?objectClass?one", "news:comp.infosystems.www.servers.unix",
                          "tel:+1-816-555-1212", "telnet://192.0.2.16:80/", "urn:oasis:names:specification:docbook:dtd:xml:4.1.2",
                          "https://[v7.x:y]/", "https://[vz.x]/", "https://[v7.]/", "https://[zz]/", "https://[::1]", "https://[::1",
                          "https://a%2", "https://a%2g/", "https://a%20b/", "https://u:p@h:8080/p?q#f", "https://h:port/", "https://h/%",
                          "https:", "https://", "https:///x", "a+b-c.d:", "1http://x", ":x", "https://h/?a=b#c#d", "https://h/a b",
                          "https://[::ffff:192.0.2.1]/", "https://[1:2:3:4:5:6:7:8]/", "https://[1:2:3:4:5:6:7:8:9]/", "https://[::]/" } ) {
      INFO( s );
      CHECK( mtasts::full_match< U >( s ) == pegtl_uri( s ) );
   }
   // Random strings over the characters that matter to the grammar. One known difference, on purpose: an IPv4
   // address inside an IPv6 literal with a leading zero ("[::1.2.3.04]") follows RFC 3986's dec-octet here
   // (no leading zeros) while contrib/uri's maximum_rule accepts it; those strings are compared with the RFC below.
   const std::string alphabet = "ab0129v:/?#[]@%.-_~!$&'()*+,;=F ";
   std::uint32_t seed = 12345;
   const auto next = [ &seed ] {
      seed = seed * 1664525u + 1013904223u;
      return seed >> 8;
   };
   std::size_t compared = 0;
   for( int n = 0; n < 200000; ++n ) {
      std::string s = ( next() & 1 ) ? "https://" : "a:";
      const std::size_t len = next() % 20;
      for( std::size_t k = 0; k < len; ++k ) {
         s += alphabet[ next() % alphabet.size() ];
      }
      if( s.find( '[' ) != std::string::npos && s.find( '.' ) != std::string::npos ) {
         continue;
      }
      ++compared;
      if( mtasts::full_match< U >( s ) != pegtl_uri( s ) ) {
         INFO( s );
         CHECK( mtasts::full_match< U >( s ) == pegtl_uri( s ) );
      }
   }
   CHECK( compared > 100000 );
   CHECK( mtasts::full_match< U >( "https://[::1.2.3.4]/" ) );
   CHECK( mtasts::full_match< U >( "https://[::255.250.199.0]/" ) );
   CHECK_FALSE( mtasts::full_match< U >( "https://[::1.2.3.04]/" ) );  // dec-octet: no leading zero
   CHECK_FALSE( mtasts::full_match< U >( "https://[::1.2.3.256]/" ) );
}

// Grammar soundness (PEGTL analyze: no rule can loop without consuming input) and the ABNF rules on real inputs.
#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "core/match.hpp"
#include "grammar/dns.hpp"
#include "grammar/policy.hpp"
#include "grammar/sts_record.hpp"
#include "grammar/tlsrpt.hpp"

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

// Shared ABNF core rules (RFC 5234 App. B.1) and RFC 5321 §4.1.2 Domain, as PEGTL rules. Rules only, no semantics.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/abnf.hpp>

namespace mtasts::grammar {

namespace pegtl = tao::pegtl;

// clang-format off
namespace abnf {
   using pegtl::abnf::ALPHA;
   using pegtl::abnf::DIGIT;
   using pegtl::abnf::HEXDIG;
   using pegtl::abnf::WSP;
   using pegtl::abnf::SP;
   using pegtl::abnf::HTAB;
   using pegtl::abnf::CR;
   using pegtl::abnf::LF;
   using pegtl::abnf::CRLF;
   using pegtl::abnf::VCHAR;
   struct alphanum : pegtl::sor< ALPHA, DIGIT > {};
}  // namespace abnf

// RFC 5321 §4.1.2. PEG restatement of `Ldh-str = *( ALPHA / DIGIT / "-" ) Let-dig` (a greedy star would eat the
// final Let-dig): a label is Let-dig followed by Let-digs or hyphen runs that end in a Let-dig.
namespace rfc5321 {
   struct Let_dig : abnf::alphanum {};
   struct Ldh_str : pegtl::star< pegtl::sor< Let_dig, pegtl::seq< pegtl::plus< pegtl::one< '-' > >, Let_dig > > > {};
   struct sub_domain : pegtl::seq< Let_dig, Ldh_str > {};
   struct Domain : pegtl::list< sub_domain, pegtl::one< '.' > > {};
}  // namespace rfc5321
// clang-format on

}  // namespace mtasts::grammar

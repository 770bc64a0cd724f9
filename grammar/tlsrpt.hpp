// RFC 8460 §3: the _smtp._tls TLS-RPT record; URIs per RFC 3986 (uri.hpp), mailto: per RFC 6068 §2.
#pragma once

#include "common.hpp"
#include "uri.hpp"

namespace mtasts::grammar::tlsrpt {

// clang-format off
using namespace pegtl;

struct field_delim : seq< star< abnf::WSP >, one< ';' >, star< abnf::WSP > > {};
struct tlsrpt_version : TAO_PEGTL_STRING( "v=TLSRPTv1" ) {};
struct tlsrpt_ext_name : seq< abnf::alphanum, rep_max< 31, sor< abnf::alphanum, one< '_', '-', '.' > > > > {};
struct tlsrpt_ext_value : plus< sor< range< 0x21, 0x3a >, one< 0x3c >, range< 0x3e, 0x7e > > > {};
struct tlsrpt_uri : seq< grammar::uri::URI, eof > {};  // applied to one list element; ',' '!' ';' are checked apart
struct list_delim : seq< star< abnf::WSP >, one< ',' >, star< abnf::WSP > > {};

// RFC 6068 §2 restricted to what TLS-RPT allows unencoded: one addr-spec, optional hfields.
namespace mailto {
   struct pct_encoded : grammar::uri::pct_encoded {};
   struct atext : sor< abnf::alphanum, one< '#', '$', '&', '\'', '*', '+', '-', '/', '=', '^', '_', '`', '{', '|', '}', '~' >, pct_encoded > {};
   struct dot_atom_text : list< plus< atext >, one< '.' > > {};
   struct local_part : dot_atom_text {};
   struct domain_literal : seq< one< '[' >, plus< sor< range< 33, 90 >, range< 94, 126 > > >, one< ']' > > {};
   struct domain : sor< rfc5321::Domain, domain_literal > {};
   struct addr_spec : seq< local_part, one< '@' >, domain > {};
   struct qchar : sor< grammar::uri::unreserved, pct_encoded, one< '$', '\'', '(', ')', '*', '+', ':', '@', '/', '?' > > {};
   struct hfield : seq< star< qchar >, one< '=' >, star< qchar > > {};
   struct hfields : seq< one< '?' >, list< hfield, one< '&' > > > {};
   struct mailto_scheme : istring< 'm', 'a', 'i', 'l', 't', 'o', ':' > {};
   struct mailtoURI : seq< mailto_scheme, addr_spec, opt< hfields >, eof > {};
}  // namespace mailto
// clang-format on

}  // namespace mtasts::grammar::tlsrpt

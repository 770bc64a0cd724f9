// RFC 1035 §5.1 master files ("zone files") as `dig`, `kdig`, `drill` and `delv` also print them: the tokens that
// tell a resource-record line from tool chatter. Rules only, no semantics (core/evidence/ reads the lines).
#pragma once

#include "common.hpp"
#include "dns.hpp"

namespace mtasts::grammar::master_file {

// clang-format off
using namespace pegtl;

// RFC 1035 §3.2.2 and later registrations (IANA "Resource Record (RR) TYPEs") that tools print by mnemonic, and the
// RFC 3597 §5 generic form TYPEnnn. Case-insensitive, as master files are.
struct type_mnemonic : sor< istring< 'N', 'S', 'E', 'C', '3', 'P', 'A', 'R', 'A', 'M' >, istring< 'N', 'S', 'E', 'C', '3' >,
                            istring< 'N', 'S', 'E', 'C' >, istring< 'D', 'N', 'S', 'K', 'E', 'Y' >, istring< 'R', 'R', 'S', 'I', 'G' >,
                            istring< 'C', 'N', 'A', 'M', 'E' >, istring< 'D', 'N', 'A', 'M', 'E' >, istring< 'A', 'A', 'A', 'A' >,
                            istring< 'S', 'O', 'A' >, istring< 'N', 'S' >, istring< 'M', 'X' >, istring< 'T', 'X', 'T' >,
                            istring< 'P', 'T', 'R' >, istring< 'S', 'R', 'V' >, istring< 'C', 'A', 'A' >, istring< 'D', 'S' >,
                            istring< 'T', 'L', 'S', 'A' >, istring< 'S', 'S', 'H', 'F', 'P' >, istring< 'H', 'I', 'N', 'F', 'O' >,
                            istring< 'S', 'P', 'F' >, istring< 'H', 'T', 'T', 'P', 'S' >, istring< 'S', 'V', 'C', 'B' >,
                            istring< 'N', 'A', 'P', 'T', 'R' >, istring< 'L', 'O', 'C' >, istring< 'U', 'R', 'I' >,
                            istring< 'C', 'E', 'R', 'T' >, istring< 'O', 'P', 'T' >, istring< 'A' > > {};
struct generic_type : seq< istring< 'T', 'Y', 'P', 'E' >, plus< abnf::DIGIT > > {};
struct type : sor< generic_type, type_mnemonic > {};

// §5.1 "$ORIGIN <domain-name>", "$INCLUDE", and the RFC 2308 §4 "$TTL" directive.
struct directive : seq< one< '$' >, sor< istring< 'O', 'R', 'I', 'G', 'I', 'N' >, istring< 'T', 'T', 'L' >, istring< 'I', 'N', 'C', 'L', 'U', 'D', 'E' > > > {};

// An RFC 2308 TTL with BIND's unit suffixes (1h30m, 1w), as dig never prints but zone files often hold.
struct ttl_unit : one< 's', 'S', 'm', 'M', 'h', 'H', 'd', 'D', 'w', 'W' > {};
struct ttl : sor< seq< plus< abnf::DIGIT >, ttl_unit, star< plus< abnf::DIGIT >, ttl_unit > >, dns::ttl > {};
// clang-format on

}  // namespace mtasts::grammar::master_file

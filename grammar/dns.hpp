// RFC 1035 §5.1: the master-file (presentation) form of TXT data, as zone files and `dig` print it.
#pragma once

#include "common.hpp"

namespace mtasts::grammar::dns {

// clang-format off
using namespace pegtl;

struct decimal_escape : seq< one< '\\' >, abnf::DIGIT, abnf::DIGIT, abnf::DIGIT > {};  // \DDD
struct char_escape : seq< one< '\\' >, not_at< abnf::DIGIT >, any > {};                 // \X
struct escape : sor< decimal_escape, char_escape > {};
struct quoted_char : sor< escape, not_one< '"', '\\' > > {};
struct quoted_string : seq< one< '"' >, star< quoted_char >, one< '"' > > {};
struct contiguous_char : sor< escape, not_one< ' ', '\t', '\r', '\n', '"', ';', '(', ')', '\\' > > {};
struct contiguous : plus< contiguous_char > {};
struct character_string : sor< quoted_string, contiguous > {};

struct ttl : plus< abnf::DIGIT > {};
struct class_ : sor< istring< 'I', 'N' >, istring< 'C', 'H' >, istring< 'H', 'S' > > {};  // NOLINT
struct type_txt : istring< 'T', 'X', 'T' > {};
struct type_cname : istring< 'C', 'N', 'A', 'M', 'E' > {};
struct comment : seq< one< ';' >, until< eolf > > {};
// clang-format on

}  // namespace mtasts::grammar::dns

// RFC 9112 §4 status line and RFC 9110 §5.1 / §5.6.2 field names, as `curl -i`, `curl -v`, `wget -S` print a
// response. Rules only, no semantics (core/evidence/ reads the lines). HTTP/2 and HTTP/3 responses are printed by
// curl as "HTTP/2 200" (no minor version), which the version rule accepts too.
#pragma once

#include "common.hpp"

namespace mtasts::grammar::http {

// clang-format off
using namespace pegtl;

// RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
struct tchar : sor< abnf::ALPHA, abnf::DIGIT, one< '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' > > {};
struct token : plus< tchar > {};
struct field_name : token {};  // RFC 9110 §5.1

// RFC 9112 §2.3: HTTP-version = HTTP-name "/" DIGIT "." DIGIT (curl prints "HTTP/2" and "HTTP/3")
struct http_version : seq< string< 'H', 'T', 'T', 'P', '/' >, abnf::DIGIT, opt< one< '.' >, abnf::DIGIT > > {};
struct status_code : rep< 3, abnf::DIGIT > {};
// RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ] (the reason may be absent)
struct status_line_start : seq< http_version, one< ' ' >, status_code, at< sor< one< ' ', '\t', '\r', '\n' >, eof > > > {};
// clang-format on

}  // namespace mtasts::grammar::http

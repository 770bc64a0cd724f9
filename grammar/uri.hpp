// RFC 3986 §3 and Appendix A: the generic URI syntax, as PEGTL rules, for the rua= URIs of TLS-RPT (RFC 8460 §3).
// PEGTL ships one (contrib/uri.hpp), but its if_must/opt_must rules raise exceptions, which the WebAssembly build
// does without (it is compiled with -fno-exceptions to save the unwinding code in every function). Every `must` of
// that grammar guards a prefix that no other alternative can consume ('%', '[', "v" inside '['), so plain seq/sor
// accept the same language when the whole text must match (tests/catch2/grammar_test.cpp compares the two).
// One difference, on purpose: dec-octet follows the RFC (no leading zero), where PEGTL accepts "[::1.2.3.04]".
// Only what a URI needs is here: no relative references.
#pragma once

#include "common.hpp"

namespace mtasts::grammar::uri {

// clang-format off
using namespace pegtl;

using dot = one< '.' >;
using colon = one< ':' >;

// dec-octet = "25" %x30-35 / "2" %x30-34 DIGIT / "1" 2DIGIT / %x31-39 DIGIT / DIGIT (longest alternative first)
struct dec_octet : sor< seq< string< '2', '5' >, range< '0', '5' > >, seq< one< '2' >, range< '0', '4' >, abnf::DIGIT >,
                        seq< one< '1' >, abnf::DIGIT, abnf::DIGIT >, seq< range< '1', '9' >, abnf::DIGIT >, abnf::DIGIT > {};
struct IPv4address : seq< dec_octet, dot, dec_octet, dot, dec_octet, dot, dec_octet > {};

struct h16 : rep_min_max< 1, 4, abnf::HEXDIG > {};
struct ls32 : sor< seq< h16, colon, h16 >, IPv4address > {};
struct dcolon : two< ':' > {};
struct IPv6address : sor< seq<                                               rep< 6, h16, colon >, ls32 >,
                          seq<                                       dcolon, rep< 5, h16, colon >, ls32 >,
                          seq< opt< h16                           >, dcolon, rep< 4, h16, colon >, ls32 >,
                          seq< opt< h16,     opt<    colon, h16 > >, dcolon, rep< 3, h16, colon >, ls32 >,
                          seq< opt< h16, rep_opt< 2, colon, h16 > >, dcolon, rep< 2, h16, colon >, ls32 >,
                          seq< opt< h16, rep_opt< 3, colon, h16 > >, dcolon,         h16, colon,   ls32 >,
                          seq< opt< h16, rep_opt< 4, colon, h16 > >, dcolon,                       ls32 >,
                          seq< opt< h16, rep_opt< 5, colon, h16 > >, dcolon,                       h16  >,
                          seq< opt< h16, rep_opt< 6, colon, h16 > >, dcolon                             > > {};

struct sub_delims : one< '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=' > {};
struct unreserved : sor< abnf::ALPHA, abnf::DIGIT, one< '-', '.', '_', '~' > > {};

struct IPvFuture : seq< one< 'v', 'V' >, plus< abnf::HEXDIG >, dot, plus< sor< unreserved, sub_delims, colon > > > {};
struct IP_literal : seq< one< '[' >, sor< IPvFuture, IPv6address >, one< ']' > > {};

struct pct_encoded : seq< one< '%' >, abnf::HEXDIG, abnf::HEXDIG > {};
struct pchar : sor< unreserved, pct_encoded, sub_delims, one< ':', '@' > > {};

struct query : star< sor< pchar, one< '/', '?' > > > {};
struct fragment : star< sor< pchar, one< '/', '?' > > > {};

struct segment : star< pchar > {};
struct segment_nz : plus< pchar > {};
struct path_abempty : star< one< '/' >, segment > {};
struct path_absolute : seq< one< '/' >, opt< segment_nz, star< one< '/' >, segment > > > {};
struct path_rootless : seq< segment_nz, star< one< '/' >, segment > > {};
struct path_empty : success {};

struct reg_name : star< sor< unreserved, pct_encoded, sub_delims > > {};
struct port : star< abnf::DIGIT > {};
struct host : sor< IP_literal, IPv4address, reg_name > {};
struct userinfo : star< sor< unreserved, pct_encoded, sub_delims, colon > > {};
struct authority : seq< opt< userinfo, one< '@' > >, host, opt< colon, port > > {};

struct scheme : seq< abnf::ALPHA, star< sor< abnf::ALPHA, abnf::DIGIT, one< '+', '-', '.' > > > > {};

struct hier_part : sor< seq< two< '/' >, authority, path_abempty >, path_rootless, path_absolute, path_empty > {};
struct URI : seq< scheme, one< ':' >, hier_part, opt< one< '?' >, query >, opt< one< '#' >, fragment > > {};
// clang-format on

}  // namespace mtasts::grammar::uri

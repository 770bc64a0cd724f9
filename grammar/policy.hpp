// RFC 8461 §3.2: the policy file. Names follow the RFC ABNF (read `sta-policy-alphanum` as `sts-policy-alphanum`).
// The validator splits lines itself (to recover per line) and matches each field's parts against these rules;
// `sts_policy_record` is the whole-file rule, used by tests to cross-check the line-level verdicts.
#pragma once

#include "common.hpp"

namespace mtasts::grammar::policy {

// clang-format off
using namespace pegtl;

struct sts_policy_alphanum : abnf::alphanum {};
struct sts_policy_field_delim : seq< one< ':' >, star< abnf::WSP > > {};
struct sts_policy_term : sor< abnf::CRLF, abnf::LF > {};

struct sts_policy_version_field : TAO_PEGTL_STRING( "version" ) {};
struct sts_policy_version_value : TAO_PEGTL_STRING( "STSv1" ) {};
struct sts_policy_mode_field : TAO_PEGTL_STRING( "mode" ) {};
struct sts_policy_mode_value : sor< TAO_PEGTL_STRING( "testing" ), TAO_PEGTL_STRING( "enforce" ), TAO_PEGTL_STRING( "none" ) > {};
struct sts_policy_max_age_field : TAO_PEGTL_STRING( "max_age" ) {};
struct sts_policy_max_age_value : seq< rep_min_max< 1, 10, abnf::DIGIT >, not_at< abnf::DIGIT > > {};
struct sts_policy_mx_field : TAO_PEGTL_STRING( "mx" ) {};
struct sts_policy_mx_value : seq< opt< one< '*' >, one< '.' > >, rfc5321::Domain > {};

struct sts_policy_ext_name : seq< sts_policy_alphanum, rep_max< 31, sor< sts_policy_alphanum, one< '_', '-', '.' > > > > {};
struct sts_policy_vchar : sor< range< 0x21, 0x7e >, utf8::range< 0x80, 0x10ffff > > {};
struct sts_policy_ext_value : seq< sts_policy_vchar, star< star< one< ' ' > >, sts_policy_vchar > > {};

template< typename Field, typename Value >
struct field : seq< Field, sts_policy_field_delim, Value, at< star< abnf::WSP >, sor< sts_policy_term, eof > > > {};

struct sts_policy_version : field< sts_policy_version_field, sts_policy_version_value > {};
struct sts_policy_mode : field< sts_policy_mode_field, sts_policy_mode_value > {};
struct sts_policy_max_age : field< sts_policy_max_age_field, sts_policy_max_age_value > {};
struct sts_policy_mx : field< sts_policy_mx_field, sts_policy_mx_value > {};
struct sts_policy_extension : field< sts_policy_ext_name, sts_policy_ext_value > {};

struct sts_policy_field : sor< sts_policy_version, sts_policy_mode, sts_policy_max_age, sts_policy_mx, sts_policy_extension > {};
struct sts_policy_record : seq< sts_policy_field, star< abnf::WSP >,
                                star< sts_policy_term, sts_policy_field, star< abnf::WSP > >,
                                opt< sts_policy_term >, eof > {};
// clang-format on

}  // namespace mtasts::grammar::policy

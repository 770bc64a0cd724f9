// RFC 8461 §3.1: the _mta-sts TXT record (after its strings are joined).
#pragma once

#include "common.hpp"

namespace mtasts::grammar::sts_record {

// clang-format off
using namespace pegtl;

struct sts_field_delim : seq< star< abnf::WSP >, one< ';' >, star< abnf::WSP > > {};
struct sts_version : TAO_PEGTL_STRING( "v=STSv1" ) {};
struct sts_id_value : seq< rep_min_max< 1, 32, abnf::alphanum >, not_at< abnf::alphanum > > {};
struct sts_id : seq< TAO_PEGTL_STRING( "id=" ), sts_id_value > {};
struct sts_ext_name : seq< abnf::alphanum, rep_max< 31, sor< abnf::alphanum, one< '_', '-', '.' > > > > {};
struct sts_ext_value : plus< sor< range< 0x21, 0x3a >, one< 0x3c >, range< 0x3e, 0x7e > > > {};
struct sts_extension : seq< sts_ext_name, one< '=' >, sts_ext_value > {};
// PEG: a registered field must end where the field ends, else the extension reading applies (`id=a-b` is an
// extension named id per the ABNF; the validator reports it as an invalid id).
struct field_end : at< sor< sts_field_delim, eof > > {};
struct sts_field : sor< seq< sts_id, field_end >, seq< sts_extension, field_end > > {};
struct sts_text_record : seq< sts_version, plus< sts_field_delim, sts_field >, opt< sts_field_delim >, eof > {};
// clang-format on

}  // namespace mtasts::grammar::sts_record

// RFC 7489 §6.4: the _dmarc TXT record (after its strings are joined), rule for rule, with the tags that DMARCbis
// (draft-ietf-dmarc-dmarcbis-41 §4.7, §5.3) adds: np, psd and t. ABNF quoted strings are case-insensitive
// (RFC 5234 §2.3), so "p" and "none" are istrings; %x44 %x4d %x41 %x52 %x43 %x31 ("DMARC1") is case-sensitive.
// Rules only: the checks (core/dmarc/) match single tags and values with them and report what does not match.
#pragma once

#include "common.hpp"
#include "uri.hpp"

namespace mtasts::grammar::dmarc {

// clang-format off
using namespace pegtl;

struct eq : seq< star< abnf::WSP >, one< '=' >, star< abnf::WSP > > {};

// dmarc-uri = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]  (',' and '!' must be encoded inside the URI; the URI
// is matched on the element before its '!', so a URI whose own characters include '!' is read as the size part)
struct size_unit : one< 'k', 'm', 'g', 't', 'K', 'M', 'G', 'T' > {};
struct size_limit : seq< one< '!' >, plus< abnf::DIGIT >, opt< size_unit > > {};
struct uri_part : plus< not_one< '!', ',', ';' > > {};
struct dmarc_uri : seq< uri_part, opt< size_limit > > {};  // the URI part is checked against grammar::uri::URI apart

// dmarc-version = "v" *WSP "=" *WSP %x44 %x4d %x41 %x52 %x43 %x31
struct dmarc_version : seq< one< 'v', 'V' >, eq, string< 'D', 'M', 'A', 'R', 'C', '1' > > {};
// dmarc-sep = *WSP %x3b *WSP
struct dmarc_sep : seq< star< abnf::WSP >, one< ';' >, star< abnf::WSP > > {};

// ( "none" / "quarantine" / "reject" )
struct request_value : sor< TAO_PEGTL_ISTRING( "none" ), TAO_PEGTL_ISTRING( "quarantine" ), TAO_PEGTL_ISTRING( "reject" ) > {};
struct dmarc_request : seq< TAO_PEGTL_ISTRING( "p" ), eq, request_value > {};
struct dmarc_srequest : seq< TAO_PEGTL_ISTRING( "sp" ), eq, request_value > {};
struct dmarc_nprequest : seq< TAO_PEGTL_ISTRING( "np" ), eq, request_value > {};  // DMARCbis

struct uri_list : seq< dmarc_uri, star< star< abnf::WSP >, one< ',' >, star< abnf::WSP >, dmarc_uri > > {};
struct dmarc_auri : seq< TAO_PEGTL_ISTRING( "rua" ), eq, uri_list > {};
struct dmarc_furi : seq< TAO_PEGTL_ISTRING( "ruf" ), eq, uri_list > {};

// ( "r" / "s" )
struct rors_value : one< 'r', 's', 'R', 'S' > {};
struct dmarc_adkim : seq< TAO_PEGTL_ISTRING( "adkim" ), eq, rors_value > {};
struct dmarc_aspf : seq< TAO_PEGTL_ISTRING( "aspf" ), eq, rors_value > {};

// dmarc-ainterval = "ri" *WSP "=" *WSP 1*DIGIT
struct ainterval_value : plus< abnf::DIGIT > {};
struct dmarc_ainterval : seq< TAO_PEGTL_ISTRING( "ri" ), eq, ainterval_value > {};

// dmarc-fo = "fo" *WSP "=" *WSP ( "0" / "1" / "d" / "s" ) *(*WSP ":" *WSP ( "0" / "1" / "d" / "s" ))
struct fo_option : one< '0', '1', 'd', 's', 'D', 'S' > {};
struct fo_value : seq< fo_option, star< star< abnf::WSP >, one< ':' >, star< abnf::WSP >, fo_option > > {};
struct dmarc_fo : seq< TAO_PEGTL_ISTRING( "fo" ), eq, fo_value > {};

// dmarc-rfmt = "rf" *WSP "=" *WSP Keyword *(*WSP ":" Keyword); Keyword = Ldh-str (RFC 5321 §4.1.2)
struct Keyword : rfc5321::sub_domain {};
struct rfmt_value : seq< Keyword, star< star< abnf::WSP >, one< ':' >, Keyword > > {};
struct dmarc_rfmt : seq< TAO_PEGTL_ISTRING( "rf" ), eq, rfmt_value > {};

// dmarc-percent = "pct" *WSP "=" *WSP 1*3DIGIT
struct percent_value : rep_min_max< 1, 3, abnf::DIGIT > {};
struct dmarc_percent : seq< TAO_PEGTL_ISTRING( "pct" ), eq, percent_value > {};

// DMARCbis: dmarc-yorn = "y" / "n"; dmarc-psd = "y" / "n" / "u"
struct yorn_value : one< 'y', 'n', 'Y', 'N' > {};
struct dmarc_test : seq< TAO_PEGTL_ISTRING( "t" ), eq, yorn_value > {};
struct psd_value : one< 'y', 'n', 'u', 'Y', 'N', 'U' > {};
struct dmarc_psd : seq< TAO_PEGTL_ISTRING( "psd" ), eq, psd_value > {};

// A tag of either revision, ended by a separator or the end of the record (PEG: a registered tag must end where the
// tag ends, else 'p=rejected' would match 'p=reject').
struct tag_end : at< sor< dmarc_sep, eof > > {};
struct dmarc_tag : sor< seq< dmarc_srequest, tag_end >, seq< dmarc_nprequest, tag_end >, seq< dmarc_auri, tag_end >,
                        seq< dmarc_furi, tag_end >, seq< dmarc_adkim, tag_end >, seq< dmarc_aspf, tag_end >,
                        seq< dmarc_ainterval, tag_end >, seq< dmarc_fo, tag_end >, seq< dmarc_rfmt, tag_end >,
                        seq< dmarc_percent, tag_end >, seq< dmarc_test, tag_end >, seq< dmarc_psd, tag_end > > {};

// dmarc-record = dmarc-version dmarc-sep [dmarc-request] [dmarc-sep dmarc-srequest] ... [dmarc-sep]
// ("components other than dmarc-version and dmarc-request may appear in any order"): the version, then p, then the
// others in any order (each at most once in the ABNF; repeats are reported by the checks), an optional final ';'.
struct dmarc_record : seq< dmarc_version, dmarc_sep, dmarc_request, tag_end,
                           star< dmarc_sep, dmarc_tag >, opt< dmarc_sep >, eof > {};
// clang-format on

}  // namespace mtasts::grammar::dmarc

#include "certificate.hpp"

#include <array>
#include <cstdio>
#include <set>

#include "der.hpp"

namespace mtasts::x509 {

namespace {

// The parser reports its first error through this state; every step returns false on failure.
struct Parser
{
   DerError err;

   bool fail( std::size_t at, const char* what ) noexcept
   {
      err = { at, what };
      return false;
   }
};

bool is_utc_digit( char c ) { return c >= '0' && c <= '9'; }

unsigned digits( std::string_view s, std::size_t at, std::size_t n )
{
   unsigned v = 0;
   for( std::size_t k = 0; k < n; ++k ) {
      v = v * 10 + static_cast< unsigned >( s[ at + k ] - '0' );
   }
   return v;
}

bool leap( std::int64_t y ) { return ( y % 4 == 0 && y % 100 != 0 ) || y % 400 == 0; }

unsigned days_in_month( std::int64_t y, unsigned m )
{
   static const unsigned d[ 12 ] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
   return m == 2 && leap( y ) ? 29 : d[ m - 1 ];
}

// RFC 5280 §4.1.2.5: UTCTime YYMMDDHHMMSSZ (YY >= 50 is 19YY, else 20YY), GeneralizedTime YYYYMMDDHHMMSSZ; seconds
// and 'Z' are required, no fractions.
bool read_time( Parser& p, const Tlv& t, std::int64_t& out )
{
   const std::string_view s = t.value;
   std::size_t ylen;
   if( t.tag == tag::utc_time ) {
      ylen = 2;
   }
   else if( t.tag == tag::generalized_time ) {
      ylen = 4;
   }
   else {
      return p.fail( t.offset, "a validity time is neither UTCTime nor GeneralizedTime" );
   }
   if( s.size() != ylen + 11 || s.back() != 'Z' ) {
      return p.fail( t.value_offset(), ylen == 2 ? "UTCTime must be YYMMDDHHMMSSZ (RFC 5280 §4.1.2.5.1)" : "GeneralizedTime must be YYYYMMDDHHMMSSZ (RFC 5280 §4.1.2.5.2)" );
   }
   for( std::size_t k = 0; k + 1 < s.size(); ++k ) {
      if( !is_utc_digit( s[ k ] ) ) {
         return p.fail( t.value_offset() + k, "a validity time has a non-digit" );
      }
   }
   std::int64_t y = digits( s, 0, ylen );
   if( ylen == 2 ) {
      y += y >= 50 ? 1900 : 2000;
   }
   const unsigned mo = digits( s, ylen, 2 ), d = digits( s, ylen + 2, 2 ), h = digits( s, ylen + 4, 2 ), mi = digits( s, ylen + 6, 2 ), se = digits( s, ylen + 8, 2 );
   if( mo < 1 || mo > 12 || d < 1 || d > days_in_month( y, mo ) || h > 23 || mi > 59 || se > 59 ) {
      return p.fail( t.value_offset(), "a validity time is not a real date and time" );
   }
   out = days_from_civil( y, mo, d ) * 86400 + h * 3600 + mi * 60 + se;
   return true;
}

constexpr std::string_view k_cn = "\x55\x04\x03";

struct AttrName
{
   std::string_view oid;  // DER contents
   const char* name;
};

const AttrName k_attrs[] = {
   { "\x55\x04\x03", "CN" },
   { "\x55\x04\x06", "C" },
   { "\x55\x04\x0a", "O" },
   { "\x55\x04\x0b", "OU" },
   { "\x55\x04\x07", "L" },
   { "\x55\x04\x08", "ST" },
   { "\x55\x04\x05", "serialNumber" },
   { "\x55\x04\x09", "street" },
   { "\x55\x04\x61", "organizationIdentifier" },
   { "\x2a\x86\x48\x86\xf7\x0d\x01\x09\x01", "emailAddress" },
   { "\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x19", "DC" },
   { "\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x01", "UID" },
};

void put_utf8( std::string& out, std::uint32_t c )
{
   if( c < 0x80 ) {
      out += static_cast< char >( c );
   }
   else if( c < 0x800 ) {
      out += static_cast< char >( 0xc0 | ( c >> 6 ) );
      out += static_cast< char >( 0x80 | ( c & 0x3f ) );
   }
   else if( c < 0x10000 ) {
      out += static_cast< char >( 0xe0 | ( c >> 12 ) );
      out += static_cast< char >( 0x80 | ( ( c >> 6 ) & 0x3f ) );
      out += static_cast< char >( 0x80 | ( c & 0x3f ) );
   }
   else {
      out += static_cast< char >( 0xf0 | ( c >> 18 ) );
      out += static_cast< char >( 0x80 | ( ( c >> 12 ) & 0x3f ) );
      out += static_cast< char >( 0x80 | ( ( c >> 6 ) & 0x3f ) );
      out += static_cast< char >( 0x80 | ( c & 0x3f ) );
   }
}

// A directory string as UTF-8, as OpenSSL's ASN1_STRING_to_UTF8 converts it: one-byte types are Latin-1, BMPString
// UCS-2 and UniversalString UCS-4 (big-endian), UTF8String as is. Bytes that do not decode are kept as they are.
std::string to_utf8( std::uint8_t t, std::string_view v )
{
   std::string out;
   if( t == tag::utf8_string ) {
      return std::string( v );
   }
   if( t == tag::bmp_string && v.size() % 2 == 0 ) {
      for( std::size_t k = 0; k < v.size(); k += 2 ) {
         put_utf8( out, ( std::uint32_t( std::uint8_t( v[ k ] ) ) << 8 ) | std::uint8_t( v[ k + 1 ] ) );
      }
      return out;
   }
   if( t == tag::universal_string && v.size() % 4 == 0 ) {
      for( std::size_t k = 0; k < v.size(); k += 4 ) {
         std::uint32_t c = 0;
         for( std::size_t j = 0; j < 4; ++j ) {
            c = ( c << 8 ) | std::uint8_t( v[ k + j ] );
         }
         if( c > 0x10ffff ) {
            return std::string( v );
         }
         put_utf8( out, c );
      }
      return out;
   }
   if( t == tag::bmp_string || t == tag::universal_string ) {
      return std::string( v );
   }
   for( const char c : v ) {
      put_utf8( out, std::uint8_t( c ) );
   }
   return out;
}

// One line: control characters and the separators are escaped.
void append_escaped( std::string& out, std::string_view v )
{
   for( const char c : v ) {
      const auto u = std::uint8_t( c );
      if( u < 0x20 || u == 0x7f ) {
         static const char* h = "0123456789ABCDEF";
         out += "\\x";
         out += h[ u >> 4 ];
         out += h[ u & 15 ];
      }
      else if( c == ',' || c == '+' || c == '\\' ) {
         out += '\\';
         out += c;
      }
      else {
         out += c;
      }
   }
}

bool read_name( Parser& p, DerReader& r, Name& name )
{
   Tlv seq;
   if( !r.expect( tag::sequence, seq, p.err, "a Name must be a SEQUENCE" ) ) {
      return false;
   }
   // The whole TLV, header included: the comparable encoding.
   name.der.clear();
   auto rdns = DerReader::inside( seq );
   std::string text;
   while( !rdns.empty() ) {
      Tlv set;
      if( !rdns.expect( tag::set, set, p.err, "a RelativeDistinguishedName must be a SET" ) ) {
         return false;
      }
      auto atvs = DerReader::inside( set );
      bool first_in_set = true;
      if( atvs.empty() ) {
         return p.fail( set.offset, "an empty RelativeDistinguishedName" );
      }
      while( !atvs.empty() ) {
         Tlv atv, type, value;
         if( !atvs.expect( tag::sequence, atv, p.err, "an AttributeTypeAndValue must be a SEQUENCE" ) ) {
            return false;
         }
         auto in = DerReader::inside( atv );
         if( !in.expect( tag::oid, type, p.err, "an attribute type must be an OBJECT IDENTIFIER" ) || !in.next( value, p.err ) ) {
            return false;
         }
         if( !in.empty() ) {
            return p.fail( in.position(), "unexpected data after an attribute value" );
         }
         if( !text.empty() ) {
            text += first_in_set ? ", " : " + ";
         }
         first_in_set = false;
         const char* short_name = nullptr;
         for( const auto& a : k_attrs ) {
            if( a.oid == type.value ) {
               short_name = a.name;
            }
         }
         text += short_name ? std::string( short_name ) : oid_text( type.value );
         text += '=';
         const std::string v = value.constructed() ? "#" + hex( value.value ) : to_utf8( value.tag, value.value );
         append_escaped( text, v );
         if( type.value == k_cn ) {
            name.cns.push_back( v );
         }
      }
   }
   name.text = std::move( text );
   return true;
}

bool read_integer_hex( Parser& p, const Tlv& t, std::string& out )
{
   const std::string_view v = t.value;
   if( v.empty() ) {
      return p.fail( t.offset, "an INTEGER with no content octets" );
   }
   const bool negative = ( std::uint8_t( v[ 0 ] ) & 0x80 ) != 0;
   std::string mag( v );
   if( negative ) {  // two's complement: invert and add one
      for( auto& c : mag ) {
         c = static_cast< char >( ~std::uint8_t( c ) );
      }
      for( std::size_t k = mag.size(); k-- > 0; ) {
         const auto u = std::uint8_t( mag[ k ] );
         mag[ k ] = static_cast< char >( std::uint8_t( u + 1 ) );
         if( u != 0xff ) {
            break;
         }
      }
   }
   std::size_t z = 0;
   while( z < mag.size() && mag[ z ] == 0 ) {
      ++z;
   }
   std::string h = hex( std::string_view( mag ).substr( z ) );
   if( h.empty() ) {
      h = "0";
   }
   out = ( negative ? "-" : "" ) + h;
   return true;
}

bool read_small_int( Parser& p, const Tlv& t, std::int64_t& out )
{
   if( t.value.empty() || t.value.size() > 8 ) {
      return p.fail( t.offset, "an INTEGER out of range" );
   }
   std::uint64_t u = ( std::uint8_t( t.value[ 0 ] ) & 0x80 ) ? ~std::uint64_t( 0 ) : 0;
   for( const char c : t.value ) {
      u = ( u << 8 ) | std::uint8_t( c );
   }
   out = static_cast< std::int64_t >( u );
   return true;
}

// Bits of an unsigned big-endian magnitude (an INTEGER's contents; a leading zero octet is skipped).
int magnitude_bits( std::string_view v )
{
   std::size_t z = 0;
   while( z < v.size() && v[ z ] == 0 ) {
      ++z;
   }
   if( z == v.size() ) {
      return 0;
   }
   int bits = static_cast< int >( ( v.size() - z - 1 ) * 8 );
   for( auto b = std::uint8_t( v[ z ] ); b; b = static_cast< std::uint8_t >( b >> 1 ) ) {
      ++bits;
   }
   return bits;
}

struct Curve
{
   const char* oid;
   int bits;
};

const Curve k_curves[] = {
   { "1.2.840.10045.3.1.7", 256 }, { "1.3.132.0.34", 384 }, { "1.3.132.0.35", 521 }, { "1.3.132.0.10", 256 },
   { "1.3.132.0.33", 224 },        { "1.2.840.10045.3.1.1", 192 }, { "1.3.36.3.3.2.8.1.1.7", 256 },
   { "1.3.36.3.3.2.8.1.1.11", 384 }, { "1.3.36.3.3.2.8.1.1.13", 512 },
};

bool read_spki( Parser& p, DerReader& r, Certificate& c )
{
   Tlv spki, alg, algoid, key;
   if( !r.expect( tag::sequence, spki, p.err, "subjectPublicKeyInfo must be a SEQUENCE" ) ) {
      return false;
   }
   auto in = DerReader::inside( spki );
   if( !in.expect( tag::sequence, alg, p.err, "the public key algorithm must be a SEQUENCE" ) || !in.expect( tag::bit_string, key, p.err, "the public key must be a BIT STRING" ) ) {
      return false;
   }
   auto a = DerReader::inside( alg );
   if( !a.expect( tag::oid, algoid, p.err, "the public key algorithm must start with an OBJECT IDENTIFIER" ) ) {
      return false;
   }
   c.key_oid = oid_text( algoid.value );
   if( key.value.empty() || key.value[ 0 ] != 0 ) {
      return p.fail( key.value_offset(), "a public key BIT STRING with unused bits" );
   }
   const std::string_view bits = key.value.substr( 1 );
   const std::size_t bits_at = key.value_offset() + 1;
   if( c.key_oid == "1.2.840.113549.1.1.1" || c.key_oid == "1.2.840.113549.1.1.10" ) {
      c.key_type = c.key_oid == "1.2.840.113549.1.1.1" ? "RSA" : "RSA-PSS";
      DerReader kr( bits, bits_at );
      Tlv seq, n;
      if( !kr.expect( tag::sequence, seq, p.err, "an RSA public key must be a SEQUENCE" ) ) {
         return false;
      }
      auto ki = DerReader::inside( seq );
      if( !ki.expect( tag::integer, n, p.err, "an RSA modulus must be an INTEGER" ) ) {
         return false;
      }
      c.key_bits = magnitude_bits( n.value );
   }
   else if( c.key_oid == "1.2.840.10045.2.1" ) {
      c.key_type = "EC";
      Tlv curve;
      if( !a.next( curve, p.err ) ) {
         return false;
      }
      if( curve.tag == tag::oid ) {
         c.ec_curve_oid = oid_text( curve.value );
         for( const auto& k : k_curves ) {
            if( c.ec_curve_oid == k.oid ) {
               c.key_bits = k.bits;
            }
         }
      }
   }
   else if( c.key_oid == "1.3.101.112" ) {
      c.key_type = "Ed25519";
      c.key_bits = 256;  // as OpenSSL 3 counts it (ED25519_BITS)
   }
   else if( c.key_oid == "1.3.101.113" ) {
      c.key_type = "Ed448";
      c.key_bits = 456;
   }
   else if( c.key_oid == "1.2.840.10040.4.1" ) {
      c.key_type = "DSA";
      Tlv params, pp;
      if( !a.empty() && a.peek_tag() == tag::sequence && a.next( params, p.err ) ) {
         auto pi = DerReader::inside( params );
         if( pi.expect( tag::integer, pp, p.err, "DSA parameters must start with an INTEGER" ) ) {
            c.key_bits = magnitude_bits( pp.value );
         }
         else {
            return false;
         }
      }
   }
   else {
      c.key_type = c.key_oid;
   }
   return true;
}

// Critical extensions OpenSSL's X509_supported_extension() handles; any other critical one is "unknown".
const char* const k_supported[] = {
   "2.16.840.1.113730.1.1",  // netscape cert type
   "2.5.29.15",              // keyUsage
   "2.5.29.17",              // subjectAltName
   "2.5.29.19",              // basicConstraints
   "2.5.29.32",              // certificatePolicies
   "2.5.29.37",              // extKeyUsage
   "2.5.29.36",              // policyConstraints
   "1.3.6.1.5.5.7.1.14",     // proxyCertInfo
   "2.5.29.30",              // nameConstraints
   "2.5.29.33",              // policyMappings
   "2.5.29.54",              // inhibitAnyPolicy
   "1.3.6.1.5.5.7.1.7",      // sbgp-ipAddrBlock
   "1.3.6.1.5.5.7.1.8",      // sbgp-autonomousSysNum
};

bool read_extension_value( Parser& p, const std::string& oid, const Tlv& octets, Certificate& c )
{
   DerReader r = DerReader::inside( octets );
   Tlv t;
   if( oid == "2.5.29.17" ) {
      c.has_san = true;
      if( !r.expect( tag::sequence, t, p.err, "subjectAltName must be a SEQUENCE" ) ) {
         return false;
      }
      auto names = DerReader::inside( t );
      while( !names.empty() ) {
         Tlv g;
         if( !names.next( g, p.err ) ) {
            return false;
         }
         if( g.tag == 0x82 ) {
            c.dns_names.emplace_back( g.value );
         }
         else if( g.tag == 0x87 ) {
            c.ip_addresses.emplace_back( g.value );
         }
      }
   }
   else if( oid == "2.5.29.19" ) {
      c.has_basic_constraints = true;
      if( !r.expect( tag::sequence, t, p.err, "basicConstraints must be a SEQUENCE" ) ) {
         return false;
      }
      auto in = DerReader::inside( t );
      Tlv f;
      if( !in.empty() && in.peek_tag() == tag::boolean ) {
         if( !in.next( f, p.err ) ) {
            return false;
         }
         if( f.value.size() != 1 ) {
            return p.fail( f.offset, "a BOOLEAN must have one content octet" );
         }
         c.ca = f.value[ 0 ] != 0;
      }
      if( !in.empty() ) {
         std::int64_t v = 0;
         if( !in.expect( tag::integer, f, p.err, "pathLenConstraint must be an INTEGER" ) || !read_small_int( p, f, v ) ) {
            return false;
         }
         c.path_len = v;
      }
      if( !in.empty() ) {
         return p.fail( in.position(), "unexpected data in basicConstraints" );
      }
   }
   else if( oid == "2.5.29.37" ) {
      c.has_eku = true;
      if( !r.expect( tag::sequence, t, p.err, "extKeyUsage must be a SEQUENCE" ) ) {
         return false;
      }
      auto in = DerReader::inside( t );
      while( !in.empty() ) {
         Tlv o;
         if( !in.expect( tag::oid, o, p.err, "a key purpose must be an OBJECT IDENTIFIER" ) ) {
            return false;
         }
         c.eku_oids.push_back( oid_text( o.value ) );
      }
   }
   else if( oid == "2.5.29.14" ) {
      if( !r.expect( tag::octet_string, t, p.err, "subjectKeyIdentifier must be an OCTET STRING" ) ) {
         return false;
      }
      c.subject_key_id = std::string( t.value );
   }
   else if( oid == "2.5.29.35" ) {
      if( !r.expect( tag::sequence, t, p.err, "authorityKeyIdentifier must be a SEQUENCE" ) ) {
         return false;
      }
      auto in = DerReader::inside( t );
      while( !in.empty() ) {
         Tlv f;
         if( !in.next( f, p.err ) ) {
            return false;
         }
         if( f.tag == 0x80 ) {
            c.authority_key_id = std::string( f.value );
         }
      }
   }
   else {
      return true;
   }
   if( !r.empty() ) {
      return p.fail( r.position(), "unexpected data after an extension's value" );
   }
   return true;
}

bool read_extensions( Parser& p, const Tlv& wrapper, Certificate& c )
{
   auto w = DerReader::inside( wrapper );
   Tlv seq;
   if( !w.expect( tag::sequence, seq, p.err, "extensions must be a SEQUENCE" ) ) {
      return false;
   }
   if( !w.empty() ) {
      return p.fail( w.position(), "unexpected data after the extensions" );
   }
   auto exts = DerReader::inside( seq );
   std::set< std::string > seen;  // (a set: a certificate may hold many extensions)
   while( !exts.empty() ) {
      Tlv ext, id, f;
      if( !exts.expect( tag::sequence, ext, p.err, "an Extension must be a SEQUENCE" ) ) {
         return false;
      }
      auto in = DerReader::inside( ext );
      if( !in.expect( tag::oid, id, p.err, "an extension must start with an OBJECT IDENTIFIER" ) ) {
         return false;
      }
      const std::string oid = oid_text( id.value );
      if( oid.empty() ) {
         return p.fail( id.offset, "a malformed OBJECT IDENTIFIER" );
      }
      if( !seen.insert( oid ).second ) {
         return p.fail( ext.offset, "an extension appears twice (RFC 5280 §4.2)" );
      }
      bool critical = false;
      if( !in.next( f, p.err ) ) {
         return false;
      }
      if( f.tag == tag::boolean ) {
         if( f.value.size() != 1 ) {
            return p.fail( f.offset, "a BOOLEAN must have one content octet" );
         }
         critical = f.value[ 0 ] != 0;
         if( !in.next( f, p.err ) ) {
            return false;
         }
      }
      if( f.tag != tag::octet_string ) {
         return p.fail( f.offset, "an extension value must be an OCTET STRING" );
      }
      if( !in.empty() ) {
         return p.fail( in.position(), "unexpected data after an extension" );
      }
      if( !read_extension_value( p, oid, f, c ) ) {
         return false;
      }
      if( critical ) {
         bool known = false;
         for( const char* s : k_supported ) {
            known = known || oid == s;
         }
         if( !known ) {
            c.unknown_critical.push_back( oid );
         }
      }
   }
   return true;
}

bool read_algorithm_oid( Parser& p, DerReader& r, std::string& out, const char* what )
{
   Tlv seq, id;
   if( !r.expect( tag::sequence, seq, p.err, what ) ) {
      return false;
   }
   auto in = DerReader::inside( seq );
   if( !in.expect( tag::oid, id, p.err, "an AlgorithmIdentifier must start with an OBJECT IDENTIFIER" ) ) {
      return false;
   }
   out = oid_text( id.value );
   if( out.empty() ) {
      return p.fail( id.offset, "a malformed OBJECT IDENTIFIER" );
   }
   return true;
}

bool read_certificate( Parser& p, std::string_view der, Certificate& c )
{
   DerReader top( der, 0 );
   Tlv cert, tbs, sig;
   if( !top.expect( tag::sequence, cert, p.err, "a certificate must start with a SEQUENCE" ) ) {
      return false;
   }
   c.size = cert.end();
   auto cr = DerReader::inside( cert );
   if( !cr.expect( tag::sequence, tbs, p.err, "tbsCertificate must be a SEQUENCE" ) ) {
      return false;
   }
   std::string tbs_sig;
   if( !read_algorithm_oid( p, cr, c.signature_oid, "signatureAlgorithm must be a SEQUENCE" ) || !cr.expect( tag::bit_string, sig, p.err, "signatureValue must be a BIT STRING" ) ) {
      return false;
   }
   if( !cr.empty() ) {
      return p.fail( cr.position(), "unexpected data after the signature" );
   }
   auto r = DerReader::inside( tbs );
   Tlv t;
   if( r.peek_tag() == 0xa0 ) {
      Tlv v;
      std::int64_t n = 0;
      if( !r.next( t, p.err ) ) {
         return false;
      }
      auto vi = DerReader::inside( t );
      if( !vi.expect( tag::integer, v, p.err, "version must be an INTEGER" ) || !read_small_int( p, v, n ) ) {
         return false;
      }
      if( n < 0 || n > 2 ) {
         return p.fail( v.offset, "unknown certificate version" );
      }
      c.version = static_cast< int >( n ) + 1;
   }
   if( !r.expect( tag::integer, t, p.err, "serialNumber must be an INTEGER" ) || !read_integer_hex( p, t, c.serial_hex ) ) {
      return false;
   }
   if( !read_algorithm_oid( p, r, tbs_sig, "the signature algorithm must be a SEQUENCE" ) ) {
      return false;
   }
   std::size_t at = r.position();
   if( !read_name( p, r, c.issuer ) ) {
      return false;
   }
   c.issuer.der = std::string( der.substr( at, r.position() - at ) );
   Tlv validity, nb, na;
   if( !r.expect( tag::sequence, validity, p.err, "validity must be a SEQUENCE" ) ) {
      return false;
   }
   auto vr = DerReader::inside( validity );
   if( !vr.next( nb, p.err ) || !read_time( p, nb, c.not_before ) || !vr.next( na, p.err ) || !read_time( p, na, c.not_after ) ) {
      return false;
   }
   if( !vr.empty() ) {
      return p.fail( vr.position(), "unexpected data after notAfter" );
   }
   at = r.position();
   if( !read_name( p, r, c.subject ) ) {
      return false;
   }
   c.subject.der = std::string( der.substr( at, r.position() - at ) );
   if( !read_spki( p, r, c ) ) {
      return false;
   }
   while( !r.empty() ) {
      if( !r.next( t, p.err ) ) {
         return false;
      }
      if( t.tag == 0xa3 ) {
         if( !read_extensions( p, t, c ) ) {
            return false;
         }
      }
      else if( t.tag != 0x81 && t.tag != 0x82 && t.tag != 0xa1 && t.tag != 0xa2 ) {
         return p.fail( t.offset, "unexpected element in tbsCertificate" );
      }
   }
   return true;
}

}  // namespace

ParseResult parse_certificate( std::string_view der ) noexcept
{
   ParseResult out;
#if defined( __cpp_exceptions )
   try {
#endif
      Parser p;
      Certificate c;
      if( read_certificate( p, der, c ) ) {
         out.cert = std::move( c );
      }
      else {
         out.error = ParseError{ p.err.offset, p.err.what ? p.err.what : "malformed DER" };
      }
#if defined( __cpp_exceptions )
   }
   catch( ... ) {
      out.cert.reset();
      out.error = ParseError{ 0, "out of memory" };
   }
#endif
   return out;
}

std::string oid_text( std::string_view v )
{
   std::string out;
   std::uint64_t arc = 0;
   bool first = true;
   if( v.empty() || ( std::uint8_t( v.back() ) & 0x80 ) ) {
      return {};
   }
   for( std::size_t k = 0; k < v.size(); ++k ) {
      const auto b = std::uint8_t( v[ k ] );
      if( arc == 0 && b == 0x80 ) {
         return {};  // not minimal
      }
      if( arc > ( ~std::uint64_t( 0 ) >> 7 ) ) {
         return {};  // an arc beyond 64 bits
      }
      arc = ( arc << 7 ) | ( b & 0x7f );
      if( b & 0x80 ) {
         continue;
      }
      if( first ) {
         const std::uint64_t top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
         out = std::to_string( top ) + "." + std::to_string( arc - top * 40 );
         first = false;
      }
      else {
         out += "." + std::to_string( arc );
      }
      arc = 0;
   }
   return out;
}

std::string hex( std::string_view bytes, char sep )
{
   static const char* h = "0123456789ABCDEF";
   std::string out;
   for( std::size_t k = 0; k < bytes.size(); ++k ) {
      if( sep && k ) {
         out += sep;
      }
      const auto u = std::uint8_t( bytes[ k ] );
      out += h[ u >> 4 ];
      out += h[ u & 15 ];
   }
   return out;
}

std::string ip_text( std::string_view raw )
{
   if( raw.size() == 4 ) {
      std::string out;
      for( std::size_t k = 0; k < 4; ++k ) {
         out += ( k ? "." : "" ) + std::to_string( std::uint8_t( raw[ k ] ) );
      }
      return out;
   }
   if( raw.size() == 16 ) {
      std::array< unsigned, 8 > g{};
      for( std::size_t k = 0; k < 8; ++k ) {
         g[ k ] = ( unsigned( std::uint8_t( raw[ 2 * k ] ) ) << 8 ) | std::uint8_t( raw[ 2 * k + 1 ] );
      }
      // RFC 5952 §4.2: the longest run of two or more zero groups (the first when tied) becomes "::"
      std::size_t best = 8, best_len = 1;
      for( std::size_t k = 0; k < 8; ) {
         std::size_t e = k;
         while( e < 8 && g[ e ] == 0 ) {
            ++e;
         }
         if( e - k > best_len ) {
            best = k;
            best_len = e - k;
         }
         k = e == k ? k + 1 : e;
      }
      static const char* h = "0123456789abcdef";
      std::string out;
      for( std::size_t k = 0; k < 8; ++k ) {
         if( k == best ) {
            out += "::";
            k += best_len - 1;
            continue;
         }
         if( !out.empty() && out.back() != ':' ) {
            out += ':';
         }
         std::string grp;
         for( unsigned v = g[ k ];; v >>= 4 ) {
            grp.insert( grp.begin(), h[ v & 15 ] );
            if( v < 16 ) {
               break;
            }
         }
         out += grp;
      }
      return out;
   }
   return hex( raw );
}

std::int64_t days_from_civil( std::int64_t y, unsigned m, unsigned d ) noexcept
{
   // H. Hinnant's algorithm: days since 1970-01-01 of a proleptic Gregorian date.
   y -= m <= 2;
   const std::int64_t era = ( y >= 0 ? y : y - 399 ) / 400;
   const auto yoe = static_cast< unsigned >( y - era * 400 );
   const unsigned doy = ( 153 * ( m > 2 ? m - 3 : m + 9 ) + 2 ) / 5 + d - 1;
   const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
   return era * 146097 + static_cast< std::int64_t >( doe ) - 719468;
}

std::string time_text( std::int64_t t )
{
   std::int64_t days = t >= 0 ? t / 86400 : -( ( -t + 86399 ) / 86400 );
   std::int64_t secs = t - days * 86400;
   // civil_from_days
   days += 719468;
   const std::int64_t era = ( days >= 0 ? days : days - 146096 ) / 146097;
   const auto doe = static_cast< unsigned >( days - era * 146097 );
   const unsigned yoe = ( doe - doe / 1460 + doe / 36524 - doe / 146096 ) / 365;
   std::int64_t y = static_cast< std::int64_t >( yoe ) + era * 400;
   const unsigned doy = doe - ( 365 * yoe + yoe / 4 - yoe / 100 );
   const unsigned mp = ( 5 * doy + 2 ) / 153;
   const unsigned d = doy - ( 153 * mp + 2 ) / 5 + 1;
   const unsigned m = mp < 10 ? mp + 3 : mp - 9;
   y += m <= 2;
   char buf[ 128 ];
   std::snprintf( buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast< long long >( y ), m, d, static_cast< long long >( secs / 3600 ), static_cast< long long >( secs / 60 % 60 ), static_cast< long long >( secs % 60 ) );
   return buf;
}

std::optional< std::int64_t > parse_time_text( std::string_view s ) noexcept
{
   // YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SSZ
   const auto num = [ & ]( std::size_t at, std::size_t n, unsigned& v ) {
      v = 0;
      for( std::size_t k = 0; k < n; ++k ) {
         if( at + k >= s.size() || !is_utc_digit( s[ at + k ] ) ) {
            return false;
         }
         v = v * 10 + static_cast< unsigned >( s[ at + k ] - '0' );
      }
      return true;
   };
   unsigned y, mo, d, h = 0, mi = 0, se = 0;
   if( !( s.size() == 10 || s.size() == 20 ) || !num( 0, 4, y ) || s[ 4 ] != '-' || !num( 5, 2, mo ) || s[ 7 ] != '-' || !num( 8, 2, d ) ) {
      return std::nullopt;
   }
   if( s.size() == 20 && ( s[ 10 ] != 'T' || !num( 11, 2, h ) || s[ 13 ] != ':' || !num( 14, 2, mi ) || s[ 16 ] != ':' || !num( 17, 2, se ) || s[ 19 ] != 'Z' ) ) {
      return std::nullopt;
   }
   if( mo < 1 || mo > 12 || d < 1 || d > days_in_month( y, mo ) || h > 23 || mi > 59 || se > 59 ) {
      return std::nullopt;
   }
   return days_from_civil( y, mo, d ) * 86400 + h * 3600 + mi * 60 + se;
}

}  // namespace mtasts::x509

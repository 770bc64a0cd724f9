// Test helpers linked with OpenSSL (the reference reader): certificates generated at test time (no key or certificate
// is committed), and OpenSSL's reading of a certificate as the same facts core/x509 produces.
#pragma once

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/x509/certificate.hpp"

namespace x509test {

struct Key
{
   EVP_PKEY* pkey = nullptr;
   explicit Key( EVP_PKEY* k ) : pkey( k ) { if( !k ) throw std::runtime_error( "key generation failed" ); }
   Key( const Key& ) = delete;
   ~Key() { EVP_PKEY_free( pkey ); }
};

inline Key& ec_key()
{
   static Key k( EVP_EC_gen( "P-256" ) );
   return k;
}
inline Key& ec384_key()
{
   static Key k( EVP_EC_gen( "P-384" ) );
   return k;
}
inline Key& rsa_key()
{
   static Key k( EVP_RSA_gen( 2048 ) );
   return k;
}
inline Key& ed25519_key()
{
   static Key k( EVP_PKEY_Q_keygen( nullptr, nullptr, "ED25519" ) );
   return k;
}

struct Ext
{
   std::string name;   // "subjectAltName", "basicConstraints", ... (openssl x509v3_config syntax)
   std::string value;  // "DNS:mta-sts.example.com", "critical,CA:TRUE"
};

struct Spec
{
   std::vector< std::pair< std::string, std::string > > subject{ { "CN", "mta-sts.example.com" } };
   std::vector< std::pair< std::string, std::string > > issuer;  // empty: self-issued (same as subject)
   std::string not_before = "20260101000000Z";   // 13 characters: UTCTime, 15: GeneralizedTime
   std::string not_after = "20270101000000Z";
   long serial = 4096;
   std::string serial_hex;   // when set, BN_hex2bn (a leading '-' for negative) instead of `serial`
   std::vector< Ext > exts;
   // A raw extension: dotted OID, critical, DER contents of extnValue
   std::vector< std::tuple< std::string, bool, std::string > > raw_exts;
   EVP_PKEY* key = nullptr;         // the subject's key (default ec_key())
   EVP_PKEY* signer = nullptr;      // default: key (self-signed)
   X509* issuer_cert = nullptr;     // for extensions that read the issuer (authorityKeyIdentifier)
   int version = 3;
};

inline X509_NAME* make_name( const std::vector< std::pair< std::string, std::string > >& parts )
{
   X509_NAME* n = X509_NAME_new();
   for( const auto& [ k, v ] : parts ) {
      X509_NAME_add_entry_by_txt( n, k.c_str(), MBSTRING_UTF8, reinterpret_cast< const unsigned char* >( v.data() ), static_cast< int >( v.size() ), -1, 0 );
   }
   return n;
}

inline ASN1_TIME* make_time( const std::string& s )
{
   ASN1_TIME* t = ASN1_TIME_new();
   const int ok = s.size() == 13 ? ASN1_UTCTIME_set_string( t, s.c_str() ) : ASN1_GENERALIZEDTIME_set_string( t, s.c_str() );
   if( !ok ) {
      throw std::runtime_error( "bad time " + s );
   }
   return t;
}

// Builds and signs a certificate; returns the X509 (caller frees).
inline X509* make_x509( const Spec& s )
{
   EVP_PKEY* key = s.key ? s.key : ec_key().pkey;
   EVP_PKEY* signer = s.signer ? s.signer : key;
   X509* x = X509_new();
   X509_set_version( x, s.version - 1 );
   ASN1_INTEGER* serial = ASN1_INTEGER_new();
   if( !s.serial_hex.empty() ) {
      BIGNUM* bn = nullptr;
      BN_hex2bn( &bn, s.serial_hex.c_str() );
      BN_to_ASN1_INTEGER( bn, serial );
      BN_free( bn );
   }
   else {
      ASN1_INTEGER_set( serial, s.serial );
   }
   X509_set_serialNumber( x, serial );
   ASN1_INTEGER_free( serial );
   X509_NAME* subj = make_name( s.subject );
   X509_NAME* iss = make_name( s.issuer.empty() ? s.subject : s.issuer );
   X509_set_subject_name( x, subj );
   X509_set_issuer_name( x, iss );
   X509_NAME_free( subj );
   X509_NAME_free( iss );
   ASN1_TIME* nb = make_time( s.not_before );
   ASN1_TIME* na = make_time( s.not_after );
   X509_set1_notBefore( x, nb );
   X509_set1_notAfter( x, na );
   ASN1_TIME_free( nb );
   ASN1_TIME_free( na );
   X509_set_pubkey( x, key );
   X509V3_CTX ctx;
   X509V3_set_ctx( &ctx, s.issuer_cert ? s.issuer_cert : x, x, nullptr, nullptr, 0 );
   for( const auto& e : s.exts ) {
      X509_EXTENSION* ext = X509V3_EXT_conf( nullptr, &ctx, e.name.c_str(), e.value.c_str() );
      if( !ext ) {
         throw std::runtime_error( "bad extension " + e.name + "=" + e.value );
      }
      X509_add_ext( x, ext, -1 );
      X509_EXTENSION_free( ext );
   }
   for( const auto& [ oid, crit, der ] : s.raw_exts ) {
      ASN1_OBJECT* obj = OBJ_txt2obj( oid.c_str(), 1 );
      ASN1_OCTET_STRING* os = ASN1_OCTET_STRING_new();
      ASN1_OCTET_STRING_set( os, reinterpret_cast< const unsigned char* >( der.data() ), static_cast< int >( der.size() ) );
      X509_EXTENSION* ext = X509_EXTENSION_create_by_OBJ( nullptr, obj, crit ? 1 : 0, os );
      X509_add_ext( x, ext, -1 );
      X509_EXTENSION_free( ext );
      ASN1_OCTET_STRING_free( os );
      ASN1_OBJECT_free( obj );
   }
   const bool no_digest = EVP_PKEY_get_base_id( signer ) == EVP_PKEY_ED25519 || EVP_PKEY_get_base_id( signer ) == EVP_PKEY_ED448;
   if( !X509_sign( x, signer, no_digest ? nullptr : EVP_sha256() ) ) {
      throw std::runtime_error( "X509_sign failed" );
   }
   return x;
}

inline std::string der_of( X509* x )
{
   unsigned char* buf = nullptr;
   const int n = i2d_X509( x, &buf );
   std::string out( reinterpret_cast< char* >( buf ), static_cast< std::size_t >( n ) );
   OPENSSL_free( buf );
   return out;
}

inline std::string pem_of( X509* x )
{
   BIO* b = BIO_new( BIO_s_mem() );
   PEM_write_bio_X509( b, x );
   char* p = nullptr;
   const long n = BIO_get_mem_data( b, &p );
   std::string out( p, static_cast< std::size_t >( n ) );
   BIO_free( b );
   return out;
}

inline std::string make_der( const Spec& s )
{
   X509* x = make_x509( s );
   std::string d = der_of( x );
   X509_free( x );
   return d;
}

inline std::string make_pem( const Spec& s )
{
   X509* x = make_x509( s );
   std::string d = pem_of( x );
   X509_free( x );
   return d;
}

inline std::string obj_text( const ASN1_OBJECT* o )
{
   char buf[ 256 ];
   const int n = OBJ_obj2txt( buf, sizeof buf, o, 1 );
   return n > 0 ? std::string( buf, static_cast< std::size_t >( n ) ) : std::string();
}

inline std::string asn1_bytes( const ASN1_STRING* s )
{
   return s ? std::string( reinterpret_cast< const char* >( ASN1_STRING_get0_data( s ) ), static_cast< std::size_t >( ASN1_STRING_length( s ) ) ) : std::string();
}

inline std::int64_t asn1_time( const ASN1_TIME* t )
{
   struct tm tm{};
   if( !ASN1_TIME_to_tm( t, &tm ) ) {
      throw std::runtime_error( "ASN1_TIME_to_tm failed" );
   }
   return static_cast< std::int64_t >( timegm( &tm ) );
}

// OpenSSL's reading, as the same struct; std::nullopt when d2i_X509 refuses the bytes.
inline std::optional< mtasts::x509::Certificate > openssl_read( const std::string& der )
{
   const unsigned char* p = reinterpret_cast< const unsigned char* >( der.data() );
   X509* x = d2i_X509( nullptr, &p, static_cast< long >( der.size() ) );
   if( !x ) {
      return std::nullopt;
   }
   mtasts::x509::Certificate c;
   c.size = static_cast< std::size_t >( p - reinterpret_cast< const unsigned char* >( der.data() ) );
   c.version = static_cast< int >( X509_get_version( x ) ) + 1;
   {
      BIGNUM* bn = ASN1_INTEGER_to_BN( X509_get0_serialNumber( x ), nullptr );
      char* h = BN_bn2hex( bn );
      c.serial_hex = h;
      OPENSSL_free( h );
      BN_free( bn );
   }
   {
      const ASN1_BIT_STRING* sig = nullptr;
      const X509_ALGOR* alg = nullptr;
      X509_get0_signature( &sig, &alg, x );
      const ASN1_OBJECT* o = nullptr;
      X509_ALGOR_get0( &o, nullptr, nullptr, alg );
      c.signature_oid = obj_text( o );
   }
   const auto name = [ & ]( X509_NAME* n, mtasts::x509::Name& out ) {
      unsigned char* buf = nullptr;
      const int len = i2d_X509_NAME( n, &buf );
      out.der.assign( reinterpret_cast< char* >( buf ), static_cast< std::size_t >( len ) );
      OPENSSL_free( buf );
      for( int i = -1; ( i = X509_NAME_get_index_by_NID( n, NID_commonName, i ) ) >= 0; ) {
         unsigned char* u = nullptr;
         const int ul = ASN1_STRING_to_UTF8( &u, X509_NAME_ENTRY_get_data( X509_NAME_get_entry( n, i ) ) );
         out.cns.push_back( ul >= 0 ? std::string( reinterpret_cast< char* >( u ), static_cast< std::size_t >( ul ) ) : std::string( "<ASN1_STRING_to_UTF8 failed>" ) );
         OPENSSL_free( u );
      }
   };
   name( X509_get_issuer_name( x ), c.issuer );
   name( X509_get_subject_name( x ), c.subject );
   c.not_before = asn1_time( X509_get0_notBefore( x ) );
   c.not_after = asn1_time( X509_get0_notAfter( x ) );
   {
      ASN1_OBJECT* o = nullptr;
      const void* pval = nullptr;
      int ptype = 0;
      X509_ALGOR* pa = nullptr;
      X509_PUBKEY_get0_param( &o, nullptr, nullptr, &pa, X509_get_X509_PUBKEY( x ) );
      c.key_oid = obj_text( o );
      X509_ALGOR_get0( nullptr, &ptype, &pval, pa );
      if( ptype == V_ASN1_OBJECT ) {
         c.ec_curve_oid = obj_text( static_cast< const ASN1_OBJECT* >( pval ) );
      }
      EVP_PKEY* k = X509_get0_pubkey( x );
      c.key_bits = k ? EVP_PKEY_get_bits( k ) : -1;
   }
   int crit = -1;
   if( auto* gens = static_cast< GENERAL_NAMES* >( X509_get_ext_d2i( x, NID_subject_alt_name, &crit, nullptr ) ) ) {
      c.has_san = true;
      for( int i = 0; i < sk_GENERAL_NAME_num( gens ); ++i ) {
         const GENERAL_NAME* g = sk_GENERAL_NAME_value( gens, i );
         if( g->type == GEN_DNS ) {
            c.dns_names.push_back( asn1_bytes( g->d.dNSName ) );
         }
         else if( g->type == GEN_IPADD ) {
            c.ip_addresses.push_back( asn1_bytes( g->d.iPAddress ) );
         }
      }
      GENERAL_NAMES_free( gens );
   }
   if( auto* bc = static_cast< BASIC_CONSTRAINTS* >( X509_get_ext_d2i( x, NID_basic_constraints, &crit, nullptr ) ) ) {
      c.has_basic_constraints = true;
      c.ca = bc->ca != 0;
      if( bc->pathlen ) {
         c.path_len = ASN1_INTEGER_get( bc->pathlen );
      }
      BASIC_CONSTRAINTS_free( bc );
   }
   if( auto* eku = static_cast< EXTENDED_KEY_USAGE* >( X509_get_ext_d2i( x, NID_ext_key_usage, &crit, nullptr ) ) ) {
      c.has_eku = true;
      for( int i = 0; i < sk_ASN1_OBJECT_num( eku ); ++i ) {
         c.eku_oids.push_back( obj_text( sk_ASN1_OBJECT_value( eku, i ) ) );
      }
      EXTENDED_KEY_USAGE_free( eku );
   }
   c.subject_key_id = asn1_bytes( X509_get0_subject_key_id( x ) );
   c.authority_key_id = asn1_bytes( X509_get0_authority_key_id( x ) );
   if( X509_get_extension_flags( x ) & EXFLAG_CRITICAL ) {
      c.unknown_critical.push_back( "(some)" );
   }
   X509_free( x );
   return c;
}

}  // namespace x509test

// An X.509 v1-v3 certificate (RFC 5280 §4.1) read from DER: the facts the certificate checks use. No I/O, no exception
// crosses this API; malformed DER gives an error with the byte offset where reading stopped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtasts::x509 {

struct Name
{
   std::string der;                 // the Name's DER encoding as found (compare these: issuer of A == subject of B)
   std::string text;                // one line, "CN=mta-sts.example.com, O=Example, C=US" (RFC 4514 order reversed
                                    // as OpenSSL prints it: the first RDN first)
   std::vector< std::string > cns;  // every commonName value, in order, as UTF-8
};

struct Certificate
{
   std::size_t size = 0;            // bytes of DER the certificate used (the outer SEQUENCE)
   int version = 1;                 // 1, 2 or 3
   std::string serial_hex;          // upper-case hex of the magnitude, two digits a byte without leading zero bytes ("0" for zero), "-" first when negative (OpenSSL's BN_bn2hex)
   std::string signature_oid;       // dotted, e.g. "1.2.840.113549.1.1.11" (the outer signatureAlgorithm)
   Name issuer, subject;
   std::int64_t not_before = 0;     // seconds since 1970-01-01T00:00:00Z
   std::int64_t not_after = 0;

   std::string key_oid;             // subjectPublicKeyInfo algorithm, dotted
   std::string key_type;            // "RSA", "EC", "Ed25519", "Ed448", "DSA" or the OID
   std::string ec_curve_oid;        // EC: the named curve, dotted
   int key_bits = 0;                // RSA modulus bits, EC curve size, 0 when unknown

   bool has_san = false;
   std::vector< std::string > dns_names;      // subjectAltName dNSName values, as found
   std::vector< std::string > ip_addresses;   // subjectAltName iPAddress values, raw (4 or 16 bytes as found)

   bool has_basic_constraints = false;
   bool ca = false;
   std::optional< std::int64_t > path_len;

   bool has_eku = false;
   std::vector< std::string > eku_oids;        // dotted

   std::string subject_key_id;                 // raw bytes, empty when absent
   std::string authority_key_id;               // keyIdentifier of authorityKeyIdentifier, raw bytes
   std::vector< std::string > unknown_critical; // OIDs of critical extensions this reader (and OpenSSL) do not handle
};

struct ParseError
{
   std::size_t offset = 0;  // byte offset in the DER where reading stopped
   std::string message;     // one line
};

struct ParseResult
{
   std::optional< Certificate > cert;
   std::optional< ParseError > error;
};

// Reads one certificate from the start of `der`; bytes after it are left (see Certificate::size).
ParseResult parse_certificate( std::string_view der ) noexcept;

// Formatting helpers.
std::string oid_text( std::string_view der_contents );        // dotted; empty when malformed
std::string ip_text( std::string_view raw );                   // "192.0.2.1", "2001:db8::1" (RFC 5952), hex otherwise
std::string hex( std::string_view bytes, char sep = 0 );       // upper-case
std::string time_text( std::int64_t t );                       // "2026-12-01T00:00:00Z"
std::optional< std::int64_t > parse_time_text( std::string_view s ) noexcept;  // the same form back (and a date alone)
std::int64_t days_from_civil( std::int64_t y, unsigned m, unsigned d ) noexcept;

}  // namespace mtasts::x509

// Certificates as users capture them: PEM blocks (a file, a bundle, pasted text), the output of
// `openssl s_client -showcerts` (one or several sessions), or one DER certificate. No I/O, no exceptions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtasts::x509 {

struct Span
{
   std::size_t offset = 0;
   std::size_t length = 0;
};

// One -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- block.
struct PemBlock
{
   Span block;        // from "-----BEGIN" to the end of the END line's dashes (may span lines)
   Span begin_line;   // the BEGIN line, without its terminator
   std::string der;   // the decoded base64
   std::optional< std::size_t > bad_base64;  // offset of the first character that is not base64, or of a missing END
   // Where the base64 text of each line starts: (decoded bytes before the line, offset of its first character).
   std::vector< std::pair< std::size_t, std::size_t > > lines;

   // The text offset of the base64 character that encodes DER byte `der_offset`.
   std::size_t text_offset( std::size_t der_offset ) const noexcept;
};

// Every CERTIFICATE block in order; text outside blocks is ignored.
std::vector< PemBlock > read_pem( std::string_view text );

// One s_client session (or, without any, the whole input as one set of certificates).
struct Session
{
   Span start;                       // the command line or the CONNECTED( line; zero length when none
   std::string host;                 // from -servername, else -connect host (lower case), empty when unknown
   std::string port;                 // from -connect, empty when unknown
   bool starttls_smtp = false;       // -starttls smtp
   std::vector< std::size_t > blocks;          // indices into the PEM blocks, in order
   std::vector< Span > chain_lines;            // " N s:..." lines, by N (empty entries have length 0)
   struct VerifyError
   {
      Span line;
      int num = 0;
      std::string text;   // "unable to get local issuer certificate"
   };
   std::vector< VerifyError > verify_errors;  // "verify error:num=N:..." lines
   std::optional< VerifyError > verify_return; // "Verify return code: N (...)"
   bool is_s_client = false;          // any s_client line seen
   bool connected = false;            // its CONNECTED( line seen
};

struct Evidence
{
   std::vector< PemBlock > blocks;
   std::vector< Session > sessions;
   bool der = false;  // the input was one binary DER certificate (blocks holds it, with spans over the whole input)
};

// Reads PEM blocks and s_client sessions; a binary input starting with a DER SEQUENCE is taken as one DER certificate.
Evidence read_evidence( std::string_view text );


}  // namespace mtasts::x509

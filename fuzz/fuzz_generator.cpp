// libFuzzer target: mtasts::generate (and zone_txt_rdata / zone_line / utc_id / derive_patterns).
// The input is the options, one per line: domain, mode, mx (comma-separated), from_mx (comma-separated), preset,
// max_age (integer or empty), id, rua (comma-separated), now (integer or empty). A trailing part after a line holding
// only "---" is used as a raw TXT value for zone_txt_rdata.
// Invariants: deterministic; no exception, no sanitizer report; on refusal nothing else is filled; on success the
// policy, the _mta-sts value and the TLS-RPT value lint without errors (same catalogue), the policy ends in CRLF, the
// zone text parses back (parse_presentation) to exactly the record values, and zone_txt_rdata round-trips any value
// through parse_presentation with no string over 255 bytes; utc_id gives 14 digits.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/generator.hpp"
#include "invariants.hpp"

namespace {

std::vector< std::string > split( std::string_view s, char sep )
{
   std::vector< std::string > out;
   if( s.empty() ) {
      return out;
   }
   std::size_t b = 0;
   while( true ) {
      const std::size_t e = s.find( sep, b );
      out.emplace_back( s.substr( b, e == std::string_view::npos ? std::string_view::npos : e - b ) );
      if( e == std::string_view::npos ) {
         return out;
      }
      b = e + 1;
   }
}

std::optional< std::int64_t > integer( std::string_view s )
{
   if( s.empty() || s.size() > 18 ) {
      return std::nullopt;
   }
   std::int64_t v = 0;
   std::size_t i = s[ 0 ] == '-' ? 1 : 0;
   if( i == s.size() ) {
      return std::nullopt;
   }
   for( ; i < s.size(); ++i ) {
      if( s[ i ] < '0' || s[ i ] > '9' ) {
         return std::nullopt;
      }
      v = v * 10 + ( s[ i ] - '0' );
   }
   return s[ 0 ] == '-' ? -v : v;
}

std::string summary( const mtasts::GenerateResult& r )
{
   std::string s = r.policy + '\x01' + r.txt + '\x01' + r.tlsrpt.value_or( "<none>" ) + '\x01' + r.policy_url + '\x01' + r.zone + '\x01' + r.mode + '\x01' + std::to_string( r.max_age ) + '\x01' + r.id + '\x01' + r.suggested_wildcard.value_or( "<none>" );
   for( const auto& m : r.errors ) {
      s += "E" + m.code + '/' + m.field + '/' + m.message + '\x02';
   }
   for( const auto& m : r.notes ) {
      s += "N" + m.code + '/' + m.field + '/' + m.message + '\x02';
   }
   for( const auto& x : r.mx ) {
      s += x + '\x03';
   }
   for( const auto& x : r.checklist ) {
      s += x + '\x03';
   }
   return s;
}

void lints_clean( const std::string& text, mtasts::Kind kind, const char* what )
{
   mtasts::LintOptions o;
   o.kind = kind;
   const auto r = mtasts::lint( text, o );
   FUZZ_CHECK( r.valid(), std::string( "generated " ) + what + " does not lint clean: " + fuzzinv::codes( r ) + " in '" + text.substr( 0, 300 ) + "'" );
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   std::string_view input( reinterpret_cast< const char* >( data ), size );
   std::string_view raw_value;
   if( const auto sep = input.find( "\n---\n" ); sep != std::string_view::npos ) {
      raw_value = input.substr( sep + 5 );
      input = input.substr( 0, sep );
   }
   const auto lines = split( input, '\n' );
   const auto line = [ &lines ]( std::size_t i ) { return i < lines.size() ? lines[ i ] : std::string(); };
   mtasts::GenerateOptions o;
   o.domain = line( 0 );
   if( lines.size() > 1 ) {
      o.mode = line( 1 );
   }
   o.mx = split( line( 2 ), ',' );
   o.from_mx = split( line( 3 ), ',' );
   o.preset = line( 4 );
   o.max_age = integer( line( 5 ) );
   o.id = line( 6 );
   o.rua = split( line( 7 ), ',' );
   o.now = integer( line( 8 ) );
   if( lines.size() <= 8 ) {
      o.now = 1700000000;
   }

   const auto r = mtasts::generate( o );
   FUZZ_CHECK( summary( r ) == summary( mtasts::generate( o ) ), "generate is not deterministic" );
   for( const auto& m : r.errors ) {
      FUZZ_CHECK( !m.code.empty() && !m.message.empty(), "an error without code or message" );
   }
   if( !r.ok() ) {
      FUZZ_CHECK( r.policy.empty() && r.txt.empty() && !r.tlsrpt && r.records.empty() && r.zone.empty(), "a refusal fills outputs" );
   }
   else {
      FUZZ_CHECK( r.policy.size() >= 2 && r.policy.substr( r.policy.size() - 2 ) == "\r\n", "policy does not end in CRLF" );
      lints_clean( r.policy, mtasts::Kind::policy, "policy" );
      lints_clean( r.txt, mtasts::Kind::txt, "_mta-sts record" );
      if( r.tlsrpt ) {
         lints_clean( *r.tlsrpt, mtasts::Kind::tlsrpt, "TLS-RPT record" );
      }
      FUZZ_CHECK( !r.records.empty() && r.records[ 0 ].value == r.txt, "the first record is the _mta-sts value" );
      // the zone text parses back to the record values
      mtasts::Sink sink;
      const auto parsed = mtasts::parse_presentation( r.zone, sink );
      FUZZ_CHECK( parsed.size() == r.records.size(), "zone text has " + std::to_string( parsed.size() ) + " records, expected " + std::to_string( r.records.size() ) );
      for( std::size_t i = 0; i < parsed.size(); ++i ) {
         FUZZ_CHECK( parsed[ i ].value == r.records[ i ].value, "zone line does not parse back to the record value: " + r.zone.substr( 0, 300 ) );
      }
      for( const auto& d : sink.items() ) {
         FUZZ_CHECK( d.severity != mtasts::Severity::error, "zone text has error " + fuzzinv::describe( d ) );
      }
      // the CLI's --format text: LF only, the policy and every record value on their own lines, the zone text
      const std::string text = mtasts::generate_text( r );
      FUZZ_CHECK( text.find( '\r' ) == std::string::npos && !text.empty() && text.back() == '\n', "generate_text is not LF text" );
      std::string policy_lf;
      for( const char c : r.policy ) {
         if( c != '\r' ) {
            policy_lf += c;
         }
      }
      FUZZ_CHECK( text.find( policy_lf ) != std::string::npos && text.find( r.zone ) != std::string::npos, "generate_text lacks the policy or the zone text" );
      for( const auto& rec : r.records ) {
         FUZZ_CHECK( text.find( "\n" + rec.value + "\n" ) != std::string::npos, "generate_text lacks a record value: " + rec.value );
      }
   }
   // --max-age as typed: accepted exactly when it is a sign and 1 to 15 digits, and then read as that number
   {
      const std::string typed = line( 5 );
      std::int64_t v = 0;
      const auto refused = mtasts::parse_max_age( typed, v );
      const std::size_t sign = ( !typed.empty() && ( typed[ 0 ] == '-' || typed[ 0 ] == '+' ) ) ? 1 : 0;
      const bool whole = typed.size() > sign && typed.size() - sign <= 15 && typed.find_first_not_of( "0123456789", sign ) == std::string::npos;
      FUZZ_CHECK( !refused == whole, "parse_max_age disagrees on '" + typed + "'" );
      if( whole ) {
         FUZZ_CHECK( v == std::stoll( typed ), "parse_max_age misreads '" + typed + "'" );
      }
      else {
         FUZZ_CHECK( refused->code == "STS229" && refused->field == "maxAge", "parse_max_age refuses without STS229" );
      }
   }
   if( o.now ) {
      if( const auto id = mtasts::utc_id( *o.now ) ) {
         FUZZ_CHECK( id->size() == 14 && id->find_first_not_of( "0123456789" ) == std::string::npos, "utc_id is not 14 digits: " + *id );
      }
   }
   const auto derived = mtasts::derive_patterns( o.from_mx );
   FUZZ_CHECK( derived.exact.size() <= o.from_mx.size(), "derive_patterns invents hosts" );

   // zone_txt_rdata round trip for an arbitrary value (one line: a value with a line break is not a TXT value)
   if( raw_value.find_first_of( "\r\n" ) == std::string_view::npos && !raw_value.empty() ) {
      const std::string rdata = mtasts::zone_txt_rdata( raw_value );
      mtasts::Sink sink;
      const auto parsed = mtasts::parse_presentation( rdata, sink );
      FUZZ_CHECK( parsed.size() == 1 && parsed[ 0 ].value == raw_value, "zone_txt_rdata does not round-trip: " + rdata.substr( 0, 300 ) );
      for( const auto& d : sink.items() ) {
         FUZZ_CHECK( d.code != mtasts::Code::DNS601 && d.code != mtasts::Code::DNS612 && d.code != mtasts::Code::DNS607, "zone_txt_rdata output raises " + fuzzinv::describe( d ) );
      }
      const std::string zl = mtasts::zone_line( { "_mta-sts.example.com", "TXT", std::string( raw_value ) } );
      FUZZ_CHECK( zl.find_first_of( "\r\n" ) == std::string::npos, "zone_line has a line break" );
   }
   return 0;
}

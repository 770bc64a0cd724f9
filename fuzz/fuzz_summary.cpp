// libFuzzer target: the reader of `mta-sts-lint summarize` (cli/summary.cpp), fed the input's lines as answer lines
// or partial summaries. Invariants beyond "no crash, no sanitizer report":
//  - the JSON summary is one line of valid JSON (json_check.hpp) and reads back as a summary that writes the same JSON;
//  - the text and HTML outputs are valid UTF-8 (whatever the input), hold no control character but LF, and the HTML no
//    markup from the input (no "<script", every '<' starts a tag the writer knows);
//  - when no line was a summary (so the counts come from answers): lines = answers + input errors + malformed,
//    valid <= domains, each mode and max_age table adds up to the policies given, codes within their bound;
//  - the summary of the first k lines merged with that of the rest equals the summary of all the lines (whenever the
//    bounded tables did not overflow, where which entries are kept depends on the order).
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "cli/summary.hpp"
#include "format_target.hpp"
#include "json_check.hpp"

namespace {

using namespace mtasts::cli::sweep;

struct Read
{
   Summary s;
   bool had_summary = false;
};

Read read_lines( const std::vector< std::string_view >& lines, std::size_t from, std::size_t to )
{
   Read r;
   for( std::size_t i = from; i < to; ++i ) {
      if( add_line( r.s, lines[ i ] ).kind == LineKind::summary ) {
         r.had_summary = true;
      }
   }
   return r;
}

void check_outputs( const Summary& s )
{
   const std::string j = to_json( s );
   FUZZ_CHECK( !j.empty() && j.back() == '\n' && j.find( '\n' ) == j.size() - 1, "the JSON summary is one line" );
   fuzzjson::Value v;
   fuzzjson::Parser p( std::string_view( j ).substr( 0, j.size() - 1 ) );
   FUZZ_CHECK( p.parse( v ), "valid JSON: " + p.error() + " in " + j.substr( 0, 300 ) );
   Summary back;
   FUZZ_CHECK( add_line( back, std::string_view( j ).substr( 0, j.size() - 1 ) ).kind == LineKind::summary, "the JSON summary reads back" );
   FUZZ_CHECK( to_json( back ) == j, "read back, it writes the same JSON" );

   for( const std::string& out : { to_text( s, 0 ), to_text( s, 3 ), to_html( s, 0 ) } ) {
      for( const char c : out ) {
         FUZZ_CHECK( static_cast< unsigned char >( c ) >= 0x20 || c == '\n', "no control character but LF" );
      }
      FUZZ_CHECK( fuzzinv::valid_utf8( out ), "valid UTF-8 (strings come from parsed JSON, and cuts keep whole characters)" );
   }
   const std::string h = to_html( s, 0 );
   static const char* const tags[] = { "!DOCTYPE", "html", "/html", "head", "/head", "meta", "title", "/title", "style", "/style", "body", "/body",
                                       "h1", "/h1", "h2", "/h2", "p", "/p", "strong", "/strong", "table", "/table", "tr", "/tr", "th", "/th",
                                       "td", "/td", "code", "/code", "svg", "/svg", "text", "/text", "rect" };
   for( std::size_t i = h.find( '<' ); i != std::string::npos; i = h.find( '<', i + 1 ) ) {
      bool known = false;
      for( const char* t : tags ) {
         const std::size_t n = std::strlen( t );
         if( h.compare( i + 1, n, t ) == 0 && i + 1 + n < h.size() && ( h[ i + 1 + n ] == '>' || h[ i + 1 + n ] == ' ' || h[ i + 1 + n ] == '/' ) ) {
            known = true;
            break;
         }
      }
      FUZZ_CHECK( known, "a '<' in the HTML that is not the writer's tag: " + h.substr( i, 40 ) );
   }
}

void check_counts( const Summary& s )
{
   std::uint64_t policies = 0, ages = 0;
   for( int m = 0; m < mode_count; ++m ) {
      policies += s.mode_domains[ m ];
      FUZZ_CHECK( s.mode_valid[ m ] <= s.mode_domains[ m ], "valid per mode" );
   }
   for( int a = 0; a < age_count; ++a ) {
      ages += s.max_age[ a ];
   }
   FUZZ_CHECK( s.lines == s.domains + s.input_errors + s.malformed, "lines = answers + input errors + malformed" );
   FUZZ_CHECK( s.valid <= s.domains, "valid <= domains" );
   FUZZ_CHECK( policies == s.given[ policy ] && ages == s.given[ policy ], "mode and max_age tables add up to the policies" );
   for( int t = 0; t < text_count; ++t ) {
      FUZZ_CHECK( s.text_valid[ t ] <= s.given[ t ] && s.given[ t ] <= s.domains, "texts given and valid" );
   }
   FUZZ_CHECK( s.codes.size() <= max_codes && s.input_error_messages.size() <= max_messages, "bounded tables" );
   for( const auto& [ code, c ] : s.codes ) {
      FUZZ_CHECK( c.domains >= 1 && c.domains <= s.domains && c.count >= c.domains, "code " + code + ": domains and count" );
   }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   const std::string_view text( reinterpret_cast< const char* >( data ), size );
   std::vector< std::string_view > lines;
   for( std::size_t b = 0; b <= size; ) {
      const std::size_t e = std::min( text.find( '\n', b ), size );
      lines.push_back( text.substr( b, e - b ) );
      b = e + 1;
   }
   const Read all = read_lines( lines, 0, lines.size() );
   check_outputs( all.s );
   if( !all.had_summary ) {
      check_counts( all.s );
   }
   const bool unbounded = all.s.codes.size() < max_codes && all.s.input_error_messages.size() < max_messages;
   if( !all.had_summary && unbounded && !lines.empty() ) {
      const std::size_t k = static_cast< std::size_t >( data[ 0 ] ) % ( lines.size() + 1 );
      Read a = read_lines( lines, 0, k );
      const Read b = read_lines( lines, k, lines.size() );
      a.s.merge( b.s );
      FUZZ_CHECK( to_json( a.s ) == to_json( all.s ), "merged halves (cut at line " + std::to_string( k ) + ") = the whole" );
      // and through the JSON, the way `summarize` merges partial summaries
      Summary viaJson;
      const std::string ja = to_json( read_lines( lines, 0, k ).s ), jb = to_json( b.s );
      add_line( viaJson, std::string_view( jb ).substr( 0, jb.size() - 1 ) );
      add_line( viaJson, std::string_view( ja ).substr( 0, ja.size() - 1 ) );
      FUZZ_CHECK( to_json( viaJson ) == to_json( all.s ), "merged JSON summaries = the whole" );
   }
   return 0;
}

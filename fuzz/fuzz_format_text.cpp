// libFuzzer target: mtasts::format_text, with and without colour. Invariants: deterministic; the output is valid UTF-8
// and carries no control character from the input (only LF, TAB and, with colour, ESC; no C1 control): a hostile file cannot drive
// the terminal; every diagnostic is three lines (four with a fix) that start "FILE:LINE:COL: " with the independently
// counted position, then "   N | ", then a caret line; the last line is the summary.
#include "format_target.hpp"

namespace {

std::vector< std::string_view > split_lines( std::string_view s )
{
   std::vector< std::string_view > out;
   std::size_t b = 0;
   while( b < s.size() ) {
      const std::size_t e = s.find( '\n', b );
      if( e == std::string_view::npos ) {
         out.push_back( s.substr( b ) );
         break;
      }
      out.push_back( s.substr( b, e - b ) );
      b = e + 1;
   }
   return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   fuzzinv::Reports rep;
   fuzzinv::make_reports( rep, data, size, false );
   for( const bool color : { false, true } ) {
      mtasts::FormatOptions options;
      options.color = color;
      options.version = "0.0.0-fuzz";
      const std::string out = mtasts::format_text( rep.files, options );
      FUZZ_CHECK( out == mtasts::format_text( rep.files, options ), "format_text is not deterministic" );
      FUZZ_CHECK( !out.empty() && out.back() == '\n', "output does not end with a line break" );
      FUZZ_CHECK( fuzzinv::valid_utf8( out ), "output is not valid UTF-8" );
      for( std::size_t k = 0; k < out.size(); ++k ) {
         const char c = out[ k ];
         const auto u = static_cast< unsigned char >( c );
         FUZZ_CHECK( !( u < 0x20 || u == 0x7F ) || c == '\n' || c == '\t' || ( color && c == '\x1b' ), "control character " + std::to_string( u ) + " in the text output" );
         FUZZ_CHECK( !( u == 0xC2 && k + 1 < out.size() && static_cast< unsigned char >( out[ k + 1 ] ) < 0xA0 ), "C1 control character in the text output" );
      }
      if( color ) {
         continue;
      }
      const auto ls = split_lines( out );
      std::size_t expected = 1;
      for( const auto& f : rep.files ) {
         for( const auto& d : f.result->diagnostics ) {
            expected += d.fix ? 4 : 3;
         }
      }
      FUZZ_CHECK( ls.size() == expected, "text output has " + std::to_string( ls.size() ) + " lines, expected " + std::to_string( expected ) );
      const fuzzinv::Lines lines( rep.text );
      std::size_t k = 0;
      for( const auto& f : rep.files ) {
         for( const auto& d : f.result->diagnostics ) {
            const auto lc = lines.locate( d.offset );
            const std::string head = f.name + ":" + std::to_string( lc.line ) + ":" + std::to_string( lc.column ) + ": ";
            FUZZ_CHECK( ls[ k ].substr( 0, head.size() ) == head, "diagnostic line '" + std::string( ls[ k ].substr( 0, 80 ) ) + "' does not start with '" + head + "'" );
            const std::string tail = std::string( " [" ) + mtasts::rule( d.code ).id + "]";
            FUZZ_CHECK( ls[ k ].size() >= tail.size() && ls[ k ].substr( ls[ k ].size() - tail.size() ) == tail, "diagnostic line does not end with the code" );
            FUZZ_CHECK( ls[ k + 1 ].find( " | " ) != std::string_view::npos && ls[ k + 2 ].find( '^' ) != std::string_view::npos, "excerpt or caret line missing for " + fuzzinv::describe( d ) );
            k += 3;
            if( d.fix ) {
               FUZZ_CHECK( ls[ k ].find( " = fix: " ) != std::string_view::npos, "fix line missing for " + fuzzinv::describe( d ) );
               ++k;
            }
         }
      }
      FUZZ_CHECK( ls.back().find( " checked: " ) != std::string_view::npos, "summary line missing" );
   }
   return 0;
}

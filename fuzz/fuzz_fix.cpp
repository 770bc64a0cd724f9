// libFuzzer target: core/fix/. For any input, linted as a policy, an _mta-sts record, a TLS-RPT record or by content
// (the first byte chooses, and whether infos are reported):
//  - fix_all is deterministic, and its result is a fixed point: fixing it again changes nothing;
//  - input that is not UTF-8 (or holds a NUL) is never changed; an unsettled result is the input unchanged;
//  - compatible_edits() are inside the text, sorted, and no two conflict (share a byte, or touch with an insertion);
//  - the unified diff of the input and the fixed text, applied by the small patch reader below (as patch applies it,
//    checking every context and removed line), gives the fixed text; and so does the diff of any two texts (the
//    input's two halves).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/fix/diff.hpp"
#include "core/fix/fix.hpp"
#include "core/utf8.hpp"
#include "invariants.hpp"

namespace {

std::vector< std::string_view > lines_of( std::string_view t )
{
   std::vector< std::string_view > out;
   for( std::size_t at = 0; at < t.size(); ) {
      const std::size_t nl = t.find( '\n', at );
      const std::size_t end = nl == std::string_view::npos ? t.size() : nl + 1;
      out.push_back( t.substr( at, end - at ) );
      at = end;
   }
   return out;
}

// Applies a unified diff (as unified_diff writes it) to `old_text`; false when a line does not match.
bool apply_patch( std::string_view old_text, std::string_view diff, std::string& out )
{
   const auto old_lines = lines_of( old_text );
   const auto d = lines_of( diff );
   std::size_t next = 0;  // the next old line to copy
   std::size_t k = 2;     // after the --- and +++ lines
   if( d.size() < 2 || d[ 0 ].substr( 0, 4 ) != "--- " || d[ 1 ].substr( 0, 4 ) != "+++ " ) {
      return false;
   }
   while( k < d.size() ) {
      if( d[ k ].substr( 0, 4 ) != "@@ -" ) {
         return false;
      }
      std::size_t start = std::stoul( std::string( d[ k ].substr( 4 ) ) );
      const std::size_t comma = d[ k ].find( ',' );
      const std::size_t space = d[ k ].find( ' ', 4 );
      const bool empty = comma != std::string_view::npos && comma < space && d[ k ].substr( comma + 1, 2 ) == "0 ";
      const std::size_t first = empty ? start : start - 1;  // 0-based old line where the hunk starts
      if( first < next || first > old_lines.size() ) {
         return false;
      }
      while( next < first ) {
         out.append( old_lines[ next++ ] );
      }
      ++k;
      while( k < d.size() && d[ k ].substr( 0, 2 ) != "@@" ) {
         const char tag = d[ k ][ 0 ];
         std::string line( d[ k ].substr( 1 ) );
         ++k;
         if( k < d.size() && d[ k ] == "\\ No newline at end of file\n" ) {
            line.pop_back();
            ++k;
         }
         if( tag == '+' ) {
            out.append( line );
            continue;
         }
         if( ( tag != ' ' && tag != '-' ) || next >= old_lines.size() || old_lines[ next ] != line ) {
            return false;
         }
         if( tag == ' ' ) {
            out.append( line );
         }
         ++next;
      }
   }
   while( next < old_lines.size() ) {
      out.append( old_lines[ next++ ] );
   }
   return true;
}

void check_diff( std::string_view a, std::string_view b )
{
   const std::string diff = mtasts::unified_diff( a, b, "a/x", "b/x" );
   FUZZ_CHECK( diff.empty() == ( a == b ), "an empty diff for different texts, or the reverse" );
   if( diff.empty() ) {
      return;
   }
   std::string patched;
   FUZZ_CHECK( apply_patch( a, diff, patched ), "the diff does not apply:\n" + diff );
   FUZZ_CHECK( patched == b, "the patched text is not the new text:\n" + diff );
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   if( size == 0 ) {
      return 0;
   }
   const mtasts::Kind kinds[] = { mtasts::Kind::policy, mtasts::Kind::txt, mtasts::Kind::tlsrpt, mtasts::Kind::auto_ };
   mtasts::LintOptions options;
   options.kind = kinds[ data[ 0 ] & 3 ];
   options.verbose = ( data[ 0 ] & 4 ) != 0;
   const std::string_view text( reinterpret_cast< const char* >( data ) + 1, size - 1 );

   const auto r = mtasts::fix_all( text, options );
   const auto again = mtasts::fix_all( text, options );
   FUZZ_CHECK( r.text == again.text && r.fixed == again.fixed && r.settled == again.settled, "fix_all is not deterministic" );
   if( !r.changed() ) {
      FUZZ_CHECK( r.text == text, "nothing fixed, yet the text changed" );
   }
   if( mtasts::utf8::first_invalid( text ) != std::string_view::npos ) {
      FUZZ_CHECK( !r.changed(), "text that is not UTF-8 was fixed" );
   }
   if( r.changed() ) {
      const auto second = mtasts::fix_all( r.text, options );
      FUZZ_CHECK( !second.changed() && second.text == r.text, "fixing the fixed text changed it again" );
      check_diff( text, r.text );
   }

   // The rule of compatible_edits on the input's own diagnostics.
   const auto linted = mtasts::lint( text, options );
   const auto edits = mtasts::compatible_edits( linted.diagnostics, text.size() );
   for( std::size_t k = 0; k < edits.size(); ++k ) {
      FUZZ_CHECK( edits[ k ].offset + edits[ k ].length <= text.size(), "an edit outside the text" );
      if( k > 0 ) {
         const auto& p = edits[ k - 1 ];
         const auto& e = edits[ k ];
         const std::size_t p_end = p.offset + p.length;
         FUZZ_CHECK( p_end <= e.offset, "edits overlap" );
         FUZZ_CHECK( p_end < e.offset || ( p.insert.empty() && e.insert.empty() ), "an insertion touches another edit" );
      }
   }

   // Any two texts.
   check_diff( text.substr( 0, text.size() / 2 ), text.substr( text.size() / 2 ) );
   return 0;
}

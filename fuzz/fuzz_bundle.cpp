// libFuzzer target: mtasts::lint of pasted evidence (core/evidence/), as a bundle and by detection, with every
// invariant of invariants.hpp (spans inside the input and never across a CRLF, sorted, fixes applied remove their
// diagnostic and add no error, the same result twice) and the bundle's own: its parts lie inside the paste, and the
// fast decision never takes more than the first lines (a plain policy or record keeps its kind).
#include <string>

#include "../core/evidence/reader.hpp"
#include "lint_target.hpp"

extern "C" int LLVMFuzzerTestOneInput( const std::uint8_t* data, std::size_t size )
{
   fuzzinv::lint_target( data, size, mtasts::Kind::bundle );
   fuzzinv::lint_target( data, size, mtasts::Kind::auto_ );

   const std::string_view text( reinterpret_cast< const char* >( data ), size );
   const auto b = mtasts::evidence::read_bundle( text );
   for( const auto& r : b.records ) {
      FUZZ_CHECK( r.span.offset <= size && r.span.length <= size - r.span.offset, "record outside the paste" );
      if( r.txt ) {
         for( const auto s : r.txt->src ) {
            FUZZ_CHECK( s <= size, "a TXT value byte maps outside the paste" );
         }
      }
   }
   for( const auto& h : b.responses ) {
      FUZZ_CHECK( !h.body || ( h.body->offset >= h.span.offset && h.body->offset + h.body->length <= size ), "body outside its response" );
      // Invoke-WebRequest's Content: its lines in order, inside the body
      std::size_t after = h.body ? h.body->offset : 0;
      for( const auto& l : h.body_lines ) {
         FUZZ_CHECK( h.body && l.offset >= after && l.offset + l.length <= h.body->offset + h.body->length, "a Content line outside the body or out of order" );
         after = l.offset + l.length;
      }
   }
   // the decision is made on the first lines (eight, and the one after a "Server:" line): what follows never changes it
   std::size_t cut = 0;
   for( int lines = 0; lines < 9 && cut < size; ++cut ) {
      lines += text[ cut ] == '\n' ? 1 : 0;
   }
   FUZZ_CHECK( mtasts::evidence::looks_like_bundle( text.substr( 0, cut ) ) == mtasts::evidence::looks_like_bundle( text ), "the bundle decision reads past the first lines" );
   return 0;
}

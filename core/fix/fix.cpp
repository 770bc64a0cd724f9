// See fix.hpp.
#include "core/fix/fix.hpp"

#include <algorithm>
#include <map>

#include "core/catalogue.hpp"
#include "core/utf8.hpp"

namespace mtasts {

namespace {

// A fix whose edits are inside the text, sorted and not overlapping (the contract of Fix::edits, checked anyway).
bool well_formed( const Fix& f, std::size_t text_size ) noexcept
{
   if( f.edits.empty() ) {
      return false;
   }
   std::size_t end = 0;
   for( const Edit& e : f.edits ) {
      if( e.offset < end || e.offset > text_size || e.length > text_size - e.offset ) {
         return false;
      }
      end = e.offset + e.length;
   }
   return true;
}

}  // namespace

std::vector< std::size_t > compatible_fixes( const std::vector< Diagnostic >& diagnostics, std::size_t text_size )
{
   std::vector< std::size_t > chosen;
   struct Taken
   {
      std::size_t to;
      bool inserts;
   };
   std::map< std::size_t, Taken > taken;  // from -> (to, inserts text): no two share a byte
   const auto conflicts = [ & ]( const Edit& e ) {
      const std::size_t from = e.offset;
      const std::size_t to = e.offset + e.length;
      // Walk back from the last edit starting at or before `to`; only edits ending at or after `from` can meet this
      // one, and at most one at each end can meet it without a conflict (a deletion touching a deletion).
      for( auto it = taken.upper_bound( to ); it != taken.begin(); ) {
         --it;
         if( it->second.to < from ) {
            break;
         }
         const bool share = it->first < to && from < it->second.to;
         const bool touch = it->second.to == from || it->first == to;
         if( share || ( touch && ( it->second.inserts || !e.insert.empty() ) ) ) {
            return true;
         }
      }
      return false;
   };
   for( std::size_t i = 0; i < diagnostics.size(); ++i ) {
      const auto& fix = diagnostics[ i ].fix;
      if( !fix || !well_formed( *fix, text_size ) ) {
         continue;
      }
      bool ok = true;
      for( const Edit& e : fix->edits ) {
         ok = ok && !conflicts( e );
      }
      if( !ok ) {
         continue;
      }
      for( const Edit& e : fix->edits ) {
         if( e.length > 0 || !e.insert.empty() ) {
            taken.emplace( e.offset, Taken{ e.offset + e.length, !e.insert.empty() } );
         }
      }
      chosen.push_back( i );
   }
   return chosen;
}

namespace {

std::vector< Edit > edits_of( const std::vector< Diagnostic >& diagnostics, const std::vector< std::size_t >& chosen )
{
   std::vector< Edit > edits;
   for( const std::size_t i : chosen ) {
      for( const Edit& e : diagnostics[ i ].fix->edits ) {
         edits.push_back( e );
      }
   }
   std::sort( edits.begin(), edits.end(), []( const Edit& a, const Edit& b ) { return a.offset < b.offset || ( a.offset == b.offset && a.length < b.length ); } );
   return edits;
}

}  // namespace

std::vector< Edit > compatible_edits( const std::vector< Diagnostic >& diagnostics, std::size_t text_size )
{
   return edits_of( diagnostics, compatible_fixes( diagnostics, text_size ) );
}

FixAllResult fix_all( std::string_view text, const LintOptions& options ) noexcept
{
   FixAllResult r;
#if defined( __cpp_exceptions )
   try {
#endif
      r.linted = lint( text, options );
      if( utf8::first_invalid( text ) != std::string_view::npos ) {
         r.not_text = !compatible_fixes( r.linted.diagnostics, text.size() ).empty();
         r.text.assign( text );
         return r;
      }
      std::string current( text );
      for( ;; ) {
         const auto chosen = compatible_fixes( r.linted.diagnostics, current.size() );
         if( chosen.empty() ) {
            break;
         }
         if( r.rounds == fix_max_rounds ) {
            r.settled = false;
            break;
         }
         for( const std::size_t i : chosen ) {
            r.fixed.push_back( r.linted.diagnostics[ i ].code );
         }
         current = apply_edits( current, edits_of( r.linted.diagnostics, chosen ) );
         ++r.rounds;
         r.linted = LintResult{};  // one result in memory at a time (a huge input has millions of diagnostics)
         r.linted = lint( current, options );
      }
      if( r.settled ) {
         r.text = std::move( current );
      }
      else {
         r.text.assign( text );
         r.linted = LintResult{};
         r.linted = lint( text, options );
      }
#if defined( __cpp_exceptions )
   }
   catch( ... ) {
      // Only std::bad_alloc can get here: nothing fixed.
      r = FixAllResult{};
      r.settled = false;
   }
#endif
   return r;
}

std::string fix_summary( std::string_view name, const FixAllResult& r, bool dry_run, Lang lang )
{
   enable_all_languages();  // the command line's texts come with the translations
   const std::string n( name );
   if( !r.settled ) {
      return n + ": " + render_text( Text::fix_not_settled, { { "n", std::to_string( fix_max_rounds ) } }, lang ) + "\n";
   }
   if( r.not_text ) {
      return n + ": " + render_text( Text::fix_not_text, {}, lang ) + "\n";
   }
   if( r.fixed.empty() ) {
      return std::string();
   }
   std::vector< std::string_view > ids;
   for( const Code c : r.fixed ) {
      ids.emplace_back( rule( c ).id );
   }
   std::sort( ids.begin(), ids.end() );
   ids.erase( std::unique( ids.begin(), ids.end() ), ids.end() );
   std::string codes;
   for( std::size_t k = 0; k < ids.size(); ++k ) {
      codes.append( k ? ", " : "" ).append( ids[ k ] );
   }
   const bool one = r.fixed.size() == 1;
   const Text t = dry_run ? ( one ? Text::fix_would_one : Text::fix_would_many ) : ( one ? Text::fix_fixed_one : Text::fix_fixed_many );
   return n + ": " + render_text( t, { { "n", std::to_string( r.fixed.size() ) }, { "codes", codes } }, lang ) + "\n";
}

}  // namespace mtasts

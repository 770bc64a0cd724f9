#include "diagnostic.hpp"

namespace mtasts {

Diagnostic& Sink::add( Code c, std::size_t offset, std::size_t length, const Args& args, Hint hint )
{
   return add_with( c, rule( c ).severity, offset, length, args, hint );
}

Diagnostic& Sink::add_with( Code c, Severity sev, std::size_t offset, std::size_t length, const Args& args, Hint hint )
{
   if( sev == Severity::info && !keep_infos_ ) {
      dropped_.fix.reset();
      return dropped_;
   }
   Diagnostic d;
   d.code = c;
   d.severity = sev;
   d.offset = offset;
   d.length = length;
   d.message = render_message( c, args, hint, lang_ );
   items_.push_back( std::move( d ) );
   return items_.back();
}

Fix make_fix( std::string title, std::size_t offset, std::size_t length, std::string insert )
{
   Fix f;
   f.title = std::move( title );
   f.edits.push_back( Edit{ offset, length, std::move( insert ) } );
   return f;
}

}  // namespace mtasts

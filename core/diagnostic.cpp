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
   if( recycle_ && next_ < recycle_->size() ) {
      items_.push_back( std::move( ( *recycle_ )[ next_++ ] ) );
      Diagnostic& d = items_.back();
      if( d.fix ) {
         spare_fix_ = std::move( *d.fix );
         d.fix.reset();
      }
      d.code = c;
      d.severity = sev;
      d.offset = offset;
      d.length = length;
      render_message_to( d.message, c, args, hint, lang_ );
      return d;
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

void Sink::set_fix( Diagnostic& d, FixTitle f, std::size_t offset, std::size_t length, std::string_view insert, const Args& args )
{
   if( !d.fix ) {
      d.fix.emplace( std::move( spare_fix_ ) );
   }
   Fix& fix = *d.fix;
   render_fix_to( fix.title, f, args, lang_ );
   fix.edits.resize( 1 );
   Edit& e = fix.edits.front();
   e.offset = offset;
   e.length = length;
   e.insert.assign( insert.data(), insert.size() );
}

Fix make_fix( std::string title, std::size_t offset, std::size_t length, std::string insert )
{
   Fix f;
   f.title = std::move( title );
   f.edits.push_back( Edit{ offset, length, std::move( insert ) } );
   return f;
}

}  // namespace mtasts

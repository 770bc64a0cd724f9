#include "source_map.hpp"

#include <algorithm>

#include "text.hpp"
#include "utf8.hpp"

namespace mtasts {

SourceMap::SourceMap( std::string_view text )
   : text_( text )
{
   starts_.push_back( 0 );
   const char* p = text.data();
   const std::size_t n = text.size();
   for( std::size_t i = 0; i < n; ++i ) {
      const char c = p[ i ];
      if( c == '\n' ) {
         starts_.push_back( i + 1 );
      }
      else if( c == '\r' ) {
         if( i + 1 < n && p[ i + 1 ] == '\n' ) {
            ++i;
         }
         starts_.push_back( i + 1 );
      }
   }
}

LineCol SourceMap::locate( std::size_t offset ) const noexcept
{
   offset = std::min( offset, text_.size() );
   const auto it = std::upper_bound( starts_.begin(), starts_.end(), offset );
   const std::size_t idx = static_cast< std::size_t >( it - starts_.begin() ) - 1;
   return LineCol{ idx + 1, offset - starts_[ idx ] + 1 };
}

std::size_t SourceMap::line_start( std::size_t line ) const noexcept
{
   if( line == 0 || line > starts_.size() ) {
      return text_.size();
   }
   return starts_[ line - 1 ];
}

std::string_view SourceMap::line_text( std::size_t line ) const noexcept
{
   if( line == 0 || line > starts_.size() ) {
      return {};
   }
   const std::size_t b = starts_[ line - 1 ];
   std::size_t e = ( line < starts_.size() ) ? starts_[ line ] : text_.size();
   if( e > b && text_[ e - 1 ] == '\n' ) {
      --e;
   }
   if( e > b && text_[ e - 1 ] == '\r' ) {
      --e;
   }
   return text_.substr( b, e - b );
}

std::size_t utf16_length( std::string_view bytes ) noexcept
{
   std::size_t units = 0;
   std::size_t i = 0;
   while( i < bytes.size() ) {
      const auto seq = utf8::decode( bytes, i );
      units += ( seq.length == 4 ) ? 2 : 1;
      i += seq.length;
   }
   return units;
}

std::vector< std::size_t > utf16_offsets( std::string_view text, const std::vector< std::size_t >& offsets )
{
   const std::vector< std::size_t > order = text::order_by( std::vector< std::uint64_t >( offsets.begin(), offsets.end() ) );
   std::vector< std::size_t > out( offsets.size() );
   std::size_t byte = 0;
   std::size_t units = 0;
   for( const std::size_t k : order ) {
      const std::size_t target = std::min( offsets[ k ], text.size() );
      while( byte < target ) {
         const auto seq = utf8::decode( text, byte );
         if( byte + seq.length > target ) {
            break;  // target inside a sequence: count the sequence's start
         }
         units += ( seq.length == 4 ) ? 2 : 1;
         byte += seq.length;
      }
      out[ k ] = units;
   }
   return out;
}

}  // namespace mtasts

// What every TXT record check needs, whatever the protocol (record_lint.cpp for _mta-sts and _smtp._tls,
// dmarc/dmarc_lint.cpp for _dmarc): diagnostics at joined offsets mapped back to the input, and fixes that are
// offered only where an edit of the input means the same edit of the joined value.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.hpp"
#include "presentation.hpp"
#include "text.hpp"

namespace mtasts::detail {

class RecordBase
{
public:
   RecordBase( std::string_view source, const TxtRecord& r, Sink& sink )
      : source_( source ), r_( r ), v_( r.value ), sink_( sink )
   {}

protected:
   Diagnostic& add( Code c, std::size_t a, std::size_t b, const Args& args = {}, Hint hint = Hint::none )
   {
      return sink_.add( c, r_.map( a ), r_.map_len( a, b ), args, hint );
   }
   // A fix edits the input; it is offered only where the joined bytes are written as themselves (not through a
   // zone-file escape such as "\ " or "\059", whose removal would change what the backslash applies to).
   std::optional< Fix > fix( std::string title, std::size_t a, std::size_t b, std::string insert )
   {
      const std::size_t from = r_.map( a ), len = r_.map_len( a, b );
      if( from + len > source_.size() || source_.substr( from, len ) != std::string_view( v_ ).substr( a, b - a ) ) {
         return std::nullopt;
      }
      if( from > 0 && source_[ from - 1 ] == '\\' ) {
         return std::nullopt;  // escaped, or an edit that would leave a backslash escaping (or continuing) something else
      }
      if( changes_line_shape( from, len, insert ) ) {
         return std::nullopt;  // e.g. 'rua = x' -> 'rua=x' in 'a rua = x IN TXT ...' would make a zone-file line
      }
      return make_fix( std::move( title ), from, len, std::move( insert ) );
   }

   // The first field of the value when it is not the exact version tag: from after the leading blanks (lead) to its
   // ';' or the end (end), and its text without the trailing blanks (ending at trimmed).
   struct FirstField
   {
      std::size_t lead, end, trimmed;
      std::string_view text;
   };
   FirstField first_field() const noexcept
   {
      const std::size_t lead = text::leading_wsp( v_ );
      std::size_t e = v_.find( ';', lead );
      if( e == std::string::npos ) {
         e = v_.size();
      }
      std::size_t fe = e;
      while( fe > lead && text::is_wsp( v_[ fe - 1 ] ) ) {
         --fe;
      }
      return { lead, e, fe, std::string_view( v_.data() + lead, fe - lead ) };
   }

   // The ';'-separated segments of the value from `from` on, in order: [begin, end) is the segment up to its ';' (or
   // the value's end, then `last`), [a, b) the same without the blanks around it (a == b: an empty segment).
   struct Segment
   {
      std::size_t begin, end, a, b;
      bool last;
   };
   template< typename F >
   void for_each_segment( std::size_t from, F&& each ) const
   {
      for( std::size_t i = from; i <= v_.size(); ) {
         std::size_t e = v_.find( ';', i );
         const bool last = e == std::string::npos;
         if( last ) {
            e = v_.size();
         }
         std::size_t a = i, b = e;
         while( a < b && text::is_wsp( v_[ a ] ) ) {
            ++a;
         }
         while( b > a && text::is_wsp( v_[ b - 1 ] ) ) {
            --b;
         }
         each( Segment{ i, e, a, b, last } );
         if( last ) {
            break;
         }
         i = e + 1;
      }
   }

   std::string_view source_;
   const TxtRecord& r_;
   const std::string& v_;
   Sink& sink_;

private:
   // Whether the edit makes parse_presentation read the record's first line differently (zone_shape looks at six
   // tokens at most, so only an edit that starts within them can, and seven tokens after it are enough to decide).
   bool changes_line_shape( std::size_t from, std::size_t len, const std::string& insert )
   {
      const std::size_t b = r_.begin;
      if( window6_ == npos ) {  // once per record: a long first token must not make every fix scan it again
         window6_ = token_window( b, 6 );
         window7_ = token_window( b, 7 );
      }
      if( from < b || from > window6_ ) {
         return false;
      }
      const std::size_t tail = from + len, window = window7_ - b, after = token_window( tail, 7, 4097 ) - tail;
      if( window > 4096 || after > 4096 ) {
         return true;  // not worth the time (each check would copy the window): no fix rather than a wrong one
      }
      std::string probe( source_.substr( b, from - b ) );
      probe += insert;
      probe += source_.substr( tail, after );
      return line_shape( probe ) != line_shape( source_.substr( b, window ) );
   }
   // The offset after n whitespace-separated tokens from p, stopping at the end of the line (or after limit bytes).
   std::size_t token_window( std::size_t p, int n, std::size_t limit = npos ) const noexcept
   {
      const auto eol = []( char c ) { return c == '\n' || c == '\r'; };
      std::size_t k = p;
      const std::string_view source = source_.substr( 0, limit == npos || p + limit > source_.size() ? source_.size() : p + limit );
      for( int t = 0; t < n && k < source.size() && !eol( source[ k ] ); ++t ) {
         while( k < source.size() && text::is_wsp( source[ k ] ) ) {
            ++k;
         }
         while( k < source.size() && !text::is_wsp( source[ k ] ) && !eol( source[ k ] ) ) {
            ++k;
         }
      }
      while( k < source.size() && text::is_wsp( source[ k ] ) ) {
         ++k;
      }
      return k;
   }

protected:
   static constexpr std::size_t npos = std::string_view::npos;

private:
   std::size_t window6_ = npos, window7_ = npos;
};

// DNS603 (strings joined), DNS604 (a split that glues one of `tokens` to the text before it, or leaves a space at a
// string's edge) and DNS608 (literal quotes) for one record.
void string_checks( const TxtRecord& r, Sink& sink, std::initializer_list< const char* > tokens );

}  // namespace mtasts::detail

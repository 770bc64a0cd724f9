// RFC 8461 §3.2 policy checks, the common path: lines are split here (LF, CRLF; a bare CR is reported and treated as
// a break so one mistake does not hide the rest), and the lines every policy has ("version: STSv1", "mode: ...",
// "max_age: N", "mx: <valid pattern>") are recognised byte by byte. Every other line, and the whole-document checks,
// are in core/policy_checks.cpp.
#include <cstdint>
#include <cstring>
#include <string>

#include "checks.hpp"
#include "mx.hpp"
#include "policy_linter.hpp"
#include "text.hpp"

namespace mtasts::detail {

namespace policy {

   namespace {

      // The bytes at p as a T (one unaligned load)
      template< typename T >
      T load( const char* p ) noexcept
      {
         T v;
         std::memcpy( &v, p, sizeof( T ) );
         return v;
      }

      // "version: STSv1", "mode: enforce|testing|none" or "max_age: N" (1 to 31557600, no leading zero) at the start
      // of q: the field, the value's offset and length in q, and N. -1 for anything else (the general path). The
      // caller checks what follows (LF, CRLF or the end). The general path reports nothing for such a line either.
      int plain_field_line( const char* q, std::size_t avail, std::size_t& voff, std::size_t& vlen, std::uint64_t& number ) noexcept
      {
         // q starts with the literal (4 to 16 bytes): two overlapping word compares, each one load of q (the literal's
         // words are constants), rather than a byte loop (callgrind: 73 of a typical policy's 2,200 instructions)
         const auto starts = [ & ]( const auto& lit ) {
            constexpr std::size_t len = sizeof( lit ) - 1;
            static_assert( len >= 4 && len <= 16, "two words cover the literal" );
            if( avail < len ) {
               return false;
            }
            if constexpr( len >= 8 ) {
               return load< std::uint64_t >( q ) == load< std::uint64_t >( lit ) && load< std::uint64_t >( q + len - 8 ) == load< std::uint64_t >( lit + len - 8 );
            }
            else {
               return load< std::uint32_t >( q ) == load< std::uint32_t >( lit ) && load< std::uint32_t >( q + len - 4 ) == load< std::uint32_t >( lit + len - 4 );
            }
         };
         int f = -1;
         if( starts( "version: STSv1" ) ) {
            f = f_version, voff = 9, vlen = 5;
         }
         else if( starts( "mode: " ) ) {
            voff = 6;
            if( starts( "mode: enforce" ) || starts( "mode: testing" ) ) {
               f = f_mode, vlen = 7;
            }
            else if( starts( "mode: none" ) ) {
               f = f_mode, vlen = 4;
            }
         }
         else if( starts( "max_age: " ) ) {
            voff = 9;
            std::size_t k = 9;
            number = 0;
            while( k < avail && k < 9 + 8 && text::is_digit( q[ k ] ) ) {
               number = number * 10 + static_cast< std::uint64_t >( q[ k ] - '0' );
               ++k;
            }
            if( k > 9 && q[ 9 ] != '0' && number <= thresholds::max_age_max && !( k < avail && text::is_digit( q[ k ] ) ) ) {
               f = f_max_age, vlen = k - 9;
            }
         }
         return f;
      }

   }  // namespace

   void PolicyLinter::run()
   {
      std::size_t start = 0;
      if( !whole_document_checks_first( start ) ) {
         return;
      }
      split_lines( start );
      document_checks();
   }

   void PolicyLinter::split_lines( std::size_t start )
   {
      const char* p = text_.data();
      const std::size_t n = text_.size();
      std::size_t b = start;
      std::size_t number = 1;
      bool first_term = true;
      while( b <= n ) {
         // The lines every policy has, each recognised in one pass over its bytes and recorded with what the general
         // path below would record (it reports nothing for such a line): "mx: <valid pattern>" (the common line of a
         // large policy), "version: STSv1", "mode: enforce|testing|none" and "max_age: N", + LF, CRLF or the end.
         int f = -1;
         std::size_t voff = 0, vlen = 0;
         std::uint64_t max_age = 0;
         if( n - b > 4 && load< std::uint32_t >( p + b ) == load< std::uint32_t >( "mx: " ) ) {
            if( p[ b + 4 ] != '*' || options_.domain.empty() ) {  // else STS249 may apply: the general path
               voff = 4;
               vlen = valid_pattern_prefix( text_.substr( b + 4 ) );
               f = vlen > 0 ? f_mx : -1;
            }
         }
         else {
            f = plain_field_line( p + b, n - b, voff, vlen, max_age );
         }
         const std::size_t end = b + voff + vlen;
         const std::size_t term = f < 0 ? 3 : end == n ? 0 : p[ end ] == '\n' ? 1 : ( p[ end ] == '\r' && end + 1 < n && p[ end + 1 ] == '\n' ) ? 2 : 3;
         if( term < 3 ) {
            if( term > 0 ) {
               ( term == 1 ? lf_ : crlf_ ) += 1;
               if( first_term ) {
                  terminator_ = term == 1 ? "\n" : "\r\n";
                  first_term = false;
               }
            }
            last_ = Line{ number, b, text_.substr( b, end - b ), term };
            has_lines_ = true;
            if( first_field_ == -2 ) {
               first_field_ = f;
               first_field_offset_ = b;
            }
            const std::string_view value( p + b + voff, vlen );
            if( f == f_mx ) {
               ++mx_lines_;
               record_mx( value, b + voff );
            }
            else {
               occ_[ f ].push_back( Occurrence{ b, end - b, term, b + voff, value } );
               record_value( static_cast< Field >( f ), value, b + voff, max_age );
            }
            ++number;
            b = end + term;
            if( term == 0 ) {
               break;
            }
            continue;
         }
         const std::size_t e = text::find_line_break( text_, b );  // LF, the CR of a CRLF, or a bare CR
         std::size_t tl = 0;
         if( e < n ) {
            if( p[ e ] == '\n' ) {
               tl = 1;
               ++lf_;
               if( first_term ) {
                  terminator_ = "\n";
               }
            }
            else if( e + 1 < n && p[ e + 1 ] == '\n' ) {
               tl = 2;
               ++crlf_;
               if( first_term ) {
                  terminator_ = "\r\n";
               }
            }
            else {
               tl = 1;
               auto& d = sink_.add( Code::STS205, e, 1, { { "n", std::to_string( number ) } } );
               sink_.set_fix( d, FixTitle::end_crlf, e + 1, 0, "\n" );
            }
            first_term = false;
         }
         if( e == n && b == n ) {
            break;  // nothing after the final terminator
         }
         last_ = Line{ number, b, text_.substr( b, e - b ), tl };
         has_lines_ = true;
         line( last_ );
         ++number;
         b = e + tl;
         if( tl == 0 ) {
            break;
         }
      }
   }

   void PolicyLinter::line( const Line& l )
   {
      const std::string_view s = l.content;
      bool special = false;  // a control character other than HTAB, or a non-ASCII byte
      {
         // eight bytes at a time: any byte >= 0x80 or < 0x20 sends the line to the byte-wise check
         constexpr std::uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
         std::size_t i = 0;
         for( ; i + 8 <= s.size(); i += 8 ) {
            std::uint64_t w;
            std::memcpy( &w, s.data() + i, 8 );
            if( ( w & high ) || ( ( w - ones * 0x20 ) & ~w & high ) ) {
               break;
            }
         }
         for( ; i < s.size(); ++i ) {
            const auto c = static_cast< unsigned char >( s[ i ] );
            if( c >= 0x80 || ( c < 0x20 && c != '\t' ) ) {
               special = true;
               if( c >= 0x80 && first_non_ascii_ == std::string_view::npos ) {
                  first_non_ascii_ = l.offset + i;
               }
               if( first_non_ascii_ != std::string_view::npos ) {
                  break;
               }
            }
         }
      }
      if( special ) {
         if( !special_bytes( l ) ) {
            return;
         }
      }
      plain_line( l );
   }

}  // namespace policy

void lint_policy( std::string_view text, const LintOptions& options, Sink& sink, PolicyFacts& facts, Workspace* ws )
{
   policy::PolicyLinter( text, options, sink, facts, ws ).run();
}

}  // namespace mtasts::detail

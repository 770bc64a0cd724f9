#include "mx.hpp"

#include <array>
#include <cstdint>
#include <vector>
#if defined( __SSE2__ )
#include <emmintrin.h>
#endif

#include "../grammar/policy.hpp"
#include "match.hpp"
#include "text.hpp"

namespace mtasts {

namespace {

   // Most used second-level public suffixes (a full public-suffix list would not fit the wasm budget). String views,
   // not C strings: every wildcard mx line compares against the list, and in the wasm build each C string cost a
   // strlen per comparison (node --cpu-prof of a typical lint(): strlen 1.4 %).
   constexpr std::string_view multi_label_suffixes[] = {
      "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "net.uk", "ltd.uk", "plc.uk", "sch.uk", "nhs.uk",
      "com.au", "net.au", "org.au", "edu.au", "gov.au", "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp",
      "com.br", "net.br", "org.br", "co.nz", "org.nz", "net.nz", "co.za", "org.za", "com.cn", "net.cn",
      "org.cn", "com.mx", "org.mx", "co.in", "net.in", "org.in", "co.kr", "or.kr", "com.tw", "com.hk",
      "com.sg", "com.tr", "com.ar", "com.co", "co.il", "co.id", "com.my", "com.ph", "com.vn", "com.ua",
      "com.pl", "co.at", "or.at", "com.es", "com.pt", "co.th", "in.th", "com.sa", "com.eg", "gv.at" };

   // Calls f(label, offset_in_s) for each dot-separated label; stops when f returns false.
   template< typename F >
   void for_each_label( std::string_view s, F&& f )
   {
      std::size_t b = 0;
      for( std::size_t i = 0; i <= s.size(); ++i ) {
         if( i == s.size() || s[ i ] == '.' ) {
            if( !f( s.substr( b, i - b ), b ) ) {
               return;
            }
            b = i + 1;
         }
      }
   }

   bool host_char( char c ) noexcept
   {
      return text::is_alnum( c ) || c == '-' || c == '.' || c == '*';
   }

   // Extracts the host of "scheme://host[:port]/..." or "host:port", for the URL and port hints.
   std::string_view url_host( std::string_view v ) noexcept
   {
      const auto sep = v.find( "://" );
      if( sep != std::string_view::npos ) {
         v.remove_prefix( sep + 3 );
      }
      const auto at = v.find( '@' );
      if( at != std::string_view::npos ) {
         v.remove_prefix( at + 1 );
      }
      const auto end = v.find_first_of( ":/?#" );
      return v.substr( 0, end );
   }

}  // namespace

bool is_public_suffix( std::string_view name ) noexcept
{
   const auto dot = name.find( '.' );
   if( dot == std::string_view::npos ) {
      return !name.empty();
   }
   if( name.size() > 6 || name.find( '.', dot + 1 ) != std::string_view::npos ) {
      return false;  // the built-in list has two short labels only
   }
   for( const std::string_view s : multi_label_suffixes ) {
      if( text::iequals( name, s ) ) {
         return true;
      }
   }
   return false;
}

bool valid_a_label( std::string_view label ) noexcept
{
   if( !text::istarts_with( label, "xn--" ) ) {
      return true;
   }
   std::string_view in = label.substr( 4 );
   if( in.empty() ) {
      return false;
   }
   // RFC 3492 §6.2
   constexpr std::uint32_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700, initial_bias = 72, initial_n = 128;
   std::uint32_t n = initial_n, i = 0, bias = initial_bias;
   std::size_t out_len = 0;
   bool non_ascii = false;
   const auto delim = in.rfind( '-' );
   std::size_t pos = 0;
   if( delim != std::string_view::npos ) {
      for( std::size_t k = 0; k < delim; ++k ) {
         if( static_cast< unsigned char >( in[ k ] ) >= 0x80 ) {
            return false;
         }
      }
      out_len = delim;
      pos = delim + 1;
   }
   auto adapt = [ & ]( std::uint32_t delta, std::uint32_t numpoints, bool first ) {
      delta = first ? delta / damp : delta / 2;
      delta += delta / numpoints;
      std::uint32_t k = 0;
      while( delta > ( ( base - tmin ) * tmax ) / 2 ) {
         delta /= base - tmin;
         k += base;
      }
      return k + ( base - tmin + 1 ) * delta / ( delta + skew );
   };
   bool first = true;
   if( pos >= in.size() ) {
      return false;  // nothing encoded: not an A-label
   }
   while( pos < in.size() ) {
      const std::uint32_t oldi = i;
      std::uint32_t w = 1;
      for( std::uint32_t k = base;; k += base ) {
         if( pos >= in.size() ) {
            return false;
         }
         const char c = in[ pos++ ];
         std::uint32_t digit;
         if( c >= '0' && c <= '9' ) {
            digit = static_cast< std::uint32_t >( c - '0' ) + 26;
         }
         else if( c >= 'a' && c <= 'z' ) {
            digit = static_cast< std::uint32_t >( c - 'a' );
         }
         else if( c >= 'A' && c <= 'Z' ) {
            digit = static_cast< std::uint32_t >( c - 'A' );
         }
         else {
            return false;
         }
         if( digit > ( 0xFFFFFFFFu - i ) / w ) {
            return false;
         }
         i += digit * w;
         const std::uint32_t t = k <= bias ? tmin : ( k >= bias + tmax ? tmax : k - bias );
         if( digit < t ) {
            break;
         }
         if( w > 0xFFFFFFFFu / ( base - t ) ) {
            return false;
         }
         w *= base - t;
      }
      ++out_len;
      bias = adapt( i - oldi, static_cast< std::uint32_t >( out_len ), first );
      first = false;
      if( i / out_len > 0x10FFFFu - n ) {
         return false;
      }
      n += i / static_cast< std::uint32_t >( out_len );
      i %= static_cast< std::uint32_t >( out_len );
      if( n >= 0xD800 && n <= 0xDFFF ) {
         return false;
      }
      if( n >= 0x80 ) {
         non_ascii = true;
      }
      ++i;
   }
   return non_ascii;
}

bool mx_matches( std::string_view pattern, std::string_view host ) noexcept
{
   if( !host.empty() && host.back() == '.' ) {
      host.remove_suffix( 1 );
   }
   if( pattern.size() >= 2 && pattern[ 0 ] == '*' && pattern[ 1 ] == '.' ) {
      const auto dot = host.find( '.' );
      if( dot == std::string_view::npos || dot == 0 ) {
         return false;
      }
      return text::iequals( host.substr( dot + 1 ), pattern.substr( 2 ) );
   }
   return text::iequals( pattern, host );
}

namespace {

   // The classes of host-name bytes, for valid_pattern_prefix's byte loop.
   enum : unsigned char { c_letter = 1, c_digit = 2, c_hyphen = 4 };
   constexpr std::array< unsigned char, 256 > host_class = [] {
      std::array< unsigned char, 256 > t{};
      for( int c = 'a'; c <= 'z'; ++c ) {
         t[ c ] = c_letter;
         t[ c - 'a' + 'A' ] = c_letter;
      }
      for( int c = '0'; c <= '9'; ++c ) {
         t[ c ] = c_digit;
      }
      t[ '-' ] = c_hyphen;
      return t;
   }();

}  // namespace

#if defined( __SSE2__ )
namespace {

   // Bit k of each mask describes v[k], for 32 bytes (which must be readable).
   struct ByteMasks
   {
      std::uint32_t host, digit, hyphen, dot;
   };

   ByteMasks classify32( const char* p ) noexcept
   {
      ByteMasks m{ 0, 0, 0, 0 };
      for( int half = 0; half < 2; ++half ) {
         const __m128i x = _mm_loadu_si128( reinterpret_cast< const __m128i* >( p + 16 * half ) );
         const __m128i folded = _mm_or_si128( x, _mm_set1_epi8( 0x20 ) );  // A-Z to a-z; nothing else lands in a-z
         const __m128i letter = _mm_and_si128( _mm_cmpgt_epi8( folded, _mm_set1_epi8( 'a' - 1 ) ), _mm_cmplt_epi8( folded, _mm_set1_epi8( 'z' + 1 ) ) );
         const __m128i digit = _mm_and_si128( _mm_cmpgt_epi8( x, _mm_set1_epi8( '0' - 1 ) ), _mm_cmplt_epi8( x, _mm_set1_epi8( '9' + 1 ) ) );
         const __m128i hyphen = _mm_cmpeq_epi8( x, _mm_set1_epi8( '-' ) );
         const __m128i dot = _mm_cmpeq_epi8( x, _mm_set1_epi8( '.' ) );
         const auto bits = [ half ]( __m128i b ) { return static_cast< std::uint32_t >( _mm_movemask_epi8( b ) ) << ( 16 * half ); };
         m.host |= bits( _mm_or_si128( _mm_or_si128( letter, digit ), hyphen ) );
         m.digit |= bits( digit );
         m.hyphen |= bits( hyphen );
         m.dot |= bits( dot );
      }
      return m;
   }

}  // namespace
#endif

std::size_t valid_pattern_prefix( std::string_view v ) noexcept
{
#if defined( __SSE2__ )
   // Patterns shorter than 32 bytes with 32 bytes to read (the rest of a policy usually follows): every rule of the
   // loop below at once, on bit masks (a 64 KiB policy spent a third of its time in that loop, callgrind).
   {
      const std::size_t start = v.size() > 2 && v[ 0 ] == '*' && v[ 1 ] == '.' ? 2 : 0;
      if( v.size() - start >= 32 ) {
         const ByteMasks m = classify32( v.data() + start );
         const std::uint32_t any = m.host | m.dot;
         if( any != 0xFFFFFFFFu ) {
            const unsigned len = static_cast< unsigned >( __builtin_ctz( ~any ) );
            if( len == 0 ) {
               return 0;
            }
            const std::uint32_t in = ( 1u << len ) - 1, last = 1u << ( len - 1 );
            const std::uint32_t dot = m.dot & in, hyphen = m.hyphen & in;
            if( ( dot & 1u ) || ( dot & last ) || ( dot & ( dot >> 1 ) ) ) {
               return 0;  // an empty label
            }
            const std::uint32_t starts = ( 1u | ( dot << 1 ) ) & in, ends = ( ( dot >> 1 ) | last ) & in;
            if( ( hyphen & ( starts | ends ) ) || ( ( starts << 2 ) & hyphen & ( hyphen >> 1 ) ) ) {
               return 0;  // a label that starts or ends with '-', or "??--" (xn--: the detailed check)
            }
            if( dot == 0 && start == 0 ) {
               return 0;  // a single label
            }
            const std::uint32_t last_label = dot == 0 ? in : in & ~( ( 2u << ( 31 - __builtin_clz( dot ) ) ) - 1 );
            if( ( m.host & ~m.digit & last_label ) == 0 ) {
               return 0;  // a numeric last label
            }
            if( start == 2 && ( dot & ( dot - 1 ) ) == 0 && is_public_suffix( v.substr( 2, len ) ) ) {  // (1 or 2 labels)
               return 0;
            }
            return start + len;
         }
      }
   }
#endif
   return detail::valid_pattern_prefix_scalar( v );
}

// The common case in one pass: ["*."] then labels of letters, digits and inner hyphens, each at most 63 bytes,
// the name at most 253 bytes, no "xn--" label; 0 as soon as anything needs the detailed checks.
std::size_t detail::valid_pattern_prefix_scalar( std::string_view v ) noexcept
{
   std::size_t i = 0;
   const bool wildcard = v.size() > 2 && v[ 0 ] == '*' && v[ 1 ] == '.';
   if( wildcard ) {
      i = 2;
   }
   const std::size_t start = i;
   std::size_t labels = 0;
   bool numeric_last = false;
   while( true ) {
      const std::size_t b = i;
      unsigned seen = 0;  // one table lookup per byte (callgrind: the per-byte comparisons were most of a 64 KiB lint)
      while( i < v.size() ) {
         const unsigned k = host_class[ static_cast< unsigned char >( v[ i ] ) ];
         if( k == 0 ) {
            break;
         }
         seen |= k;
         ++i;
      }
      const std::size_t len = i - b;
      if( len == 0 || len > 63 || v[ b ] == '-' || v[ i - 1 ] == '-' ) {
         return 0;
      }
      if( len >= 4 && v[ b + 2 ] == '-' && v[ b + 3 ] == '-' ) {
         return 0;  // "xn--" (or another reserved "??--" label): detailed check
      }
      ++labels;
      if( i == v.size() || v[ i ] != '.' ) {
         numeric_last = seen == c_digit;
         break;
      }
      ++i;
   }
   if( i - start > 253 || numeric_last || ( !wildcard && labels == 1 ) ) {
      return 0;
   }
   // (the built-in suffixes have one or two labels: a longer name is none, without a call that looks for its dots)
   if( wildcard && labels <= 2 && is_public_suffix( v.substr( 2, i - 2 ) ) ) {
      return 0;
   }
   return i;
}

bool check_mx_pattern( std::string_view value, std::size_t offset, Sink& sink, std::string_view terminator, std::size_t line )
{
   using text::quote;
   if( !value.empty() && valid_pattern_prefix( value ) == value.size() ) {
      return true;  // the common case: a plain valid pattern, no diagnostic
   }
   if( value.empty() ) {
      sink.add( Code::STS238, offset, 0, { { "n", std::to_string( line ) } } );
      return false;
   }
   // One pass: is every byte a host-name character? (the common case skips the detailed checks below)
   bool plain = true;
   for( const char c : value ) {
      plain = plain && host_char( c );
   }
   // Several hosts on one line: "a.example.com, b.example.com" or separated by spaces.
   if( !plain && value.find_first_of( " \t," ) != std::string_view::npos ) {
      std::vector< std::string_view > hosts;
      std::size_t b = std::string_view::npos;
      for( std::size_t i = 0; i <= value.size(); ++i ) {
         const bool sep = i == value.size() || value[ i ] == ' ' || value[ i ] == '\t' || value[ i ] == ',';
         if( sep ) {
            if( b != std::string_view::npos ) {
               hosts.push_back( value.substr( b, i - b ) );
            }
            b = std::string_view::npos;
         }
         else if( b == std::string_view::npos ) {
            b = i;
         }
      }
      auto& d = sink.add( Code::STS253, offset, value.size(), { { "p", quote( value ) } } );
      bool all_valid = hosts.size() > 1;
      for( const auto h : hosts ) {
         all_valid = all_valid && full_match< grammar::policy::sts_policy_mx_value >( h );
      }
      if( all_valid ) {
         std::string repl( hosts[ 0 ] );
         for( std::size_t k = 1; k < hosts.size(); ++k ) {
            repl += terminator;
            repl += "mx: ";
            repl += hosts[ k ];
         }
         sink.set_fix( d, FixTitle::put_each_mx, offset, value.size(), std::move( repl ) );
      }
      return false;
   }
   for( std::size_t i = 0; !plain && i < value.size(); ++i ) {
      if( static_cast< unsigned char >( value[ i ] ) >= 0x80 ) {
         sink.add( Code::STS245, offset, value.size(), { { "p", quote( value ) } } );
         return false;
      }
   }
   std::string_view p = value;
   std::size_t p_off = offset;
   bool ok = true;
   if( p.back() == '.' && p.size() > 1 ) {
      std::size_t dots = 0;  // all of them: one edit removes every trailing dot
      while( dots + 1 < p.size() && p[ p.size() - 1 - dots ] == '.' ) {
         ++dots;
      }
      auto& d = sink.add( Code::STS239, offset + p.size() - dots, dots, { { "p", quote( value ) } } );
      sink.set_fix( d, dots == 1 ? FixTitle::remove_trailing_dot : FixTitle::remove_trailing_dots, offset + p.size() - dots, dots, "" );
      p.remove_suffix( dots );
      ok = false;
   }
   if( p.front() == '.' ) {
      auto& d = sink.add( Code::STS241, offset, 1, { { "p", quote( value ) } } );
      sink.set_fix( d, FixTitle::write_wildcard, offset, 0, "*" );
      p.remove_prefix( 1 );
      ++p_off;
      return false;
   }
   // Characters outside letters, digits, '-', '.' and the wildcard.
   for( std::size_t i = 0; !plain && i < p.size(); ++i ) {
      if( !host_char( p[ i ] ) ) {
         Hint hint = Hint::none;
         ArgList args{ { "p", quote( value ) } };
         std::string host;
         if( p.find( "://" ) != std::string_view::npos ) {
            hint = Hint::url_form;
            host = std::string( url_host( p ) );
         }
         else if( p[ i ] == ':' && text::all_digits( p.substr( i + 1 ) ) ) {
            hint = Hint::port_form;
            host = std::string( p.substr( 0, i ) );
         }
         if( hint != Hint::none ) {
            args.emplace_back( "s", host );
         }
         auto& d = sink.add( Code::STS242, offset, value.size(), args, hint );
         if( hint != Hint::none && full_match< grammar::policy::sts_policy_mx_value >( host ) ) {
            sink.set_fix( d, FixTitle::keep_host_name, offset, value.size(), host );
         }
         return false;
      }
   }
   // Wildcard anywhere but as the whole left-most label.
   const bool wildcard = p.size() >= 2 && p[ 0 ] == '*' && p[ 1 ] == '.';
   const std::string_view base = wildcard ? p.substr( 2 ) : p;
   const auto star = base.find( '*' );
   if( star != std::string_view::npos || p == "*" ) {
      const std::size_t at = ( p == "*" ) ? 0 : ( wildcard ? 2 : 0 ) + star;
      sink.add( Code::STS240, p_off + at, 1, { { "p", quote( value ) } } );
      return false;
   }
   if( base.empty() ) {
      sink.add( Code::STS240, p_off, p.size(), { { "p", quote( value ) } } );
      return false;
   }
   const std::size_t base_off = p_off + ( wildcard ? 2 : 0 );
   bool labels_ok = true;
   std::size_t label_count = 0;
   std::string_view last_label;
   for_each_label( base, [ & ]( std::string_view l, std::size_t at ) {
      ++label_count;
      last_label = l;
      if( l.empty() || l.front() == '-' || l.back() == '-' ) {
         sink.add( Code::STS243, base_off + at, l.size(), { { "l", quote( l ) }, { "p", quote( value ) } } );
         return labels_ok = false;
      }
      if( l.size() > 63 ) {
         sink.add( Code::STS244, base_off + at, l.size(), { { "p", quote( value ) } } );
         return labels_ok = false;
      }
      return true;
   } );
   if( !labels_ok ) {
      return false;
   }
   if( base.size() > 253 ) {
      sink.add( Code::STS244, offset, value.size(), { { "p", quote( value ) } } );
      return false;
   }
   if( !ok ) {
      return false;
   }
   // Valid syntax: the warnings.
   if( base.find( "xn--" ) != std::string_view::npos || base.find( "XN--" ) != std::string_view::npos ) {
      for_each_label( base, [ & ]( std::string_view l, std::size_t at ) {
         if( !valid_a_label( l ) ) {
            sink.add( Code::STS246, base_off + at, l.size(), { { "label", quote( l ) } } );
         }
         return true;
      } );
   }
   if( text::all_digits( last_label ) ) {
      sink.add( Code::STS247, offset, value.size(), { { "p", quote( value ) } } );
   }
   else if( wildcard && is_public_suffix( base ) ) {
      sink.add( Code::STS248, offset, value.size(), { { "p", quote( value ) } } );
   }
   else if( !wildcard && label_count == 1 ) {
      sink.add( Code::STS254, offset, value.size(), { { "p", quote( value ) } } );
   }
   return true;
}

}  // namespace mtasts

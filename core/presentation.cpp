#include "presentation.hpp"

#include <array>
#include <cstring>
#include <numeric>

#include "../grammar/dns.hpp"
#include "match.hpp"
#include "text.hpp"

namespace mtasts {

namespace {

   namespace dns = grammar::dns;

   bool is_space( char c ) noexcept { return c == ' ' || c == '\t'; }
   bool is_eol( char c ) noexcept { return c == '\n' || c == '\r'; }

   // Typographic quotes used as delimiters: U+201C U+201D U+2018 U+2019 U+00AB U+00BB.
   std::size_t typographic_quote( std::string_view s, std::size_t i ) noexcept
   {
      if( s.substr( i, 3 ) == "\xE2\x80\x9C" || s.substr( i, 3 ) == "\xE2\x80\x9D" || s.substr( i, 3 ) == "\xE2\x80\x98" || s.substr( i, 3 ) == "\xE2\x80\x99" ) {
         return 3;
      }
      if( s.substr( i, 2 ) == "\xC2\xAB" || s.substr( i, 2 ) == "\xC2\xBB" ) {
         return 2;
      }
      return 0;
   }

   // The bytes that end a token of a zone-file line: whitespace, a line break, a quote.
   constexpr std::array< bool, 256 > token_end = [] {
      std::array< bool, 256 > e{};
      e[ ' ' ] = e[ '\t' ] = e[ '\n' ] = e[ '\r' ] = e[ '"' ] = true;
      return e;
   }();

}  // namespace

ZoneShape zone_shape( std::string_view t, std::size_t i )
{
   ZoneShape z;
   std::size_t k = i;
   z.continuation = k < t.size() && is_space( t[ k ] );
   std::size_t tokens = 0;
   while( tokens < 6 ) {
      while( k < t.size() && is_space( t[ k ] ) ) {
         ++k;
      }
      if( k >= t.size() || is_eol( t[ k ] ) || t[ k ] == '"' || t[ k ] == '(' || t[ k ] == ';' ) {
         break;
      }
      const std::size_t b = k;
      while( k < t.size() && !token_end[ static_cast< unsigned char >( t[ k ] ) ] ) {  // one lookup per byte
         ++k;
      }
      if( ++tokens == 1 ) {
         z.first_b = b;
         z.first_e = k;
      }
      const auto tok = t.substr( b, k - b );
      // (the sizes first: most tokens of a bare record value are none of these, and a PEGTL match costs more)
      const bool txt = tok.size() == 3 && full_match< grammar::dns::type_txt >( tok );
      if( txt || ( tok.size() == 5 && full_match< grammar::dns::type_cname >( tok ) ) ) {
         // everything before is owner / TTL / class; more than one owner-like token is not zone syntax
         if( z.owner_tokens > 1 ) {
            return ZoneShape{};
         }
         z.zone = true;
         z.cname = !txt;
         z.rdata = k;
         return z;
      }
      if( !( text::is_digit( tok[ 0 ] ) && full_match< grammar::dns::ttl >( tok ) ) && !( tok.size() == 2 && full_match< grammar::dns::class_ >( tok ) ) ) {
         if( ++z.owner_tokens > 1 ) {
            return ZoneShape{};  // a type found later would not make it zone syntax: stop here (most bare values)
         }
      }
   }
   return ZoneShape{};
}

namespace {

   // How a line starting at t[i] is read: its shape, its first non-blank byte, and its zone-file prefix if it has one.
   struct LineClass
   {
      LineShape shape;
      std::size_t first;
      ZoneShape zone;
   };

   LineClass classify_line( std::string_view t, std::size_t i )
   {
      std::size_t j = i;
      while( j < t.size() && is_space( t[ j ] ) ) {
         ++j;
      }
      if( j >= t.size() || is_eol( t[ j ] ) ) {
         return { LineShape::blank, j, {} };
      }
      if( t[ j ] == ';' ) {  // comment line (dig's ";; ANSWER SECTION:")
         return { LineShape::comment, j, {} };
      }
      if( t[ j ] == '$' ) {  // $ORIGIN / $TTL directives
         return { LineShape::directive, j, {} };
      }
      const ZoneShape z = zone_shape( t, i );
      if( z.zone ) {
         return { LineShape::zone, j, z };
      }
      if( t[ j ] == '"' || t[ j ] == '(' || typographic_quote( t, j ) ) {
         return { LineShape::quoted, j, {} };
      }
      return { LineShape::raw, j, {} };
   }

}  // namespace

LineShape line_shape( std::string_view line )
{
   return classify_line( line, 0 ).shape;
}

namespace {

   class Parser
   {
   public:
      Parser( std::string_view text, Sink& sink )
         : t_( text ), sink_( sink )
      {}

      std::vector< TxtRecord > run();

   private:
      void logical_line();
      void zone_prefix( TxtRecord& r, const ZoneShape& z );
      void rdata( TxtRecord& r );
      void quoted( TxtRecord& r );
      void unquoted( TxtRecord& r, std::size_t& words );
      void escape( TxtRecord& r, std::size_t& i );
      void close_string( TxtRecord& r, std::size_t string_begin_joined, std::size_t input_begin );
      void skip_line();

      std::string_view t_;
      Sink& sink_;
      std::size_t i_ = 0;
      int parens_ = 0;
      std::string last_owner_;
      std::string origin_;
      std::vector< TxtRecord > out_;
   };

   std::vector< TxtRecord > Parser::run()
   {
      while( i_ < t_.size() ) {
         logical_line();
      }
      return std::move( out_ );
   }

   void Parser::skip_line()
   {
      while( i_ < t_.size() && !is_eol( t_[ i_ ] ) ) {
         ++i_;
      }
      while( i_ < t_.size() && is_eol( t_[ i_ ] ) ) {
         ++i_;
      }
   }

   void Parser::logical_line()
   {
      const std::size_t line_begin = i_;
      const LineClass c = classify_line( t_, i_ );
      const std::size_t j = c.first;
      if( c.shape == LineShape::blank || c.shape == LineShape::comment ) {
         i_ = j;
         skip_line();
         return;
      }
      if( c.shape == LineShape::directive ) {
         const auto rest = t_.substr( j );
         if( text::istarts_with( rest, "$ORIGIN" ) ) {
            std::size_t k = j + 7;
            while( k < t_.size() && is_space( t_[ k ] ) ) {
               ++k;
            }
            std::size_t e = k;
            while( e < t_.size() && !is_space( t_[ e ] ) && !is_eol( t_[ e ] ) ) {
               ++e;
            }
            origin_ = text::to_lower( t_.substr( k, e - k ) );
         }
         i_ = j;
         skip_line();
         return;
      }
      TxtRecord r;
      r.begin = line_begin;
      {
         const void* eol = std::memchr( t_.data() + i_, '\n', t_.size() - i_ );
         const std::size_t guess = ( eol ? static_cast< std::size_t >( static_cast< const char* >( eol ) - t_.data() ) : t_.size() ) - i_;
         r.value.reserve( guess );
         r.src.reserve( guess + 1 );
      }
      if( c.shape == LineShape::zone ) {
         zone_prefix( r, c.zone );
      }
      else if( c.shape == LineShape::quoted ) {
         i_ = j;  // a quoted value starts at the quote
         r.begin = j;
      }
      else {
         r.raw = true;  // a bare value keeps its leading whitespace (STS101 reports it)
      }
      if( r.raw ) {
         std::size_t e = i_;
         while( e < t_.size() && !is_eol( t_[ e ] ) ) {
            ++e;
         }
         r.src.reserve( e - i_ + 1 );
         for( std::size_t k = i_;; ) {
            // The bytes of this line, copied as a block (byte by byte was a tenth of a batch run, callgrind).
            // RFC 8460's examples continue lines with '\': join them as the author meant, and warn (DNS609).
            const bool continued = e > k && t_[ e - 1 ] == '\\' && e < t_.size();
            const std::size_t run = ( continued ? e - 1 : e ) - k;
            r.value.append( t_.data() + k, run );
            const std::size_t old = r.src.size();
            r.src.resize( old + run );
            std::iota( r.src.begin() + static_cast< std::ptrdiff_t >( old ), r.src.end(), k );
            if( !continued ) {
               break;
            }
            sink_.add( Code::DNS609, e - 1, 1 );
            std::size_t n = e;
            while( n < t_.size() && is_eol( t_[ n ] ) ) {
               ++n;
            }
            while( n < t_.size() && is_space( t_[ n ] ) ) {
               ++n;
            }
            k = n;
            e = n;
            while( e < t_.size() && !is_eol( t_[ e ] ) ) {
               ++e;
            }
         }
         r.src.push_back( e );
         r.string_ends.push_back( r.value.size() );
         r.end = e;
         i_ = e;
         skip_line();
         out_.push_back( std::move( r ) );
         return;
      }
      rdata( r );
      out_.push_back( std::move( r ) );
   }

   // owner [TTL] [class] TXT|CNAME ... (z, from zone_shape): the owner, and i_ at the rdata.
   void Parser::zone_prefix( TxtRecord& r, const ZoneShape& z )
   {
      if( !z.continuation && z.owner_tokens == 1 ) {
         r.owner = std::string( t_.substr( z.first_b, z.first_e - z.first_b ) );
         r.owner_offset = z.first_b;
         last_owner_ = r.owner;
      }
      else {
         r.owner = last_owner_;
         r.owner_offset = z.first_b;
      }
      r.zone = true;
      r.cname = z.cname;
      i_ = z.rdata;
      // DNS610: a relative owner that already names the origin
      if( !z.continuation && z.owner_tokens == 1 && !origin_.empty() && !r.owner.empty() && r.owner.back() != '.' ) {  // only where the owner is written
         std::string o = origin_;
         if( !o.empty() && o.back() == '.' ) {
            o.pop_back();
         }
         const auto low = text::to_lower( r.owner );
         if( !o.empty() && low.size() > o.size() && low.compare( low.size() - o.size(), o.size(), o ) == 0 ) {
            sink_.add( Code::DNS610, r.owner_offset, r.owner.size() );
         }
      }
   }

   void Parser::close_string( TxtRecord& r, std::size_t string_begin_joined, std::size_t input_begin )
   {
      r.string_ends.push_back( r.value.size() );
      if( r.value.size() - string_begin_joined > thresholds::txt_string_max ) {
         sink_.add( Code::DNS601, input_begin, i_ - input_begin );
      }
   }

   void Parser::escape( TxtRecord& r, std::size_t& k )
   {
      // at '\'
      const auto dlen = prefix_match< dns::decimal_escape >( t_.substr( k ) );
      if( dlen != std::string_view::npos ) {
         const int v = ( t_[ k + 1 ] - '0' ) * 100 + ( t_[ k + 2 ] - '0' ) * 10 + ( t_[ k + 3 ] - '0' );
         if( v > 255 ) {
            sink_.add( Code::DNS612, k, 4, { { "seq", std::string( t_.substr( k, 4 ) ) } } );
         }
         else {
            r.value += static_cast< char >( v );
            r.src.push_back( k );
         }
         k += 4;
         return;
      }
      if( k + 1 < t_.size() && text::is_digit( t_[ k + 1 ] ) ) {
         std::size_t e = k + 1;
         while( e < t_.size() && e < k + 4 && text::is_digit( t_[ e ] ) ) {
            ++e;
         }
         sink_.add( Code::DNS612, k, e - k, { { "seq", std::string( t_.substr( k, e - k ) ) } } );
         k = e;
         return;
      }
      if( k + 1 < t_.size() && is_eol( t_[ k + 1 ] ) ) {
         sink_.add( Code::DNS609, k, 1 );
         k += 1;
         while( k < t_.size() && is_eol( t_[ k ] ) ) {
            ++k;
         }
         while( k < t_.size() && is_space( t_[ k ] ) ) {
            ++k;
         }
         return;
      }
      if( k + 1 >= t_.size() ) {
         sink_.add( Code::DNS612, k, 1, { { "seq", "\\" } } );
         k += 1;
         return;
      }
      r.value += t_[ k + 1 ];
      r.src.push_back( k + 1 );
      k += 2;
   }

   void Parser::quoted( TxtRecord& r )
   {
      // at '"' or a typographic quote
      const std::size_t open = i_;
      const std::size_t tq = typographic_quote( t_, i_ );
      if( tq ) {
         sink_.add( Code::DNS607, i_, tq );
      }
      i_ += tq ? tq : 1;
      const std::size_t joined_begin = r.value.size();
      std::size_t k = i_;
      bool closed = false;
      while( k < t_.size() ) {
         const char c = t_[ k ];
         if( c == '"' ) {
            closed = true;
            ++k;
            break;
         }
         if( const auto q = typographic_quote( t_, k ) ) {
            if( tq ) {
               closed = true;
               k += q;
               break;
            }
            sink_.add( Code::DNS607, k, q );
         }
         if( c == '\\' ) {
            escape( r, k );
            continue;
         }
         if( is_eol( c ) ) {
            break;  // a quoted string never spans lines (even inside parentheses): unbalanced, DNS607
         }
         r.value += c;
         r.src.push_back( k );
         ++k;
      }
      if( !closed ) {
         sink_.add( Code::DNS607, open, 1 );
      }
      i_ = k;
      close_string( r, joined_begin, open );
   }

   void Parser::unquoted( TxtRecord& r, std::size_t& words )
   {
      const std::size_t b = i_;
      const std::size_t joined_begin = r.value.size();
      std::size_t k = i_;
      while( k < t_.size() && !is_space( t_[ k ] ) && !is_eol( t_[ k ] ) && t_[ k ] != '"' && t_[ k ] != ';' && t_[ k ] != '(' && t_[ k ] != ')' ) {
         if( t_[ k ] == '\\' ) {
            escape( r, k );
            continue;
         }
         r.value += t_[ k ];
         r.src.push_back( k );
         ++k;
      }
      ++words;
      i_ = k;
      close_string( r, joined_begin, b );
   }

   void Parser::rdata( TxtRecord& r )
   {
      std::size_t unquoted_words = 0;
      std::size_t first_unquoted = std::string_view::npos;
      std::size_t unquoted_end = 0;  // DNS606 ends at the last unquoted word, not at the trailing space or line break
      while( i_ < t_.size() ) {
         const char c = t_[ i_ ];
         if( is_space( c ) ) {
            ++i_;
            continue;
         }
         if( is_eol( c ) ) {
            if( parens_ > 0 ) {
               ++i_;
               continue;
            }
            break;
         }
         if( c == '(' ) {
            ++parens_;
            ++i_;
            continue;
         }
         if( c == ')' ) {
            if( parens_ == 0 ) {
               sink_.add( Code::DNS607, i_, 1 );
            }
            else {
               --parens_;
            }
            ++i_;
            continue;
         }
         if( c == ';' ) {
            if( unquoted_words > 0 && !r.quoted ) {
               sink_.add( Code::DNS605, i_, 1 );
            }
            while( i_ < t_.size() && !is_eol( t_[ i_ ] ) ) {
               ++i_;
            }
            continue;
         }
         if( c == '"' || typographic_quote( t_, i_ ) ) {
            r.quoted = true;
            quoted( r );
            continue;
         }
         if( r.cname ) {
            unquoted( r, unquoted_words );
            continue;
         }
         if( first_unquoted == std::string_view::npos ) {
            first_unquoted = i_;
         }
         unquoted( r, unquoted_words );
         unquoted_end = i_;
      }
      if( parens_ > 0 ) {
         sink_.add( Code::DNS607, r.begin, 0 );
         parens_ = 0;
      }
      if( unquoted_words > 1 && !r.cname ) {
         sink_.add( Code::DNS606, first_unquoted, unquoted_end - first_unquoted );
      }
      r.end = i_;
      r.src.push_back( i_ );
      skip_line();
   }

}  // namespace

std::vector< TxtRecord > parse_presentation( std::string_view text, Sink& sink )
{
   return Parser( text, sink ).run();
}

}  // namespace mtasts

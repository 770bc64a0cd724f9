#include "evidence.hpp"

#include <algorithm>

namespace mtasts::x509 {

namespace {

constexpr std::string_view k_begin = "-----BEGIN CERTIFICATE-----";
constexpr std::string_view k_end = "-----END CERTIFICATE-----";

bool starts_with( std::string_view s, std::string_view p ) { return s.substr( 0, p.size() ) == p; }

int b64( char c )
{
   if( c >= 'A' && c <= 'Z' ) return c - 'A';
   if( c >= 'a' && c <= 'z' ) return c - 'a' + 26;
   if( c >= '0' && c <= '9' ) return c - '0' + 52;
   if( c == '+' ) return 62;
   if( c == '/' ) return 63;
   return -1;
}

bool is_space( char c ) { return c == ' ' || c == '\t'; }

std::string lower( std::string_view s )
{
   std::string out( s );
   for( auto& c : out ) {
      if( c >= 'A' && c <= 'Z' ) {
         c = static_cast< char >( c - 'A' + 'a' );
      }
   }
   return out;
}

// The line [b, e) without leading blanks: offset and view.
struct Line
{
   std::size_t begin = 0;  // first byte of the line
   std::size_t end = 0;    // before its terminator (a CR of a CRLF excluded)
   std::size_t trimmed = 0;  // first non-blank byte
};

void parse_command( std::string_view line, Session& s )
{
   std::vector< std::string_view > tok;
   for( std::size_t k = 0; k < line.size(); ) {
      while( k < line.size() && is_space( line[ k ] ) ) {
         ++k;
      }
      const std::size_t b = k;
      while( k < line.size() && !is_space( line[ k ] ) ) {
         ++k;
      }
      if( k > b ) {
         tok.push_back( line.substr( b, k - b ) );
      }
   }
   std::string connect_host;
   for( std::size_t k = 0; k + 1 < tok.size(); ++k ) {
      if( tok[ k ] == "-connect" ) {
         std::string_view hp = tok[ k + 1 ];
         if( starts_with( hp, "[" ) && hp.find( ']' ) != std::string_view::npos ) {
            const auto rb = hp.find( ']' );
            connect_host = std::string( hp.substr( 1, rb - 1 ) );
            if( rb + 1 < hp.size() && hp[ rb + 1 ] == ':' ) {
               s.port = std::string( hp.substr( rb + 2 ) );
            }
         }
         else if( const auto c = hp.rfind( ':' ); c != std::string_view::npos && hp.find( ':' ) == c ) {
            connect_host = std::string( hp.substr( 0, c ) );
            s.port = std::string( hp.substr( c + 1 ) );
         }
         else {
            connect_host = std::string( hp );
         }
      }
      else if( tok[ k ] == "-servername" ) {
         s.host = lower( tok[ k + 1 ] );
      }
      else if( tok[ k ] == "-starttls" && tok[ k + 1 ] == "smtp" ) {
         s.starttls_smtp = true;
      }
   }
   if( s.host.empty() ) {
      s.host = lower( connect_host );
   }
   while( !s.host.empty() && s.host.back() == '.' ) {
      s.host.pop_back();
   }
}

// "12" of "12:unable ..." or "21 (unable ...)"
int leading_int( std::string_view s, std::size_t& used )
{
   int v = 0;
   used = 0;
   while( used < s.size() && used < 6 && s[ used ] >= '0' && s[ used ] <= '9' ) {
      v = v * 10 + ( s[ used ] - '0' );
      ++used;
   }
   return v;
}

}  // namespace

std::size_t PemBlock::text_offset( std::size_t der_offset ) const noexcept
{
   if( lines.empty() ) {
      return block.offset;
   }
   const std::size_t c = der_offset / 3 * 4 + der_offset % 3;  // the character holding the byte's first bits
   std::size_t k = 0;
   while( k + 1 < lines.size() && lines[ k + 1 ].first <= c ) {
      ++k;
   }
   return std::min( lines[ k ].second + ( c - lines[ k ].first ), block.offset + block.length );
}

Evidence read_evidence( std::string_view text )
{
   Evidence ev;
   if( text.size() >= 4 && std::uint8_t( text[ 0 ] ) == 0x30 && ( std::uint8_t( text[ 1 ] ) == 0x82 || std::uint8_t( text[ 1 ] ) == 0x83 || std::uint8_t( text[ 1 ] ) == 0x81 ) ) {
      ev.der = true;
      PemBlock b;
      b.block = { 0, text.size() };
      b.begin_line = { 0, 0 };
      b.der = std::string( text );
      ev.blocks.push_back( std::move( b ) );
      Session s;
      s.blocks.push_back( 0 );
      ev.sessions.push_back( std::move( s ) );
      return ev;
   }
   PemBlock* open = nullptr;
   std::size_t chars = 0;   // base64 characters of the open block so far
   std::uint32_t acc = 0;
   int nbits = 0;
   bool padded = false;
   Session* cur = nullptr;
   const auto session = [ & ]( Span start ) -> Session& {
      ev.sessions.emplace_back();
      ev.sessions.back().start = start;
      cur = &ev.sessions.back();
      return *cur;
   };
   const auto close = [ & ]( std::size_t at ) {
      if( open && !open->bad_base64 ) {
         open->bad_base64 = at;
      }
      open = nullptr;
   };
   for( std::size_t i = 0; i < text.size(); ) {
      Line ln;
      ln.begin = i;
      std::size_t e = i;
      while( e < text.size() && text[ e ] != '\n' && text[ e ] != '\r' ) {
         ++e;
      }
      ln.end = e;
      if( e < text.size() ) {
         e += ( text[ e ] == '\r' && e + 1 < text.size() && text[ e + 1 ] == '\n' ) ? 2 : 1;
      }
      i = e;
      ln.trimmed = ln.begin;
      while( ln.trimmed < ln.end && is_space( text[ ln.trimmed ] ) ) {
         ++ln.trimmed;
      }
      const std::string_view t = text.substr( ln.trimmed, ln.end - ln.trimmed );
      const Span whole{ ln.trimmed, ln.end - ln.trimmed };
      if( starts_with( t, k_begin ) ) {
         close( ln.trimmed );
         if( !cur ) {
            session( Span{ ln.trimmed, 0 } );
         }
         cur->blocks.push_back( ev.blocks.size() );
         // (std::deque would keep `open` valid; a vector is fine as `open` is re-taken after each push)
         ev.blocks.emplace_back();
         open = &ev.blocks.back();
         open->block = { ln.trimmed, ln.end - ln.trimmed };
         open->begin_line = whole;
         chars = 0;
         acc = 0;
         nbits = 0;
         padded = false;
         continue;
      }
      if( open ) {
         if( starts_with( t, k_end ) ) {
            open->block.length = ln.trimmed + k_end.size() - open->block.offset;
            if( !open->bad_base64 && ( nbits >= 6 || ( chars % 4 ) != 0 ) ) {
               open->bad_base64 = ln.trimmed;  // a partial base64 quantum
            }
            open = nullptr;
            continue;
         }
         if( starts_with( t, "-----" ) ) {  // another armour line: the END is missing
            close( ln.trimmed );
         }
         else {
            open->block.length = ln.end - open->block.offset;
            if( ln.trimmed < ln.end ) {
               open->lines.emplace_back( chars, ln.trimmed );
            }
            for( std::size_t p = ln.trimmed; p < ln.end; ++p ) {
               const char c = text[ p ];
               if( is_space( c ) ) {
                  continue;
               }
               ++chars;
               if( c == '=' ) {
                  padded = true;
                  nbits = 0;
                  continue;
               }
               const int v = b64( c );
               if( v < 0 || padded ) {
                  if( !open->bad_base64 ) {
                     open->bad_base64 = p;
                  }
                  continue;
               }
               acc = ( ( acc << 6 ) | static_cast< std::uint32_t >( v ) ) & 0xffffff;
               nbits += 6;
               if( nbits >= 8 ) {
                  nbits -= 8;
                  open->der += static_cast< char >( ( acc >> nbits ) & 0xff );
               }
            }
            continue;
         }
      }
      // s_client lines
      if( t.find( "s_client" ) != std::string_view::npos && t.find( "openssl" ) != std::string_view::npos ) {
         auto& s = session( whole );
         s.is_s_client = true;
         parse_command( t, s );
      }
      else if( starts_with( t, "CONNECTED(" ) ) {
         // s_client prints its verify lines (stderr) before CONNECTED (stdout) when both are captured
         if( !cur || !cur->blocks.empty() || cur->connected ) {
            session( whole );
         }
         cur->is_s_client = true;
         cur->connected = true;
      }
      else if( starts_with( t, "depth=" ) || starts_with( t, "verify error:num=" ) ) {
         if( !cur || !cur->blocks.empty() ) {
            session( whole ).is_s_client = true;
         }
      }
      if( cur && starts_with( t, "verify error:num=" ) ) {
         std::size_t used = 0;
         Session::VerifyError v;
         v.line = whole;
         v.num = leading_int( t.substr( 17 ), used );
         const auto rest = t.substr( 17 + used );
         v.text = std::string( rest.substr( rest.empty() || rest[ 0 ] != ':' ? 0 : 1 ) );
         cur->verify_errors.push_back( std::move( v ) );
      }
      else if( cur && starts_with( t, "Verify return code: " ) ) {
         std::size_t used = 0;
         Session::VerifyError v;
         v.line = whole;
         v.num = leading_int( t.substr( 20 ), used );
         auto rest = t.substr( 20 + used );
         if( starts_with( rest, " (" ) && rest.back() == ')' ) {
            rest = rest.substr( 2, rest.size() - 3 );
         }
         v.text = std::string( rest );
         cur->verify_return = std::move( v );
      }
      else if( cur && !t.empty() && t[ 0 ] >= '0' && t[ 0 ] <= '9' ) {
         std::size_t used = 0;
         const int n = leading_int( t, used );
         if( used < t.size() && starts_with( t.substr( used ), " s:" ) && n < 64 ) {
            if( cur->chain_lines.size() <= static_cast< std::size_t >( n ) ) {
               cur->chain_lines.resize( static_cast< std::size_t >( n ) + 1 );
            }
            cur->chain_lines[ static_cast< std::size_t >( n ) ] = whole;
         }
      }
   }
   close( text.size() );
   return ev;
}

}  // namespace mtasts::x509

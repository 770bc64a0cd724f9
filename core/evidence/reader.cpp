// The bundle reader: one pass over the lines, each line read once (a record in parentheses, a header block and a
// body are consumed as they are met), so the time is linear in the text whatever it holds.
#include "reader.hpp"

#include <algorithm>
#include <cstring>
#include <map>

#include "../../grammar/http.hpp"
#include "../../grammar/master_file.hpp"
#include "../match.hpp"
#include "../small_vector.hpp"
#include "../text.hpp"

namespace mtasts::evidence {

const char* tool_name( Tool t ) noexcept
{
   switch( t ) {
      case Tool::none:
         return "text";
      case Tool::dig:
         return "dig output";
      case Tool::host:
         return "host output";
      case Tool::nslookup:
         return "nslookup output";
      case Tool::resolve_dnsname:
         return "Resolve-DnsName output";
      case Tool::zone:
         return "zone file";
      case Tool::curl:
         return "curl output";
      case Tool::wget:
         return "wget output";
      case Tool::invoke_webrequest:
         return "Invoke-WebRequest output";
      case Tool::policy:
         return "policy";
      case Tool::record:
         return "TXT record";
   }
   return "text";
}

const char* tool_label( Tool t, Lang lang ) noexcept
{
   Text id = Text::tool_text;
   switch( t ) {
      case Tool::none: id = Text::tool_text; break;
      case Tool::dig: id = Text::tool_dig; break;
      case Tool::host: id = Text::tool_host; break;
      case Tool::nslookup: id = Text::tool_nslookup; break;
      case Tool::resolve_dnsname: id = Text::tool_resolve_dnsname; break;
      case Tool::zone: id = Text::tool_zone; break;
      case Tool::curl: id = Text::tool_curl; break;
      case Tool::wget: id = Text::tool_wget; break;
      case Tool::invoke_webrequest: id = Text::tool_invoke_webrequest; break;
      case Tool::policy: id = Text::tool_policy; break;
      case Tool::record: id = Text::tool_record; break;
   }
   const char* s = text_template( id, lang );
   return *s ? s : tool_name( t );  // a tool text: empty only if the translations were not enabled
}

namespace {

   struct Line
   {
      std::size_t b, e, next;  // content [b, e); next: the start of the following line
   };

   Line line_at( std::string_view t, std::size_t i ) noexcept
   {
      const std::size_t e = text::find_line_break( t, i );
      std::size_t n = e;
      if( n < t.size() && t[ n ] == '\r' ) {
         ++n;
      }
      if( n < t.size() && t[ n ] == '\n' && ( n == e || t[ n - 1 ] == '\r' ) ) {
         ++n;
      }
      return { i, e, n };
   }

   bool blank( std::string_view s ) noexcept { return text::leading_wsp( s ) == s.size(); }

   std::string_view trim( std::string_view s ) noexcept
   {
      s.remove_prefix( text::leading_wsp( s ) );
      s.remove_suffix( text::trailing_wsp( s ) );
      return s;
   }

   // A domain name as tools print it, made comparable: lower case, without the root dot.
   std::string norm_name( std::string_view s )
   {
      if( s.size() > 1 && s.back() == '.' ) {
         s.remove_suffix( 1 );
      }
      return text::to_lower( s );
   }

   bool name_char( char c ) noexcept { return text::is_alnum( c ) || c == '-' || c == '_' || c == '.' || c == '*' || c == '\\' || c == '/'; }

   bool looks_like_name( std::string_view s ) noexcept
   {
      if( s.empty() || s.size() > 255 ) {
         return false;
      }
      for( const char c : s ) {
         if( !name_char( c ) ) {
            return false;
         }
      }
      return true;
   }

   // Whitespace-separated tokens (at most `max`), with their offsets in `s`.
   struct Token
   {
      std::string_view text;
      std::size_t at;
   };
   // The first 8 inline: tokens() runs on most lines of a paste, several times, and a std::vector cost an allocation
   // and a free each time (about 3 % of a 64 KiB paste's instructions, callgrind); only a command line has more.
   using Tokens = SmallVector< Token, 8 >;
   Tokens tokens( std::string_view s, std::size_t max )
   {
      Tokens out;
      std::size_t k = 0;
      while( k < s.size() && out.size() < max ) {
         while( k < s.size() && text::is_wsp( s[ k ] ) ) {
            ++k;
         }
         if( k >= s.size() ) {
            break;
         }
         const std::size_t b = k;
         while( k < s.size() && !text::is_wsp( s[ k ] ) ) {
            ++k;
         }
         out.push_back( { s.substr( b, k - b ), b } );
      }
      return out;
   }

   bool is_type( std::string_view tok ) noexcept { return !tok.empty() && tok.size() <= 12 && full_match< grammar::master_file::type >( tok ); }
   bool is_class( std::string_view tok ) noexcept { return tok.size() == 2 && full_match< grammar::dns::class_ >( tok ); }
   bool is_ttl( std::string_view tok ) noexcept { return !tok.empty() && text::is_digit( tok[ 0 ] ) && tok.size() <= 16 && full_match< grammar::master_file::ttl >( tok ); }

   // ---------------------------------------------------------------------------------------------------------------
   // Commands after a shell prompt ("$ dig ...", "PS C:\> Resolve-DnsName ...", "C:\> nslookup ...").

   struct Command
   {
      Tool tool = Tool::none;
      std::string name, type;  // the query
      bool short_form = false, answer_only = false;
      std::string url;
      Span url_span;
      bool head = false, include = false, verbose = false, quiet_body = false;
   };

   Tool command_tool( std::string_view word ) noexcept
   {
      struct Entry
      {
         std::string_view w;
         Tool t;
      };
      static constexpr Entry table[] = { { "dig", Tool::dig }, { "kdig", Tool::dig }, { "drill", Tool::dig }, { "delv", Tool::dig }, { "host", Tool::host }, { "nslookup", Tool::nslookup }, { "nslookup.exe", Tool::nslookup }, { "resolve-dnsname", Tool::resolve_dnsname }, { "curl", Tool::curl }, { "curl.exe", Tool::curl }, { "wget", Tool::wget }, { "invoke-webrequest", Tool::invoke_webrequest }, { "iwr", Tool::invoke_webrequest } };
      if( word.size() < 3 || word.size() > 17 ) {
         return Tool::none;  // (called on the first word of every line of a paste: most are no command)
      }
      for( const auto& e : table ) {
         if( e.w.size() != word.size() ) {
            continue;
         }
         // PowerShell's names are case-insensitive; dig, host, curl... are not ("Host x not found" is host's output)
         const bool ps = e.t == Tool::resolve_dnsname || e.t == Tool::invoke_webrequest;
         if( ps ? text::iequals( word, e.w ) : word == e.w ) {
            return e.t;
         }
      }
      return Tool::none;
   }

   // Where a command starts in the line: at 0, or after a prompt that ends in "$ ", "# ", "% " or "> ".
   std::size_t command_start( std::string_view line ) noexcept
   {
      const auto word_ok = [ & ]( std::size_t k ) {
         // (the first letters of the commands command_tool() knows, the PowerShell ones in either case: most words of a
         // paste start with another byte, and are not scanned)
         if( k >= line.size() ) {
            return false;
         }
         switch( line[ k ] ) {
            case 'd': case 'k': case 'h': case 'n': case 'c': case 'w':
            case 'r': case 'R': case 'i': case 'I':
               break;
            default:
               return false;
         }
         std::size_t e = k;
         while( e < line.size() && e < k + 24 && !text::is_wsp( line[ e ] ) ) {  // (the longest command is 17 bytes)
            ++e;
         }
         return e > k && command_tool( line.substr( k, e - k ) ) != Tool::none && ( e == line.size() || text::is_wsp( line[ e ] ) );
      };
      if( word_ok( 0 ) ) {
         // "Resolve-DnsName : name : DNS name does not exist" is PowerShell's error, not a command
         const std::size_t w = line.find_first_of( " \t" );
         const std::size_t n = w == std::string_view::npos ? line.size() : w + text::leading_wsp( line.substr( w ) );
         return n < line.size() && line[ n ] == ':' ? std::string_view::npos : 0;
      }
      const std::size_t limit = std::min< std::size_t >( line.size(), 160 );
      std::size_t k = 0;
      {
         // (eight bytes at a time up to the first that may be a prompt's end: most lines hold none; this runs on every
         // line of a paste)
         constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
         const auto has = []( std::uint64_t w, char c ) {
            const std::uint64_t x = w ^ ( ones * static_cast< unsigned char >( c ) );
            return ( x - ones ) & ~x & high;
         };
         for( ; k + 9 <= limit; k += 8 ) {
            std::uint64_t w;
            std::memcpy( &w, line.data() + k, 8 );
            if( has( w, '$' ) | has( w, '#' ) | has( w, '%' ) | has( w, '>' ) ) {
               break;  // the byte loop below looks at these eight
            }
         }
      }
      for( ; k + 1 < limit; ++k ) {
         const char c = line[ k ];
         if( c > '>' || c < '#' ) {
            continue;  // (most bytes: one comparison pair instead of four; this runs on every line of a paste)
         }
         if( ( c == '$' || c == '#' || c == '%' || c == '>' ) && ( text::is_wsp( line[ k + 1 ] ) || c == '>' ) ) {
            std::size_t s = k + 1;
            while( s < line.size() && text::is_wsp( line[ s ] ) ) {
               ++s;
            }
            if( s < line.size() && word_ok( s ) ) {
               return s;
            }
         }
      }
      return std::string_view::npos;
   }

   std::string_view unquote_arg( std::string_view a ) noexcept
   {
      if( a.size() >= 2 && ( a.front() == '\'' || a.front() == '"' ) && a.back() == a.front() ) {
         return a.substr( 1, a.size() - 2 );
      }
      return a;
   }

   void dig_args( Command& c, const Tokens& args, std::size_t from )
   {
      for( std::size_t k = from; k < args.size(); ++k ) {
         const auto a = args[ k ].text;
         if( a.empty() || a[ 0 ] == '@' || a[ 0 ] == '|' || a[ 0 ] == '>' ) {
            if( a[ 0 ] == '|' || a[ 0 ] == '>' ) {
               break;
            }
            continue;
         }
         if( a[ 0 ] == '+' ) {
            c.short_form = c.short_form || text::istarts_with( a, "+short" );
            c.answer_only = c.answer_only || text::istarts_with( a, "+noall" );
            continue;
         }
         if( ( a == "-t" || a == "-q" ) && k + 1 < args.size() ) {
            ( a == "-t" ? c.type : c.name ) = a == "-t" ? text::to_lower( args[ k + 1 ].text ) : norm_name( args[ k + 1 ].text );
            ++k;
            continue;
         }
         if( a[ 0 ] == '-' ) {
            continue;
         }
         if( is_type( a ) && c.type.empty() && !text::iequals( a, "a" ) ) {
            c.type = std::string( a );
            continue;
         }
         if( text::iequals( a, "IN" ) ) {
            continue;
         }
         if( c.name.empty() ) {
            c.name = norm_name( a );
         }
         else if( c.type.empty() && is_type( a ) ) {
            c.type = std::string( a );
         }
      }
      for( auto& ch : c.type ) {
         ch = static_cast< char >( ch >= 'a' && ch <= 'z' ? ch - 32 : ch );
      }
   }

   Command parse_command( std::string_view line, std::size_t base, std::size_t start )
   {
      Command c;
      const auto args = tokens( line.substr( start ), 64 );
      if( args.empty() ) {
         return c;
      }
      c.tool = command_tool( args[ 0 ].text );
      switch( c.tool ) {
         case Tool::dig:
            dig_args( c, args, 1 );
            if( c.type.empty() && c.name.empty() ) {
               break;
            }
            if( c.type.empty() ) {
               c.type = "A";
            }
            break;
         case Tool::host:
         case Tool::nslookup:
         case Tool::resolve_dnsname:
            for( std::size_t k = 1; k < args.size(); ++k ) {
               auto a = unquote_arg( args[ k ].text );
               if( a[ 0 ] == '|' || a[ 0 ] == '>' ) {
                  break;
               }
               if( ( a == "-t" || text::iequals( a, "-Type" ) ) && k + 1 < args.size() ) {
                  c.type = text::to_lower( args[ ++k ].text );
                  continue;
               }
               if( text::iequals( a, "-Name" ) && k + 1 < args.size() ) {
                  c.name = norm_name( unquote_arg( args[ ++k ].text ) );
                  continue;
               }
               if( text::iequals( a, "-Server" ) && k + 1 < args.size() ) {
                  ++k;
                  continue;
               }
               for( const char* opt : { "-type=", "-q=", "-querytype=", "-t" } ) {
                  if( text::istarts_with( a, opt ) && a.size() > std::strlen( opt ) ) {
                     c.type = text::to_lower( a.substr( std::strlen( opt ) ) );
                     a = {};
                     break;
                  }
               }
               if( a.empty() || a[ 0 ] == '-' ) {
                  continue;
               }
               if( c.name.empty() ) {
                  c.name = norm_name( a );
               }
               else if( c.tool == Tool::resolve_dnsname && c.type.empty() ) {
                  c.type = text::to_lower( a );
               }
            }
            for( auto& ch : c.type ) {
               ch = static_cast< char >( ch >= 'a' && ch <= 'z' ? ch - 32 : ch );
            }
            break;
         case Tool::curl:
         case Tool::wget:
         case Tool::invoke_webrequest:
            for( std::size_t k = 1; k < args.size(); ++k ) {
               const auto raw = args[ k ].text;
               const auto a = unquote_arg( raw );
               if( text::istarts_with( a, "http://" ) || text::istarts_with( a, "https://" ) || ( c.url.empty() && a.find( "mta-sts" ) != std::string_view::npos && a[ 0 ] != '-' ) ) {
                  if( c.url.empty() ) {
                     c.url = std::string( a );
                     c.url_span = { base + start + args[ k ].at + ( a.data() - raw.data() ), a.size() };
                  }
                  continue;
               }
               if( a.size() >= 2 && a[ 0 ] == '-' && a[ 1 ] != '-' ) {
                  for( const char f : a.substr( 1 ) ) {
                     c.include = c.include || f == 'i' || ( c.tool == Tool::wget && f == 'S' );
                     c.head = c.head || ( c.tool == Tool::curl && f == 'I' );
                     c.verbose = c.verbose || ( c.tool == Tool::curl && f == 'v' );
                  }
               }
               c.include = c.include || a == "--include" || a == "--server-response";
               c.head = c.head || a == "--head" || a == "--spider";
               c.verbose = c.verbose || a == "--verbose";
            }
            break;
         default:
            break;
      }
      return c;
   }

   // ---------------------------------------------------------------------------------------------------------------
   // Line recognisers shared by the fast decision (looks_like_bundle) and the reader.

   bool dig_marker( std::string_view line ) noexcept
   {
      // dig, kdig, drill and delv comments that no zone file or record has
      static const char* const marks[] = { "; <<>> ", ";; ->>HEADER<<-", ";; global options", ";; Got answer", ";; QUESTION SECTION", ";; Query time", ";; SERVER:", ";; Received ", ";; resolution failed", "; fully validated", "; unsigned answer", "; negative response", ";; connection timed out", ";; communications error", ";; Flags:", ";; flags:" };
      for( const char* m : marks ) {
         if( text::istarts_with( line, m ) ) {
            return true;
         }
      }
      return false;
   }

   std::size_t http_status_at( std::string_view line ) noexcept
   {
      // "HTTP/1.1 200 OK", "< HTTP/2 200" (curl -v), "  HTTP/1.1 200 OK" (wget -S): the offset of "HTTP/" or npos
      std::size_t k = 0;
      if( line.size() >= 2 && line[ 0 ] == '<' && line[ 1 ] == ' ' ) {
         k = 2;
      }
      else {
         k = text::leading_wsp( line );
      }
      if( line.size() - k < 10 || line[ k ] != 'H' ) {
         return std::string_view::npos;
      }
      return prefix_match< grammar::http::status_line_start >( line.substr( k ) ) != std::string_view::npos ? k : std::string_view::npos;
   }

   // Whether `what` occurs in `s`. (Not string_view::find: most of the phrases looked for start with a space, and
   // find() stops at every space of the line to compare; the recognisers ask this of most lines of a paste. The search
   // runs on the first byte of `what` that is no space instead, which most lines hold rarely.)
   bool contains( std::string_view s, std::string_view what ) noexcept
   {
      if( what.size() > s.size() ) {
         return false;
      }
      std::size_t a = 0;
      while( a < what.size() && what[ a ] == ' ' ) {
         ++a;
      }
      if( a == what.size() ) {
         return s.find( what ) != std::string_view::npos;
      }
      const char* const base = s.data();
      const char* p = base + a;
      const char* const last = base + ( s.size() - what.size() ) + a;  // the anchor's last possible place
      while( p <= last ) {
         p = static_cast< const char* >( std::memchr( p, what[ a ], static_cast< std::size_t >( last - p ) + 1 ) );
         if( !p ) {
            return false;
         }
         if( std::memcmp( p - a, what.data(), what.size() ) == 0 ) {
            return true;
         }
         ++p;
      }
      return false;
   }

   // host's and nslookup's answer phrases.
   bool host_phrase( std::string_view line ) noexcept
   {
      return contains( line, " descriptive text " ) || contains( line, " mail is handled by " ) || contains( line, " is an alias for " ) || ( text::istarts_with( line, "Host " ) && contains( line, " not found: " ) ) || ( contains( line, " has no " ) && contains( line, " record" ) );
   }
   bool nslookup_phrase( std::string_view line ) noexcept
   {
      return contains( line, "\ttext =" ) || contains( line, " text =" ) || contains( line, "mail exchanger = " ) || contains( line, "canonical name = " ) || text::istarts_with( line, "Non-authoritative answer:" ) || text::istarts_with( line, "** server can't find " ) || ( text::istarts_with( line, "*** " ) && contains( line, "can't find " ) );
   }

   // "Key    : value" (PowerShell's Format-List and Invoke-WebRequest's default view): the key and where the value starts
   bool ps_key( std::string_view line, std::string_view& key, std::size_t& value_at ) noexcept
   {
      std::size_t k = 0;
      while( k < line.size() && ( text::is_alnum( line[ k ] ) ) ) {
         ++k;
      }
      if( k == 0 || k > 24 ) {
         return false;
      }
      std::size_t s = k;
      while( s < line.size() && line[ s ] == ' ' ) {
         ++s;
      }
      if( s == k || s >= line.size() || line[ s ] != ':' ) {
         return false;  // PowerShell always pads the key with at least one space
      }
      key = line.substr( 0, k );
      value_at = s + 1 < line.size() && line[ s + 1 ] == ' ' ? s + 2 : s + 1;
      return true;
   }

   bool resolve_table_header( std::string_view line ) noexcept
   {
      return text::istarts_with( line, "Name " ) && contains( line, " Type " ) && contains( line, " TTL " ) && contains( line, " Section" );
   }

   // owner [TTL] [class] TYPE rdata: the tokens of a resource-record line (the first line of it), or nothing.
   struct RrShape
   {
      bool ok = false;
      bool owner_written = true;
      Token owner{};
      Token type{};
      std::size_t rdata = 0;  // offset in the line after the type
      bool has_class = false, has_ttl = false;
   };

   // The whitespace-separated token at or after `k` (empty text at the end), one at a time: a recogniser that rules a
   // line out by its first token does not split the rest of it.
   Token next_token( std::string_view s, std::size_t& k ) noexcept
   {
      while( k < s.size() && text::is_wsp( s[ k ] ) ) {
         ++k;
      }
      const std::size_t b = k;
      while( k < s.size() && !text::is_wsp( s[ k ] ) ) {
         ++k;
      }
      return { s.substr( b, k - b ), b };
   }

   // (the tokens are read as needed, at most 5, as tokens( line, 5 ) would give them)
   RrShape rr_shape( std::string_view line, bool allow_omitted_owner )
   {
      RrShape r;
      std::size_t pos = 0;
      const Token first = next_token( line, pos );
      Token tok = next_token( line, pos );
      if( first.text.empty() || tok.text.empty() ) {
         return r;  // fewer than 2 tokens
      }
      std::size_t k = 1;  // the index of `tok`
      if( text::is_wsp( line[ 0 ] ) ) {
         if( !allow_omitted_owner ) {
            return r;
         }
         r.owner_written = false;
         tok = first;
         k = 0;
      }
      else {
         r.owner = first;
         if( !( looks_like_name( r.owner.text ) || r.owner.text == "@" ) ) {
            return r;
         }
      }
      // `tok` is the token at index k (of at most 5), empty when there is none
      const auto advance = [ & ] {
         if( k == 0 ) {
            pos = first.at + first.text.size();
            tok = next_token( line, pos );  // the second token again (read above)
         }
         else {
            tok = k + 1 < 5 ? next_token( line, pos ) : Token{};
         }
         ++k;
      };
      for( int n = 0; n < 2 && !tok.text.empty(); ++n ) {
         if( !r.has_ttl && is_ttl( tok.text ) ) {
            r.has_ttl = true;
            advance();
         }
         else if( !r.has_class && is_class( tok.text ) ) {
            r.has_class = true;
            advance();
         }
      }
      if( tok.text.empty() || !is_type( tok.text ) ) {
         return r;
      }
      // "example.com MX 10 mx" is a record; "mail a b" is not: a lower-case type needs a TTL or a class before it
      const auto ty = tok.text;
      const bool upper = std::all_of( ty.begin(), ty.end(), []( char c ) { return !( c >= 'a' && c <= 'z' ); } );
      if( !upper && !r.has_class && !r.has_ttl ) {
         return r;
      }
      r.type = tok;
      r.rdata = tok.at + tok.text.size();
      r.ok = true;
      return r;
   }

   // What decides the kind today for one line (lint.cpp's detection): whether it names a record.
   bool record_like( std::string_view line ) noexcept
   {
      const auto toks = tokens( line, 6 );
      for( std::size_t n = 0; n < toks.size(); ++n ) {
         auto v = toks[ n ].text;
         while( !v.empty() && ( v[ 0 ] == '"' || v[ 0 ] == '(' ) ) {
            v.remove_prefix( 1 );
         }
         if( text::istarts_with( v, "v=STSv1" ) || text::istarts_with( v, "v=TLSRPT" ) || text::istarts_with( v, "v=DMARC1" ) || text::istarts_with( v, "_mta-sts" ) || text::istarts_with( v, "_smtp._tls" ) || text::istarts_with( v, "_smtp-tlsrpt" ) || text::istarts_with( v, "_dmarc" ) ) {
            return true;
         }
      }
      return false;
   }

   // A line that starts a new part: ends a body or a bare policy.
   bool part_start( std::string_view t, const Line& l )
   {
      const auto line = t.substr( l.b, l.e - l.b );
      if( line.empty() ) {
         return false;
      }
      const char c = line[ 0 ];
      if( c == ';' ) {
         return true;
      }
      if( command_start( line ) != std::string_view::npos ) {
         return true;
      }
      if( http_status_at( line ) != std::string_view::npos ) {
         return true;
      }
      if( ( c == '*' || c == '<' || c == '>' || c == '{' || c == '}' ) && line.size() >= 2 && line[ 1 ] == ' ' ) {
         return true;  // curl -v
      }
      if( c == '$' && ( text::istarts_with( line, "$ORIGIN" ) || text::istarts_with( line, "$TTL" ) ) ) {
         return true;
      }
      if( text::istarts_with( line, "--" ) && line.size() > 4 && text::is_digit( line[ 2 ] ) ) {
         return true;  // wget "--2024-05-01 10:00:00--  URL"
      }
      if( host_phrase( line ) || nslookup_phrase( line ) || resolve_table_header( line ) ) {
         return true;
      }
      if( text::istarts_with( line, "Server:" ) || text::istarts_with( line, "StatusCode " ) ) {
         return true;
      }
      // a resource record's owner is a name: a first token with ':' ("mx: ...", a policy's every line) is not one
      for( std::size_t k = 0; k < line.size() && !text::is_wsp( line[ k ] ); ++k ) {
         if( line[ k ] == ':' ) {
            return false;
         }
      }
      const auto rr = rr_shape( line, false );
      return rr.ok && ( rr.has_class || rr.has_ttl );
   }

}  // namespace

bool looks_like_bundle( std::string_view t ) noexcept
{
   return first_lines( t ) == FirstLines::bundle;
}

FirstLines first_lines( std::string_view t ) noexcept
{
   std::size_t i = t.substr( 0, 3 ) == "\xEF\xBB\xBF" ? 3 : 0;
   for( int lines = 0; lines < 8 && i < t.size(); ++lines ) {
      const Line l = line_at( t, i );
      i = l.next;
      auto line = t.substr( l.b, std::min< std::size_t >( l.e - l.b, 512 ) );
      if( blank( line ) ) {
         continue;
      }
      if( line[ 0 ] == ';' ) {
         if( dig_marker( line ) ) {
            return FirstLines::bundle;
         }
         continue;  // a zone-file comment: look further, as the detection always did
      }
      {
         // The common plain inputs decide at once: a policy line "name: value" (but nslookup's "Server:" line, and a
         // Windows prompt "C:\...>"), a record "v=..." or ""v=...", a zone-file line for _mta-sts / _smtp._tls / _dmarc.
         std::size_t k = 0;
         while( k < line.size() && ( text::is_alnum( line[ k ] ) || line[ k ] == '_' || line[ k ] == '-' || line[ k ] == '.' ) ) {
            ++k;
         }
         if( k > 1 && k < line.size() && line[ k ] == ':' ) {
            if( k == 6 && text::istarts_with( line, "Server" ) ) {
               const Line n = line_at( t, l.next );
               if( text::istarts_with( t.substr( n.b, n.e - n.b ), "Address:" ) ) {
                  return FirstLines::bundle;  // nslookup
               }
            }
            return FirstLines::policy;  // what the detection decides for such a line, without reading it again
         }
         const std::size_t q = line[ 0 ] == '"' ? 1 : 0;
         if( line.substr( q, 2 ) == "v=" ) {
            return FirstLines::plain;
         }
         if( text::istarts_with( line, "_mta-sts" ) || text::istarts_with( line, "_smtp._tls" ) || text::istarts_with( line, "_dmarc" ) ) {
            return host_phrase( line ) || nslookup_phrase( line ) ? FirstLines::bundle : FirstLines::plain;  // (host's and nslookup's answers start so too)
         }
      }
      if( command_start( line ) != std::string_view::npos ) {
         return FirstLines::bundle;  // "$ dig ...", "PS C:\> Resolve-DnsName ...", "nslookup -type=TXT ..."
      }
      if( line[ 0 ] == '$' ) {
         continue;  // $ORIGIN, $TTL
      }
      // One decision on the first line that has content.
      if( http_status_at( line ) != std::string_view::npos ) {
         return FirstLines::bundle;
      }
      const char c = line[ 0 ];
      if( ( c == '*' || c == '>' ) && line.size() > 2 && line[ 1 ] == ' ' && ( text::istarts_with( line.substr( 2 ), "Trying" ) || text::istarts_with( line.substr( 2 ), "Connected" ) || text::istarts_with( line.substr( 2 ), "Host " ) || text::istarts_with( line.substr( 2 ), "GET " ) || text::istarts_with( line.substr( 2 ), "HEAD " ) || text::istarts_with( line.substr( 2 ), "  Trying" ) ) ) {
         return FirstLines::bundle;  // curl -v
      }
      if( text::istarts_with( line, "--" ) && line.size() > 22 && text::is_digit( line[ 2 ] ) && contains( line, "--  " ) ) {
         return FirstLines::bundle;  // wget
      }
      if( text::istarts_with( line, "Server:" ) ) {
         const Line n = line_at( t, l.next );
         return text::istarts_with( t.substr( n.b, n.e - n.b ), "Address:" ) ? FirstLines::bundle : FirstLines::plain;  // nslookup
      }
      if( host_phrase( line ) || nslookup_phrase( line ) || resolve_table_header( line ) || text::istarts_with( line, "Resolve-DnsName : " ) ) {
         return FirstLines::bundle;
      }
      std::string_view key;
      std::size_t at = 0;
      if( ps_key( line, key, at ) && ( key == "StatusCode" || key == "Name" ) ) {
         return FirstLines::bundle;  // Invoke-WebRequest, Resolve-DnsName | Format-List
      }
      if( record_like( line ) ) {
         return FirstLines::plain;  // a record, as always
      }
      const auto rr = rr_shape( line, false );
      return rr.ok ? FirstLines::bundle : FirstLines::plain;  // a zone file or dig answer that starts with another record (SOA, MX, an SPF TXT record...)
   }
   return FirstLines::plain;
}

namespace {

   enum class Section : std::uint8_t { none, question, answer, authority, additional };

   class Reader
   {
   public:
      Reader( std::string_view t, Bundle& out )
         : t_( t ), b_( out )
      {}

      void run( std::size_t begin );

   private:
      std::string_view at( const Line& l ) const noexcept { return t_.substr( l.b, l.e - l.b ); }
      void new_block( Tool tool, std::size_t offset );
      void end_block( std::size_t offset );
      Query& query();
      void problem( Code c, std::size_t offset, std::size_t length, const Args& args = {} );

      bool dig_comment( const Line& l );
      bool http( const Line& l );
      bool curl_verbose( const Line& l );
      bool wget( const Line& l );
      bool host( const Line& l );
      bool nslookup( const Line& l );
      bool resolve_table( const Line& l );
      bool powershell_list( const Line& l );
      bool rr_line( const Line& l );
      bool short_answer( const Line& l );
      bool bare( const Line& l );

      std::size_t body_end( std::size_t from, bool stop_at_blank_part ) const;
      std::optional< TxtRecord > txt_value( std::size_t b, std::size_t e, std::vector< Diagnostic >& diags, bool whole_line );
      void add_txt( Rr rr, std::size_t value_b, std::size_t value_e, bool whole_line );
      void add_pieces( Rr rr, const std::vector< Span >& pieces );
      void add_ps_strings( Rr rr, const std::vector< Span >& pieces );
      std::string absolute( std::string_view owner ) const;

      std::string_view t_;
      Bundle& b_;
      std::size_t i_ = 0;
      std::size_t block_ = 0;
      bool in_block_ = false;
      Command cmd_;
      int query_ = -1;
      Section section_ = Section::none;
      std::string origin_, last_owner_;
      std::string request_path_;  // curl -v: "> GET /path HTTP/1.1", before "> Host: name"
      Span request_path_span_;
   };

   void Reader::problem( Code c, std::size_t offset, std::size_t length, const Args& args )
   {
      b_.problems.add( c, offset, length, args );
   }

   void Reader::new_block( Tool tool, std::size_t offset )
   {
      end_block( offset );
      Block b;
      b.tool = tool;
      b.span = { offset, 0 };
      b.label = tool_label( tool, b_.problems.lang() );
      b_.blocks.push_back( std::move( b ) );
      block_ = b_.blocks.size() - 1;
      in_block_ = true;
      cmd_ = Command{};
      query_ = -1;
      section_ = Section::none;
      request_path_.clear();
      if( tool != Tool::zone ) {
         origin_.clear();
         last_owner_.clear();
      }
   }

   void Reader::end_block( std::size_t offset )
   {
      if( in_block_ ) {
         auto& b = b_.blocks[ block_ ];
         b.span.length = offset - b.span.offset;
      }
      in_block_ = false;
   }

   Query& Reader::query()
   {
      if( query_ < 0 ) {
         Query q;
         q.block = block_;
         b_.queries.push_back( std::move( q ) );
         query_ = static_cast< int >( b_.queries.size() - 1 );
      }
      return b_.queries[ static_cast< std::size_t >( query_ ) ];
   }

   std::string Reader::absolute( std::string_view owner ) const
   {
      if( owner == "@" ) {
         return norm_name( origin_ );
      }
      if( !owner.empty() && owner.back() == '.' ) {
         return norm_name( owner );
      }
      if( !origin_.empty() && origin_ != "." ) {
         return norm_name( std::string( owner ) + "." + origin_ );
      }
      return norm_name( owner );
   }

   // The TXT value written in [b, e) of the text, read by core/presentation.cpp, with its offsets made absolute.
   std::optional< TxtRecord > Reader::txt_value( std::size_t b, std::size_t e, std::vector< Diagnostic >& diags, bool whole_line )
   {
      Sink s( true, b_.problems.lang() );
      auto recs = parse_presentation( t_.substr( b, e - b ), s );
      if( recs.empty() ) {
         return std::nullopt;
      }
      if( whole_line && ( !recs[ 0 ].zone || recs.size() != 1 ) ) {
         return std::nullopt;  // the caller reads the rdata alone
      }
      TxtRecord r = std::move( recs[ 0 ] );
      for( auto& x : r.src ) {
         x += b;
      }
      r.begin += b;
      r.end += b;
      r.owner_offset += b;
      for( auto& d : s.items() ) {
         d.offset += b;
         if( d.fix ) {
            for( auto& ed : d.fix->edits ) {
               ed.offset += b;
            }
         }
         diags.push_back( std::move( d ) );
      }
      return r;
   }

   void Reader::add_txt( Rr rr, std::size_t value_b, std::size_t value_e, bool whole_line )
   {
      std::vector< Diagnostic > diags;
      std::optional< TxtRecord > r;
      if( whole_line ) {
         r = txt_value( rr.span.offset, rr.span.end(), diags, true );
      }
      if( !r ) {
         diags.clear();
         r = txt_value( value_b, value_e, diags, false );
      }
      if( !r ) {
         r.emplace();  // an empty TXT record
         r->begin = r->end = value_b;
         r->src.push_back( value_b );
         r->string_ends.push_back( 0 );
      }
      rr.txt = std::move( r );
      rr.unquoting = std::move( diags );
      b_.records.push_back( std::move( rr ) );
   }

   // A value printed as several pieces (Windows nslookup: one string a line; Format-List: a wrapped value): each piece
   // read by core/presentation.cpp, then joined as one record.
   void Reader::add_pieces( Rr rr, const std::vector< Span >& pieces )
   {
      TxtRecord all;
      std::vector< Diagnostic > diags;
      bool first = true;
      for( const auto& p : pieces ) {
         auto r = txt_value( p.offset, p.end(), diags, false );
         if( !r ) {
            continue;
         }
         if( first ) {
            all = std::move( *r );
            first = false;
            continue;
         }
         const std::size_t base = all.value.size();
         all.src.pop_back();
         all.value += r->value;
         all.src.insert( all.src.end(), r->src.begin(), r->src.end() );
         for( const auto se : r->string_ends ) {
            all.string_ends.push_back( base + se );
         }
         all.end = r->end;
         all.quoted = all.quoted || r->quoted;
      }
      if( first ) {
         return;
      }
      all.raw = false;
      rr.txt = std::move( all );
      rr.unquoting = std::move( diags );
      b_.records.push_back( std::move( rr ) );
   }

   // PowerShell prints a string array as "{a, b}": the TXT record's strings, each followed by ", " but the last. Each
   // piece of the value (one, or the lines of a wrapped value) is cut at ", " into the record's strings, which are
   // joined as DNS joins them; one string is read as before. (A ", " inside one string reads as two strings: the
   // output does not tell them apart.)
   void Reader::add_ps_strings( Rr rr, const std::vector< Span >& pieces )
   {
      std::vector< Span > strings;
      for( const auto& p : pieces ) {
         std::size_t from = p.offset;
         for( std::size_t k = p.offset; k + 1 < p.end(); ++k ) {
            if( t_[ k ] == ',' && t_[ k + 1 ] == ' ' ) {
               strings.push_back( { from, k - from } );
               from = k + 2;
               ++k;
            }
         }
         strings.push_back( { from, p.end() - from } );
      }
      if( strings.size() == 1 ) {
         add_txt( std::move( rr ), strings[ 0 ].offset, strings[ 0 ].end(), false );
         return;
      }
      add_pieces( std::move( rr ), strings );
   }

   // ------------------------------------------------------------------------------------------------ dig's comments
   bool Reader::dig_comment( const Line& l )
   {
      const auto line = at( l );
      if( text::istarts_with( line, "; <<>> " ) ) {
         new_block( Tool::dig, l.b );
         const auto last = line.rfind( "<<>>" );
         if( last != std::string_view::npos && last > 3 ) {
            Command c;
            c.tool = Tool::dig;
            dig_args( c, tokens( line.substr( last + 4 ), 32 ), 0 );
            if( !c.name.empty() ) {
               auto& q = query();
               q.name = c.name;
               q.type = c.type.empty() ? "A" : c.type;
               q.span = { l.b, l.e - l.b };
            }
         }
         return true;
      }
      if( !in_block_ || b_.blocks[ block_ ].tool != Tool::dig ) {
         if( dig_marker( line ) ) {
            new_block( Tool::dig, l.b );
         }
      }
      const auto find_code = [ & ]( std::string_view key ) -> std::optional< Span > {
         const auto k = line.find( key );
         if( k == std::string_view::npos ) {
            return std::nullopt;
         }
         std::size_t s = k + key.size(), e = s;
         while( e < line.size() && text::is_alpha( line[ e ] ) ) {
            ++e;
         }
         return Span{ l.b + s, e - s };
      };
      if( text::istarts_with( line, ";; ->>HEADER<<-" ) ) {
         auto st = find_code( "status: " );
         if( !st ) {
            st = find_code( "rcode: " );
         }
         if( st ) {
            const auto code = t_.substr( st->offset, st->length );
            auto& q = query();
            q.rcode = text::iequals( code, "NOERROR" ) ? Rcode::noerror : text::iequals( code, "NXDOMAIN" ) ? Rcode::nxdomain : text::iequals( code, "SERVFAIL" ) ? Rcode::servfail : text::iequals( code, "REFUSED" ) ? Rcode::refused : Rcode::unknown;
            q.span = *st;
         }
         return true;
      }
      if( text::istarts_with( line, ";; resolution failed:" ) ) {  // delv
         auto& q = query();
         if( contains( line, "nxdomain" ) ) {
            q.rcode = Rcode::nxdomain;
         }
         else if( contains( line, "nxrrset" ) ) {
            q.rcode = Rcode::noerror;
         }
         else {
            q.rcode = Rcode::servfail;
         }
         q.span = { l.b, l.e - l.b };
         return true;
      }
      if( text::istarts_with( line, "; fully validated" ) || text::istarts_with( line, "; unsigned answer" ) || text::istarts_with( line, "; negative response" ) ) {
         section_ = Section::answer;  // delv prints the answer right after
         if( text::istarts_with( line, "; unsigned" ) || text::istarts_with( line, "; fully" ) ) {
            query().rcode = Rcode::noerror;
         }
         return true;
      }
      struct S
      {
         const char* name;
         Section s;
      };
      for( const S s : { S{ "QUESTION SECTION", Section::question }, S{ "ANSWER SECTION", Section::answer }, S{ "AUTHORITY SECTION", Section::authority }, S{ "ADDITIONAL SECTION", Section::additional }, S{ "OPT PSEUDOSECTION", Section::additional }, S{ "EDNS PSEUDOSECTION", Section::additional } } ) {
         if( contains( line, s.name ) ) {
            section_ = s.s;
            return true;
         }
      }
      if( section_ == Section::question ) {
         // dig: ";_mta-sts.example.com.		IN	TXT"; kdig and drill: ";; _mta-sts.example.com.	IN	TXT"
         auto q = line;
         while( !q.empty() && ( q[ 0 ] == ';' || text::is_wsp( q[ 0 ] ) ) ) {
            q.remove_prefix( 1 );
         }
         const auto toks = tokens( q, 4 );
         if( toks.size() >= 2 && looks_like_name( toks[ 0 ].text ) && is_type( toks.back().text ) ) {
            auto& qq = query();
            qq.name = norm_name( toks[ 0 ].text );
            std::string ty( toks.back().text );
            for( auto& ch : ty ) {
               ch = static_cast< char >( ch >= 'a' && ch <= 'z' ? ch - 32 : ch );
            }
            qq.type = ty;
            if( qq.span.length == 0 ) {
               qq.span = { l.b, l.e - l.b };
            }
         }
      }
      return true;
   }

   // ----------------------------------------------------------------------------------------------- HTTP responses
   std::size_t Reader::body_end( std::size_t from, bool /*unused*/ ) const
   {
      std::size_t i = from, last = from;
      while( i < t_.size() ) {
         const Line l = line_at( t_, i );
         const auto line = at( l );
         if( part_start( t_, l ) && !( line.size() >= 2 && line[ 0 ] == '*' && line[ 1 ] != ' ' ) ) {
            break;
         }
         if( !blank( line ) ) {
            last = l.next;
         }
         i = l.next;
      }
      return last;
   }

   bool Reader::http( const Line& l )
   {
      const auto line = at( l );
      const std::size_t k = http_status_at( line );
      if( k == std::string_view::npos ) {
         return false;
      }
      const bool verbose = k == 2 && line[ 0 ] == '<';
      const bool indented = !verbose && k > 0;
      const bool in_wget = in_block_ && b_.blocks[ block_ ].tool == Tool::wget;
      const bool in_curl = in_block_ && b_.blocks[ block_ ].tool == Tool::curl;
      if( !( ( indented && in_wget ) || ( ( verbose || !indented ) && in_curl && b_.responses.empty() ) ) ) {
         if( !( in_curl && !b_.responses.empty() && b_.responses.back().block == block_ ) && !( indented && in_wget ) ) {
            new_block( indented ? Tool::wget : Tool::curl, l.b );
         }
      }
      HttpResponse h;
      h.tool = indented ? Tool::wget : Tool::curl;
      h.block = block_;
      h.url = cmd_.url;
      h.url_span = cmd_.url_span;
      if( h.url.empty() && !b_.responses.empty() && b_.responses.back().block == block_ ) {  // curl -L: the same URL
         h.url = b_.responses.back().url;
         h.url_span = b_.responses.back().url_span;
      }
      const auto v = line.substr( k );
      const std::size_t sp = v.find( ' ' );
      h.status = ( v[ sp + 1 ] - '0' ) * 100 + ( v[ sp + 2 ] - '0' ) * 10 + ( v[ sp + 3 ] - '0' );
      h.status_span = { l.b + k + sp + 1, 3 };
      h.span.offset = l.b;
      h.headers_shown = true;
      std::size_t i = l.next;
      bool ended_by_blank = false;
      while( i < t_.size() ) {
         const Line hl = line_at( t_, i );
         auto hv = at( hl );
         std::size_t base = hl.b;
         if( verbose ) {
            if( hv == "<" || hv == "< " ) {
               i = hl.next;
               ended_by_blank = true;
               break;
            }
            if( hv.size() >= 2 && ( hv[ 0 ] == '*' || hv[ 0 ] == '{' || hv[ 0 ] == '}' ) && hv[ 1 ] == ' ' ) {
               i = hl.next;  // TLS chatter between the header lines
               continue;
            }
            if( !( hv.size() >= 2 && hv[ 0 ] == '<' && hv[ 1 ] == ' ' ) ) {
               break;
            }
            hv.remove_prefix( 2 );
            base += 2;
         }
         else if( indented ) {
            const std::size_t w = text::leading_wsp( hv );
            if( w == 0 || blank( hv ) ) {
               break;
            }
            hv.remove_prefix( w );
            base += w;
         }
         else if( blank( hv ) ) {
            i = hl.next;
            ended_by_blank = true;
            break;
         }
         const std::size_t n = prefix_match< grammar::http::field_name >( hv );
         if( n == std::string_view::npos || n >= hv.size() || hv[ n ] != ':' ) {
            if( !verbose && !indented ) {
               break;  // no blank line: no body shown (curl -I piped, or text after the headers)
            }
            problem( Code::EVD707, hl.b, hl.e - hl.b, { { "tool", tool_label( h.tool, b_.problems.lang() ) } } );
            i = hl.next;
            continue;
         }
         Header hd;
         hd.name = text::to_lower( hv.substr( 0, n ) );
         hd.name_span = { base, n };
         std::size_t vs = n + 1;
         vs += text::leading_wsp( hv.substr( vs ) );
         const auto value = trim( hv.substr( vs ) );
         hd.value = std::string( value );
         hd.value_span = { base + vs, value.size() };
         if( h.headers.size() < 256 ) {
            h.headers.push_back( std::move( hd ) );
         }
         i = hl.next;
      }
      const bool head = cmd_.head || h.status / 100 == 1;
      if( ended_by_blank && !indented && !head && i < t_.size() ) {
         const std::size_t e = body_end( i, true );
         if( e > i ) {
            h.body = Span{ i, e - i };
            i = e;
         }
      }
      if( h.status / 100 == 1 ) {
         i = std::max( i, l.next );
      }
      h.span.length = i - h.span.offset;
      b_.responses.push_back( std::move( h ) );
      i_ = i;
      return true;
   }

   bool Reader::curl_verbose( const Line& l )
   {
      const auto line = at( l );
      if( line.size() < 1 || !( line[ 0 ] == '*' || line[ 0 ] == '>' || line[ 0 ] == '{' || line[ 0 ] == '}' ) || ( line.size() >= 2 && line[ 1 ] != ' ' ) ) {
         return false;
      }
      if( !in_block_ || b_.blocks[ block_ ].tool != Tool::curl ) {
         new_block( Tool::curl, l.b );
      }
      if( line[ 0 ] == '>' && line.size() > 2 ) {
         const auto toks = tokens( line.substr( 2 ), 3 );
         if( toks.size() >= 2 && ( toks[ 0 ].text == "GET" || toks[ 0 ].text == "HEAD" ) ) {
            cmd_.head = cmd_.head || toks[ 0 ].text == "HEAD";
            request_path_ = std::string( toks[ 1 ].text );
            request_path_span_ = { l.b + 2 + toks[ 1 ].at, toks[ 1 ].text.size() };
         }
         else if( toks.size() >= 2 && text::iequals( toks[ 0 ].text, "Host:" ) && cmd_.url.empty() ) {
            cmd_.url = std::string( toks[ 1 ].text ) + request_path_;
            cmd_.url_span = request_path_span_;
         }
      }
      return true;
   }

   bool Reader::wget( const Line& l )
   {
      const auto line = at( l );
      if( text::istarts_with( line, "--" ) && line.size() > 4 && text::is_digit( line[ 2 ] ) ) {
         if( !in_block_ || b_.blocks[ block_ ].tool != Tool::wget ) {
            new_block( Tool::wget, l.b );
         }
         const auto u = line.find( "--  " );
         if( u != std::string_view::npos && cmd_.url.empty() ) {
            cmd_.url = std::string( trim( line.substr( u + 4 ) ) );
            cmd_.url_span = { l.b + u + 4, trim( line.substr( u + 4 ) ).size() };
         }
         return true;
      }
      if( !in_block_ || b_.blocks[ block_ ].tool != Tool::wget ) {
         return false;
      }
      if( text::istarts_with( line, "HTTP request sent, awaiting response..." ) ) {
         const auto rest = trim( line.substr( 40 ) );
         if( rest.size() >= 3 && text::is_digit( rest[ 0 ] ) && text::is_digit( rest[ 1 ] ) && text::is_digit( rest[ 2 ] ) ) {
            HttpResponse h;  // without -S: the status only
            h.tool = Tool::wget;
            h.block = block_;
            h.url = cmd_.url;
            h.url_span = cmd_.url_span;
            h.status = ( rest[ 0 ] - '0' ) * 100 + ( rest[ 1 ] - '0' ) * 10 + ( rest[ 2 ] - '0' );
            h.status_span = { l.b + static_cast< std::size_t >( rest.data() - line.data() ), 3 };
            h.span = { l.b, l.e - l.b };
            b_.responses.push_back( std::move( h ) );
         }
         return true;
      }
      if( text::istarts_with( line, "Saving to:" ) ) {
         if( contains( line, "STDOUT" ) || contains( line, "'-'" ) || contains( line, "\xE2\x80\x98-\xE2\x80\x99" ) ) {
            // the body follows on standard output, between wget's progress lines
            std::size_t i = l.next;
            while( i < t_.size() ) {
               const Line n = line_at( t_, i );
               if( !blank( at( n ) ) && !contains( at( n ), "%[" ) ) {
                  break;
               }
               i = n.next;
            }
            std::size_t e = i, last = i;
            while( e < t_.size() ) {
               const Line n = line_at( t_, e );
               const auto nl = at( n );
               if( contains( nl, "%[" ) || contains( nl, "written to stdout" ) || part_start( t_, n ) ) {
                  break;
               }
               if( !blank( nl ) ) {
                  last = n.next;
               }
               e = n.next;
            }
            for( auto it = b_.responses.rbegin(); it != b_.responses.rend(); ++it ) {
               if( it->block == block_ ) {
                  if( last > i ) {
                     it->body = Span{ i, last - i };
                     it->span.length = last - it->span.offset;
                  }
                  break;
               }
            }
            i_ = last > i ? last : l.next;
            return true;
         }
         return true;
      }
      return true;  // Resolving..., Connecting to..., Length:, progress and the final summary
   }

   // ------------------------------------------------------------------------------------------------------ host
   bool Reader::host( const Line& l )
   {
      const auto line = at( l );
      const auto ensure_block = [ & ] {
         if( !in_block_ || ( b_.blocks[ block_ ].tool != Tool::host ) ) {
            new_block( Tool::host, l.b );
         }
      };
      if( text::istarts_with( line, "Host " ) && contains( line, " not found: " ) ) {
         ensure_block();
         const auto toks = tokens( line, 3 );
         auto& q = query();
         if( q.name.empty() || q.rcode != Rcode::unknown ) {
            if( q.rcode != Rcode::unknown ) {
               query_ = -1;
            }
         }
         auto& qq = query();
         qq.name = norm_name( toks[ 1 ].text );
         if( qq.type.empty() ) {
            qq.type = cmd_.type;
         }
         qq.rcode = contains( line, "NXDOMAIN" ) ? Rcode::nxdomain : contains( line, "SERVFAIL" ) ? Rcode::servfail : contains( line, "REFUSED" ) ? Rcode::refused : Rcode::unknown;
         const auto k = line.find( " not found: " );
         qq.span = { l.b + k + 12, l.e - l.b - k - 12 };
         return true;
      }
      // (a zone file's or dig's record line reaches here too: none of host's phrases (" record" is in the last), decided
      // before its tokens and the record are built)
      if( !contains( line, " descriptive text " ) && !contains( line, " mail is handled by " ) && !contains( line, " is an alias for " ) && !contains( line, " record" ) ) {
         return false;
      }
      const auto toks = tokens( line, 8 );
      if( toks.size() < 4 || !looks_like_name( toks[ 0 ].text ) ) {
         return false;
      }
      if( !contains( line, " descriptive text " ) && !contains( line, " mail is handled by " ) && !contains( line, " is an alias for " ) && !( toks[ 1 ].text == "has" && toks[ 2 ].text == "no" && contains( line, " record" ) ) ) {
         return false;
      }
      const std::string owner = norm_name( toks[ 0 ].text );
      Rr rr;
      rr.owner = owner;
      rr.owner_span = { l.b + toks[ 0 ].at, toks[ 0 ].text.size() };
      rr.span = { l.b, l.e - l.b };
      rr.tool = Tool::host;
      if( const auto k = line.find( " descriptive text " ); k != std::string_view::npos ) {
         ensure_block();
         rr.block = block_;
         rr.type = "TXT";
         add_txt( std::move( rr ), l.b + k + 18, l.e, false );
         return true;
      }
      if( const auto k = line.find( " mail is handled by " ); k != std::string_view::npos ) {
         ensure_block();
         rr.block = block_;
         rr.type = "MX";
         const auto mt = tokens( line.substr( k + 20 ), 2 );
         if( mt.size() == 2 ) {
            rr.target = norm_name( mt[ 1 ].text );
            rr.target_span = { l.b + k + 20 + mt[ 1 ].at, mt[ 1 ].text.size() };
         }
         b_.records.push_back( std::move( rr ) );
         return true;
      }
      if( const auto k = line.find( " is an alias for " ); k != std::string_view::npos ) {
         ensure_block();
         rr.block = block_;
         rr.type = "CNAME";
         const auto mt = tokens( line.substr( k + 17 ), 1 );
         if( !mt.empty() ) {
            rr.target = norm_name( mt[ 0 ].text );
            rr.target_span = { l.b + k + 17 + mt[ 0 ].at, mt[ 0 ].text.size() };
         }
         b_.records.push_back( std::move( rr ) );
         return true;
      }
      if( toks.size() >= 4 && toks[ 1 ].text == "has" && toks[ 2 ].text == "no" && contains( line, " record" ) ) {
         ensure_block();
         query_ = -1;
         auto& q = query();
         q.name = owner;
         q.type = std::string( toks[ 3 ].text );
         q.rcode = Rcode::noerror;
         q.nodata = true;
         q.span = { l.b + toks[ 1 ].at, l.e - l.b - toks[ 1 ].at };
         return true;
      }
      return false;
   }

   // -------------------------------------------------------------------------------------------------- nslookup
   bool Reader::nslookup( const Line& l )
   {
      const auto line = at( l );
      const auto ensure_block = [ & ] {
         if( !in_block_ || b_.blocks[ block_ ].tool != Tool::nslookup ) {
            new_block( Tool::nslookup, l.b );
         }
      };
      if( text::istarts_with( line, "Server:" ) ) {
         const Line n = line_at( t_, l.next );
         if( text::istarts_with( at( n ), "Address:" ) ) {
            if( !( in_block_ && b_.blocks[ block_ ].tool == Tool::nslookup && b_.records.empty() ) ) {
               ensure_block();
            }
            i_ = n.next;
            return true;
         }
         return false;
      }
      if( text::istarts_with( line, "Non-authoritative answer:" ) || text::istarts_with( line, "Authoritative answers can be found from:" ) ) {
         ensure_block();
         return true;
      }
      if( text::istarts_with( line, "** server can't find " ) || ( text::istarts_with( line, "*** " ) && contains( line, "can't find " ) ) ) {
         ensure_block();
         const auto k = line.find( "find " ) + 5;
         const auto c = line.find( ':', k );
         if( c == std::string_view::npos ) {
            return true;
         }
         query_ = -1;
         auto& q = query();
         q.name = norm_name( trim( line.substr( k, c - k ) ) );
         q.type = cmd_.type;
         const auto why = trim( line.substr( c + 1 ) );
         q.rcode = ( contains( why, "NXDOMAIN" ) || contains( why, "Non-existent domain" ) ) ? Rcode::nxdomain : contains( why, "No answer" ) ? Rcode::noerror : contains( why, "SERVFAIL" ) ? Rcode::servfail : Rcode::unknown;
         q.nodata = q.rcode == Rcode::noerror;
         q.span = { l.b + static_cast< std::size_t >( why.data() - line.data() ), why.size() };
         return true;
      }
      // (a record line of another tool reaches here too: it names none of the three phrases, and returns false below;
      // deciding that first saves its tokens and its owner's copy)
      if( !contains( line, "text =" ) && !contains( line, "mail exchanger = " ) && !contains( line, "canonical name = " ) ) {
         return false;
      }
      const auto toks = tokens( line, 3 );
      if( toks.size() < 2 || !looks_like_name( toks[ 0 ].text ) || text::is_wsp( line[ 0 ] ) ) {
         return false;
      }
      Rr rr;
      rr.owner = norm_name( toks[ 0 ].text );
      rr.owner_span = { l.b + toks[ 0 ].at, toks[ 0 ].text.size() };
      rr.span = { l.b, l.e - l.b };
      rr.tool = Tool::nslookup;
      if( const auto k = line.find( "text =" ); k != std::string_view::npos && k > toks[ 0 ].text.size() ) {
         ensure_block();
         rr.block = block_;
         rr.type = "TXT";
         const auto rest = trim( line.substr( k + 6 ) );
         if( !rest.empty() ) {  // BIND: text = "..." "..."
            add_txt( std::move( rr ), l.b + k + 6, l.e, false );
            return true;
         }
         // Windows: the strings follow, one a line, after a blank line
         std::vector< Span > pieces;
         std::size_t i = l.next, end = l.next;
         while( i < t_.size() ) {
            const Line n = line_at( t_, i );
            const auto nl = at( n );
            if( blank( nl ) ) {
               if( !pieces.empty() ) {
                  break;
               }
               i = n.next;
               continue;
            }
            const std::size_t w = text::leading_wsp( nl );
            if( w == 0 || nl[ w ] != '"' ) {
               break;
            }
            pieces.push_back( { n.b + w, n.e - n.b - w } );
            end = n.next;
            i = n.next;
         }
         if( !pieces.empty() ) {
            rr.span.length = pieces.back().end() - l.b;
            add_pieces( std::move( rr ), pieces );
            i_ = end;
         }
         else {
            rr.span.length = l.e - l.b;
            add_txt( std::move( rr ), l.e, l.e, false );
         }
         return true;
      }
      const auto target = [ & ]( std::size_t k ) {
         const auto mt = tokens( line.substr( k ), 1 );
         if( !mt.empty() ) {
            rr.target = norm_name( mt[ 0 ].text );
            rr.target_span = { l.b + k + mt[ 0 ].at, mt[ 0 ].text.size() };
         }
      };
      if( const auto k = line.find( "mail exchanger = " ); k != std::string_view::npos ) {
         ensure_block();
         rr.block = block_;
         rr.type = "MX";
         // BIND: "mail exchanger = 10 mx.example.com."; Windows: "MX preference = 10, mail exchanger = mx.example.com"
         const auto mt = tokens( line.substr( k + 17 ), 2 );
         if( mt.size() == 2 && text::all_digits( mt[ 0 ].text ) ) {
            target( k + 17 + mt[ 1 ].at );
         }
         else {
            target( k + 17 );
         }
         b_.records.push_back( std::move( rr ) );
         return true;
      }
      if( const auto k = line.find( "canonical name = " ); k != std::string_view::npos ) {
         ensure_block();
         rr.block = block_;
         rr.type = "CNAME";
         target( k + 17 );
         b_.records.push_back( std::move( rr ) );
         return true;
      }
      return false;
   }

   // ------------------------------------------------------------------------------------------- Resolve-DnsName
   // A {...} value of PowerShell's views: the span inside the braces, and whether PowerShell cut it.
   bool ps_value( std::string_view v, std::size_t& b, std::size_t& e, bool& truncated ) noexcept
   {
      v = trim( v );
      if( v.empty() || v[ 0 ] != '{' ) {
         return false;
      }
      b = 1;
      e = v.size();
      truncated = true;
      if( v.back() == '}' ) {
         e = v.size() - 1;
         truncated = false;
      }
      const auto inner = v.substr( b, e - b );
      if( ( inner.size() >= 3 && inner.substr( inner.size() - 3 ) == "..." ) || ( inner.size() >= 3 && inner.substr( inner.size() - 3 ) == "\xE2\x80\xA6" ) ) {
         truncated = true;
      }
      return true;
   }

   bool Reader::resolve_table( const Line& l )
   {
      const auto line = at( l );
      if( text::istarts_with( line, "Resolve-DnsName : " ) ) {
         if( !in_block_ || b_.blocks[ block_ ].tool != Tool::resolve_dnsname ) {
            new_block( Tool::resolve_dnsname, l.b );
         }
         // "Resolve-DnsName : _mta-sts.example.com : DNS name does not exist"
         const auto rest = line.substr( 18 );
         const auto c = rest.find( " : " );
         if( c != std::string_view::npos ) {
            query_ = -1;
            auto& q = query();
            q.name = norm_name( trim( rest.substr( 0, c ) ) );
            q.type = cmd_.type;
            const auto why = trim( rest.substr( c + 3 ) );
            q.rcode = contains( why, "does not exist" ) ? Rcode::nxdomain : Rcode::unknown;
            q.span = { l.b + 18 + c + 3, why.size() };
         }
         return true;
      }
      if( !resolve_table_header( line ) ) {
         return false;
      }
      if( !in_block_ || b_.blocks[ block_ ].tool != Tool::resolve_dnsname ) {
         new_block( Tool::resolve_dnsname, l.b );
      }
      // Columns: Name, Type, TTL, Section, then Strings / NameExchange Preference / NameHost / IPAddress ...
      const std::size_t last_col = [ & ] {
         const auto toks = tokens( line, 8 );
         return toks.size() >= 5 ? toks[ 4 ].at : line.size();
      }();
      std::size_t i = l.next;
      while( i < t_.size() ) {
         const Line r = line_at( t_, i );
         const auto row = at( r );
         if( blank( row ) || part_start( t_, r ) ) {
            break;
         }
         i = r.next;
         if( row[ 0 ] == '-' ) {
            continue;  // ---- ---- --- -------
         }
         const auto toks = tokens( row, 6 );
         if( toks.size() < 4 || !text::iequals( toks[ 3 ].text, "Answer" ) ) {
            continue;  // Authority / Additional rows
         }
         Rr rr;
         rr.owner = norm_name( toks[ 0 ].text );
         rr.owner_span = { r.b + toks[ 0 ].at, toks[ 0 ].text.size() };
         rr.span = { r.b, r.e - r.b };
         rr.type = std::string( toks[ 1 ].text );
         rr.block = block_;
         rr.tool = Tool::resolve_dnsname;
         const std::size_t vcol = toks.size() >= 5 ? toks[ 4 ].at : std::min( last_col, row.size() );
         const auto value = row.substr( std::min( vcol, row.size() ) );
         if( rr.type == "TXT" ) {
            std::size_t vb = 0, ve = 0;
            bool cut = false;
            if( ps_value( value, vb, ve, cut ) ) {
               const std::size_t base = r.b + vcol + text::leading_wsp( value );
               rr.truncated = cut;
               add_ps_strings( std::move( rr ), { { base + vb, ve - vb } } );
            }
            continue;
         }
         if( ( rr.type == "MX" || rr.type == "CNAME" ) && toks.size() >= 5 ) {
            rr.target = norm_name( toks[ 4 ].text );
            rr.target_span = { r.b + toks[ 4 ].at, toks[ 4 ].text.size() };
         }
         b_.records.push_back( std::move( rr ) );
      }
      i_ = i;
      return true;
   }

   // "Key : value" groups: Resolve-DnsName | Format-List, and Invoke-WebRequest's default view.
   bool Reader::powershell_list( const Line& l )
   {
      std::string_view key;
      std::size_t vat = 0;
      if( !ps_key( at( l ), key, vat ) ) {
         return false;
      }
      const bool iwr = key == "StatusCode";
      if( !iwr && key != "Name" ) {
         return false;
      }
      if( !in_block_ || b_.blocks[ block_ ].tool != ( iwr ? Tool::invoke_webrequest : Tool::resolve_dnsname ) ) {
         new_block( iwr ? Tool::invoke_webrequest : Tool::resolve_dnsname, l.b );
      }
      struct Field
      {
         std::string_view key;  // (in the text)
         Span value;
         std::vector< Span > more;  // wrapped continuation lines
         std::size_t column = 0;    // where the value starts on the key's line
         std::vector< Span > lines;  // the continuation lines, whole
      };
      std::vector< Field > fields;
      std::size_t i = l.b;
      std::size_t end = l.next;
      while( i < t_.size() ) {
         const Line f = line_at( t_, i );
         const auto fl = at( f );
         if( fl.empty() || ( blank( fl ) && fields.empty() ) ) {
            break;  // (PowerShell pads an empty line inside a value with spaces)
         }
         std::string_view k;
         std::size_t va = 0;
         if( ps_key( fl, k, va ) ) {
            if( !fields.empty() && ( k == "Name" || k == "StatusCode" ) && fields.size() > 1 ) {
               break;  // the next object
            }
            fields.push_back( { k, { f.b + va, f.e - f.b - std::min( va, f.e - f.b ) }, {}, va, {} } );
         }
         else if( !fields.empty() && text::leading_wsp( fl ) > 0 ) {
            const std::size_t w = text::leading_wsp( fl );
            fields.back().more.push_back( { f.b + w, f.e - f.b - w } );
            fields.back().lines.push_back( { f.b, f.e - f.b } );
         }
         else {
            break;
         }
         end = f.next;
         i = f.next;
      }
      i_ = std::max( end, l.next );
      const auto get = [ & ]( std::string_view k ) -> const Field* {
         for( const auto& f : fields ) {
            if( f.key == k ) {
               return &f;
            }
         }
         return nullptr;
      };
      if( iwr ) {
         HttpResponse h;
         h.tool = Tool::invoke_webrequest;
         h.block = block_;
         h.url = cmd_.url;
         h.url_span = cmd_.url_span;
         h.span = { l.b, end - l.b };
         const auto* sc = get( "StatusCode" );
         const auto sv = t_.substr( sc->value.offset, sc->value.length );
         if( sv.size() == 3 && text::all_digits( sv ) ) {
            h.status = ( sv[ 0 ] - '0' ) * 100 + ( sv[ 1 ] - '0' ) * 10 + ( sv[ 2 ] - '0' );
            h.status_span = sc->value;
         }
         if( const auto* hd = get( "Headers" ) ) {
            // {[Content-Type, text/plain], [Date, ...]...}
            const auto v = t_.substr( hd->value.offset, hd->value.length );
            std::size_t k = 0;
            while( ( k = v.find( '[', k ) ) != std::string_view::npos ) {
               const auto c = v.find( ", ", k );
               const auto e = v.find( ']', k );
               if( c == std::string_view::npos || e == std::string_view::npos || c > e ) {
                  break;
               }
               if( v.substr( c + 2, 15 ) == "System.String[]" ) {
                  // PowerShell 7 shows the values as their type ({[Content-Type, System.String[]], ...}): not a value
                  k = c + 2 + 15;
                  continue;
               }
               Header x;
               x.name = text::to_lower( v.substr( k + 1, c - k - 1 ) );
               x.name_span = { hd->value.offset + k + 1, c - k - 1 };
               x.value = std::string( v.substr( c + 2, e - c - 2 ) );
               x.value_span = { hd->value.offset + c + 2, e - c - 2 };
               h.headers.push_back( std::move( x ) );
               k = e;
            }
         }
         if( const auto* ct = get( "Content" ) ) {
            // PowerShell shows the body re-indented under the value's column, one line of the paste per line of the
            // body, an empty line padded with spaces: the lines without the indentation are the body's lines. A value
            // cut with "..." (a long body) or shown as bytes ({118, 101, ...}: not a text type) is not the body.
            std::vector< Span > lines{ ct->value };
            for( const auto& ln : ct->lines ) {
               const std::size_t w = std::min( { text::leading_wsp( t_.substr( ln.offset, ln.length ) ), ct->column, ln.length } );
               lines.push_back( { ln.offset + w, ln.length - w } );
            }
            std::size_t last = lines.size();
            while( last > 0 && lines[ last - 1 ].length == 0 ) {
               --last;
            }
            const auto first = t_.substr( lines[ 0 ].offset, lines[ 0 ].length );
            const auto tail = last ? t_.substr( lines[ last - 1 ].offset, lines[ last - 1 ].length ) : std::string_view();
            const bool cut = ( tail.size() >= 3 && tail.substr( tail.size() - 3 ) == "..." ) || ( tail.size() >= 3 && tail.substr( tail.size() - 3 ) == "\xE2\x80\xA6" );
            const bool bytes = !first.empty() && first[ 0 ] == '{' && first.find_first_not_of( "{}0123456789, ." ) == std::string_view::npos;
            if( last == 0 || cut || bytes ) {
               h.body_truncated = true;
            }
            else {
               // a body ends with its line break: one empty line after the last; more empty lines are the body's
               lines.resize( std::min( lines.size(), last + 1 ) );
               h.body_lines = std::move( lines );
               h.body = Span{ h.body_lines.front().offset, h.body_lines.back().end() - h.body_lines.front().offset };
            }
         }
         b_.responses.push_back( std::move( h ) );
         return true;
      }
      const auto* nm = get( "Name" );
      const auto* ty = get( "Type" );
      if( !ty ) {
         ty = get( "QueryType" );
      }
      const auto* sec = get( "Section" );
      if( !nm || !ty || ( sec && !text::iequals( t_.substr( sec->value.offset, sec->value.length ), "Answer" ) ) ) {
         return true;
      }
      Rr rr;
      rr.owner = norm_name( trim( t_.substr( nm->value.offset, nm->value.length ) ) );
      rr.owner_span = nm->value;
      rr.type = std::string( trim( t_.substr( ty->value.offset, ty->value.length ) ) );
      rr.span = { l.b, end - l.b };
      rr.block = block_;
      rr.tool = Tool::resolve_dnsname;
      if( rr.type == "TXT" ) {
         const auto* st = get( "Strings" );
         if( !st ) {
            st = get( "Text" );
         }
         if( !st ) {
            return true;
         }
         const auto v = t_.substr( st->value.offset, st->value.length );
         std::size_t vb = 0, ve = 0;
         bool cut = false;
         if( !ps_value( v, vb, ve, cut ) ) {
            vb = 0;
            ve = v.size();
         }
         if( st->more.empty() ) {
            rr.truncated = cut;
            add_ps_strings( std::move( rr ), { { st->value.offset + vb, ve - vb } } );
            return true;
         }
         // wrapped over several lines: the pieces, the last one without its closing brace
         std::vector< Span > pieces{ { st->value.offset + vb, st->value.length - vb } };
         for( std::size_t m = 0; m < st->more.size(); ++m ) {
            Span p = st->more[ m ];
            if( m + 1 == st->more.size() && p.length > 0 && t_[ p.end() - 1 ] == '}' ) {
               --p.length;
            }
            pieces.push_back( p );
         }
         const auto last = t_.substr( pieces.back().offset, pieces.back().length );
         rr.truncated = last.size() >= 3 && ( last.substr( last.size() - 3 ) == "..." || last.substr( last.size() - 3 ) == "\xE2\x80\xA6" );
         add_ps_strings( std::move( rr ), pieces );
         return true;
      }
      const auto* tg = rr.type == "MX" ? get( "NameExchange" ) : rr.type == "CNAME" ? get( "NameHost" ) : nullptr;
      if( tg ) {
         rr.target = norm_name( trim( t_.substr( tg->value.offset, tg->value.length ) ) );
         rr.target_span = tg->value;
      }
      b_.records.push_back( std::move( rr ) );
      return true;
   }

   // ------------------------------------------------------------------------------ zone files and dig's answers
   bool Reader::rr_line( const Line& l )
   {
      const auto line = at( l );
      const bool zone = in_block_ && b_.blocks[ block_ ].tool == Tool::zone;
      const auto shape = rr_shape( line, zone );
      if( !shape.ok ) {
         return false;
      }
      if( !in_block_ || ( b_.blocks[ block_ ].tool != Tool::dig && b_.blocks[ block_ ].tool != Tool::zone ) ) {
         new_block( cmd_.tool == Tool::dig && in_block_ ? Tool::dig : Tool::zone, l.b );
      }
      // the logical record: through the lines its parentheses span (a quoted string never spans lines)
      std::size_t k = l.b + shape.rdata, end = l.e, open_at = std::string_view::npos;
      int depth = 0;
      bool quoted = false;
      while( k < t_.size() ) {
         const char c = t_[ k ];
         if( c == '\n' || c == '\r' ) {
            quoted = false;
            if( depth == 0 ) {
               break;
            }
            // continue on the next line unless it starts a new part or is blank (an unclosed parenthesis stops there)
            std::size_t nx = k;
            if( t_[ nx ] == '\r' && nx + 1 < t_.size() && t_[ nx + 1 ] == '\n' ) {
               ++nx;
            }
            ++nx;
            const Line nl = line_at( t_, nx );
            if( nx >= t_.size() || blank( at( nl ) ) || ( !text::is_wsp( t_[ nl.b ] ) && part_start( t_, nl ) ) ) {
               break;
            }
            k = nx;
            end = nl.e;
            continue;
         }
         if( quoted ) {
            if( c == '\\' && k + 1 < t_.size() && t_[ k + 1 ] != '\n' && t_[ k + 1 ] != '\r' ) {
               ++k;
            }
            else if( c == '"' ) {
               quoted = false;
            }
            ++k;
            continue;
         }
         if( c == '"' ) {
            quoted = true;
         }
         else if( c == '(' ) {
            if( depth++ == 0 ) {
               open_at = k;
            }
         }
         else if( c == ')' && depth > 0 ) {
            --depth;
         }
         else if( c == ';' ) {
            while( k < t_.size() && t_[ k ] != '\n' && t_[ k ] != '\r' ) {
               ++k;
            }
            continue;
         }
         ++k;
         end = std::max( end, k );
      }
      end = std::min( end, t_.size() );
      const Line after = line_at( t_, end );
      const std::size_t next = after.next > end ? after.next : end;
      if( depth > 0 && open_at != std::string_view::npos ) {
         problem( Code::DNS607, open_at, 1 );
      }
      i_ = std::max( next, l.next );
      Rr rr;
      rr.block = block_;
      rr.tool = b_.blocks[ block_ ].tool;
      rr.span = { l.b, end - l.b };
      if( shape.owner_written ) {
         rr.owner = absolute( shape.owner.text );
         rr.owner_span = { l.b + shape.owner.at, shape.owner.text.size() };
         last_owner_ = rr.owner;
      }
      else {
         rr.owner = last_owner_;
         rr.owner_span = { l.b, 0 };
      }
      std::string ty( shape.type.text );
      for( auto& ch : ty ) {
         ch = static_cast< char >( ch >= 'a' && ch <= 'z' ? ch - 32 : ch );
      }
      rr.type = ty;
      if( section_ == Section::authority || section_ == Section::additional ) {
         return true;  // dig's SOA for a negative answer, glue: not evidence
      }
      if( ty == "SOA" && origin_.empty() && b_.blocks[ block_ ].tool == Tool::zone ) {
         origin_ = rr.owner + ".";
      }
      // DNS610 (rules.md): in a zone file whose origin is known, an owner written without the final dot that already
      // names the origin (`_mta-sts.example.com` in `example.com` is `_mta-sts.example.com.example.com.`). Only for
      // the records the paste is read for (TXT, MX, CNAME), where the owner is written.
      if( shape.owner_written && b_.blocks[ block_ ].tool == Tool::zone && ( ty == "TXT" || ty == "MX" || ty == "CNAME" ) ) {
         const auto written = shape.owner.text;
         const auto o = norm_name( origin_ );
         const auto low = text::to_lower( written );
         if( !o.empty() && !written.empty() && written != "@" && written.back() != '.' && low.size() > o.size() && low.compare( low.size() - o.size(), o.size(), o ) == 0 &&
             low[ low.size() - o.size() - 1 ] == '.' ) {
            problem( Code::DNS610, rr.owner_span.offset, rr.owner_span.length );
         }
      }
      if( ty == "TXT" ) {
         add_txt( std::move( rr ), l.b + shape.rdata, end, true );
         return true;
      }
      if( ty == "MX" || ty == "CNAME" ) {
         const auto rd = tokens( t_.substr( l.b + shape.rdata, end - l.b - shape.rdata ), 4 );
         const std::size_t pick = ty == "MX" ? 1 : 0;
         if( rd.size() > pick ) {
            auto tg = rd[ pick ].text;
            while( !tg.empty() && ( tg.back() == ')' ) ) {
               tg.remove_suffix( 1 );
            }
            rr.target = tg == "." ? "." : ( tg == "@" || ( !tg.empty() && tg.back() != '.' && b_.blocks[ block_ ].tool == Tool::zone ) ) ? absolute( tg ) : norm_name( tg );
            rr.target_span = { l.b + shape.rdata + rd[ pick ].at, tg.size() };
         }
         b_.records.push_back( std::move( rr ) );
         return true;
      }
      return true;  // SOA, NS, A, ...: read and ignored
   }

   // dig +short: one answer a line, for the query of the command
   bool Reader::short_answer( const Line& l )
   {
      if( !in_block_ || b_.blocks[ block_ ].tool != Tool::dig || !cmd_.short_form || cmd_.name.empty() ) {
         return false;
      }
      const auto line = at( l );
      Rr rr;
      rr.owner = cmd_.name;
      rr.owner_span = { l.b, 0 };
      rr.span = { l.b, l.e - l.b };
      rr.block = block_;
      rr.tool = Tool::dig;
      if( cmd_.type == "TXT" && line[ 0 ] == '"' ) {
         rr.type = "TXT";
         add_txt( std::move( rr ), l.b, l.e, false );
         return true;
      }
      const auto toks = tokens( line, 3 );
      if( cmd_.type == "MX" && toks.size() == 2 && text::all_digits( toks[ 0 ].text ) ) {
         rr.type = "MX";
         rr.target = norm_name( toks[ 1 ].text );
         rr.target_span = { l.b + toks[ 1 ].at, toks[ 1 ].text.size() };
         b_.records.push_back( std::move( rr ) );
         return true;
      }
      if( toks.size() == 1 && looks_like_name( toks[ 0 ].text ) && toks[ 0 ].text.back() == '.' ) {
         rr.type = "CNAME";  // +short prints the chain first
         rr.target = norm_name( toks[ 0 ].text );
         rr.target_span = { l.b + toks[ 0 ].at, toks[ 0 ].text.size() };
         b_.records.push_back( std::move( rr ) );
         cmd_.name = rr.target;
         return true;
      }
      return false;
   }

   // Lines outside any tool's output: a bare record (quoted or not) or a bare policy.
   bool Reader::bare( const Line& l )
   {
      const auto line = at( l );
      const auto v = trim( line );
      const bool in_http_cmd = in_block_ && ( b_.blocks[ block_ ].tool == Tool::curl || b_.blocks[ block_ ].tool == Tool::wget );
      if( !in_http_cmd && ( v[ 0 ] == '"' || text::istarts_with( v, "v=STSv1" ) || text::istarts_with( v, "v=TLSRPT" ) ) ) {
         Rr rr;
         rr.type = "TXT";
         rr.span = { l.b, l.e - l.b };
         rr.owner_span = { l.b, 0 };
         rr.block = in_block_ ? block_ : b_.blocks.size();
         rr.tool = Tool::record;
         if( cmd_.tool == Tool::dig && cmd_.type == "TXT" ) {
            rr.owner = cmd_.name;
         }
         if( !in_block_ ) {
            new_block( Tool::record, l.b );
            rr.block = block_;
         }
         add_txt( std::move( rr ), l.b, l.e, false );
         return true;
      }
      // a policy: "name: value" lines (curl -s output, a pasted file), up to the next part
      std::size_t k = 0;
      while( k < v.size() && ( text::is_alnum( v[ k ] ) || v[ k ] == '_' || v[ k ] == '-' ) ) {
         ++k;
      }
      const bool field = k > 0 && k < v.size() && ( v[ k ] == ':' || ( v[ k ] == ' ' && v.find( ':' ) != std::string_view::npos ) );
      const bool policy_word = text::istarts_with( v, "version" ) || text::istarts_with( v, "mode" ) || text::istarts_with( v, "mx" ) || text::istarts_with( v, "max_age" );
      if( !( field && ( policy_word || in_http_cmd ) ) && !( in_http_cmd && !b_.responses.empty() && b_.responses.back().block == block_ && false ) ) {
         if( !( in_http_cmd && ( cmd_.tool == Tool::curl || cmd_.tool == Tool::wget ) && !cmd_.include && !cmd_.verbose && !cmd_.head ) ) {
            return false;
         }
      }
      const std::size_t e = body_end( l.b, true );
      if( e <= l.b ) {
         return false;
      }
      if( in_http_cmd && cmd_.tool != Tool::none ) {
         // curl -s / wget -qO- output: the body as served, without the status or headers
         HttpResponse h;
         h.tool = cmd_.tool;
         h.block = block_;
         h.url = cmd_.url;
         h.url_span = cmd_.url_span;
         h.span = { l.b, e - l.b };
         h.body = Span{ l.b, e - l.b };
         b_.responses.push_back( std::move( h ) );
      }
      else {
         new_block( Tool::policy, l.b );
         b_.policies.push_back( { l.b, e - l.b } );
      }
      i_ = e;
      return true;
   }

   void Reader::run( std::size_t begin )
   {
      i_ = begin;
      if( t_.substr( begin, 3 ) == "\xEF\xBB\xBF" ) {
         i_ += 3;
      }
      while( i_ < t_.size() ) {
         const Line l = line_at( t_, i_ );
         const auto line = at( l );
         const std::size_t before = i_;
         i_ = l.next;
         if( blank( line ) ) {
            continue;
         }
         if( const std::size_t cs = command_start( line ); cs != std::string_view::npos ) {
            Command parsed = parse_command( line, l.b, cs );
            new_block( parsed.tool, l.b );  // (which also gives the block its label)
            cmd_ = std::move( parsed );
            const Command& c = cmd_;
            if( ( c.tool == Tool::dig || c.tool == Tool::host || c.tool == Tool::nslookup || c.tool == Tool::resolve_dnsname ) && !c.name.empty() ) {
               auto& q = query();
               q.name = c.name;
               q.type = c.type.empty() ? ( c.tool == Tool::resolve_dnsname || c.tool == Tool::host ? "A" : "A" ) : c.type;
               q.span = { l.b + cs, l.e - l.b - cs };
            }
            b_.blocks[ block_ ].whole_answer = c.tool == Tool::dig && ( c.short_form || c.answer_only );
            continue;
         }
         if( line[ 0 ] == ';' ) {
            dig_comment( l );
            continue;
         }
         if( line[ 0 ] == '$' && full_match< grammar::master_file::directive >( tokens( line, 1 )[ 0 ].text ) ) {
            if( !in_block_ || b_.blocks[ block_ ].tool != Tool::zone ) {
               new_block( Tool::zone, l.b );
            }
            if( text::istarts_with( line, "$ORIGIN" ) ) {
               const auto toks = tokens( line, 2 );
               if( toks.size() == 2 ) {
                  origin_ = std::string( toks[ 1 ].text );
               }
            }
            continue;
         }
         i_ = before;
         if( http( l ) || curl_verbose( l ) || wget( l ) || resolve_table( l ) || powershell_list( l ) || nslookup( l ) || host( l ) || short_answer( l ) || rr_line( l ) || bare( l ) ) {
            if( i_ == before ) {
               i_ = l.next;
            }
            continue;
         }
         i_ = l.next;  // chatter
      }
      end_block( t_.size() );
   }

   // answers per query: records of its block, its name and its type (or a CNAME at its name)
   void count_answers( Bundle& b_ )
   {
      // (the records by block and owner, sorted once: views of the owners, no map of copied names)
      using Key = std::pair< std::size_t, std::string_view >;
      std::vector< std::pair< Key, const Rr* > > by_owner;
      if( !b_.queries.empty() ) {
         by_owner.reserve( b_.records.size() );
         for( const auto& r : b_.records ) {
            by_owner.push_back( { { r.block, r.owner }, &r } );
         }
         std::sort( by_owner.begin(), by_owner.end(), []( const auto& x, const auto& y ) { return x.first < y.first; } );
      }
      for( auto& q : b_.queries ) {
         const Key key{ q.block, q.name };
         auto it = std::lower_bound( by_owner.begin(), by_owner.end(), key, []( const auto& x, const Key& k ) { return x.first < k; } );
         for( ; it != by_owner.end() && it->first == key; ++it ) {
            const Rr* r = it->second;
            q.answers += ( r->type == q.type || r->type == "CNAME" ) ? 1 : 0;
         }
         if( ( q.rcode == Rcode::noerror || ( q.rcode == Rcode::unknown && b_.blocks[ q.block ].whole_answer ) ) && q.answers == 0 ) {
            q.nodata = true;
         }
      }
   }

}  // namespace

Bundle read_bundle( std::string_view text, const std::vector< Part >& parts, Lang lang )
{
   Bundle b;
   b.problems = Sink( true, lang );
   if( parts.empty() ) {
      Reader( text, b ).run( 0 );
   }
   for( const auto& p : parts ) {
      const std::size_t end = std::min( text.size(), p.offset + p.length );
      const std::size_t begin = std::min( p.offset, end );
      if( p.kind == Part::bundle ) {
         Reader( text.substr( 0, end ), b ).run( begin );
         continue;
      }
      Block blk;
      blk.tool = p.kind == Part::policy ? Tool::policy : Tool::record;
      blk.span = { begin, end - begin };
      blk.label = tool_label( blk.tool, b.problems.lang() );
      b.blocks.push_back( std::move( blk ) );
      if( p.kind == Part::policy ) {
         b.policies.push_back( { begin, end - begin } );
         continue;
      }
      // a record file: its records in presentation form, the kind given by the caller
      Sink s( true, b.problems.lang() );
      auto recs = parse_presentation( text.substr( begin, end - begin ), s );
      if( recs.empty() ) {
         b.problems.add( p.kind == Part::txt ? Code::STS101 : Code::RPT501, begin, 0 );
      }
      for( auto& d : s.items() ) {
         d.offset += begin;
         if( d.fix ) {
            for( auto& e : d.fix->edits ) {
               e.offset += begin;
            }
         }
      }
      for( std::size_t k = 0; k < recs.size(); ++k ) {
         TxtRecord r = std::move( recs[ k ] );
         for( auto& x : r.src ) {
            x += begin;
         }
         r.begin += begin;
         r.end += begin;
         r.owner_offset += begin;
         Rr rr;
         rr.type = r.cname ? "CNAME" : "TXT";
         rr.owner = norm_name( r.owner );
         rr.owner_span = { r.owner_offset, r.owner.size() };
         rr.span = { r.begin, r.end - r.begin };
         rr.block = b.blocks.size() - 1;
         rr.tool = Tool::record;
         rr.forced = p.kind == Part::txt ? 't' : 'r';
         if( k == 0 ) {
            rr.unquoting = std::move( s.items() );
         }
         if( r.cname ) {
            rr.target = norm_name( r.value );
         }
         else {
            rr.txt = std::move( r );
         }
         b.records.push_back( std::move( rr ) );
      }
   }
   count_answers( b );
   return b;
}

}  // namespace mtasts::evidence

// RFC 8461 §3.2 policy checks, the rest (core/policy_lint.cpp splits the lines and takes the common ones): the
// whole-document checks that come first (encoding, emptiness, byte-order mark, HTML/JSON bodies, size), any other line
// with its parts matched against grammar/policy.hpp and what is wrong with them, the whole-document checks after the
// last line (required fields, duplicates, mode and max_age together, line endings), and the MX host checks (§4.1).
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "../grammar/policy.hpp"
#include "match.hpp"
#include "mx.hpp"
#include "policy_linter.hpp"
#include "text.hpp"
#include "utf8.hpp"

namespace mtasts::detail::policy {

using text::quote;
using namespace std::string_view_literals;

namespace {

   constexpr std::string_view mode_values[] = { "enforce", "testing", "none" };

   // Two values of a repeated field agree (STS219 is then a warning): the same text, or for max_age the same number
   // ("06400" and "6400"), which a parser that takes either occurrence reads alike. Found by fuzz_policy: fixing the
   // leading zero of the first of two "max_age: 06400" lines (STS231) turned the duplicate into an error.
   bool agree( std::string_view a, std::string_view b, bool number ) noexcept
   {
      if( number && text::all_digits( a ) && text::all_digits( b ) ) {
         const auto strip = []( std::string_view v ) {
            const auto k = v.find_first_not_of( '0' );
            return k == std::string_view::npos ? std::string_view( "0" ) : v.substr( k );
         };
         return strip( a ) == strip( b );
      }
      return a == b;
   }

   int registered( std::string_view name ) noexcept
   {
      for( int f = 0; f < f_count; ++f ) {
         if( name == field_names[ f ] ) {
            return f;
         }
      }
      return -1;
   }

   int registered_icase( std::string_view name ) noexcept
   {
      for( int f = 0; f < f_count; ++f ) {
         if( text::iequals( name, field_names[ f ] ) ) {
            return f;
         }
      }
      return -1;
   }

   // Value before an inline "#" comment (" #" or a value that is only a comment); npos when there is none.
   std::size_t inline_comment( std::string_view v ) noexcept
   {
      for( std::size_t i = 1; i < v.size(); ++i ) {
         if( v[ i ] == '#' && text::is_wsp( v[ i - 1 ] ) ) {
            return i - 1 - text::trailing_wsp( v.substr( 0, i - 1 ) );
         }
      }
      return std::string_view::npos;
   }

   std::string_view strip_wrapping( std::string_view v ) noexcept
   {
      if( v.size() >= 2 ) {
         const char a = v.front(), b = v.back();
         if( ( a == '[' && b == ']' ) || ( a == '"' && b == '"' ) || ( a == '\'' && b == '\'' ) || ( a == '<' && b == '>' ) || ( a == '(' && b == ')' ) ) {
            return v.substr( 1, v.size() - 2 );
         }
      }
      return v;
   }

   const char* known_misspelling( std::string_view name ) noexcept
   {
      static const std::pair< const char*, const char* > variants[] = {
         { "max-age", "max_age" }, { "maxage", "max_age" }, { "max_age_", "max_age" }, { "maxAge", "max_age" }, { "max_ages", "max_age" },
         { "nmx", "mx" }, { "mx1", "mx" }, { "mx2", "mx" }, { "mxs", "mx" }, { "versions", "version" }, { "modes", "mode" },
         { "v", "version" }, { "ver", "version" }, { "policy", "mode" }
      };
      for( const auto& v : variants ) {
         if( text::iequals( name, v.first ) ) {
            return v.second;
         }
      }
      for( const std::string_view r : field_names ) {
         const std::size_t cap = r.size() <= 2 ? 1 : thresholds::typo_distance;
         if( text::edit_distance( text::to_lower( name ), r, cap ) <= cap ) {
            return r.data();
         }
      }
      return nullptr;
   }

   // Whether s holds a NUL byte: memchr natively; in the wasm build eight bytes at a time, inline (its memchr is a
   // call that reads four bytes at a time).
   bool has_nul( std::string_view s ) noexcept
   {
#if defined( __EMSCRIPTEN__ )
      constexpr std::uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
      std::size_t i = 0;
      for( ; i + 8 <= s.size(); i += 8 ) {
         std::uint64_t w;
         std::memcpy( &w, s.data() + i, 8 );
         if( ( w - ones ) & ~w & high ) {
            return true;
         }
      }
      for( ; i < s.size(); ++i ) {
         if( s[ i ] == '\0' ) {
            return true;
         }
      }
      return false;
#else
      return std::memchr( s.data(), '\0', s.size() ) != nullptr;
#endif
   }

}  // namespace

// Encoding, emptiness, byte-order mark, HTML/JSON bodies, size. Returns false when the input is not a policy at all.
bool PolicyLinter::whole_document_checks_first( std::size_t& start )
{
   const auto n = text_.size();
   std::size_t first = 0;
   while( first < n && ( text::is_wsp( text_[ first ] ) || text_[ first ] == '\r' || text_[ first ] == '\n' ) ) {
      ++first;
   }
   if( first == n ) {
      sink_.add( Code::STS201, 0, 0 );
      return false;
   }
   // UTF-16 (with or without a BOM): a byte-order mark FF FE / FE FF, or NUL in every other byte of the start.
   const auto b0 = static_cast< unsigned char >( text_[ 0 ] );
   const auto b1 = n > 1 ? static_cast< unsigned char >( text_[ 1 ] ) : 0u;
   std::size_t nuls = 0;
   const std::size_t probe = std::min< std::size_t >( n, 256 );
   if( has_nul( text_.substr( 0, probe ) ) ) {
      for( std::size_t i = 0; i < probe; ++i ) {
         nuls += text_[ i ] == '\0' ? 1 : 0;
      }
   }
   if( ( b0 == 0xFF && b1 == 0xFE ) || ( b0 == 0xFE && b1 == 0xFF ) || ( probe >= 4 && nuls * 3 >= probe ) ) {
      sink_.add( Code::STS202, 0, ( b0 >= 0xFE ) ? 2 : 0, {}, Hint::utf16 );
      return false;
   }
   while( text_.substr( bom_len_, 3 ) == "\xEF\xBB\xBF"sv ) {
      bom_len_ += 3;  // one or more (an editor that added one to a file that had one)
   }
   if( bom_len_ > 0 ) {
      auto& d = sink_.add( Code::STS203, 0, bom_len_ );
      sink_.set_fix( d, FixTitle::remove_bom, 0, bom_len_, "" );
      start = bom_len_;
      first = std::max< std::size_t >( first, bom_len_ );
      while( first < n && ( text::is_wsp( text_[ first ] ) || text_[ first ] == '\r' || text_[ first ] == '\n' ) ) {
         ++first;
      }
   }
   if( first < n && ( text_[ first ] == '<' || text_[ first ] == '{' ) ) {
      std::size_t e = first;
      while( e < n && text_[ e ] != '\n' && text_[ e ] != '\r' ) {
         ++e;
      }
      Hint hint = Hint::html;
      if( text_[ first ] == '{' ) {
         hint = text_.substr( first, 5 ) == "{\\rtf" ? Hint::rtf : Hint::json;
      }
      sink_.add( Code::STS204, first, e - first, {}, hint );
      return false;
   }
   if( n > thresholds::policy_max_bytes ) {
      sink_.add( Code::STS250, thresholds::policy_max_bytes, 0, { { "n", std::to_string( n ) } } );
   }
   else if( n > thresholds::policy_large_bytes ) {
      sink_.add( Code::STS251, thresholds::policy_large_bytes, 0, { { "n", std::to_string( n ) } } );
   }
   return true;
}

Fix PolicyLinter::delete_line( const Line& l ) const
{
   if( l.term_len > 0 ) {
      return make_fix( sink_.fix_title( FixTitle::delete_line ), l.offset, l.content.size() + l.term_len, "" );
   }
   // last line without terminator: delete the previous line's terminator with it
   std::size_t b = l.offset;
   if( b >= 2 && text_[ b - 1 ] == '\n' && text_[ b - 2 ] == '\r' ) {
      b -= 2;
   }
   else if( b >= 1 ) {
      b -= 1;
   }
   return make_fix( sink_.fix_title( FixTitle::delete_line ), b, l.offset + l.content.size() - b, "" );
}

// Encoding problems and line separators other than LF/CRLF; false when the line is not usable.
bool PolicyLinter::special_bytes( const Line& l )
{
   const std::string_view s = l.content;
   const auto bad = utf8::first_invalid( s );
   if( bad != std::string_view::npos ) {
      static const char hex[] = "0123456789ABCDEF";
      const auto byte = static_cast< unsigned char >( s[ bad ] );
      const std::string b = std::string( "0x" ) + hex[ byte >> 4 ] + hex[ byte & 15 ];
      sink_.add( Code::STS202, l.offset + bad, 1, { { "b", b } }, byte == 0 ? Hint::nul_byte : Hint::bad_byte );
      return false;
   }
   for( std::size_t i = 0; i < s.size(); ++i ) {
      const char c = s[ i ];
      if( c == '\v' || c == '\f' ) {
         sink_.add( Code::STS205, l.offset + i, 1, { { "n", std::to_string( l.number ) } } );
         return false;
      }
      if( c == '\xC2' && i + 1 < s.size() && s[ i + 1 ] == '\x85' ) {
         sink_.add( Code::STS205, l.offset + i, 2, { { "n", std::to_string( l.number ) } } );
         return false;
      }
      if( c == '\xE2' && i + 2 < s.size() && s[ i + 1 ] == '\x80' && ( s[ i + 2 ] == '\xA8' || s[ i + 2 ] == '\xA9' ) ) {
         sink_.add( Code::STS205, l.offset + i, 3, { { "n", std::to_string( l.number ) } } );
         return false;
      }
   }
   return true;
}

void PolicyLinter::plain_line( const Line& l )
{
   const std::string_view s = l.content;
   if( s.substr( 0, 3 ) == "\xEF\xBB\xBF" ) {
      // U+FEFF starting a later line (files concatenated, or an editor's BOM after a blank first line): the same
      // mistake as at the start of the file, and the rest of the line is read as if it were not there.
      auto& d = sink_.add( Code::STS203, l.offset, 3 );
      sink_.set_fix( d, FixTitle::remove_bom, l.offset, 3, "" );
      Line rest = l;
      rest.offset += 3;
      rest.content = s.substr( 3 );
      if( text::leading_wsp( rest.content ) == rest.content.size() ) {
         // nothing else on the line: deleting it must take the mark too (deleting only the rest would leave the
         // mark alone on a line, found by fuzz_policy)
         auto& blank = sink_.add( Code::STS209, rest.offset, rest.content.size(), { { "n", std::to_string( l.number ) } } );
         blank.fix = delete_line( l );
         return;
      }
      plain_line( rest );
      return;
   }
   const std::size_t lead = text::leading_wsp( s );
   if( lead == s.size() ) {
      auto& d = sink_.add( Code::STS209, l.offset, s.size(), { { "n", std::to_string( l.number ) } } );
      d.fix = delete_line( l );
      return;
   }
   if( lead > 0 ) {
      const auto rest = s.substr( lead );
      Hint hint = Hint::none;
      if( rest.size() >= 2 && rest[ 0 ] == '-' && rest[ 1 ] == ' ' ) {
         hint = Hint::yaml_list;
      }
      auto& d = sink_.add( Code::STS210, l.offset, lead, { { "n", std::to_string( l.number ) } }, hint );
      if( full_match< grammar::policy::sts_policy_field >( rest.substr( 0, rest.size() - text::trailing_wsp( rest ) ) ) ) {
         sink_.set_fix( d, FixTitle::remove_indentation, l.offset, lead, "" );
      }
      return;
   }
   if( s[ 0 ] == '#' || s[ 0 ] == ';' || ( s.size() >= 2 && s[ 0 ] == '/' && s[ 1 ] == '/' ) ) {
      auto& d = sink_.add( Code::STS255, l.offset, s.size(), { { "n", std::to_string( l.number ) } } );
      d.fix = delete_line( l );
      return;
   }
   const auto colon = s.find( ':' );
   if( colon == std::string_view::npos || colon == 0 ) {
      Hint hint = Hint::none;
      ArgList args{ { "n", std::to_string( l.number ) } };
      std::optional< Fix > fix;
      const auto eq = s.find( '=' );
      if( text::istarts_with( s, "v=STSv1" ) ) {
         hint = Hint::txt_record;
      }
      else if( s == "---" || s == "+++" ) {
         hint = Hint::front_matter;
      }
      else if( eq != std::string_view::npos && eq > 0 ) {
         const auto name = s.substr( 0, eq - text::trailing_wsp( s.substr( 0, eq ) ) );
         const auto after = eq + 1 + text::leading_wsp( s.substr( eq + 1 ) );
         const auto value = s.substr( after );
         hint = Hint::equals_sign;
         args.emplace_back( "name", quote( name ) );
         args.emplace_back( "value", quote( value ) );
         if( registered( name ) >= 0 ) {
            fix = make_fix( sink_.fix_title( FixTitle::write_quoted, { { "s", std::string( name ) + ": " } } ), l.offset + name.size(), after - name.size(), ": " );
         }
      }
      auto& d = sink_.add( Code::STS211, l.offset, s.size(), args, hint );
      d.fix = std::move( fix );
      return;
   }
   std::string_view name = s.substr( 0, colon );
   const std::size_t name_ws = text::trailing_wsp( name );
   if( name_ws > 0 ) {
      name.remove_suffix( name_ws );
      auto& d = sink_.add( Code::STS212, l.offset + name.size(), name_ws, { { "n", std::to_string( l.number ) } } );
      sink_.set_fix( d, FixTitle::remove_ws_colon, l.offset + name.size(), name_ws, "" );
   }
   std::string_view rest = s.substr( colon + 1 );
   const std::size_t vlead = text::leading_wsp( rest );
   const std::size_t vtrail = rest.size() > vlead ? text::trailing_wsp( rest ) : 0;
   const std::size_t voff = l.offset + colon + 1 + vlead;
   const std::string_view value = rest.substr( vlead, rest.size() - vlead - vtrail );
   if( vtrail > 0 ) {
      auto& d = sink_.add( Code::STS218, l.offset + s.size() - vtrail, vtrail, { { "n", std::to_string( l.number ) } } );
      sink_.set_fix( d, FixTitle::remove_trailing_ws, l.offset + s.size() - vtrail, vtrail, "" );
   }

   int f = registered( name );
   bool record = true;
   if( f < 0 ) {
      f = registered_icase( name );
      if( f >= 0 ) {
         const std::string canonical( field_names[ f ] );
         auto& d = sink_.add( Code::STS214, l.offset, name.size(), { { "canonical", canonical } } );
         sink_.set_fix( d, FixTitle::write_quoted, l.offset, name.size(), canonical, { { "s", canonical } } );
         variant_seen_[ f ] = true;
         record = false;  // strict senders do not see this field
      }
   }
   if( f < 0 && !full_match< grammar::policy::sts_policy_ext_name >( name ) ) {
      sink_.add( Code::STS213, l.offset, name.size(), { { "name", quote( name ) }, { "n", std::to_string( l.number ) } } );
      return;
   }
   if( first_field_ == -2 ) {
      first_field_ = f;
      first_field_offset_ = l.offset;
   }
   if( f == f_mx ) {
      mx_lines_ += record ? 1 : 0;
   }
   else if( f >= 0 && record ) {
      occ_[ f ].push_back( Occurrence{ l.offset, s.size(), l.term_len, voff, value } );
   }
   switch( f ) {
      case f_version:
         value_version( l, voff, value, record );
         break;
      case f_mode:
         value_mode( l, voff, value, record );
         break;
      case f_max_age:
         value_max_age( l, voff, value, record );
         break;
      case f_mx:
         value_mx( l, voff, value, record );
         break;
      default:
         value_extension( l, name, voff, value );
         break;
   }
}

void PolicyLinter::value_version( const Line& /*l*/, std::size_t voff, std::string_view v, bool record )
{
   if( full_match< grammar::policy::sts_policy_version_value >( v ) ) {
      if( record ) {
         record_value( f_version, v, voff, 0 );
      }
      return;
   }
   const auto inner = strip_wrapping( v );
   auto& d = sink_.add( Code::STS222, voff, v.size(), { { "v", quote( v ) }, { "s", "STSv1" } },
                        text::iequals( inner, "STSv1" ) ? ( inner.size() == v.size() ? Hint::lower_case : Hint::brackets ) : Hint::none );
   if( text::iequals( inner, "STSv1" ) ) {
      sink_.set_fix( d, FixTitle::write_quoted, voff, v.size(), "STSv1", { { "s", "STSv1" } } );
   }
}

void PolicyLinter::value_mode( const Line& /*l*/, std::size_t voff, std::string_view v, bool record )
{
   if( full_match< grammar::policy::sts_policy_mode_value >( v ) ) {
      if( record ) {
         record_value( f_mode, v, voff, 0 );
      }
      return;
   }
   Hint hint = Hint::none;
   std::string suggestion;
   std::size_t fix_len = v.size();
   std::string_view head = v;
   const auto comment = inline_comment( v );
   if( comment != std::string_view::npos ) {
      head = v.substr( 0, comment );
   }
   const auto inner = strip_wrapping( head );
   for( const std::string_view m : mode_values ) {
      if( text::iequals( inner, m ) ) {
         suggestion = m;
      }
   }
   if( !suggestion.empty() ) {
      hint = ( inner.size() != head.size() ) ? Hint::brackets : ( head == suggestion ? Hint::inline_comment : Hint::lower_case );
   }
   else if( inner.find( '|' ) != std::string_view::npos ) {
      hint = Hint::template_choice;
   }
   else if( text::iequals( inner, "report" ) ) {
      hint = Hint::mode_report;
      suggestion = "testing";
   }
   else {
      for( const std::string_view m : mode_values ) {
         const auto lower = text::to_lower( inner );
         if( inner.size() >= 3 && ( lower.rfind( m, 0 ) == 0 || m.rfind( lower, 0 ) == 0 || text::edit_distance( lower, m, 2 ) <= 2 ) ) {
            hint = Hint::did_you_mean;
            suggestion = m;
            break;
         }
      }
   }
   ArgList args{ { "v", quote( v ) }, { "s", suggestion } };
   if( hint == Hint::inline_comment ) {
      args.back().second = quote( v.substr( comment ) );
   }
   auto& d = sink_.add( Code::STS225, voff, v.size(), args, hint );
   if( !suggestion.empty() ) {
      sink_.set_fix( d, FixTitle::write_quoted, voff, fix_len, suggestion, { { "s", suggestion } } );
   }
}

void PolicyLinter::value_max_age( const Line& /*l*/, std::size_t voff, std::string_view v, bool record )
{
   if( full_match< grammar::policy::sts_policy_max_age_value >( v ) ) {
      std::uint64_t n = 0;
      std::from_chars( v.data(), v.data() + v.size(), n );
      if( record ) {
         record_value( f_max_age, v, voff, n );
      }
      if( v.size() > 1 && v[ 0 ] == '0' ) {
         const auto stripped = std::to_string( n );
         auto& d = sink_.add( Code::STS231, voff, v.size(), { { "n", stripped } } );
         sink_.set_fix( d, FixTitle::write_bare, voff, v.size(), stripped, { { "s", stripped } } );
      }
      if( n > thresholds::max_age_max ) {
         sink_.add( Code::STS230, voff, v.size() );
      }
      else if( n == 0 ) {
         sink_.add( Code::STS232, voff, v.size() );
      }
      return;
   }
   Hint hint = Hint::none;
   ArgList args;
   std::optional< Fix > fix;
   const auto comment = inline_comment( v );
   if( comment != std::string_view::npos && full_match< grammar::policy::sts_policy_max_age_value >( v.substr( 0, comment ) ) ) {
      hint = Hint::inline_comment;
      args.emplace_back( "s", quote( v.substr( comment + text::leading_wsp( v.substr( comment ) ) ) ) );
      fix = make_fix( sink_.fix_title( FixTitle::remove_comment ), voff + comment, v.size() - comment, "" );
   }
   else {
      std::size_t digits = 0;
      while( digits < v.size() && text::is_digit( v[ digits ] ) ) {
         ++digits;
      }
      if( digits > 0 && digits < v.size() && digits <= 10 ) {
         const auto unit = v.substr( digits + text::leading_wsp( v.substr( digits ) ) );
         static const char* const units[] = { "s", "sec", "secs", "second", "seconds", "m", "min", "h", "d", "w", "y", "days", "weeks", "hours" };
         for( const char* u : units ) {
            if( text::iequals( unit, u ) ) {
               hint = Hint::unit_suffix;
               if( unit[ 0 ] == 's' || unit[ 0 ] == 'S' ) {
                  fix = make_fix( sink_.fix_title( FixTitle::remove_unit ), voff + digits, v.size() - digits, "" );
               }
            }
         }
      }
   }
   auto& d = sink_.add( Code::STS229, voff, v.size(), args, hint );
   d.fix = std::move( fix );
}

void PolicyLinter::value_mx( const Line& l, std::size_t voff, std::string_view v, bool record )
{
   const auto comment = v.find( '#' ) == std::string_view::npos ? std::string_view::npos : inline_comment( v );
   if( comment != std::string_view::npos ) {
      auto& d = sink_.add( Code::STS242, voff, v.size(), { { "p", quote( v ) }, { "s", quote( v.substr( comment + text::leading_wsp( v.substr( comment ) ) ) ) } }, Hint::inline_comment );
      sink_.set_fix( d, FixTitle::remove_comment, voff + comment, v.size() - comment, "" );
      return;
   }
   // The patterns split onto lines of their own end as this line does (LF or CRLF; else as the file does).
   const auto own = text_.substr( l.offset + l.content.size(), l.term_len );
   const bool valid = check_mx_pattern( v, voff, sink_, own == "\n" || own == "\r\n" ? own : std::string_view( terminator_ ), l.number );
   if( !valid ) {
      return;
   }
   if( !record ) {
      variant_mx_.emplace_back( v, voff );
   }
   else {
      record_mx( v, voff );
   }
   if( !options_.domain.empty() && v.size() > 2 && v[ 0 ] == '*' ) {
      std::string domain = text::to_lower( options_.domain );
      if( !domain.empty() && domain.back() == '.' ) {
         domain.pop_back();
      }
      const auto base = text::to_lower( v.substr( 2 ) );
      if( base == domain || ( base.size() > domain.size() && base.compare( base.size() - domain.size() - 1, std::string::npos, "." + domain ) == 0 ) ) {
         sink_.add( Code::STS249, voff, v.size(), { { "p", quote( v ) } } );
      }
   }
}

void PolicyLinter::value_extension( const Line& l, std::string_view name, std::size_t voff, std::string_view v )
{
   const char* guess = known_misspelling( name );
   if( guess ) {
      sink_.add( Code::STS216, l.offset, name.size(), { { "name", quote( name ) }, { "registered", guess } } );
   }
   else {
      sink_.add( Code::STS215, l.offset, name.size(), { { "name", quote( name ) } } );
   }
   if( !full_match< grammar::policy::sts_policy_ext_value >( v ) ) {
      sink_.add( Code::STS217, voff, v.size(), { { "name", quote( name ) }, { "n", std::to_string( l.number ) } } );
      return;
   }
   auto& list = ext_occ_[ std::string( name ) ];
   list.push_back( Occurrence{ l.offset, l.content.size(), l.term_len, voff, v } );
   if( list.size() == 1 ) {
      facts_.extensions.emplace_back( std::string( name ), std::string( v ) );
   }
}

// RFC 8461 §4.1: every MX host must match a pattern; "*." covers exactly one left-most label.
void PolicyLinter::mx_host_checks()
{
   std::vector< std::string > hosts;
   bool normalised = false;
   for( const auto& h : *options_.mx_hosts ) {
      std::string n = text::to_lower( h );
      if( n.size() > 1 && n.back() == '.' ) {
         n.pop_back();
      }
      normalised = normalised || n != h;
      hosts.push_back( std::move( n ) );
   }
   if( hosts.size() == 1 && hosts[ 0 ] == "." ) {
      sink_.add( Code::STS406, 0, 0, {}, Hint::null_mx );
      return;
   }
   if( hosts.empty() ) {
      if( options_.domain.empty() ) {
         return;
      }
      sink_.add( Code::STS406, 0, 0, { { "d", quote( options_.domain ) } }, Hint::implicit_mx );
      std::string d = text::to_lower( options_.domain );
      if( !d.empty() && d.back() == '.' ) {
         d.pop_back();
      }
      hosts.push_back( d );
   }
   if( normalised ) {
      sink_.add( Code::STS405, 0, 0 );
   }
   if( !facts_.mode || *facts_.mode == "none" ) {
      return;
   }
   const bool enforce = *facts_.mode == "enforce";
   for( const auto& h : hosts ) {
      bool matched = false;
      for( const auto& p : facts_.mx ) {
         matched = matched || mx_matches( p, h );
      }
      if( matched ) {
         continue;
      }
      sink_.add( enforce ? Code::STS401 : Code::STS402, 0, 0, { { "h", quote( h ) } } );
      for( std::size_t k = 0; k < facts_.mx.size(); ++k ) {
         const auto& p = facts_.mx[ k ];
         if( p.size() > 2 && p[ 0 ] == '*' ) {
            const auto base = text::to_lower( p.substr( 2 ) );
            const bool is_base = h == base;
            const bool deeper = h.size() > base.size() + 1 && h.compare( h.size() - base.size() - 1, std::string::npos, "." + base ) == 0;
            if( is_base || deeper ) {
               sink_.add( Code::STS404, facts_.mx_offsets[ k ], p.size(), { { "p", quote( p ) }, { "h", quote( h ) } }, deeper ? Hint::lenient_match : Hint::none );
            }
         }
      }
   }
   for( std::size_t k = 0; k < facts_.mx.size(); ++k ) {
      bool used = false;
      for( const auto& h : hosts ) {
         used = used || mx_matches( facts_.mx[ k ], h );
      }
      if( !used ) {
         sink_.add( Code::STS403, facts_.mx_offsets[ k ], facts_.mx[ k ].size(), { { "p", quote( facts_.mx[ k ] ) } } );
      }
   }
}

void PolicyLinter::document_checks()
{
   // Duplicates of non-repeated fields: the first wins (RFC 8461 §3.2).
   auto duplicates = [ & ]( std::string_view name, const auto& list, bool number ) {
      if( list.size() < 2 ) {
         return;
      }
      for( std::size_t k = 1; k < list.size(); ++k ) {
         const auto& o = list[ k ];
         const bool same = agree( o.value, list[ 0 ].value, number );
         auto& d = sink_.add_with( Code::STS219, same ? Severity::warning : Severity::error, o.line_offset, o.line_length,
                                   { { "name", std::string( name ) }, { "k", std::to_string( list.size() ) }, { "v", quote( list[ 0 ].value ) } } );
         if( same ) {
            Line l{ 0, o.line_offset, text_.substr( o.line_offset, o.line_length ), o.term_len };
            d.fix = delete_line( l );
         }
      }
   };
   for( int f = 0; f < f_count; ++f ) {
      if( f != f_mx ) {
         duplicates( field_names[ f ], occ_[ f ], f == f_max_age );
      }
   }
   for( const auto& [ name, list ] : ext_occ_ ) {
      duplicates( name, list, false );
   }
   // Required fields. Missing ones sit at line 1, column 1, length 0.
   if( occ_[ f_version ].empty() && !variant_seen_[ f_version ] ) {
      auto& d = sink_.add( Code::STS221, 0, 0 );
      sink_.set_fix( d, FixTitle::add_version, bom_len_, 0, std::string( "version: STSv1" ).append( terminator_ ) );
   }
   else if( !occ_[ f_version ].empty() && first_field_ != f_version ) {
      sink_.add( Code::STS223, occ_[ f_version ][ 0 ].line_offset, occ_[ f_version ][ 0 ].line_length );
   }
   if( occ_[ f_mode ].empty() && !variant_seen_[ f_mode ] ) {
      sink_.add( Code::STS224, 0, 0 );
   }
   if( occ_[ f_max_age ].empty() && !variant_seen_[ f_max_age ] ) {
      sink_.add( Code::STS228, 0, 0 );
   }
   const bool has_mx = mx_lines_ > 0 || variant_seen_[ f_mx ];
   // Duplicate mx patterns (case-insensitive): reported at the later occurrence.
   // Every valid pattern in line order: the facts, merged with the (rare) 'MX:' variants by offset.
   std::vector< std::pair< std::string_view, std::size_t > > merged;
   if( !variant_mx_.empty() ) {
      merged.reserve( facts_.mx.size() + variant_mx_.size() );
      std::size_t f = 0, x = 0;
      while( f < facts_.mx.size() || x < variant_mx_.size() ) {
         if( x == variant_mx_.size() || ( f < facts_.mx.size() && facts_.mx_offsets[ f ] < variant_mx_[ x ].second ) ) {
            merged.emplace_back( facts_.mx[ f ], facts_.mx_offsets[ f ] );
            ++f;
         }
         else {
            merged.push_back( variant_mx_[ x++ ] );
         }
      }
   }
   const std::size_t n_mx = merged.empty() ? facts_.mx.size() : merged.size();
   const auto valid_mx = [ & ]( std::size_t k ) -> std::pair< std::string_view, std::size_t > {
      return merged.empty() ? std::pair< std::string_view, std::size_t >( facts_.mx[ k ], facts_.mx_offsets[ k ] ) : merged[ k ];
   };
   if( n_mx > 1 && n_mx <= 16 ) {
      for( std::size_t x = 1; x < n_mx; ++x ) {
         const auto later = valid_mx( x );
         for( std::size_t y = 0; y < x; ++y ) {
            if( text::iequals( later.first, valid_mx( y ).first ) ) {
               sink_.add( Code::STS220, later.second, later.first.size(), { { "p", quote( later.first ) } } );
               break;
            }
         }
      }
   }
   else if( n_mx > 16 ) {
      // An open-addressing table of case-folded hashes: linear in the number of patterns (a sort of the hashes was
      // a sixth of the time of a 64 KiB policy).
      const std::size_t n = n_mx;
      std::size_t cap = 64;
      while( cap < 2 * n ) {
         cap <<= 1;
      }
      // In the Linter's workspace when there is one: a 64 KiB policy's tables (55 KB) are then allocated once.
      std::vector< std::uint64_t > own_hash;
      std::vector< std::uint32_t > own_slot;
      auto& hash = ws_ ? ws_->hashes : own_hash;
      auto& slot = ws_ ? ws_->slots : own_slot;  // 1 + the index of the first pattern seen with that text
      hash.assign( n, 0 );
      slot.assign( cap, 0 );
      for( std::size_t k = 0; k < n; ++k ) {
         const auto [ text, at ] = valid_mx( k );
         // Eight bytes at a time, each OR 0x20: that equals lower(c) for letters, so iequals(a, b) implies equal
         // hashes for any bytes (a byte-wise FNV-1a was a sixth of the time of a 64 KiB policy).
         std::uint64_t h = text.size() * 0x9E3779B97F4A7C15ull;
         const auto mix = [ &h ]( std::uint64_t w ) {
            h = ( h ^ ( w | 0x2020202020202020ull ) ) * 0xFF51AFD7ED558CCDull;
            h ^= h >> 32;
         };
         std::size_t j = 0;
         for( ; j + 8 <= text.size(); j += 8 ) {
            std::uint64_t w;
            std::memcpy( &w, text.data() + j, 8 );
            mix( w );
         }
         std::uint64_t tail = 0;
         for( std::size_t t = j; t < text.size(); ++t ) {
            tail |= std::uint64_t( static_cast< unsigned char >( text[ t ] ) ) << ( 8 * ( t - j ) );
         }
         mix( tail );
         hash[ k ] = h;
         for( std::size_t i = static_cast< std::size_t >( h ^ ( h >> 29 ) ) & ( cap - 1 );; i = ( i + 1 ) & ( cap - 1 ) ) {
            if( slot[ i ] == 0 ) {
               slot[ i ] = static_cast< std::uint32_t >( k + 1 );
               break;
            }
            const std::size_t y = slot[ i ] - 1;
            if( hash[ y ] == h && text::iequals( text, valid_mx( y ).first ) ) {
               sink_.add( Code::STS220, at, text.size(), { { "p", quote( text ) } } );
               break;
            }
         }
      }
   }
   // (the mode and max_age checks compare string_views with ""sv literals: std::string == "literal" is an out-of-line
   // call per test, and this file is built for size in wasm, where a "literal" made into a string_view is a call and a
   // strlen per test)
   const std::string_view mode_value = facts_.mode ? std::string_view( *facts_.mode ) : std::string_view();
   if( facts_.mode ) {
      const std::string_view mode = mode_value;
      if( mode == "testing"sv ) {
         sink_.add( Code::STS226, facts_.mode_offset, mode.size() );
      }
      else if( mode == "none"sv ) {
         sink_.add( Code::STS227, facts_.mode_offset, mode.size() );
      }
      if( !has_mx ) {
         if( mode == "none"sv ) {
            sink_.add( Code::STS237, 0, 0 );
         }
         else {
            sink_.add( Code::STS236, 0, 0, { { "mode", std::string( mode ) } } );
         }
      }
   }
   if( facts_.max_age ) {
      const auto n = *facts_.max_age;
      const bool none = facts_.mode && mode_value == "none"sv;
      if( n > 0 && n < thresholds::one_day && !none ) {
         sink_.add( Code::STS233, max_age_offset_, max_age_len_ );
      }
      else if( n >= thresholds::one_day && n < thresholds::one_week && facts_.mode && mode_value == "enforce"sv ) {
         sink_.add( Code::STS234, max_age_offset_, max_age_len_ );
      }
      if( none && n > thresholds::one_day ) {
         sink_.add( Code::STS235, max_age_offset_, max_age_len_ );
      }
   }
   if( options_.mx_hosts ) {
      mx_host_checks();
   }
   // Line endings and the final line break.
   if( lf_ > 0 && crlf_ == 0 ) {
      sink_.add( Code::STS206, 0, 0 );
   }
   else if( lf_ > 0 && crlf_ > 0 ) {
      sink_.add( Code::STS207, 0, 0 );
   }
   if( has_lines_ && last_.term_len == 0 && !last_.content.empty() ) {
      auto& d = sink_.add( Code::STS208, text_.size(), 0 );
      sink_.set_fix( d, FixTitle::add_final_break, text_.size(), 0, std::string( terminator_ ) );
   }
   // Non-ASCII text (valid only inside extension values).
   if( first_non_ascii_ != std::string_view::npos ) {
      const auto at = first_non_ascii_;
      const auto seq = utf8::decode( text_, at );
      if( seq.valid ) {
         sink_.add( Code::STS252, at, seq.length );
      }
   }
}

}  // namespace mtasts::detail::policy

// RFC 7489 (DMARC) _dmarc records: the tags of §6.3 against the grammar of §6.4 (grammar/dmarc.hpp), policy discovery
// (§6.6.3: one record that starts with v=DMARC1), external report destinations (§7.1), and where DMARCbis
// (draft-ietf-dmarc-dmarcbis-41) reads a record differently, an info that says so. TXT presentation (quoted strings,
// zone-file and dig lines) is read by parse_presentation, as for the other records.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>

#include "../../grammar/dmarc.hpp"
#include "../../grammar/tlsrpt.hpp"
#include "../checks.hpp"
#include "../match.hpp"
#include "../mx.hpp"
#include "../presentation.hpp"
#include "../record_base.hpp"
#include "../small_vector.hpp"
#include "../text.hpp"

namespace mtasts::detail {

namespace {

   using text::quote;

   struct Protocol
   {
      const char* tag;
      Text what;  // "an SPF record", in the run's language
   };
   constexpr Protocol protocols[] = { { "v=spf1", Text::proto_spf }, { "v=DKIM1", Text::proto_dkim }, { "v=BIMI1", Text::proto_bimi },
                                      { "v=STSv1", Text::proto_mta_sts }, { "v=TLSRPTv1", Text::proto_tlsrpt } };

   const Protocol* other_protocol( std::string_view v ) noexcept
   {
      v.remove_prefix( text::leading_wsp( v ) );
      for( const auto& p : protocols ) {
         const std::size_t n = std::strlen( p.tag );
         // the tag, then the end, a space or ';' (v=spf1x is not SPF)
         if( text::istarts_with( v, p.tag ) && ( v.size() == n || text::is_wsp( v[ n ] ) || v[ n ] == ';' ) ) {
            return &p;
         }
      }
      return nullptr;
   }

   // The tags of RFC 7489 §6.3 and DMARCbis, in lower case.
   enum Tag : std::uint8_t { t_v, t_p, t_sp, t_np, t_rua, t_ruf, t_adkim, t_aspf, t_ri, t_fo, t_rf, t_pct, t_t, t_psd, t_count };
   constexpr std::array< const char*, t_count > tag_names = { "v", "p", "sp", "np", "rua", "ruf", "adkim", "aspf", "ri", "fo", "rf", "pct", "t", "psd" };

   int find_tag( std::string_view name, bool exact ) noexcept
   {
      for( std::size_t k = 0; k < tag_names.size(); ++k ) {
         if( exact ? name == tag_names[ k ] : text::iequals( name, tag_names[ k ] ) ) {
            return static_cast< int >( k );
         }
      }
      return -1;
   }

   bool is_lower( std::string_view s ) noexcept
   {
      return std::none_of( s.begin(), s.end(), []( char c ) { return c >= 'A' && c <= 'Z'; } );
   }

   // Whether the record starts as policy discovery keeps it: dmarc-version, then a separator or the end.
   bool discovered( std::string_view v ) noexcept
   {
      const auto n = prefix_match< grammar::dmarc::dmarc_version >( v );
      if( n == std::string_view::npos ) {
         return false;
      }
      const auto rest = v.substr( n );
      return rest.empty() || prefix_match< grammar::dmarc::dmarc_sep >( rest ) != std::string_view::npos;
   }

   std::string normal_name( std::string_view name )
   {
      std::string s = text::to_lower( name );
      while( !s.empty() && s.back() == '.' ) {
         s.pop_back();
      }
      return s;
   }

   // The organizational domain, approximated without the full public suffix list: the last two labels, or three
   // under a known two-label public suffix (co.uk).
   std::string_view org_domain( std::string_view d ) noexcept
   {
      const auto last = d.rfind( '.' );
      if( last == std::string_view::npos || last == 0 ) {
         return d;
      }
      const auto second = d.rfind( '.', last - 1 );
      if( second == std::string_view::npos ) {
         return d;
      }
      if( is_public_suffix( d.substr( second + 1 ) ) ) {
         const auto third = second == 0 ? std::string_view::npos : d.rfind( '.', second - 1 );
         return third == std::string_view::npos ? d : d.substr( third + 1 );
      }
      return d.substr( second + 1 );
   }

   struct Evidence
   {
      std::string domain;  // the policy domain (lower case, no trailing dot), if known
      std::vector< const TxtRecord* > authorizations;  // records at *._report._dmarc.*, in input order
      // By owner (lower case, no final dot): the first record there that starts with v=DMARC1, else the first one.
      std::map< std::string, const TxtRecord* > by_owner;

      const TxtRecord* find( const std::string& owner ) const
      {
         const auto it = by_owner.find( owner );
         return it == by_owner.end() ? nullptr : it->second;
      }
   };

   class DmarcLinter : RecordBase
   {
   public:
      DmarcLinter( std::string_view source, const TxtRecord& r, Sink& sink, RecordFacts& facts, const Evidence& evidence, bool authorization )
         : RecordBase( source, r, sink ), facts_( facts ), evidence_( evidence ), authorization_( authorization )
      {}

      void run();

   private:
      std::size_t version();
      void tags( std::size_t pos );
      void segment( std::size_t a, std::size_t b );
      void tag( std::size_t nb, std::size_t ne, std::size_t vb, std::size_t ve );
      void check_value( int t, std::size_t nb, std::size_t ne, std::size_t vb, std::size_t ve );
      void lower_case( std::size_t vb, std::size_t ve );
      void uris( int t, std::size_t vb, std::size_t ve );
      void uri( int t, std::size_t a, std::size_t b );
      void finish();
      // The first c in v_[from, to), or npos: every search stays inside the tag or URI it is about (a search to the
      // end of the record, once per tag or URI, would make a long record quadratic).
      std::size_t find_in( char c, std::size_t from, std::size_t to ) const noexcept
      {
         const auto k = std::string_view( v_ ).substr( 0, to ).find( c, from );
         return k == std::string_view::npos ? npos : k;
      }
      // Calls f( a, b, e ) for each item of [vb, ve) separated by `sep`: [a, b) without surrounding whitespace, e the
      // separator's offset (or ve).
      template< typename F >
      void each_item( std::size_t vb, std::size_t ve, char sep, F f ) const
      {
         std::size_t i = vb;
         while( true ) {
            std::size_t e = find_in( sep, i, ve );
            if( e == npos ) {
               e = ve;
            }
            std::size_t a = i, b = e;
            while( a < b && text::is_wsp( v_[ a ] ) ) {
               ++a;
            }
            while( b > a && text::is_wsp( v_[ b - 1 ] ) ) {
               --b;
            }
            f( a, b, e );
            if( e >= ve ) {
               return;
            }
            i = e + 1;
         }
      }

      RecordFacts& facts_;
      const Evidence& evidence_;
      bool authorization_;
      bool version_ok_ = false;
      std::size_t tag_index_ = 0;  // tags seen, v included
      std::array< std::size_t, t_count > count_{};
      std::array< std::string, t_count > first_{};
      std::size_t p_at_ = npos, p_end_ = npos;   // the first p tag's name and value end
      std::size_t p_index_ = 0;
      bool p_valid_ = false;
      std::string p_value_;  // lower case
      bool pct_given_ = false;
      std::uint64_t pct_ = 100;
      std::size_t pct_at_ = 0, pct_end_ = 0;
      std::size_t valid_rua_ = 0;
      bool rua_given_ = false;
      std::vector< std::pair< std::string, std::size_t > > rua_domains_;  // mailto: domains and their offsets
      std::vector< std::size_t > rua_ends_;
   };

   void DmarcLinter::run()
   {
      facts_.value = v_;
      for( std::size_t i = 0; i < v_.size(); ++i ) {
         const auto c = static_cast< unsigned char >( v_[ i ] );
         if( c >= 0x7F || ( c < 0x20 && c != '\t' ) ) {
            std::size_t e = i + 1;
            while( e < v_.size() && ( static_cast< unsigned char >( v_[ e ] ) & 0xC0 ) == 0x80 ) {
               ++e;
            }
            add( Code::DMC627, i, e );
            break;
         }
      }
      const std::size_t pos = version();
      tags( pos );
      finish();
      if( r_.raw && v_.size() > thresholds::txt_string_max ) {
         sink_.add( Code::DNS602, r_.map( 0 ), r_.map_len( 0, v_.size() ) );
      }
      if( v_.size() > thresholds::txt_long_record ) {
         sink_.add( Code::DNS613, r_.begin, 0, { { "n", std::to_string( v_.size() ) } } );
      }
   }

   // Checks dmarc-version; returns the joined offset where the tags start (at ';' or the end), or 0 to read every tag.
   std::size_t DmarcLinter::version()
   {
      const auto n = prefix_match< grammar::dmarc::dmarc_version >( v_ );
      if( n != npos ) {
         version_ok_ = true;
         facts_.version = "DMARC1";
         ++tag_index_;
         ++count_[ t_v ];
         const std::size_t eq = v_.find( '=' );
         if( v_[ 0 ] != 'v' ) {
            auto& d = add( Code::DMC620, 0, 1, { { "s", "V" } } );
            d.fix = fix( sink_.fix_title( FixTitle::write_quoted, { { "s", "v" } } ), 0, 1, "v" );
         }
         if( eq != 1 || n != 8 ) {
            auto& d = add( Code::DMC622, 1, n - 6, { { "s", "v=DMARC1" } } );
            d.fix = fix( sink_.fix_title( FixTitle::remove_spaces_eq ), 1, n - 6, "=" );
         }
         if( n == v_.size() ) {
            return n;
         }
         const auto sep = prefix_match< grammar::dmarc::dmarc_sep >( std::string_view( v_ ).substr( n ) );
         if( sep != npos ) {
            return v_.find( ';', n );
         }
         // "v=DMARC1 p=reject": a missing ';' (DMC603, from segment()); "v=DMARC1p=reject": bad text after it
         std::size_t q = n;
         while( q < v_.size() && text::is_wsp( v_[ q ] ) ) {
            ++q;
         }
         std::size_t w = q;
         while( w < v_.size() && text::is_alpha( v_[ w ] ) ) {
            ++w;
         }
         if( q > n && w > q ) {
            auto& d = add( Code::DMC603, n, q, { { "name", std::string( v_.substr( q, w - q ) ) } } );
            d.fix = fix( sink_.fix_title( FixTitle::insert_semicolon ), n, n, ";" );
            return n;  // tags() reads from here as a segment that lacks its ';'
         }
         std::size_t e = n;
         while( e < v_.size() && v_[ e ] != ';' ) {
            ++e;
         }
         add( Code::DMC602, n, e );
         return e;
      }
      // Not the version: say why, and read every tag.
      const auto [ lead, e, fe, first ] = first_field();
      Hint hint = Hint::none;
      ArgList args{ { "s", "DMARC1" } };
      std::optional< Fix > f;
      if( lead > 0 && prefix_match< grammar::dmarc::dmarc_version >( first ) == first.size() ) {
         f = fix( sink_.fix_title( FixTitle::remove_leading_ws ), 0, lead, "" );
      }
      else if( text::iequals( first, "v=DMARC1" ) ) {
         hint = Hint::wrong_case_tag;
         f = fix( sink_.fix_title( FixTitle::write_quoted, { { "s", "v=DMARC1" } } ), lead, fe, "v=DMARC1" );
      }
      else if( first.find( '=' ) != std::string_view::npos && !text::istarts_with( first, "v" ) ) {
         hint = Hint::not_first_field;
         args[ 0 ].second = quote( first );
      }
      auto& d = add( Code::DMC601, lead, fe, args, hint );
      d.fix = std::move( f );
      if( hint != Hint::not_first_field ) {
         ++tag_index_;
         ++count_[ t_v ];
         return e;
      }
      return 0;
   }

   void DmarcLinter::tags( std::size_t pos )
   {
      std::size_t i = pos;
      if( pos != 0 && i < v_.size() && v_[ i ] == ';' ) {
         ++i;
      }
      else if( pos != 0 && i >= v_.size() ) {
         return;
      }
      for_each_segment( i, [ & ]( const Segment& s ) {
         if( s.a != s.b ) {
            segment( s.a, s.b );
         }
         else if( !s.last && s.begin > pos ) {
            auto& d = add( Code::DMC624, s.begin - 1, s.end + 1 );
            d.fix = fix( sink_.fix_title( FixTitle::remove_empty_tag ), s.end, s.end + 1, "" );
         }
      } );
   }

   // One ';'-separated segment: normally one tag; several when a ';' is missing ("p=reject rua=mailto:...").
   void DmarcLinter::segment( std::size_t a, std::size_t b )
   {
      // a tag name (letters) right after whitespace inside the segment, followed by *WSP '=': a missing ';'
      std::size_t start = a;
      const auto eq0 = find_in( '=', a, b );
      std::size_t k = eq0 == npos ? b : eq0 + 1;
      while( k < b ) {
         if( text::is_wsp( v_[ k ] ) ) {
            std::size_t ws_e = k;
            while( ws_e < b && text::is_wsp( v_[ ws_e ] ) ) {
               ++ws_e;
            }
            std::size_t n = ws_e;
            while( n < b && text::is_alpha( v_[ n ] ) ) {
               ++n;
            }
            std::size_t q = n;
            while( q < b && text::is_wsp( v_[ q ] ) ) {
               ++q;
            }
            if( n > ws_e && q < b && v_[ q ] == '=' && find_tag( v_.substr( ws_e, n - ws_e ), false ) >= 0 ) {
               const std::string name( v_.substr( ws_e, n - ws_e ) );
               auto& d = add( Code::DMC603, k, ws_e, { { "name", name } } );
               d.fix = fix( sink_.fix_title( FixTitle::insert_semicolon ), k, k, ";" );
               const auto e = find_in( '=', start, k );
               if( e != npos ) {
                  tag( start, e, e + 1, k );
               }
               else {
                  tag( start, k, k, k );
               }
               start = ws_e;
               k = q + 1;
               continue;
            }
            k = ws_e;
            continue;
         }
         ++k;
      }
      const auto e = find_in( '=', start, b );
      if( e == npos ) {
         tag( start, b, b, b );
      }
      else {
         tag( start, e, e + 1, b );
      }
   }

   // A tag: name [nb, ne) and value [vb, ve) before trimming the spaces around '='; ne == vb: no '='.
   void DmarcLinter::tag( std::size_t nb, std::size_t ne, std::size_t vb, std::size_t ve )
   {
      if( ne == vb ) {
         add( Code::DMC623, nb, ve, { { "f", quote( v_.substr( nb, ve - nb ) ) } } );
         ++tag_index_;
         return;
      }
      std::size_t ws_b = ne, ws_e = vb;
      while( ws_b > nb && text::is_wsp( v_[ ws_b - 1 ] ) ) {
         --ws_b;
      }
      while( ws_e < ve && text::is_wsp( v_[ ws_e ] ) ) {
         ++ws_e;
      }
      const std::string_view name( v_.data() + nb, ws_b - nb );
      const std::string_view value( v_.data() + ws_e, ve - ws_e );
      facts_.fields.emplace_back( std::string( name ), std::string( value ) );
      if( ws_b != ne || ws_e != vb ) {
         auto& d = add( Code::DMC622, ws_b, ws_e, { { "s", std::string( name ) + "=" + std::string( value.substr( 0, 40 ) ) } } );
         d.fix = fix( sink_.fix_title( FixTitle::remove_spaces_eq ), ws_b, ws_e, "=" );
      }
      ++tag_index_;
      int t = find_tag( name, true );
      if( t < 0 ) {
         t = find_tag( name, false );
         if( t >= 0 ) {
            auto& d = add( Code::DMC620, nb, ws_b, { { "s", quote( name ) } } );
            d.fix = fix( sink_.fix_title( FixTitle::write_quoted, { { "s", tag_names[ static_cast< std::size_t >( t ) ] } } ), nb, ws_b, tag_names[ static_cast< std::size_t >( t ) ] );
         }
      }
      if( t < 0 ) {
         ArgList args{ { "name", quote( name ) } };
         Hint hint = Hint::none;
         const auto low = text::to_lower( name );
         for( const char* known : tag_names ) {
            const std::string_view kn( known );
            if( kn.size() >= 2 && low.size() >= 2 && text::edit_distance( low, kn, 1 ) <= 1 ) {
               hint = Hint::did_you_mean;
               args.emplace_back( "s", known );
               break;
            }
         }
         add( Code::DMC618, nb, ws_b, args, hint );
         return;
      }
      const auto tu = static_cast< std::size_t >( t );
      ++count_[ tu ];
      if( count_[ tu ] > 1 ) {
         if( t == t_v ) {
            add( Code::DMC619, nb, ve, { { "name", "v" } } );
            return;
         }
         const bool same = text::iequals( value, first_[ tu ] );
         sink_.add_with( Code::DMC619, same ? Severity::warning : Severity::error, r_.map( nb ), r_.map_len( nb, ve ), { { "name", tag_names[ tu ] } } );
         return;  // the first copy is the one checked
      }
      first_[ tu ] = std::string( value );
      if( t == t_v ) {
         return;  // 'v' not first: DMC601 was reported
      }
      check_value( t, nb, ws_b, ws_e, ve );
   }

   void DmarcLinter::lower_case( std::size_t vb, std::size_t ve )
   {
      const std::string_view value( v_.data() + vb, ve - vb );
      if( !is_lower( value ) ) {
         const auto low = text::to_lower( value );
         auto& d = add( Code::DMC621, vb, ve, { { "s", low } } );
         d.fix = fix( sink_.fix_title( FixTitle::write_quoted, { { "s", low } } ), vb, ve, low );
      }
   }

   void DmarcLinter::check_value( int t, std::size_t nb, std::size_t ne, std::size_t vb, std::size_t ve )
   {
      namespace g = grammar::dmarc;
      const std::string_view name = tag_names[ static_cast< std::size_t >( t ) ];
      const std::string_view value( v_.data() + vb, ve - vb );
      const auto qv = [ value ] { return quote( value ); };
      switch( t ) {
         case t_p:
         case t_sp:
         case t_np:
            if( t == t_p ) {
               p_at_ = nb;
               p_end_ = ve;
               p_index_ = tag_index_;
            }
            if( t == t_np ) {
               add( Code::DMC633, nb, ne, { { "name", "np" } } );
            }
            if( full_match< g::request_value >( value ) ) {
               lower_case( vb, ve );
               if( t == t_p ) {
                  p_valid_ = true;
                  p_value_ = text::to_lower( value );
                  facts_.p = p_value_;
               }
               return;
            }
            if( t != t_p ) {
               ArgList args{ { "name", std::string( name ) }, { "v", qv() } };
               Hint hint = Hint::none;
               for( const char* s : { "none", "quarantine", "reject" } ) {
                  if( value.size() >= 3 && text::edit_distance( text::to_lower( value ), s, 2 ) <= 2 ) {
                     hint = Hint::did_you_mean;
                     args.emplace_back( "s", s );
                     break;
                  }
               }
               add( Code::DMC606, vb, ve, args, hint );
            }
            return;  // an invalid p is reported by finish(), which knows whether rua has a valid URI
         case t_adkim:
         case t_aspf:
            if( full_match< g::rors_value >( value ) ) {
               lower_case( vb, ve );
               return;
            }
            add( Code::DMC607, vb, ve, { { "name", std::string( name ) }, { "v", qv() } } );
            return;
         case t_pct: {
            add( Code::DMC632, nb, ne, { { "name", "pct" } }, Hint::dmarc_t_instead );
            pct_given_ = true;
            pct_at_ = nb;
            pct_end_ = ve;
            if( full_match< g::percent_value >( value ) ) {
               std::uint64_t n = 0;
               for( const char c : value ) {
                  n = n * 10 + static_cast< std::uint64_t >( c - '0' );
               }
               if( n <= 100 ) {
                  pct_ = n;
                  return;
               }
            }
            add( Code::DMC608, vb, ve, { { "v", qv() } } );
            return;
         }
         case t_fo:
            if( full_match< g::fo_value >( value ) ) {
               lower_case( vb, ve );
               return;
            }
            add( Code::DMC609, vb, ve, { { "v", qv() } } );
            return;
         case t_rf:
            add( Code::DMC632, nb, ne, { { "name", "rf" } } );
            if( !full_match< g::rfmt_value >( value ) ) {
               add( Code::DMC610, vb, ve, { { "v", qv() } } );
               return;
            }
            each_item( vb, ve, ':', [ this ]( std::size_t a, std::size_t b, std::size_t ) {
               const std::string_view fmt( v_.data() + a, b - a );
               if( !text::iequals( fmt, "afrf" ) ) {
                  add( Code::DMC611, a, b, { { "v", quote( fmt ) } } );
               }
            } );
            return;
         case t_ri: {
            add( Code::DMC632, nb, ne, { { "name", "ri" } } );
            bool ok = full_match< g::ainterval_value >( value );
            std::uint64_t n = 0;
            for( const char c : value ) {
               n = ok ? n * 10 + static_cast< std::uint64_t >( c - '0' ) : 0;
               ok = ok && n <= 0xFFFFFFFFull;
            }
            if( !ok ) {
               add( Code::DMC612, vb, ve, { { "v", qv() } } );
            }
            return;
         }
         case t_t:
         case t_psd:
            add( Code::DMC633, nb, ne, { { "name", std::string( name ) } } );
            if( t == t_t ? full_match< g::yorn_value >( value ) : full_match< g::psd_value >( value ) ) {
               lower_case( vb, ve );
               return;
            }
            add( Code::DMC630, vb, ve, { { "name", std::string( name ) }, { "values", t == t_t ? "y or n" : "y, n or u" }, { "v", qv() } } );
            return;
         case t_rua:
         case t_ruf:
            if( t == t_rua ) {
               rua_given_ = true;
            }
            else {
               add( Code::DMC637, nb, ne );
            }
            uris( t, vb, ve );
            return;
         default:
            return;
      }
   }

   void DmarcLinter::uris( int t, std::size_t vb, std::size_t ve )
   {
      const char* name = tag_names[ static_cast< std::size_t >( t ) ];
      each_item( vb, ve, ',', [ this, t, name, ve ]( std::size_t a, std::size_t b, std::size_t e ) {
         if( a == b ) {
            add( Code::DMC613, a, a == e ? ( e < ve ? e + 1 : e ) : b, { { "name", name } } );
         }
         else {
            uri( t, a, b );
         }
      } );
   }

   void DmarcLinter::uri( int t, std::size_t a, std::size_t b )
   {
      std::size_t ue = b;
      const auto bang = find_in( '!', a, b );
      if( bang != npos ) {
         ue = bang;
         const std::string_view suffix( v_.data() + bang, b - bang );
         bool ok = full_match< grammar::dmarc::size_limit >( suffix );
         if( ok ) {  // the number must fit in 64 bits
            std::size_t digits = 0;
            while( digits + 1 < suffix.size() && text::is_digit( suffix[ digits + 1 ] ) ) {
               ++digits;
            }
            const std::string_view num = suffix.substr( 1, digits );
            ok = num.size() < 20 || ( num.size() == 20 && num <= "18446744073709551615" );
         }
         if( !ok ) {
            add( Code::DMC614, bang, b, { { "s", quote( suffix ) } } );
         }
         else {
            add( Code::DMC634, bang, b, { { "s", quote( suffix ) } } );
         }
      }
      const std::string_view u( v_.data() + a, ue - a );
      const auto qu = [ u ] { return quote( u ); };
      if( u.empty() ) {
         add( Code::DMC613, a, b, { { "name", tag_names[ static_cast< std::size_t >( t ) ] } } );
         return;
      }
      if( !full_match< grammar::uri::URI >( u ) ) {
         ArgList args{ { "u", qu() }, { "address", "address" } };
         std::optional< Fix > f;
         if( u.find( '@' ) != std::string_view::npos && u.find( ':' ) == std::string_view::npos ) {
            args[ 1 ].second = std::string( u );
            if( full_match< grammar::tlsrpt::mailto::addr_spec >( u ) ) {
               f = fix( sink_.fix_title( FixTitle::add_mailto ), a, a, "mailto:" );
            }
         }
         auto& d = add( Code::DMC615, a, ue, args );
         d.fix = std::move( f );
         return;
      }
      const auto colon = u.find( ':' );
      if( !text::iequals( u.substr( 0, colon ), "mailto" ) ) {
         add( Code::DMC617, a, ue, { { "u", qu() } } );
         return;
      }
      if( !full_match< grammar::tlsrpt::mailto::mailtoURI >( u ) ) {
         add( Code::DMC616, a, ue, { { "u", qu() } } );
         return;
      }
      if( t == t_rua ) {
         ++valid_rua_;
         facts_.rua.emplace_back( u );
      }
      {  // §7.1 applies to the destinations of both rua and ruf
         auto domain = u.substr( u.rfind( '@' ) + 1 );
         domain = domain.substr( 0, domain.find( '?' ) );
         rua_domains_.emplace_back( normal_name( domain ), a );
         rua_ends_.push_back( ue );
      }
   }

   void DmarcLinter::finish()
   {
      if( authorization_ ) {
         return;  // a report authorization record (§7.1) needs only v=DMARC1
      }
      if( !version_ok_ && tag_index_ == 0 ) {
         return;
      }
      const Hint fallback = valid_rua_ > 0 ? Hint::dmarc_as_none : Hint::dmarc_discarded;
      if( count_[ t_p ] == 0 ) {
         sink_.add( Code::DMC604, r_.begin, 0, {}, fallback );
      }
      else if( !p_valid_ ) {
         const std::string_view value = std::string_view( first_[ t_p ] );
         ArgList args{ { "v", quote( value ) } };
         Hint hint = fallback;
         std::size_t vb = p_end_ - value.size();
         for( const char* s : { "none", "quarantine", "reject" } ) {
            if( value.size() >= 3 && text::edit_distance( text::to_lower( value ), s, 2 ) <= 2 ) {
               args.emplace_back( "s", s );
               hint = Hint::did_you_mean;
               break;
            }
         }
         add( Code::DMC605, vb, p_end_, args, hint );
      }
      else if( p_index_ != 2 && version_ok_ ) {
         add( Code::DMC631, p_at_, p_end_ );
      }
      if( p_valid_ && p_value_ == "none" && valid_rua_ == 0 && !rua_given_ ) {
         add( Code::DMC635, p_at_, p_end_ );
      }
      if( p_valid_ && pct_given_ && pct_ < 100 && p_value_ != "none" ) {
         const bool reject = p_value_ == "reject";
         add( Code::DMC636, pct_at_, pct_end_,
              { { "n", std::to_string( pct_ ) }, { "p", p_value_ }, { "rest", std::to_string( 100 - pct_ ) }, { "lower", reject ? "quarantine" : "none" } } );
      }
      // External report destinations (§7.1), when the policy domain is known.
      if( evidence_.domain.empty() ) {
         return;
      }
      const std::string_view own = org_domain( evidence_.domain );
      for( std::size_t k = 0; k < rua_domains_.size(); ++k ) {
         const std::string& d = rua_domains_[ k ].first;
         if( d.empty() || d.front() == '[' || org_domain( d ) == own ) {
            continue;
         }
         const std::string name = evidence_.domain + "._report._dmarc." + d;
         const TxtRecord* found = evidence_.find( name );
         if( !found || !discovered( found->value ) ) {
            const TxtRecord* wildcard = evidence_.find( "*._report._dmarc." + d );
            found = wildcard && ( !found || discovered( wildcard->value ) ) ? wildcard : found;
         }
         if( !found ) {
            add( Code::DMC638, rua_domains_[ k ].second, rua_ends_[ k ], { { "d", d }, { "name", name } } );
         }
         else if( !discovered( found->value ) ) {
            add( Code::DMC639, rua_domains_[ k ].second, rua_ends_[ k ], { { "d", d }, { "name", found->owner } } );
         }
      }
   }

   bool is_authorization( const TxtRecord& r )
   {
      return text::to_lower( r.owner ).find( "._report._dmarc." ) != std::string::npos;
   }

   bool owner_ok( const std::string& owner )
   {
      const auto o = text::to_lower( owner );
      return o == "_dmarc" || o.rfind( "_dmarc.", 0 ) == 0;
   }

}  // namespace

std::optional< Kind > detect_dmarc( std::string_view compact, std::string_view rest ) noexcept
{
   if( text::istarts_with( compact, "v=DMARC1" ) || text::istarts_with( rest, "_dmarc" ) ) {
      return Kind::dmarc;
   }
   for( const auto& p : protocols ) {
      if( std::strcmp( p.tag, "v=STSv1" ) != 0 && std::strcmp( p.tag, "v=TLSRPTv1" ) != 0 && text::istarts_with( compact, p.tag ) ) {
         return Kind::dmarc;
      }
   }
   return std::nullopt;
}

void lint_dmarc( std::string_view text, const LintOptions& options, Sink& sink, RecordFacts& facts )
{
   auto records = parse_presentation( text, sink );
   if( records.empty() ) {
      sink.add( Code::DMC601, 0, 0, { { "s", "DMARC1" } } );
      return;
   }
   Evidence evidence;
   evidence.domain = normal_name( options.domain );
   SmallVector< const TxtRecord*, 4 > txt;
   for( const auto& r : records ) {
      if( r.cname ) {
         for( const auto& o : records ) {
            if( !o.cname && !o.owner.empty() && text::iequals( o.owner, r.owner ) ) {
               sink.add( Code::DNS611, r.owner_offset, r.owner.size() );
               break;
            }
         }
         continue;
      }
      if( is_authorization( r ) ) {
         evidence.authorizations.push_back( &r );
         auto& slot = evidence.by_owner[ normal_name( r.owner ) ];
         if( !slot || ( !discovered( slot->value ) && discovered( r.value ) ) ) {
            slot = &r;
         }
         continue;
      }
      txt.push_back( &r );
   }
   bool authorization = false;
   if( txt.empty() ) {
      // only report authorization records: check each one's start
      for( const TxtRecord* r : evidence.authorizations ) {
         txt.push_back( r );
      }
      authorization = true;
      if( txt.empty() ) {
         return;
      }
   }
   if( evidence.domain.empty() ) {
      for( std::size_t ix = 0; ix < txt.size(); ++ix ) {
      const TxtRecord* r = txt[ ix ];
         const auto o = normal_name( r->owner );
         if( o.rfind( "_dmarc.", 0 ) == 0 ) {
            evidence.domain = o.substr( 7 );
            break;
         }
      }
   }
   // A record of another protocol, alone: named, not linted.
   if( txt.size() == 1 && !authorization ) {
      if( const Protocol* p = other_protocol( txt[ 0 ]->value ) ) {
         sink.add( Code::DMC629, txt[ 0 ]->begin, txt[ 0 ]->end - txt[ 0 ]->begin, { { "what", text_template( p->what, sink.lang() ) }, { "tag", p->tag } } );
         return;
      }
   }
   // Policy discovery keeps the records that start with v=DMARC1 (§6.6.3).
   SmallVector< const TxtRecord*, 4 > ours;
   for( std::size_t ix = 0; ix < txt.size(); ++ix ) {
      const TxtRecord* r = txt[ ix ];
      std::string_view v = r->value;
      std::size_t n = 0;
      char compact[ 16 ];
      for( const char c : v.substr( 0, 24 ) ) {
         if( !text::is_wsp( c ) && c != '"' && n < sizeof( compact ) ) {
            compact[ n++ ] = c;
         }
      }
      if( txt.size() == 1 || text::istarts_with( std::string_view( compact, n ), "v=DMARC1" ) ) {
         ours.push_back( r );
      }
      else {
         const Protocol* p = other_protocol( v );
         ArgList args;
         if( p ) {
            args.emplace_back( "s", p->tag );
         }
         sink.add( Code::DMC628, r->begin, r->end - r->begin, args, p ? Hint::other_protocol : Hint::none );
      }
   }
   if( ours.empty() ) {
      ours.push_back( txt[ 0 ] );
   }
   std::size_t kept = 0;
   for( std::size_t ix = 0; ix < ours.size(); ++ix ) {
      const TxtRecord* r = ours[ ix ];
      if( !authorization && discovered( r->value ) && ++kept > 1 ) {
         sink.add( Code::DMC625, r->begin, r->end - r->begin );
      }
   }
   bool first = true;
   for( std::size_t ix = 0; ix < ours.size(); ++ix ) {
      const TxtRecord* r = ours[ ix ];
      if( !authorization && !r->owner.empty() && !owner_ok( r->owner ) ) {
         sink.add( Code::DMC626, r->owner_offset, r->owner.size(), { { "domain", evidence.domain.empty() ? "domain" : evidence.domain } } );
      }
      RecordFacts f;
      DmarcLinter( text, *r, sink, f, evidence, authorization ).run();
      if( first ) {
         facts = std::move( f );
         first = false;
      }
      string_checks( *r, sink, { "mailto:", "v=", "p=", "rua=", "ruf=" } );
   }
}

}  // namespace mtasts::detail

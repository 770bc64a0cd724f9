// RFC 8461 §3.1 (_mta-sts) and RFC 8460 §3 (_smtp._tls) record checks over joined TXT values.
#include <algorithm>
#include <cstring>
#include <set>

#include "../grammar/sts_record.hpp"
#include "../grammar/tlsrpt.hpp"
#include "checks.hpp"
#include "match.hpp"
#include "presentation.hpp"
#include "record_base.hpp"
#include "small_vector.hpp"
#include "text.hpp"
#include "utf8.hpp"

namespace mtasts::detail {

namespace {

   using text::quote;

   struct Spec
   {
      bool sts;               // _mta-sts, else _smtp._tls
      const char* tag;        // "v=STSv1"
      const char* version;    // "STSv1"
      Code not_start, bad_after, space_before, non_ascii, trailing_ws, several, wrong_name;
   };
   const Spec sts_spec{ true, "v=STSv1", "STSv1", Code::STS101, Code::STS102, Code::STS103, Code::STS114, Code::STS113, Code::STS115, Code::STS118 };
   const Spec rpt_spec{ false, "v=TLSRPTv1", "TLSRPTv1", Code::RPT501, Code::RPT502, Code::RPT503, Code::RPT522, Code::RPT519, Code::RPT520, Code::RPT521 };

   const char* other_protocol( std::string_view v ) noexcept
   {
      static const char* const tags[] = { "v=spf1", "v=DMARC1", "v=DKIM1", "v=TLSRPTv1", "v=STSv1", "v=BIMI1" };
      for( const char* t : tags ) {
         if( text::istarts_with( v, t ) ) {
            return t;
         }
      }
      return nullptr;
   }

   struct FieldView
   {
      std::size_t name_b, name_e, value_b, value_e;  // joined offsets
      bool has_eq;
   };

   class RecordLinter : RecordBase
   {
   public:
      RecordLinter( std::string_view source, const TxtRecord& r, const Spec& spec, Sink& sink, RecordFacts& facts )
         : RecordBase( source, r, sink ), spec_( spec ), facts_( facts )
      {}

      void run();

   private:
      std::size_t version();
      void fields( std::size_t pos );
      void field( const FieldView& f );
      void sts_id( const FieldView& f );
      void rua( const FieldView& f );
      void uri( std::size_t a, std::size_t b );

      const Spec& spec_;
      RecordFacts& facts_;
      std::size_t id_count_ = 0;
      std::string first_id_;
      std::size_t rua_fields_ = 0;
      std::size_t usable_ = 0;
      bool rua_variant_ = false;
      std::vector< std::pair< std::size_t, std::size_t > > id_variants_;
      std::set< std::string_view > seen_uris_;  // views into v_, which outlives this linter
   };

   void RecordLinter::run()
   {
      facts_.value = v_;
      facts_.fields.reserve( 4 );  // v, id / v, rua and a spare: one allocation instead of three reallocations
      // US-ASCII only; HTAB is allowed as WSP.
      for( std::size_t i = 0; i < v_.size(); ++i ) {
         const auto c = static_cast< unsigned char >( v_[ i ] );
         if( c >= 0x7F || ( c < 0x20 && c != '\t' ) ) {
            std::size_t e = i + 1;
            while( e < v_.size() && ( static_cast< unsigned char >( v_[ e ] ) & 0xC0 ) == 0x80 ) {
               ++e;
            }
            add( spec_.non_ascii, i, e );
            break;
         }
      }
      const std::size_t pos = version();
      fields( pos );
      if( spec_.sts ) {
         if( id_count_ == 0 ) {
            sink_.add( Code::STS104, r_.begin, 0 );
            for( const auto& [ a, b ] : id_variants_ ) {
               auto& d = add( Code::STS106, a, b );
               d.fix = fix( sink_.fix_title( FixTitle::write_quoted, { { "s", "id" } } ), a, b, "id" );
            }
         }
      }
      else {
         if( rua_fields_ == 0 && !rua_variant_ ) {
            sink_.add( Code::RPT504, r_.begin, 0 );
         }
         if( rua_fields_ > 1 ) {
            sink_.add( Code::RPT514, r_.begin, 0 );
         }
         if( rua_fields_ > 0 && usable_ == 0 ) {
            sink_.add( Code::RPT510, r_.begin, 0 );
         }
      }
      if( r_.raw && v_.size() > thresholds::txt_string_max ) {
         sink_.add( Code::DNS602, r_.map( 0 ), r_.map_len( 0, v_.size() ) );
      }
      if( v_.size() > thresholds::txt_long_record ) {
         sink_.add( Code::DNS613, r_.begin, 0, { { "n", std::to_string( v_.size() ) } } );
      }
   }

   // Checks the version field; returns the joined offset where the other fields start (0: parse all fields).
   std::size_t RecordLinter::version()
   {
      const std::string_view tag( spec_.tag );
      if( v_.compare( 0, tag.size(), tag ) == 0 ) {
         facts_.version = spec_.version;
         std::size_t p = tag.size();
         if( p == v_.size() ) {
            add( spec_.bad_after, p, p );
            return p;
         }
         if( text::is_wsp( v_[ p ] ) ) {
            std::size_t q = p;
            while( q < v_.size() && text::is_wsp( v_[ q ] ) ) {
               ++q;
            }
            if( q < v_.size() && v_[ q ] == ';' ) {
               auto& d = add( spec_.space_before, p, q );
               d.fix = fix( sink_.fix_title( FixTitle::remove_ws_semicolon ), p, q, "" );
               return q;
            }
            add( spec_.bad_after, p, q );
            return q;
         }
         if( v_[ p ] != ';' ) {
            std::size_t e = p;
            while( e < v_.size() && v_[ e ] != ';' ) {
               ++e;
            }
            add( spec_.bad_after, p, e );
            return e;
         }
         return p;
      }
      // Not the exact tag: say why, and go on with the other fields.
      const auto [ lead, e, fe, first ] = first_field();
      Hint hint = Hint::none;
      ArgList args{ { "s", spec_.version } };
      std::optional< Fix > f;
      std::string compact;
      for( const char c : first ) {
         if( !text::is_wsp( c ) ) {
            compact += c;
         }
      }
      if( lead > 0 && first == tag ) {
         f = fix( sink_.fix_title( FixTitle::remove_leading_ws ), 0, lead, "" );
      }
      else if( text::iequals( first, tag ) ) {
         hint = Hint::wrong_case_tag;
         f = fix( sink_.fix_title( FixTitle::write_quoted, { { "s", spec_.tag } } ), lead, fe, spec_.tag );
      }
      else if( compact == tag ) {
         hint = Hint::space_around_eq;
         f = fix( sink_.fix_title( FixTitle::write_quoted, { { "s", spec_.tag } } ), lead, fe, spec_.tag );
      }
      else if( const char* other = other_protocol( first ) ) {
         hint = Hint::other_protocol;
         args[ 0 ].second = other;
      }
      else if( first.find( '=' ) != std::string_view::npos && !text::istarts_with( first, "v=" ) ) {
         hint = Hint::not_first_field;
         args[ 0 ].second = quote( first );
      }
      auto& d = add( spec_.not_start, lead, fe, args, hint );
      d.fix = std::move( f );
      if( hint == Hint::not_first_field ) {
         return 0;
      }
      if( v_.substr( lead, 2 ) == "v=" || text::iequals( v_.substr( lead, 2 ), "v=" ) || compact == tag ) {
         facts_.version = std::string( first );
         return e;
      }
      return 0;
   }

   void RecordLinter::fields( std::size_t pos )
   {
      // pos is at ';' or the end (or 0 when the first field is not the version)
      std::size_t i = pos;
      if( i < v_.size() && v_[ i ] == ';' ) {
         ++i;
      }
      else if( pos != 0 ) {
         // already reported by version(); nothing more unless fields follow
         if( i >= v_.size() ) {
            return;
         }
      }
      bool first_segment = true;
      for_each_segment( i, [ & ]( const Segment& s ) {
         const std::size_t a = s.a, b = s.b;
         if( a == b ) {
            if( !s.last ) {
               // ";;" or "; ;"
               const std::size_t from = s.begin > 0 ? s.begin - 1 : s.begin;
               auto& d = add( spec_.sts ? Code::STS108 : Code::RPT516, from, s.end + 1, { { "f", quote( v_.substr( s.begin, s.end - s.begin ) ) } } );
               d.fix = fix( sink_.fix_title( FixTitle::remove_empty_field ), s.end, s.end + 1, "" );
            }
            else if( first_segment && pos != 0 && s.begin == v_.size() && v_[ s.begin - 1 ] == ';' && s.begin - 1 == pos ) {
               // "v=STSv1;" with nothing after: no field at all
               add( spec_.bad_after, pos, pos + 1 );
            }
         }
         else {
            if( s.last && s.end > b ) {
               auto& d = add( spec_.trailing_ws, b, s.end );
               d.fix = fix( sink_.fix_title( FixTitle::remove_trailing_ws ), b, s.end, "" );
            }
            FieldView f{};
            const auto eq = v_.find( '=', a );
            if( eq == std::string::npos || eq >= b ) {
               f = FieldView{ a, b, b, b, false };
            }
            else {
               f = FieldView{ a, eq, eq + 1, b, true };
            }
            if( !( pos == 0 && first_segment && v_.compare( a, 2, "v=" ) == 0 ) ) {
               field( f );
            }
         }
         first_segment = false;
      } );
   }

   void RecordLinter::field( const FieldView& f )
   {
      const std::string_view whole( v_.data() + f.name_b, f.value_e - f.name_b );
      if( !f.has_eq ) {
         Hint hint = Hint::none;
         if( !spec_.sts && ( text::istarts_with( whole, "mailto:" ) || text::istarts_with( whole, "https:" ) ) ) {
            hint = Hint::uri_in_field;
         }
         add( spec_.sts ? Code::STS108 : Code::RPT516, f.name_b, f.value_e, { { "f", quote( whole ) } }, hint );
         return;
      }
      std::size_t nb = f.name_b, ne = f.name_e, vb = f.value_b, ve = f.value_e;
      // whitespace around '='
      std::size_t ws_b = ne, ws_e = vb;
      while( ws_b > nb && text::is_wsp( v_[ ws_b - 1 ] ) ) {
         --ws_b;
      }
      while( ws_e < ve && text::is_wsp( v_[ ws_e ] ) ) {
         ++ws_e;
      }
      const std::string_view name( v_.data() + nb, ws_b - nb );
      if( ws_b != ne || ws_e != vb ) {
         const Code c = spec_.sts ? Code::STS109 : Code::RPT505;
         auto& d = add( c, ws_b, ws_e );
         d.fix = fix( sink_.fix_title( FixTitle::remove_spaces_eq ), ws_b, ws_e, "=" );
      }
      ne = ws_b;
      vb = ws_e;
      FieldView g{ nb, ne, vb, ve, true };
      facts_.fields.emplace_back( std::string( name ), v_.substr( vb, ve - vb ) );
      if( spec_.sts ) {
         if( name == "id" ) {
            sts_id( g );
            return;
         }
         if( text::iequals( name, "id" ) ) {
            id_variants_.emplace_back( nb, ne );
            return;
         }
      }
      else {
         if( name == "rua" ) {
            rua( g );
            return;
         }
         if( text::iequals( name, "rua" ) ) {
            rua_variant_ = true;
            auto& d = add( Code::RPT505, nb, ne );
            d.fix = fix( sink_.fix_title( FixTitle::write_quoted, { { "s", "rua" } } ), nb, ne, "rua" );
            rua( g );
            return;
         }
      }
      const std::string_view value( v_.data() + vb, ve - vb );
      if( !full_match< grammar::sts_record::sts_ext_name >( name ) ) {
         add( spec_.sts ? Code::STS110 : Code::RPT517, nb, ne, { { "name", quote( name ) }, { "f", quote( whole ) } } );
         return;
      }
      if( !full_match< grammar::sts_record::sts_ext_value >( value ) ) {
         add( spec_.sts ? Code::STS111 : Code::RPT517, vb, ve, { { "name", quote( name ) }, { "f", quote( whole ) } } );
         return;
      }
      add( spec_.sts ? Code::STS112 : Code::RPT518, nb, ne, { { "name", quote( name ) } } );
   }

   void RecordLinter::sts_id( const FieldView& f )
   {
      const std::string_view value( v_.data() + f.value_b, f.value_e - f.value_b );
      ++id_count_;
      if( id_count_ == 1 ) {
         first_id_ = std::string( value );
         facts_.id = first_id_;
      }
      else {
         const bool same = value == first_id_;
         sink_.add_with( Code::STS107, same ? Severity::warning : Severity::error, r_.map( f.name_b ), r_.map_len( f.name_b, f.value_e ), { { "v", quote( first_id_ ) } } );
      }
      if( full_match< grammar::sts_record::sts_id_value >( value ) ) {
         return;
      }
      ArgList args{ { "v", quote( value ) } };
      for( std::size_t k = 0; k < value.size(); ++k ) {
         if( !text::is_alnum( value[ k ] ) ) {
            const std::size_t len = utf8::decode( value, k ).length;  // a whole UTF-8 character, never half of one
            args.emplace_back( "c", quote( value.substr( k, len ) ) );
            args.emplace_back( "n", std::to_string( k + 1 ) );
            add( Code::STS105, f.value_b + k, f.value_b + k + len, args, Hint::id_char );
            return;
         }
      }
      args.emplace_back( "k", std::to_string( value.size() ) );
      add( Code::STS105, f.value_b, f.value_e, args, value.empty() ? Hint::none : Hint::id_length );
   }

   void RecordLinter::rua( const FieldView& f )
   {
      ++rua_fields_;
      std::size_t i = f.value_b;
      while( true ) {
         std::size_t e = v_.find( ',', i );
         if( e == std::string::npos || e > f.value_e ) {
            e = f.value_e;
         }
         std::size_t a = i, b = e;
         while( a < b && text::is_wsp( v_[ a ] ) ) {
            ++a;
         }
         while( b > a && text::is_wsp( v_[ b - 1 ] ) ) {
            --b;
         }
         if( a == b ) {
            add( Code::RPT506, a, a == e ? ( e < f.value_e ? e + 1 : e ) : b );
         }
         else {
            uri( a, b );
         }
         if( e >= f.value_e ) {
            break;
         }
         i = e + 1;
      }
   }

   void RecordLinter::uri( std::size_t a, std::size_t b )
   {
      const std::string_view u( v_.data() + a, b - a );
      const auto qu = [ u ] { return quote( u ); };  // only for a diagnostic (most URIs have none)
      // Inner whitespace: "mailto:a@example.com mailto:b@..." or a raw space.
      const auto bang = u.find( '!' );
      if( bang != std::string_view::npos ) {
         const auto suffix = u.substr( bang );
         auto& d = add( Code::RPT508, a + bang, b, { { "u", qu() }, { "s", quote( suffix ) } }, Hint::size_suffix );
         bool size_limit = suffix.size() >= 2;
         for( std::size_t k = 1; k < suffix.size(); ++k ) {
            const char c = suffix[ k ];
            size_limit = size_limit && ( text::is_digit( c ) || ( k == suffix.size() - 1 && ( c == 'k' || c == 'm' || c == 'g' || c == 't' ) ) );
         }
         if( size_limit ) {
            d.fix = fix( sink_.fix_title( FixTitle::remove_size_limit ), a + bang, b, "" );
            // check the rest as if it were fixed
            uri( a, a + bang );
         }
         return;
      }
      if( !full_match< grammar::tlsrpt::tlsrpt_uri >( u ) ) {
         Hint hint = Hint::none;
         ArgList args{ { "u", qu() }, { "address", "address" } };
         std::optional< Fix > f;
         if( u.find( '@' ) != std::string_view::npos && u.find( ':' ) == std::string_view::npos ) {
            hint = Hint::bare_address;
            args.emplace_back( "s", qu() );
            if( full_match< grammar::tlsrpt::mailto::addr_spec >( u ) ) {
               f = fix( sink_.fix_title( FixTitle::add_mailto ), a, a, "mailto:" );
            }
         }
         auto& d = add( Code::RPT507, a, b, args, hint );
         d.fix = std::move( f );
         return;
      }
      const auto colon = u.find( ':' );
      const auto scheme = text::to_lower( u.substr( 0, colon ) );
      if( scheme == "mailto" ) {
         if( !full_match< grammar::tlsrpt::mailto::mailtoURI >( u ) ) {
            add( Code::RPT511, a, b, { { "u", qu() } } );
            return;
         }
         if( u.find( '?' ) != std::string_view::npos ) {
            add( Code::RPT512, a, b, { { "u", qu() } } );
         }
      }
      else if( scheme == "https" ) {
         const auto rest = u.substr( colon + 1 );
         std::string_view host;
         if( rest.substr( 0, 2 ) == "//" ) {
            host = rest.substr( 2 );
            host = host.substr( 0, host.find_first_of( "/?#" ) );
            const auto at = host.rfind( '@' );
            if( at != std::string_view::npos ) {
               host.remove_prefix( at + 1 );
            }
            if( !host.empty() && host.front() != '[' ) {
               host = host.substr( 0, host.find( ':' ) );
            }
         }
         if( host.empty() ) {
            add( Code::RPT513, a, b, { { "u", qu() } } );
            return;
         }
      }
      else {
         add( Code::RPT509, a, b, { { "u", qu() } } );
         return;
      }
      ++usable_;
      facts_.rua.emplace_back( u );
      if( !seen_uris_.insert( u ).second ) {
         add( Code::RPT515, a, b, { { "u", qu() } } );
      }
   }

   bool looks_like( const TxtRecord& r, const Spec& spec ) noexcept
   {
      std::string_view v = r.value;
      v.remove_prefix( text::leading_wsp( v ) );
      if( !v.empty() && v.front() == '"' ) {
         v.remove_prefix( 1 );
      }
      char compact[ 24 ];  // the start without whitespace (no allocation: this runs for every record)
      std::size_t n = 0;
      for( const char c : v.substr( 0, 24 ) ) {
         if( !text::is_wsp( c ) ) {
            compact[ n++ ] = c;
         }
      }
      return text::istarts_with( std::string_view( compact, n ), spec.tag );
   }

   bool exact_start( const TxtRecord& r, const Spec& spec ) noexcept
   {
      return r.value.compare( 0, std::strlen( spec.tag ) + 1, std::string( spec.tag ) + ";" ) == 0;
   }

   void owner_check( const TxtRecord& r, const Spec& spec, Sink& sink )
   {
      if( r.owner.empty() ) {
         return;
      }
      const auto o = text::to_lower( r.owner );
      const std::string label = spec.sts ? "_mta-sts" : "_smtp._tls";
      const bool ok = o == label || o.rfind( label + ".", 0 ) == 0;
      if( !ok ) {
         sink.add( spec.wrong_name, r.owner_offset, r.owner.size(), { { "domain", "domain" } } );
      }
   }

}  // namespace

void string_checks( const TxtRecord& r, Sink& sink, std::initializer_list< const char* > tokens )
{
   if( r.string_ends.size() > 1 ) {
      sink.add( Code::DNS603, r.begin, 0 );
      // DNS604: a boundary that glues tokens ("commailto:", ";v=") or a string ending/starting with a space
      for( std::size_t k = 0; k + 1 < r.string_ends.size(); ++k ) {
         const std::size_t at = r.string_ends[ k ];
         if( at == 0 || at >= r.value.size() ) {
            continue;
         }
         const char before = r.value[ at - 1 ], after = r.value[ at ];
         const std::string_view next( r.value.data() + at, r.value.size() - at );
         bool glued = false;
         for( const char* tok : tokens ) {
            glued = glued || ( text::is_alnum( before ) && text::istarts_with( next, tok ) );
         }
         const bool spaced = text::is_wsp( before ) || text::is_wsp( after );
         if( glued || spaced ) {
            sink.add( Code::DNS604, r.map( at - 1 ), r.map_len( at - 1, at + 1 ), { { "i", std::to_string( k + 1 ) }, { "j", std::to_string( k + 2 ) } } );
         }
      }
   }
   const auto& v = r.value;
   if( v.size() >= 2 && v.front() == '"' ) {
      sink.add( Code::DNS608, r.map( 0 ), 1 );
   }
}

void lint_records( std::string_view text, Kind kind, Sink& sink, RecordFacts& facts )
{
   const auto records = parse_presentation( text, sink );
   if( records.empty() ) {
      sink.add( ( kind == Kind::tlsrpt ? rpt_spec : sts_spec ).not_start, 0, 0 );
      return;
   }
   lint_parsed_records( text, records, kind, sink, facts );
}

void lint_parsed_records( std::string_view text, const std::vector< TxtRecord >& records, Kind kind, Sink& sink, RecordFacts& facts )
{
   const Spec& spec = ( kind == Kind::tlsrpt ) ? rpt_spec : sts_spec;
   // CNAMEs and owner names.
   std::set< std::string > txt_owners;
   for( const auto& r : records ) {
      if( !r.owner.empty() && !r.cname ) {
         txt_owners.insert( text::to_lower( r.owner ) );
      }
   }
   SmallVector< const TxtRecord*, 4 > txt;  // inline: one or two records is the rule
   for( const auto& r : records ) {
      if( r.cname ) {
         if( spec.sts && text::istarts_with( r.owner, "_mta-sts" ) ) {
            sink.add( Code::STS119, r.owner_offset, r.owner.size() );
         }
         if( txt_owners.count( text::to_lower( r.owner ) ) ) {
            sink.add( Code::DNS611, r.owner_offset, r.owner.size() );
         }
         continue;
      }
      txt.push_back( &r );
   }
   if( txt.empty() ) {
      return;
   }
   // Which records are this protocol's: senders keep those beginning with the exact tag and ';'.
   SmallVector< const TxtRecord*, 4 > ours;
   for( std::size_t t = 0; t < txt.size(); ++t ) {
      const TxtRecord* r = txt[ t ];
      if( txt.size() == 1 || looks_like( *r, spec ) ) {
         ours.push_back( r );
      }
      else {
         const char* other = other_protocol( r->value );
         if( other && std::string_view( other ) != spec.tag ) {
            if( spec.sts ) {
               sink.add( Code::STS117, r->begin, r->end - r->begin, { { "tag", other } } );
            }
         }
         else if( spec.sts ) {
            sink.add( Code::STS116, r->begin, r->end - r->begin );
         }
      }
   }
   if( ours.empty() ) {
      ours.push_back( txt[ 0 ] );
   }
   std::size_t exact = 0;
   for( std::size_t o = 0; o < ours.size(); ++o ) {
      const TxtRecord* r = ours[ o ];
      if( exact_start( *r, spec ) ) {
         ++exact;
         if( exact > 1 ) {
            sink.add( spec.several, r->begin, r->end - r->begin );
         }
      }
   }
   bool first = true;
   for( std::size_t o = 0; o < ours.size(); ++o ) {
      const TxtRecord* r = ours[ o ];
      owner_check( *r, spec, sink );
      RecordFacts f;
      RecordLinter( text, *r, spec, sink, f ).run();
      if( first ) {
         facts = std::move( f );
         first = false;
      }
      string_checks( *r, sink, { "mailto:", "https:", "v=", "id=", "rua=" } );
   }
}

}  // namespace mtasts::detail

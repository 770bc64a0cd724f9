// Lints a pasted bundle: each record and each policy body where it stands (the existing record and policy checks,
// their diagnostics moved to the bytes of the paste), then the parts against each other as a sender would see them:
// the policy domain from the owner names and the URL, the MX records as MX evidence (STS401-STS406), the HTTP
// response (STS301-STS305, EVD706), a missing _mta-sts record (EVD702), a CNAME at _mta-sts (STS119) and RPT523.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "../checks.hpp"
#include "../text.hpp"
#include "reader.hpp"

namespace mtasts::detail {

namespace {

   using evidence::Bundle;
   using evidence::Header;
   using evidence::Rr;
   using evidence::Span;

   bool starts_label( std::string_view name, std::string_view label ) noexcept
   {
      return name == label || ( name.size() > label.size() && name.substr( 0, label.size() ) == label && name[ label.size() ] == '.' );
   }

   // The policy domain a name speaks for: _mta-sts.D, _smtp._tls.D, mta-sts.D -> D.
   std::string domain_of( std::string_view name )
   {
      for( const std::string_view label : { "_mta-sts", "_smtp._tls", "mta-sts" } ) {
         if( name.size() > label.size() + 1 && starts_label( name, label ) ) {
            return std::string( name.substr( label.size() + 1 ) );
         }
      }
      return {};
   }

   void move_into( Sink& sink, std::vector< Diagnostic >&& ds, std::size_t shift, Span limit )
   {
      for( auto& d : ds ) {
         d.offset += shift;
         if( d.fix ) {
            bool inside = true;
            for( auto& e : d.fix->edits ) {
               e.offset += shift;
               inside = inside && e.offset >= limit.offset && e.offset + e.length <= limit.end();
            }
            if( !inside ) {
               d.fix.reset();  // a fix never touches text outside its part
            }
         }
         sink.items().push_back( std::move( d ) );
      }
   }

   struct Url
   {
      std::string scheme, host, port, path, query;
   };
   Url parse_url( std::string_view u )
   {
      Url r;
      const auto s = u.find( "://" );
      if( s != std::string_view::npos ) {
         r.scheme = text::to_lower( u.substr( 0, s ) );
         u.remove_prefix( s + 3 );
      }
      const auto p = u.find_first_of( "/?#" );
      auto authority = u.substr( 0, p );
      if( const auto at = authority.rfind( '@' ); at != std::string_view::npos ) {
         authority.remove_prefix( at + 1 );
      }
      if( const auto c = authority.rfind( ':' ); c != std::string_view::npos ) {
         r.port = std::string( authority.substr( c + 1 ) );
         authority = authority.substr( 0, c );
      }
      r.host = text::to_lower( authority );
      if( !r.host.empty() && r.host.back() == '.' ) {
         r.host.pop_back();
      }
      if( p != std::string_view::npos ) {
         auto rest = u.substr( p );
         const auto q = rest.find_first_of( "?#" );
         r.path = std::string( rest.substr( 0, q ) );
         if( q != std::string_view::npos ) {
            r.query = std::string( rest.substr( q ) );
         }
      }
      return r;
   }

   class BundleLinter
   {
   public:
      BundleLinter( std::string_view text, const LintOptions& options, Sink& sink, LintResult& result, const std::vector< evidence::Part >& parts )
         : t_( text ), options_( options ), sink_( sink ), result_( result ), b_( evidence::read_bundle( text, parts, sink.lang() ) )
      {}

      void run();

   private:
      // A label or value in the run's language (tool texts: enable_bundles() links the translations).
      std::string text( Text t, const Args& args = {} ) const { return render_text( t, args, sink_.lang() ); }
      void artefact( std::string kind, Span s, std::string label )
      {
         for( char& c : label ) {  // a label is one line of text: a bare CR or other control byte in a name read from the paste
            if( static_cast< unsigned char >( c ) < 0x20 || c == 0x7f ) {
               c = '?';
            }
         }
         result_.artefacts.push_back( Artefact{ std::move( kind ), s.offset, s.length, std::move( label ) } );
      }
      bool other_domain( const std::string& d, Span where );
      void choose_domain();
      void records();
      void http();
      void lint_body( Span body, std::string_view label, const std::vector< Span >* lines = nullptr );
      void queries();
      std::optional< std::vector< std::string > > mx_evidence();
      void keep_safe_fixes();

      std::string_view t_;
      const LintOptions& options_;
      Sink& sink_;
      LintResult& result_;
      Bundle b_;
      std::string domain_;
      std::map< std::string, std::string > alias_;  // CNAME target -> the _mta-sts name it stands for
      std::set< std::string > txt_owners_;           // owners with a TXT record in the paste
      bool tlsrpt_found_ = false;
      std::optional< std::vector< std::string > > mx_;
      std::size_t policies_linted_ = 0;
      std::optional< std::map< std::string, Span > > mx_where_;  // MX host -> where the paste shows it
   };

   bool BundleLinter::other_domain( const std::string& d, Span where )
   {
      if( d.empty() || domain_.empty() || d == domain_ ) {
         return false;
      }
      sink_.add( Code::EVD701, where.offset, where.length, { { "d", text::quote( d ) }, { "p", text::quote( domain_ ) } } );
      return true;
   }

   void BundleLinter::choose_domain()
   {
      domain_ = text::to_lower( options_.domain );
      if( !domain_.empty() && domain_.back() == '.' ) {
         domain_.pop_back();
      }
      if( !domain_.empty() ) {
         return;
      }
      // the first part in the paste that names it: an _mta-sts or _smtp._tls name, the policy URL, a query
      std::size_t best = std::string_view::npos;
      const auto consider = [ & ]( const std::string& d, std::size_t at ) {
         if( !d.empty() && at < best ) {
            best = at;
            domain_ = d;
         }
      };
      for( const auto& r : b_.records ) {
         consider( domain_of( r.owner ), r.span.offset );
      }
      for( const auto& q : b_.queries ) {
         consider( domain_of( q.name ), q.span.offset );
      }
      for( const auto& h : b_.responses ) {
         consider( domain_of( parse_url( h.url ).host ), h.span.offset );
      }
      if( domain_.empty() ) {
         for( const auto& r : b_.records ) {
            if( r.type == "MX" ) {
               consider( r.owner, r.span.offset );
            }
         }
      }
   }

   void BundleLinter::records()
   {
      // CNAMEs at _mta-sts: STS119, and the target's records stand for the _mta-sts name
      for( const auto& r : b_.records ) {
         if( r.type == "CNAME" && starts_label( r.owner, "_mta-sts" ) ) {
            sink_.add( Code::STS119, r.owner_span.offset, r.owner_span.length ? r.owner_span.length : r.span.length );
            artefact( "cname", r.span, "CNAME " + r.owner + " -> " + r.target );
            alias_[ r.target ] = r.owner;
         }
      }
      for( int hop = 0; hop < 8; ++hop ) {  // chains
         bool more = false;
         for( const auto& r : b_.records ) {
            if( r.type == "CNAME" && alias_.count( r.owner ) && !alias_.count( r.target ) ) {
               alias_[ r.target ] = alias_[ r.owner ];
               more = true;
            }
         }
         if( !more ) {
            break;
         }
      }
      // TXT records, grouped by block and by the name they stand for
      std::map< std::pair< std::size_t, std::string >, std::vector< const Rr* > > groups;
      std::vector< std::pair< std::size_t, std::string > > order;
      for( const auto& r : b_.records ) {
         if( r.type != "TXT" || !r.txt ) {
            continue;
         }
         std::string name = r.owner;
         if( const auto a = alias_.find( name ); a != alias_.end() ) {
            name = a->second;
         }
         txt_owners_.insert( name );
         const auto key = std::make_pair( r.block, name.empty() ? "#" + std::to_string( r.span.offset ) : name );
         if( !groups.count( key ) ) {
            order.push_back( key );
         }
         groups[ key ].push_back( &r );
      }
      for( const auto& key : order ) {
         const auto& members = groups[ key ];
         const std::string& name = key.second[ 0 ] == '#' ? std::string() : key.second;
         Kind kind = Kind::auto_;
         if( members.front()->forced ) {
            kind = members.front()->forced == 't' ? Kind::txt : Kind::tlsrpt;
         }
         else if( starts_label( name, "_mta-sts" ) ) {
            kind = Kind::txt;
         }
         else if( starts_label( name, "_smtp._tls" ) ) {
            kind = Kind::tlsrpt;
         }
         else {
            for( const auto* r : members ) {
               std::string_view v = r->txt->value;
               v.remove_prefix( text::leading_wsp( v ) );
               if( text::istarts_with( v, "v=STSv1" ) ) {
                  kind = Kind::txt;
               }
               else if( text::istarts_with( v, "v=TLSRPT" ) && kind == Kind::auto_ ) {
                  kind = Kind::tlsrpt;
               }
            }
         }
         if( kind == Kind::auto_ ) {
            continue;  // an SPF record, a verification token...: not ours
         }
         if( !name.empty() && other_domain( domain_of( name ), members.front()->owner_span.length ? members.front()->owner_span : members.front()->span ) ) {
            // linted where it stands, but not part of this domain's evidence
         }
         else if( kind == Kind::tlsrpt ) {
            for( const auto* r : members ) {
               if( text::istarts_with( r->txt->value, "v=TLSRPTv1" ) ) {
                  tlsrpt_found_ = true;
               }
            }
         }
         std::vector< TxtRecord > recs;
         Span span{ members.front()->span.offset, 0 };
         std::size_t end = 0;
         for( const auto* r : members ) {
            end = std::max( end, r->span.end() );
            if( r->truncated ) {
               sink_.add( Code::EVD703, r->txt->begin, r->txt->end - r->txt->begin, { { "tool", evidence::tool_label( r->tool, sink_.lang() ) } } );
               continue;
            }
            TxtRecord x = *r->txt;
            const bool via_alias = alias_.count( r->owner ) > 0;
            if( via_alias ) {
               x.owner.clear();  // the CNAME's target holds the record (STS119 says so)
            }
            else if( starts_label( r->owner, kind == Kind::txt ? "_mta-sts" : "_smtp._tls" ) ) {
               x.owner = r->owner;  // the absolute name: right, whatever the zone file wrote
            }
            else if( r->owner_span.length > 0 ) {
               x.owner = std::string( t_.substr( r->owner_span.offset, r->owner_span.length ) );
               x.owner_offset = r->owner_span.offset;
            }
            else {
               x.owner.clear();
            }
            for( const auto& d : r->unquoting ) {
               sink_.items().push_back( d );
            }
            recs.push_back( std::move( x ) );
         }
         span.length = end - span.offset;
         const std::string what = text( kind == Kind::txt ? Text::part_txt : Text::part_tlsrpt );
         artefact( kind == Kind::txt ? "txt" : "tlsrpt", span,
                   members.size() > 1 ? text( Text::part_n_txt, { { "n", std::to_string( members.size() ) }, { "name", name.empty() ? std::string_view( kind == Kind::txt ? "_mta-sts" : "_smtp._tls" ) : std::string_view( name ) } } ) : what );
         if( recs.empty() ) {
            continue;
         }
         Sink local( true, sink_.lang() );
         RecordFacts facts;
         lint_parsed_records( t_, recs, kind, local, facts );
         move_into( sink_, std::move( local.items() ), 0, span );
         if( kind == Kind::txt && !result_.record ) {
            result_.record = std::move( facts );
         }
      }
      for( const auto& r : b_.records ) {
         if( r.type == "MX" ) {
            artefact( "mx", r.span, r.target == "." ? text( Text::part_null_mx ) : "MX " + r.target );
         }
      }
   }

   std::optional< std::vector< std::string > > BundleLinter::mx_evidence()
   {
      if( options_.mx_hosts ) {
         return options_.mx_hosts;
      }
      if( domain_.empty() ) {
         return std::nullopt;
      }
      std::vector< std::string > hosts;
      std::set< std::string > seen;
      bool any = false;
      for( const auto& r : b_.records ) {
         if( r.type == "MX" && r.owner == domain_ && !r.target.empty() ) {
            any = true;
            if( seen.insert( r.target ).second ) {
               hosts.push_back( r.target );
            }
         }
      }
      if( any ) {
         return hosts;
      }
      for( const auto& q : b_.queries ) {
         if( q.name == domain_ && q.type == "MX" && ( q.rcode == evidence::Rcode::nxdomain || q.nodata ) ) {
            return std::vector< std::string >{};  // the query shows no MX: the domain itself is the MX host
         }
      }
      return std::nullopt;
   }

   // `lines`: the body shown line by line with an indentation between (Invoke-WebRequest's Content): the text linted is
   // the lines joined by LF, and each offset goes back to the paste through them. What that view does not show as
   // served (line breaks, a final line break, trailing whitespace, a byte-order mark, the size, the encoding) is not
   // judged from it, and a fix is kept only inside one line.
   void BundleLinter::lint_body( Span body, std::string_view label, const std::vector< Span >* lines )
   {
      LintOptions o;
      o.kind = Kind::policy;
      o.verbose = options_.verbose;
      o.domain = domain_;
      o.mx_hosts = mx_;
      Sink local( options_.verbose, sink_.lang() );
      PolicyFacts facts;
      std::string joined;
      std::vector< std::size_t > starts;
      if( lines ) {
         for( std::size_t k = 0; k < lines->size(); ++k ) {
            starts.push_back( joined.size() );
            joined.append( t_.substr( ( *lines )[ k ].offset, ( *lines )[ k ].length ) );
            if( k + 1 < lines->size() ) {
               joined += '\n';
            }
         }
      }
      const std::string_view linted = lines ? std::string_view( joined ) : t_.substr( body.offset, body.length );
      const auto line_of = [ & ]( std::size_t v ) { return static_cast< std::size_t >( std::upper_bound( starts.begin(), starts.end(), v ) - starts.begin() ) - 1; };
      // an offset into the text linted -> into the paste (a line's LF: where that line ends in the paste)
      const auto to_paste = [ & ]( std::size_t v ) -> std::size_t {
         if( !lines ) {
            return body.offset + std::min( v, body.length );
         }
         const std::size_t k = line_of( std::min( v, linted.size() ) );
         return ( *lines )[ k ].offset + std::min( std::min( v, linted.size() ) - starts[ k ], ( *lines )[ k ].length );
      };
      lint_policy( linted, o, local, facts );
      const std::size_t first = sink_.items().size();
      if( !lines ) {
         for( auto& d : local.items() ) {
            d.offset = std::min( d.offset, body.length );
            d.length = std::min( d.length, body.length - d.offset );
         }
         move_into( sink_, std::move( local.items() ), body.offset, body );
      }
      else {
         // NUL characters in the view were in the body as served (no decoding makes them from text): the policy
         // linter's verdict on them (STS202, which stops it when they look like UTF-16) stands, or a body it could not
         // read would pass as valid with no facts.
         const bool nul_in_view = linted.find( '\0' ) != std::string_view::npos;
         for( auto& d : local.items() ) {
            if( d.code == Code::STS202 && nul_in_view ) {
               const std::size_t b = std::min( d.offset, linted.size() );
               d.offset = to_paste( b );
               d.length = 0;
               d.fix.reset();
               sink_.items().push_back( std::move( d ) );
               continue;
            }
            switch( d.code ) {
               case Code::STS202: case Code::STS203: case Code::STS205: case Code::STS206: case Code::STS207:
               case Code::STS208: case Code::STS218: case Code::STS250: case Code::STS251:
                  continue;
               default:
                  break;
            }
            const std::size_t b = std::min( d.offset, linted.size() ), e = std::min( d.offset + d.length, linted.size() );
            d.offset = to_paste( b );
            d.length = to_paste( e ) - d.offset;
            if( d.fix ) {
               bool one_line = true;
               for( auto& x : d.fix->edits ) {
                  const std::size_t xb = std::min( x.offset, linted.size() ), xe = std::min( x.offset + x.length, linted.size() );
                  const std::size_t k = line_of( xb );
                  one_line = one_line && xe <= starts[ k ] + ( *lines )[ k ].length && x.insert.find_first_of( "\r\n" ) == std::string::npos;
                  x.offset = to_paste( xb );
                  x.length = to_paste( xe ) - x.offset;
               }
               if( !one_line ) {
                  d.fix.reset();  // it would join or split the lines PowerShell shows
               }
            }
            sink_.items().push_back( std::move( d ) );
         }
      }
      // an MX host that the policy does not cover: point at the MX record in the paste rather than at the policy
      if( !options_.mx_hosts ) {
         if( !mx_where_ ) {  // once for the paste
            mx_where_.emplace();
            for( const auto& r : b_.records ) {
               if( r.type == "MX" && r.owner == domain_ && r.target_span.length ) {
                  mx_where_->emplace( r.target, r.target_span );
               }
            }
         }
         const auto& where = *mx_where_;
         for( std::size_t k = first; k < sink_.items().size(); ++k ) {
            auto& d = sink_.items()[ k ];
            if( ( d.code == Code::STS401 || d.code == Code::STS402 ) && d.offset == body.offset && d.length == 0 ) {
               const auto q = d.message.find( '\'' ), e = q == std::string::npos ? q : d.message.find( '\'', q + 1 );
               if( e != std::string::npos ) {
                  const auto it = where.find( text::to_lower( d.message.substr( q + 1, e - q - 1 ) ) );
                  if( it != where.end() ) {
                     d.offset = it->second.offset;
                     d.length = it->second.length;
                  }
               }
            }
         }
      }
      artefact( "policy", body, std::string( label ) );
      if( policies_linted_++ == 0 ) {
         // RPT523: testing mode, and the paste shows the _smtp._tls query with no TLS-RPT record
         if( facts.mode && *facts.mode == "testing" && !tlsrpt_found_ && !domain_.empty() ) {
            for( const auto& q : b_.queries ) {
               if( q.name == "_smtp._tls." + domain_ ) {
                  sink_.add( Code::RPT523, to_paste( facts.mode_offset ), facts.mode->size() );
                  break;
               }
            }
            for( const auto& r : b_.records ) {
               if( r.type == "TXT" && r.owner == "_smtp._tls." + domain_ && !tlsrpt_found_ ) {
                  sink_.add( Code::RPT523, to_paste( facts.mode_offset ), facts.mode->size() );
                  break;
               }
            }
         }
         facts.version_offset = to_paste( facts.version_offset );
         facts.mode_offset = to_paste( facts.mode_offset );
         for( auto& m : facts.mx_offsets ) {
            m = to_paste( m );
         }
         result_.policy = std::move( facts );
      }
   }

   void BundleLinter::http()
   {
      for( const auto& h : b_.responses ) {
         const Url u = parse_url( h.url );
         const std::string host_domain = domain_of( u.host );
         if( !h.url.empty() && other_domain( host_domain.empty() ? u.host : host_domain, h.url_span.length ? h.url_span : Span{ h.span.offset, 0 } ) ) {
            continue;
         }
         std::string label = "HTTP";
         if( h.status ) {
            label += " " + std::to_string( h.status );
         }
         std::string media;
         const Header* ct = nullptr;
         for( const auto& hd : h.headers ) {
            if( hd.name == "content-type" && !ct ) {
               ct = &hd;
            }
         }
         if( ct ) {
            const auto semi = ct->value.find( ';' );
            media = text::to_lower( std::string( ct->value.substr( 0, semi ) ) );
            while( !media.empty() && text::is_wsp( media.back() ) ) {
               media.pop_back();
            }
            label += " " + media;
         }
         const bool has_policy = h.body && !h.body_truncated && ( h.status == 200 || h.status == 0 );
         if( has_policy ) {
            label += " " + text( Text::part_with_policy );
         }
         artefact( "http", h.span, label );
         // STS301: the URL
         if( !h.url.empty() && !domain_.empty() ) {
            const bool scheme_ok = u.scheme.empty() || u.scheme == "https";
            const bool ok = scheme_ok && u.host == "mta-sts." + domain_ && ( u.port.empty() || u.port == "443" ) && u.path == "/.well-known/mta-sts.txt" && u.query.empty();
            if( !ok ) {
               sink_.add( Code::STS301, h.url_span.offset, h.url_span.length, { { "domain", domain_ }, { "u", text::quote( h.url ) } } );
            }
         }
         // STS302 / STS303: the status
         if( h.status / 100 == 3 ) {
            sink_.add( Code::STS303, h.status_span.offset, h.status_span.length );
         }
         else if( h.status != 0 && h.status != 200 ) {
            sink_.add( Code::STS302, h.status_span.offset, h.status_span.length, { { "code", std::to_string( h.status ) } } );
         }
         // STS304 / STS305: the media type and its charset (only where the headers are shown)
         if( ( h.headers_shown || !h.headers.empty() ) && h.status / 100 != 3 ) {
            if( !ct ) {
               if( h.headers_shown ) {
                  sink_.add( Code::STS304, h.status_span.offset, h.status_span.length, { { "type", "no Content-Type" } } );
               }
            }
            else {
               if( media != "text/plain" ) {
                  sink_.add( Code::STS304, ct->value_span.offset, std::min( ct->value_span.length, ct->value.find( ';' ) == std::string::npos ? ct->value_span.length : ct->value.find( ';' ) ), { { "type", text::quote( media ) } } );
               }
               // parameters: ; charset=...
               std::size_t k = ct->value.find( ';' );
               while( k != std::string::npos ) {
                  const std::size_t next = ct->value.find( ';', k + 1 );
                  std::string_view p( ct->value );
                  p = p.substr( k + 1, ( next == std::string::npos ? ct->value.size() : next ) - k - 1 );
                  const std::size_t lead = text::leading_wsp( p );
                  p.remove_prefix( lead );
                  p.remove_suffix( text::trailing_wsp( p ) );
                  if( text::istarts_with( p, "charset=" ) ) {
                     auto cs = p.substr( 8 );
                     if( cs.size() >= 2 && cs.front() == '"' && cs.back() == '"' ) {
                        cs = cs.substr( 1, cs.size() - 2 );
                     }
                     if( !text::iequals( cs, "utf-8" ) && !text::iequals( cs, "us-ascii" ) ) {
                        sink_.add( Code::STS305, ct->value_span.offset + k + 1 + lead, p.size(), { { "cs", text::quote( cs ) } } );
                     }
                  }
                  k = next;
               }
            }
            for( const auto& hd : h.headers ) {
               if( hd.name == "content-encoding" && !text::iequals( hd.value, "identity" ) ) {
                  sink_.add( Code::EVD706, hd.value_span.offset, hd.value_span.length, { { "v", text::quote( hd.value ) } } );
               }
            }
         }
         if( h.body_truncated ) {
            sink_.add( Code::EVD705, h.span.offset, 0, { { "what", text( Text::missing_body ) }, { "check", text( Text::missing_body_check ) } } );
         }
         if( has_policy ) {
            lint_body( *h.body, text( Text::part_policy_http ), h.body_lines.empty() ? nullptr : &h.body_lines );
         }
      }
   }

   void BundleLinter::queries()
   {
      for( const auto& q : b_.queries ) {
         const bool none = q.rcode == evidence::Rcode::nxdomain || q.nodata;
         if( none && !q.name.empty() ) {
            std::string label = q.name + ( q.type.empty() ? "" : " " + q.type ) + ": " + ( q.rcode == evidence::Rcode::nxdomain ? std::string( "NXDOMAIN" ) : text( Text::part_no_record ) );
            artefact( "no-record", q.span, label );
         }
         if( !none || !starts_label( q.name, "_mta-sts" ) || ( !q.type.empty() && q.type != "TXT" && q.type != "ANY" ) ) {
            continue;
         }
         if( txt_owners_.count( q.name ) ) {
            continue;  // another part of the paste shows the record
         }
         const std::string d = domain_of( q.name );
         if( other_domain( d, q.span ) ) {
            continue;
         }
         sink_.add( Code::EVD702, q.span.offset, q.span.length, { { "d", text::quote( d ) }, { "why", q.rcode == evidence::Rcode::nxdomain ? std::string( "NXDOMAIN" ) : render_text( Text::no_txt_record, {}, sink_.lang() ) } } );
      }
   }

   // How a piece of the paste is read, with the offsets at or after `from` moved back by `delta` (the bytes an edit
   // added there): two readings that agree are the same parts, the same records, headers and bodies.
   // (into `sig`, emptied first: the caller's buffers are reused fix after fix)
   void reading( std::string& sig, const Bundle& b, std::size_t from, std::ptrdiff_t delta, std::size_t edit_end )
   {
      const auto map = [ & ]( std::size_t o ) -> std::size_t {
         if( o < from ) {
            return o;
         }
         if( o < edit_end ) {
            return from;  // inside the edited bytes
         }
         return static_cast< std::size_t >( static_cast< std::ptrdiff_t >( o ) - delta );
      };
      // (appended piece by piece: building each entry from temporaries, "B" + std::to_string( ... ) + ..., cost a
      // 64 KiB paste about 5 % of its instructions, callgrind)
      sig.clear();
      const auto num = [ & ]( auto v ) {
         char buf[ 24 ];
         const auto r = std::to_chars( buf, buf + sizeof( buf ), v );
         sig.append( buf, r.ptr );
      };
      const auto add = [ & ]( std::string_view s ) { sig.append( s ); };
      for( const auto& k : b.blocks ) {
         add( "B" );
         num( static_cast< int >( k.tool ) );
         add( "@" );
         num( map( k.span.offset ) );
         add( "-" );
         num( map( k.span.end() ) );
         add( ";" );
      }
      for( const auto& r : b.records ) {
         add( "R" );
         add( r.type );
         add( " " );
         add( r.owner );
         add( ">" );
         add( r.target );
         add( "@" );
         num( map( r.span.offset ) );
         add( r.txt ? "t;" : ";" );
      }
      for( const auto& q : b.queries ) {
         add( "Q" );
         add( q.name );
         add( " " );
         add( q.type );
         num( static_cast< int >( q.rcode ) );
         add( q.nodata ? "n;" : ";" );
      }
      for( const auto& h : b.responses ) {
         add( "H" );
         num( h.status );
         add( "/" );
         num( h.headers.size() );
         add( "@" );
         num( map( h.span.offset ) );
         for( const auto& x : h.headers ) {
            add( x.name );
            add( "," );
         }
         if( h.body ) {
            add( "b" );
            num( map( h.body->offset ) );
            add( "-" );
            num( map( h.body->end() ) );
         }
         add( ";" );
      }
      for( const auto& p : b.policies ) {
         add( "P" );
         num( map( p.offset ) );
         add( "-" );
         num( map( p.end() ) );
         add( ";" );
      }
   }

   // A fix must not change how the paste is read (a line it inserts after a header block would be read as a header,
   // a line it removes could end a record or a body): each fix is applied to the tool output it is in (its block, and
   // the line after it), and kept only when that piece reads the same. The piece as it is is read once per block; the
   // fixed pieces are read within a byte budget of 4 times the paste plus 64 KiB (at most 16 MiB): blocks over
   // 256 KiB, fixes beyond the first 4096 and fixes past the budget are not read: their fixes are dropped (no fix
   // rather than a wrong one, and the time stays linear in the paste: a 1.7 KB paste with 350 fixes in one block took
   // 120 million instructions, reading its block 700 times).
   void BundleLinter::keep_safe_fixes()
   {
      std::size_t budget = 4096, bytes = std::min< std::size_t >( 16 * 1024 * 1024, 4 * t_.size() + 64 * 1024 );
      std::size_t cached_begin = std::string_view::npos, cached_end = 0;  // (what the budget counts as read once)
      std::size_t before_begin = std::string_view::npos, before_end = 0;  // what `before` holds
      evidence::Bundle before;
      std::string sig_before, sig_after;
      // Verdicts already found, by the piece's bytes and the fix's edits in it: whether a fix leaves its piece reading
      // the same depends on nothing else (the reading of a piece is a function of its bytes), so the same fix in an
      // identical piece (a paste that shows the same tool output twice, or the same record defect repeated) is decided
      // without reading again. The budget is spent as if it were read, so that which fixes are kept does not depend on
      // the repeats.
      std::unordered_map< std::string, bool > verdicts;
      std::string key;
      // the warnings and errors first, the infos (only with --verbose) after: the fixes a user sees without --verbose
      // do not depend on whether the infos were asked for
      std::vector< Diagnostic* > order;
      for( auto& d : sink_.items() ) {
         if( d.fix && !d.fix->edits.empty() && d.severity != Severity::info ) {
            order.push_back( &d );
         }
      }
      for( auto& d : sink_.items() ) {
         if( d.fix && !d.fix->edits.empty() && d.severity == Severity::info ) {
            order.push_back( &d );
         }
      }
      for( Diagnostic* dp : order ) {
         auto& d = *dp;
         const auto& first = d.fix->edits.front();
         // the last block that starts at or before the edit (blocks are in text order)
         const auto it = std::upper_bound( b_.blocks.begin(), b_.blocks.end(), first.offset, []( std::size_t o, const evidence::Block& k ) { return o < k.span.offset; } );
         const evidence::Block* blk = it == b_.blocks.begin() ? nullptr : &*( it - 1 );
         if( !blk || budget == 0 ) {
            d.fix.reset();
            continue;
         }
         --budget;
         std::size_t end = text::find_line_break( t_, std::min( t_.size(), blk->span.end() ) );
         end = std::min( t_.size(), text::find_line_break( t_, std::min( t_.size(), end + 2 ) ) );
         // An edit in a block's first line can change where the block before it ends (a line inserted where an HTTP
         // response's headers stop, with no blank line, is read as one more header): the piece then starts at the
         // block before (found by fuzz_bundle).
         std::size_t begin = blk->span.offset;
         if( it - 1 != b_.blocks.begin() && first.offset <= text::find_line_break( t_, begin ) ) {
            begin = ( it - 2 )->span.offset;
         }
         const bool cached = begin == cached_begin && end == cached_end;
         const std::size_t cost = ( cached ? 1 : 2 ) * ( end - begin );
         if( end - begin > 256 * 1024 || cost > bytes ) {
            d.fix.reset();
            continue;
         }
         bytes -= cost;
         const auto window = t_.substr( begin, end - begin );
         std::vector< Edit > local = d.fix->edits;
         bool inside = true;
         std::ptrdiff_t delta = 0;
         for( auto& e : local ) {
            inside = inside && e.offset >= begin && e.offset + e.length <= end;
            e.offset -= std::min( e.offset, begin );
            delta += static_cast< std::ptrdiff_t >( e.insert.size() ) - static_cast< std::ptrdiff_t >( e.length );
         }
         if( !inside || d.fix->edits.size() != 1 ) {
            if( !inside ) {
               d.fix.reset();
               continue;
            }
         }
         if( !cached ) {
            cached_begin = begin;
            cached_end = end;
         }
         {
            char buf[ 24 ];
            const auto r = std::to_chars( buf, buf + 23, window.size() );
            *r.ptr = ':';
            key.assign( buf, r.ptr + 1 );  // (the length first: no two keys of different pieces and edits are equal)
         }
         key.append( window );
         for( const auto& e : local ) {
            char buf[ 48 ];
            auto r = std::to_chars( buf, buf + 20, e.offset );
            *r.ptr++ = ',';
            r = std::to_chars( r.ptr, buf + 41, e.length );
            *r.ptr++ = ',';
            r = std::to_chars( r.ptr, buf + 47, e.insert.size() );
            *r.ptr++ = ':';
            key.append( buf, r.ptr );
            key.append( e.insert );
         }
         if( const auto v = verdicts.find( key ); v != verdicts.end() ) {
            if( !v->second ) {
               d.fix.reset();
            }
            continue;
         }
         const auto fixed = apply_edits( window, local );
         const std::size_t from = local.front().offset;
         const std::size_t edit_end_old = local.back().offset + local.back().length;
         const std::size_t edit_end_new = static_cast< std::size_t >( static_cast< std::ptrdiff_t >( edit_end_old ) + delta );
         // (the piece as it is reads the same for every fix of its block: read once, kept while the fixes stay in it)
         if( before_begin != begin || before_end != end ) {
            before = evidence::read_bundle( window );
            before_begin = begin;
            before_end = end;
         }
         reading( sig_before, before, from, 0, edit_end_old );
         reading( sig_after, evidence::read_bundle( fixed ), from, delta, edit_end_new );
         const bool same = sig_before == sig_after;
         verdicts.emplace( key, same );
         if( !same ) {
            d.fix.reset();
         }
      }
   }

   void BundleLinter::run()
   {
      choose_domain();
      for( const auto& d : b_.problems.items() ) {
         sink_.items().push_back( d );
      }
      for( const auto& blk : b_.blocks ) {
         if( blk.tool != evidence::Tool::policy && blk.tool != evidence::Tool::record ) {
            artefact( "tool", blk.span, blk.label );
         }
         if( options_.verbose ) {
            Span first{ blk.span.offset, std::min( blk.span.length, text::find_line_break( t_, blk.span.offset ) - blk.span.offset ) };
            sink_.add( Code::EVD704, first.offset, first.length, { { "what", blk.label } } );
         }
      }
      records();
      mx_ = mx_evidence();
      queries();
      http();
      for( const auto& p : b_.policies ) {
         lint_body( p, text( Text::tool_policy ) );
      }
      if( options_.verbose ) {
         if( result_.artefacts.empty() ) {
            sink_.add( Code::EVD705, 0, 0, { { "what", text( Text::missing_all ) }, { "check", text( Text::missing_all_check ) } } );
         }
         if( !result_.policy ) {
            sink_.add( Code::EVD705, 0, 0, { { "what", text( Text::missing_policy ) }, { "check", text( Text::missing_policy_check ) } } );
         }
         if( !result_.record && txt_owners_.empty() ) {
            sink_.add( Code::EVD705, 0, 0, { { "what", text( Text::missing_txt ) }, { "check", text( Text::missing_txt_check ) } } );
         }
         if( result_.policy && !mx_ ) {
            sink_.add( Code::EVD705, 0, 0, { { "what", text( Text::missing_mx ) }, { "check", text( Text::missing_mx_check ) } } );
         }
      }
      keep_safe_fixes();
      auto& parts = result_.artefacts;
      if( !std::is_sorted( parts.begin(), parts.end(), []( const Artefact& a, const Artefact& b ) { return a.offset < b.offset; } ) ) {
         std::vector< std::uint64_t > keys;  // by offset; equal offsets keep the order they were found in
         keys.reserve( parts.size() );
         for( const auto& a : parts ) {
            keys.push_back( a.offset );
         }
         text::sort_by_keys( parts, keys );
      }
   }

}  // namespace

void lint_bundle( std::string_view text, const LintOptions& options, Sink& sink, LintResult& result, const std::vector< evidence::Part >& parts )
{
   BundleLinter( text, options, sink, result, parts ).run();
}

}  // namespace mtasts::detail

namespace mtasts::evidence {

namespace {

Kind detect( std::string_view text ) noexcept
{
   switch( first_lines( text ) ) {
      case FirstLines::bundle:
         return Kind::bundle;
      case FirstLines::policy:
         return Kind::policy;
      case FirstLines::plain:
         break;
   }
   return Kind::auto_;
}

void lint_hook( std::string_view text, const LintOptions& options, Sink& sink, LintResult& result )
{
   detail::lint_bundle( text, options, sink, result );
}

}  // namespace

void enable_bundles() noexcept
{
   enable_all_languages();  // the labels and values it writes are tool texts, linked with the translations
   detail::bundle_detector = &detect;
   detail::bundle_linter = &lint_hook;
}

}  // namespace mtasts::evidence

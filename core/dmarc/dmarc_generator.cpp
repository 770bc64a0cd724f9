// The DMARC generator (dmarc_generator.hpp): the answers are checked one by one, the record is assembled in the tag
// order of RFC 7489 §6.4 (v, p, then the others), and then linted by lint(kind dmarc): an error or a warning of the
// linter refuses the answers (the generator never writes a record that draws one), its infos become notes.
#include "dmarc_generator.hpp"

#include <algorithm>

#include "../../grammar/common.hpp"
#include "../../grammar/dmarc.hpp"
#include "../catalogue.hpp"
#include "../json_writer.hpp"
#include "../lint.hpp"
#include "../match.hpp"
#include "../text.hpp"

namespace mtasts {

namespace {

   std::string trim( std::string_view s )
   {
      s.remove_prefix( text::leading_wsp( s ) );
      s.remove_suffix( text::trailing_wsp( s ) );
      return std::string( s );
   }

   struct Builder
   {
      DmarcResult& r;
      Lang lang = Lang::en;

      std::string tx( Text t, const Args& args = {} ) const { return render_text( t, args, lang ); }
      void error( std::string code, const char* field, std::string message ) { r.errors.push_back( GenerateMessage{ std::move( code ), field, std::move( message ) } ); }
      void error( Code c, const char* field, const Args& args = {}, Hint hint = Hint::none ) { error( rule( c ).id, field, render_message( c, args, hint, lang ) ); }
      void note( std::string code, const char* field, std::string message ) { r.notes.push_back( GenerateMessage{ std::move( code ), field, std::move( message ) } ); }

      // A policy value (p, sp): one of none, quarantine, reject, any case (written in lower case).
      std::optional< std::string > policy( const std::string& given, Code c, const char* field, const char* tag )
      {
         const std::string v = text::to_lower( trim( given ) );
         if( full_match< grammar::dmarc::request_value >( v ) ) {
            return v;
         }
         ArgList args{ { "v", text::quote( given ) }, { "name", tag } };
         Hint hint = Hint::none;
         for( const char* s : { "none", "quarantine", "reject" } ) {
            if( v.size() >= 3 && text::edit_distance( v, s, 2 ) <= 2 ) {
               hint = Hint::did_you_mean;
               args.emplace_back( "s", s );
               break;
            }
         }
         error( c, field, args, hint );
         return std::nullopt;
      }

      // adkim, aspf: r or s ("relaxed" and "strict" are read as r and s).
      std::optional< std::string > alignment( const std::string& given, const char* field, const char* tag )
      {
         const std::string v = text::to_lower( trim( given ) );
         if( v == "r" || v == "relaxed" ) {
            return std::string( "r" );
         }
         if( v == "s" || v == "strict" ) {
            return std::string( "s" );
         }
         error( Code::DMC607, field, { { "name", tag }, { "v", text::quote( given ) } } );
         return std::nullopt;
      }

      // Report addresses: "a@example.com" becomes "mailto:a@example.com" (with a note); the linter checks the rest.
      std::string uris( const std::vector< std::string >& given, const char* field )
      {
         std::string out;
         for( const auto& g : given ) {
            std::string u = trim( g );
            if( u.empty() ) {
               continue;
            }
            if( u.find( ':' ) == std::string::npos && u.find( '@' ) != std::string::npos ) {
               note( "mailto-added", field, tx( Text::gd_mailto_added, { { "u", u } } ) );
               u = "mailto:" + u;
            }
            if( !out.empty() ) {
               out += ',';
            }
            out += u;
         }
         return out;
      }
   };

   const char* field_of( Code c, std::size_t offset, std::size_t ruf_at )
   {
      switch( c ) {
         case Code::DMC605:
            return "policy";
         case Code::DMC606:
            return "subdomainPolicy";
         case Code::DMC608:
         case Code::DMC636:
         case Code::DMC632:
            return "pct";
         case Code::DMC635:
            return "rua";
         case Code::DMC613:
         case Code::DMC614:
         case Code::DMC615:
         case Code::DMC616:
         case Code::DMC617:
         case Code::DMC638:
         case Code::DMC627:
            return offset >= ruf_at ? "ruf" : "rua";
         case Code::DMC637:
            return "ruf";
         default:
            return "record";
      }
   }

   DmarcResult run( const DmarcOptions& o )
   {
      DmarcResult r;
      Builder b{ r, o.lang };
      const auto tx = [ & ]( Text t, const Args& args = {} ) { return b.tx( t, args ); };
      std::string d = text::to_lower( trim( o.domain ) );
      if( d.size() > 1 && d.back() == '.' ) {
         d.pop_back();
      }
      if( d.empty() ) {
         b.error( "missing-domain", "domain", tx( Text::gd_missing_domain ) );
      }
      else if( !full_match< grammar::rfc5321::Domain >( d ) || d.size() + 7 > 253 ) {
         b.error( "invalid-domain", "domain", tx( Text::gd_invalid_domain, { { "d", text::quote( d ) } } ) );
      }
      const auto p = b.policy( o.policy.empty() ? "none" : o.policy, Code::DMC605, "policy", "p" );
      std::optional< std::string > sp;
      if( !trim( o.subdomain_policy ).empty() ) {
         sp = b.policy( o.subdomain_policy, Code::DMC606, "subdomainPolicy", "sp" );
      }
      std::optional< std::string > adkim, aspf;
      if( !trim( o.adkim ).empty() ) {
         adkim = b.alignment( o.adkim, "adkim", "adkim" );
      }
      if( !trim( o.aspf ).empty() ) {
         aspf = b.alignment( o.aspf, "aspf", "aspf" );
      }
      if( o.pct && ( *o.pct < 0 || *o.pct > 100 ) ) {
         b.error( Code::DMC608, "pct", { { "v", std::to_string( *o.pct ) } } );
      }
      if( !r.errors.empty() ) {
         return r;
      }
      const std::string rua = b.uris( o.rua, "rua" ), ruf = b.uris( o.ruf, "ruf" );
      std::string rec = "v=DMARC1; p=" + *p;
      if( sp ) {
         rec += "; sp=" + *sp;
      }
      if( adkim ) {
         rec += "; adkim=" + *adkim;
      }
      if( aspf ) {
         rec += "; aspf=" + *aspf;
      }
      if( o.pct && *o.pct < 100 ) {
         rec += "; pct=" + std::to_string( *o.pct );
      }
      if( !rua.empty() ) {
         rec += "; rua=" + rua;
      }
      const std::size_t ruf_at = ruf.empty() ? std::string::npos : rec.size();
      if( !ruf.empty() ) {
         rec += "; ruf=" + ruf;
      }
      LintOptions lo;
      lo.kind = Kind::dmarc;
      lo.verbose = true;
      lo.domain = d;
      lo.lang = o.lang;
      const auto lr = lint( rec, lo );
      std::vector< std::string > external;
      for( const auto& diag : lr.diagnostics ) {
         const char* field = field_of( diag.code, diag.offset, ruf_at );
         if( diag.severity != Severity::info ) {
            std::string m = diag.message;
            if( diag.severity == Severity::warning ) {
               m += ' ';
               m += tx( Text::gd_refused_warning );
            }
            b.error( rule( diag.code ).id, field, std::move( m ) );
            continue;
         }
         b.note( rule( diag.code ).id, field, diag.message );
         if( diag.code == Code::DMC638 ) {
            std::string_view u( rec.data() + diag.offset, diag.length );
            auto host = u.substr( u.rfind( '@' ) + 1 );
            host = host.substr( 0, host.find( '?' ) );
            const std::string h = text::to_lower( host );
            if( std::find( external.begin(), external.end(), h ) == external.end() ) {
               external.push_back( h );
            }
         }
      }
      if( !r.errors.empty() ) {
         r.notes.clear();
         return r;
      }
      r.record = rec;
      r.records.push_back( DnsRecord{ "_dmarc." + d, "TXT", rec } );
      for( const auto& h : external ) {
         r.authorizations.push_back( DnsRecord{ d + "._report._dmarc." + h, "TXT", "v=DMARC1" } );
      }
      for( const auto& x : r.records ) {
         r.zone += zone_line( x ) + "\n";
      }
      for( const auto& x : r.authorizations ) {
         r.zone += zone_line( x ) + "\n";
      }
      r.stage = *p == "none" ? "monitor" : *p;
      auto& c = r.checklist;
      c.push_back( tx( Text::dck_publish, { { "d", d } } ) );
      for( const auto& x : r.authorizations ) {
         c.push_back( tx( Text::dck_ask, { { "host", x.name.substr( d.size() + 16 ) }, { "name", x.name }, { "d", d } } ) );
      }
      c.push_back( tx( Text::dck_align, { { "d", d } } ) );
      const auto mark = [ & ]( const char* stage ) { return r.stage == stage ? tx( Text::dck_this_record ) : std::string(); };
      c.push_back( tx( Text::dck_stage1, { { "mark", mark( "monitor" ) } } ) );
      c.push_back( tx( Text::dck_stage2, { { "mark", mark( "quarantine" ) } } ) );
      c.push_back( tx( Text::dck_stage3, { { "mark", mark( "reject" ) } } ) );
      c.push_back( sp ? tx( Text::dck_sp, { { "sp", *sp } } ) : tx( Text::dck_p, { { "p", *p } } ) );
      c.push_back( tx( Text::dck_check, { { "command", "dig +short TXT _dmarc." + d + " | mta-sts-lint --kind dmarc --domain " + d } } ) );
      return r;
   }

}  // namespace

DmarcResult generate_dmarc( const DmarcOptions& options ) noexcept
{
   enable_all_languages();  // the checklist's and the refusals' texts come with the translations
#if defined( __cpp_exceptions )
   try {
      return run( options );
   }
   catch( ... ) {
      DmarcResult r;
      r.errors.push_back( GenerateMessage{ "internal", "", text_template( Text::gen_out_of_memory, options.lang ) } );
      return r;
   }
#else
   return run( options );
#endif
}

std::string dmarc_json( const DmarcResult& r, bool pretty )
{
   std::string json;
   JsonWriter w( json, pretty );
   const auto messages = [ & ]( const char* name, const std::vector< GenerateMessage >& list ) {
      w.key( name ).begin_array();
      for( const auto& m : list ) {
         w.begin_object().key( "code" ).value( m.code ).key( "field" ).value( m.field ).key( "message" ).value( m.message ).end_object();
      }
      w.end_array();
   };
   const auto records = [ & ]( const char* name, const std::vector< DnsRecord >& list ) {
      w.key( name ).begin_array();
      for( const auto& x : list ) {
         w.begin_object().key( "name" ).value( x.name ).key( "type" ).value( x.type ).key( "value" ).value( x.value ).end_object();
      }
      w.end_array();
   };
   w.begin_object();
   w.key( "ok" ).value( r.ok() );
   messages( "errors", r.errors );
   messages( "notes", r.notes );
   w.key( "record" ).value( r.record );
   records( "records", r.records );
   records( "authorizations", r.authorizations );
   w.key( "zone" ).value( r.zone );
   w.key( "stage" ).value( r.stage );
   w.key( "checklist" ).begin_array();
   for( const auto& c : r.checklist ) {
      w.value( c );
   }
   w.end_array();
   w.end_object();
   return json;
}

std::string dmarc_text( const DmarcResult& r, Lang lang )
{
   const auto tx = [ & ]( Text t, const Args& args = {} ) { return render_text( t, args, lang ); };
   std::string s;
   for( const auto& x : r.records ) {
      s += "# " + tx( Text::gtx_record, { { "type", x.type }, { "name", x.name } } ) + "\n" + x.value + "\n";
   }
   if( !r.authorizations.empty() ) {
      s += "\n# " + tx( Text::gd_authorizations ) + "\n";
      for( const auto& x : r.authorizations ) {
         s += x.name + " TXT " + x.value + "\n";
      }
   }
   s += "\n# " + tx( Text::gtx_zone ) + "\n" + r.zone;
   s += "\n# " + tx( Text::gtx_checklist ) + "\n";
   for( std::size_t i = 0; i < r.checklist.size(); ++i ) {
      s += std::to_string( i + 1 ) + ". " + r.checklist[ i ] + "\n";
   }
   if( !r.notes.empty() ) {
      s += "\n# " + tx( Text::gtx_notes ) + "\n";
      for( const auto& n : r.notes ) {
         s += n.code + " [" + n.field + "] " + n.message + "\n";
      }
   }
   return s;
}

}  // namespace mtasts

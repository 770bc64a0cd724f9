#include "cert_lint.hpp"

#include <algorithm>
#include <unordered_map>

#include "certificate.hpp"
#include "core/format.hpp"
#include "core/json_writer.hpp"
#include "core/mx.hpp"
#include "core/text.hpp"
#include "evidence.hpp"

namespace mtasts::x509 {

namespace {

std::string normal( std::string_view s )
{
   std::string out( s );
   for( auto& c : out ) {
      if( c >= 'A' && c <= 'Z' ) {
         c = static_cast< char >( c - 'A' + 'a' );
      }
   }
   while( !out.empty() && out.back() == '.' ) {
      out.pop_back();
   }
   return out;
}

// A wildcard name that was probably meant for `host` but does not match it (STS307): '*' inside the left-most label
// with the same parent ("mta*.example.com"), '*' in another label, or "*.<rest>" where host has several labels more.
bool wildcard_candidate( std::string_view pattern, std::string_view host )
{
   const std::string p = normal( pattern ), h = normal( host );
   if( p.find( '*' ) == std::string::npos ) {
      return false;
   }
   const auto pd = p.find( '.' ), hd = h.find( '.' );
   if( pd == std::string::npos || hd == std::string::npos ) {
      return false;
   }
   if( p.compare( pd, std::string::npos, h, hd, std::string::npos ) == 0 ) {
      return true;  // same parent, '*' not alone in the left-most label
   }
   if( p.size() > 2 && p[ 0 ] == '*' && p[ 1 ] == '.' ) {
      const std::string rest = p.substr( 1 );  // ".example.com"
      return h.size() > rest.size() && h.compare( h.size() - rest.size(), rest.size(), rest ) == 0;
   }
   return false;
}

bool issued_by( const Certificate& c, const Certificate& issuer )
{
   if( c.issuer.der != issuer.subject.der ) {
      return false;
   }
   return c.authority_key_id.empty() || issuer.subject_key_id.empty() || c.authority_key_id == issuer.subject_key_id;
}

bool self_issued( const Certificate& c ) { return issued_by( c, c ); }

std::string short_name( const Name& n )
{
   if( !n.cns.empty() ) {
      return n.cns.back();
   }
   return n.text.empty() ? std::string( "(empty name)" ) : n.text;
}

struct Entry
{
   std::size_t block = 0;
   Span span;
   std::optional< Certificate > cert;
   std::string error;
   std::vector< std::string > problems;  // codes reported at this certificate
};

struct Chain
{
   std::string host;
   bool mx = false;
   const Session* session = nullptr;
   std::vector< Entry > certs;
   bool unlisted = false;  // an MX host the policy's mx patterns do not match (CRT815)
};

class Checker
{
public:
   Checker( std::string_view text, const LintOptions& o, Sink& sink )
      : text_( text ), o_( o ), sink_( sink )
   {}

   void run( std::string& json, std::string& table );

private:
   void add( Entry* e, Code c, Span at, const ArgList& args, Hint hint = Hint::none, std::optional< Severity > sev = std::nullopt )
   {
      if( sev ) {
         sink_.add_with( c, *sev, at.offset, at.length, args, hint );
      }
      else {
         sink_.add( c, at.offset, at.length, args, hint );
      }
      if( e ) {
         e->problems.emplace_back( rule( c ).id );
      }
   }

   void read( Chain& ch, const ChainRef& ref );
   void check( Chain& ch );
   void write( std::string& json ) const;
   void write_table( std::string& out ) const;
   std::string der_reason( std::string_view reason, std::size_t offset, const std::string& english ) const;

   std::string_view text_;
   const LintOptions& o_;
   Sink& sink_;
   Evidence ev_;
   std::vector< Chain > chains_;
};

// CRT801's reason in the run's language: the DER reader's English reason looked up among the catalogue's der_* texts
// (tool texts: with the translations only; without them, or in English, the reader's own words, `english`).
std::string Checker::der_reason( std::string_view reason, std::size_t offset, const std::string& english ) const
{
   const Lang lang = sink_.lang();
   if( lang == Lang::en ) {
      return english;
   }
   for( auto t = static_cast< std::size_t >( Text::der_dsa_params ); t <= static_cast< std::size_t >( Text::der_version_int ); ++t ) {
      if( reason == text_template( static_cast< Text >( t ), Lang::en ) ) {
         return render_text( Text::cert_der_at, { { "what", text_template( static_cast< Text >( t ), lang ) }, { "n", std::to_string( offset ) } }, lang );
      }
   }
   return english;  // a reason the catalogue does not know (a test keeps them all there)
}

void Checker::read( Chain& ch, const ChainRef& ref )
{
   for( std::size_t k = 0; k < ref.blocks.size(); ++k ) {
      const PemBlock& b = ev_.blocks[ ref.blocks[ k ] ];
      Entry e;
      e.block = ref.blocks[ k ];
      e.span = ref.spans[ k ];
      const std::string n = std::to_string( k );
      if( b.bad_base64 ) {
         const std::size_t at = *b.bad_base64;
         e.error = text_template( Text::cert_bad_base64, sink_.lang() );  // CRT801's reason and the facts' "error", in the run's language
         add( &e, Code::CRT801, Span{ at, at < text_.size() ? 1u : 0u }, { { "n", n }, { "why", e.error } } );
      }
      else {
         const auto r = parse_certificate( b.der );
         if( r.error ) {
            e.error = r.error->message + " (byte " + std::to_string( r.error->offset ) + " of its DER)";
            const std::size_t at = ev_.der ? r.error->offset : b.text_offset( r.error->offset );
            e.error = der_reason( r.error->message, r.error->offset, e.error );
            add( &e, Code::CRT801, Span{ std::min( at, text_.size() ), at < text_.size() ? 1u : 0u }, { { "n", n }, { "why", e.error } } );
         }
         else if( r.cert->size < b.der.size() ) {
            e.error = "unexpected data after the certificate (byte " + std::to_string( r.cert->size ) + " of its DER)";
            const std::size_t at = ev_.der ? r.cert->size : b.text_offset( r.cert->size );
            if( sink_.lang() != Lang::en ) {
               e.error = render_text( Text::cert_der_trailing, { { "n", std::to_string( r.cert->size ) } }, sink_.lang() );
            }
            add( &e, Code::CRT801, Span{ std::min( at, text_.size() ), at < text_.size() ? 1u : 0u }, { { "n", n }, { "why", e.error } } );
         }
         else {
            e.cert = std::move( r.cert );
         }
      }
      ch.certs.push_back( std::move( e ) );
   }
}

void Checker::check( Chain& ch )
{
   const Session& s = *ch.session;
   const std::int64_t day = 86400;
   const bool enforce = o_.mode == "enforce";
   // An MX host that the policy's mx patterns do not match (RFC 8461 §4.1): senders refuse it in enforce mode before
   // looking at its certificate, so the MX certificate checks do not apply to it; CRT815 says so.
   bool& unlisted = ch.unlisted;
   if( ch.mx && !ch.host.empty() && o_.policy_mx && !ch.certs.empty() ) {
      unlisted = true;
      std::string patterns;
      for( const auto& p : *o_.policy_mx ) {
         unlisted = unlisted && !mx_matches( p, ch.host );
         patterns += ( patterns.empty() ? "" : ", " ) + p;
      }
      if( unlisted ) {
         const Span at = s.start.length ? s.start : ch.certs[ 0 ].span;
         add( &ch.certs[ 0 ], Code::CRT815, at, { { "h", ch.host }, { "mx", patterns } } );
      }
   }
   const auto mx_fail = [ & ]( Entry& e, const std::string& why ) {
      if( !unlisted ) {
         add( &e, enforce ? Code::CRT808 : Code::CRT809, e.span, { { "h", ch.host }, { "why", why } } );
      }
   };
   // Who could have issued what: certificates by subject (a paste may hold thousands: no pairwise search).
   std::unordered_multimap< std::string_view, std::size_t > by_subject;
   for( std::size_t k = 0; k < ch.certs.size(); ++k ) {
      if( ch.certs[ k ].cert ) {
         by_subject.emplace( ch.certs[ k ].cert->subject.der, k );
      }
   }
   if( ch.host.empty() && !ch.certs.empty() ) {
      add( nullptr, Code::CRT812, ch.certs[ 0 ].span, {} );
   }
   for( std::size_t k = 0; k < ch.certs.size(); ++k ) {
      Entry& e = ch.certs[ k ];
      if( !e.cert ) {
         continue;
      }
      const Certificate& c = *e.cert;
      const bool leaf = k == 0;
      const std::string who = leaf && !ch.host.empty() ? ch.host : "'" + short_name( c.subject ) + "'";
      const std::string n = std::to_string( k );
      if( leaf && !ch.host.empty() ) {
         bool match = false;
         const std::string* wild = nullptr;
         for( const auto& d : c.dns_names ) {
            match = match || name_matches( d, ch.host );
            if( !wild && wildcard_candidate( d, ch.host ) ) {
               wild = &d;
            }
         }
         if( !match ) {
            if( ch.mx ) {
               mx_fail( e, render_text( Text::cert_not_covering, {}, sink_.lang() ) );
            }
            else if( wild ) {
               add( &e, Code::STS307, e.span, { { "n", *wild }, { "h", ch.host } } );
            }
            else {
               bool cn = false;
               for( const auto& x : c.subject.cns ) {
                  cn = cn || normal( x ) == normal( ch.host );
               }
               add( &e, Code::STS306, e.span, { { "h", ch.host } }, cn ? Hint::cn_only : Hint::none );
            }
         }
      }
      if( o_.now ) {
         const std::int64_t now = *o_.now;
         if( now > c.not_after || now < c.not_before ) {
            const bool expired = now > c.not_after;
            const std::string w = render_text( expired ? Text::cert_expired : Text::cert_not_yet_valid,
                                               { { "when", expired ? "notAfter " + time_text( c.not_after ) : "notBefore " + time_text( c.not_before ) } }, sink_.lang() );
            if( ch.mx ) {
               mx_fail( e, leaf ? w : render_text( Text::cert_in_chain, { { "n", n }, { "why", w } }, sink_.lang() ) );
            }
            else {
               add( &e, Code::STS308, e.span, { { "h", who }, { "why", w }, { "t", time_text( now ) } } );
            }
         }
         else if( !unlisted && c.not_after - now < static_cast< std::int64_t >( o_.expiry_warning_days ) * day ) {
            add( &e, Code::CRT810, e.span, { { "h", who }, { "d", std::to_string( ( c.not_after - now ) / day ) }, { "t", time_text( c.not_after ) } } );
         }
      }
      if( leaf && self_issued( c ) ) {
         if( ch.mx ) {
            mx_fail( e, render_text( Text::cert_self_signed, {}, sink_.lang() ) );
         }
         else {
            add( &e, Code::CRT805, e.span, { { "h", who } } );
         }
      }
      if( leaf && c.has_basic_constraints && c.ca ) {
         add( &e, Code::CRT806, e.span, { { "h", who } } );
      }
      for( const auto& oid : c.unknown_critical ) {
         add( &e, Code::CRT811, e.span, { { "n", n }, { "oid", oid } } );
      }
      if( k + 1 < ch.certs.size() && ch.certs[ k + 1 ].cert && !issued_by( c, *ch.certs[ k + 1 ].cert ) ) {
         bool later = false;
         const auto [ from, to ] = by_subject.equal_range( c.issuer.der );
         std::size_t tries = 0;  // bounded: thousands of certificates with one subject stay linear
         for( auto it = from; it != to && !later && tries < 64; ++it, ++tries ) {
            later = it->second > k + 1 && issued_by( c, *ch.certs[ it->second ].cert );
         }
         if( later ) {
            add( &e, Code::CRT803, e.span, { { "n", n } } );
         }
         else {
            add( &e, Code::CRT804, e.span, { { "n", n }, { "s", short_name( c.subject ) }, { "next", short_name( ch.certs[ k + 1 ].cert->subject ) } } );
         }
      }
   }
   // A missing intermediate, as s_client shows it (20: unable to get local issuer certificate, 21: unable to verify
   // the first certificate), when the last certificate sent is not a self-issued root.
   const Session::VerifyError* ve = nullptr;
   for( const auto& v : s.verify_errors ) {
      if( !ve && ( v.num == 20 || v.num == 21 ) ) {
         ve = &v;
      }
   }
   if( !ve && s.verify_return && ( s.verify_return->num == 20 || s.verify_return->num == 21 ) ) {
      ve = &*s.verify_return;
   }
   if( ve && !ch.certs.empty() && ch.certs.back().cert && !self_issued( *ch.certs.back().cert ) ) {
      const std::string_view line = text_.substr( ve->line.offset, ve->line.length );
      add( nullptr, Code::CRT807, ve->line, { { "s", short_name( ch.certs.back().cert->subject ) }, { "e", std::string( line ) } } );
   }
   if( !ch.mx && !ch.certs.empty() ) {
      add( nullptr, Code::STS309, ch.certs[ 0 ].span, {} );
   }
}

void Checker::run( std::string& json, std::string& table )
{
   ev_ = read_evidence( text_ );
   if( ev_.blocks.empty() ) {
      add( nullptr, Code::CRT802, Span{ 0, 0 }, {} );
   }
   for( auto& ref : chains_of( ev_, o_ ) ) {
      Chain ch;
      ch.session = ref.session;
      ch.mx = ref.mx;
      ch.host = std::move( ref.host );
      read( ch, ref );
      chains_.push_back( std::move( ch ) );
   }
   for( auto& ch : chains_ ) {
      check( ch );
   }
   write( json );
   write_table( table );
}

// The text report's table (LintResult::certificates_table): the facts write() gives, as lines for a terminal.
void Checker::write_table( std::string& out ) const
{
   const Lang lang = sink_.lang();
   const auto tx = [ & ]( Text t, const Args& args = {} ) { return render_text( t, args, lang ); };
   // A value from a certificate or the capture (someone else's input) keeps to its line: control characters as \xNN,
   // as messages quote them; the text formatter shows what is not UTF-8 as U+FFFD.
   const auto shown = []( std::string_view v ) { return text::quote( v, std::string_view::npos ); };
   out = o_.now ? time_text( *o_.now ) : tx( Text::ctab_no_time );
   out += '\n';
   for( const auto& ch : chains_ ) {
      out += "  " + tx( ch.mx ? Text::ctab_mx_host : Text::ctab_policy_host, { { "host", ch.host.empty() ? tx( Text::ctab_unknown_host ) : shown( ch.host ) } } ) + "\n";
      for( std::size_t k = 0; k < ch.certs.size(); ++k ) {
         const Entry& e = ch.certs[ k ];
         out += e.problems.empty() ? "      " : "    ! ";
         out += std::to_string( k ) + " ";
         if( !e.cert ) {
            out += tx( Text::ctab_unreadable, { { "why", shown( e.error ) } } ) + "\n";
            continue;
         }
         const Certificate& c = *e.cert;
         out += shown( c.subject.text ) + "\n        " + tx( Text::ctab_issuer, { { "s", shown( c.issuer.text ) } } ) + "\n        ";
         out += tx( Text::ctab_valid, { { "from", time_text( c.not_before ) }, { "to", time_text( c.not_after ) }, { "key", c.key_type + ( c.key_bits ? " " + std::to_string( c.key_bits ) : std::string() ) } } ) + "\n";
         std::string names;
         for( const auto& d : c.dns_names ) {
            names += ( names.empty() ? "" : ", " ) + shown( d );
         }
         for( const auto& a : c.ip_addresses ) {
            names += ( names.empty() ? "" : ", " ) + ip_text( a );
         }
         out += "        " + tx( Text::ctab_names, { { "names", names.empty() ? tx( Text::ctab_no_san ) : names } } ) + "\n";
      }
   }
}

void Checker::write( std::string& json ) const
{
   JsonWriter w( json );
   w.begin_object().key( "now" );
   if( o_.now ) {
      w.value( time_text( *o_.now ) );
   }
   else {
      w.null();
   }
   w.key( "expiry_warning_days" ).value( std::size_t( o_.expiry_warning_days ) );
   w.key( "chains" ).begin_array();
   for( const auto& ch : chains_ ) {
      w.begin_object().key( "host" ).value( ch.host ).key( "role" ).value( ch.mx ? "mx" : "policy" );
      if( ch.mx && o_.policy_mx ) {
         w.key( "in_policy" ).value( !ch.unlisted );  // the policy's mx patterns match the host (CRT815 when not)
      }
      w.key( "certificates" ).begin_array();
      for( std::size_t k = 0; k < ch.certs.size(); ++k ) {
         const Entry& e = ch.certs[ k ];
         w.begin_object().key( "index" ).value( k ).key( "offset" ).value( e.span.offset ).key( "length" ).value( e.span.length );
         if( e.cert ) {
            const Certificate& c = *e.cert;
            w.key( "subject" ).value( c.subject.text ).key( "issuer" ).value( c.issuer.text ).key( "serial" ).value( c.serial_hex );
            w.key( "not_before" ).value( time_text( c.not_before ) ).key( "not_after" ).value( time_text( c.not_after ) );
            w.key( "dns_names" ).begin_array();
            for( const auto& d : c.dns_names ) {
               w.value( d );
            }
            w.end_array().key( "ip_addresses" ).begin_array();
            for( const auto& a : c.ip_addresses ) {
               w.value( ip_text( a ) );
            }
            bool covers = false;  // a dNSName matches the chain's host (RFC 6125 §6.4 as name_matches() applies it)
            for( const auto& d : c.dns_names ) {
               covers = covers || ( !ch.host.empty() && name_matches( d, ch.host ) );
            }
            w.end_array().key( "covers_host" ).value( covers );
            w.key( "ca" ).value( c.has_basic_constraints && c.ca ).key( "self_signed" ).value( self_issued( c ) );
            w.key( "key" ).value( c.key_type + ( c.key_bits ? " " + std::to_string( c.key_bits ) : std::string() ) );
            w.key( "signature_algorithm" ).value( c.signature_oid );
         }
         else {
            w.key( "error" ).value( e.error );
         }
         w.key( "problems" ).begin_array();
         for( const auto& p : e.problems ) {
            w.value( p );
         }
         w.end_array().end_object();
      }
      w.end_array().end_object();
   }
   w.end_array().end_object();
}

void lint_hook( std::string_view text, const LintOptions& options, Sink& sink, std::string& facts_json, std::string& table )
{
   Checker( text, options, sink ).run( facts_json, table );
}

// The heading of a file's table in the text output (core/format.cpp prints it and the table's lines).
std::string table_heading( std::string_view file, std::string_view time, Lang lang )
{
   return render_text( Text::ctab_checked, { { "file", file }, { "time", time } }, lang );
}

}  // namespace

bool name_matches( std::string_view pattern, std::string_view host )
{
   const std::string p = normal( pattern ), h = normal( host );
   if( p.empty() || h.empty() ) {
      return false;
   }
   if( p.find( '*' ) == std::string::npos ) {
      return p == h;
   }
   if( p.size() < 3 || p[ 0 ] != '*' || p[ 1 ] != '.' || p.find( '*', 1 ) != std::string::npos ) {
      return false;
   }
   const auto dot = h.find( '.' );
   return dot != std::string::npos && dot > 0 && h.compare( dot, std::string::npos, p, 1, std::string::npos ) == 0;
}

std::vector< ChainRef > chains_of( const Evidence& ev, const LintOptions& o )
{
   const std::string policy_host = normal( !o.cert_host.empty() ? o.cert_host : o.domain.empty() ? std::string() : "mta-sts." + o.domain );
   std::vector< ChainRef > out;
   for( const auto& s : ev.sessions ) {
      if( s.blocks.empty() ) {
         continue;
      }
      ChainRef ch;
      ch.session = &s;
      ch.mx = s.starttls_smtp || s.port == "25";
      ch.host = s.host.empty() && !ch.mx ? policy_host : s.host;
      ch.blocks = s.blocks;
      for( std::size_t k = 0; k < s.blocks.size(); ++k ) {
         ch.spans.push_back( k < s.chain_lines.size() && s.chain_lines[ k ].length ? s.chain_lines[ k ] : ev.blocks[ s.blocks[ k ] ].begin_line );
      }
      out.push_back( std::move( ch ) );
   }
   return out;
}

void lint_certificates( std::string_view text, const LintOptions& options, Sink& sink, std::string& facts_json )
{
   std::string table;
   lint_hook( text, options, sink, facts_json, table );
}

void enable_certificates() noexcept
{
   enable_all_languages();  // the certificate table's texts (MTASTS_TOOL_TEXT) come with the translations
   detail::cert_linter = &lint_hook;
   detail::cert_table_heading = &table_heading;
}

}  // namespace mtasts::x509

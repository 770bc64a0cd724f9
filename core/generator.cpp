#include "generator.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "../grammar/policy.hpp"
#include "../grammar/sts_record.hpp"
#include "catalogue.hpp"
#include "json_writer.hpp"
#include "lint.hpp"
#include "match.hpp"
#include "mx.hpp"
#include "text.hpp"

namespace mtasts {

namespace {

   using text::quote;

   // The text of a hint row on its own: the catalogue only renders hints after a rule's message, so render both and
   // keep what follows the message (STS201's template has no placeholder).
   std::string hint_only( Lang lang, Hint hint, const Args& args = {} )
   {
      const auto base = render_message( Code::STS201, {}, Hint::none, lang );
      const auto full = render_message( Code::STS201, args, hint, lang );
      return full.size() > base.size() + 1 ? full.substr( base.size() + 1 ) : std::string();
   }

   std::string trim( std::string_view s )
   {
      const char* const ws = " \t\r\n";
      const auto b = s.find_first_not_of( ws );
      if( b == std::string_view::npos ) {
         return {};
      }
      const auto e = s.find_last_not_of( ws );
      return std::string( s.substr( b, e - b + 1 ) );
   }

   bool has_space_or_ctl( std::string_view s ) noexcept
   {
      for( const char ch : s ) {
         const auto c = static_cast< unsigned char >( ch );
         if( c <= 0x20 || c == 0x7F ) {
            return true;
         }
      }
      return false;
   }

   bool non_ascii( std::string_view s ) noexcept
   {
      for( const char ch : s ) {
         if( static_cast< unsigned char >( ch ) >= 0x80 ) {
            return true;
         }
      }
      return false;
   }

   std::string parent_of( std::string_view host )
   {
      const auto dot = host.find( '.' );
      return dot == std::string_view::npos ? std::string() : std::string( host.substr( dot + 1 ) );
   }

   // Howard Hinnant's civil_from_days: days since 1970-01-01 → (y, m, d), proleptic Gregorian.
   void civil_from_days( std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d ) noexcept
   {
      z += 719468;
      const std::int64_t era = ( z >= 0 ? z : z - 146096 ) / 146097;
      const auto doe = static_cast< unsigned >( z - era * 146097 );
      const unsigned yoe = ( doe - doe / 1460 + doe / 36524 - doe / 146096 ) / 365;
      y = static_cast< std::int64_t >( yoe ) + era * 400;
      const unsigned doy = doe - ( 365 * yoe + yoe / 4 - yoe / 100 );
      const unsigned mp = ( 5 * doy + 2 ) / 153;
      d = doy - ( 153 * mp + 2 ) / 5 + 1;
      m = mp < 10 ? mp + 3 : mp - 9;
      if( m <= 2 ) {
         ++y;
      }
   }

   void append_digits( std::string& out, std::int64_t v, int width )
   {
      std::string s = std::to_string( v );
      if( static_cast< int >( s.size() ) < width ) {
         out.append( static_cast< std::size_t >( width ) - s.size(), '0' );
      }
      out += s;
   }

   struct Collector
   {
      GenerateResult& r;
      Lang lang = Lang::en;

      void error( std::string code, const char* field, std::string message )
      {
         r.errors.push_back( GenerateMessage{ std::move( code ), field, std::move( message ) } );
      }
      void error( Code c, const char* field, const Args& args = {}, Hint hint = Hint::none )
      {
         error( rule( c ).id, field, render_message( c, args, hint, lang ) );
      }
      void note( Code c, const char* field, const Args& args = {}, Hint hint = Hint::none )
      {
         r.notes.push_back( GenerateMessage{ rule( c ).id, field, render_message( c, args, hint, lang ) } );
      }
      // The errors and warnings that check_mx_pattern reports for `value` become refusals.
      bool pattern( std::string_view value, const char* field, Hint extra = Hint::none )
      {
         Sink sink( true, lang );
         const bool valid = check_mx_pattern( value, 0, sink, "\r\n" );
         bool refused = false;
         for( const auto& d : sink.items() ) {
            if( d.severity == Severity::info ) {
               continue;
            }
            std::string m = d.message;
            if( d.severity == Severity::warning ) {
               m += ' ';
               m += hint_only( lang, Hint::gen_refused_warning );
            }
            if( extra != Hint::none ) {
               m += ' ';
               m += hint_only( lang, extra );
            }
            error( rule( d.code ).id, field, std::move( m ) );
            refused = true;
         }
         return valid && !refused;
      }
   };

   void check_mode( const std::string& mode, Collector& c )
   {
      if( full_match< grammar::policy::sts_policy_mode_value >( mode ) ) {
         return;
      }
      ArgList args{ { "v", quote( mode ) } };
      Hint hint = Hint::none;
      for( const char* m : { "testing", "enforce", "none" } ) {
         if( text::iequals( mode, m ) ) {
            hint = Hint::lower_case;
            args.emplace_back( "s", m );
            break;
         }
      }
      if( hint == Hint::none && text::iequals( mode, "report" ) ) {
         hint = Hint::mode_report;
      }
      if( hint == Hint::none ) {
         for( const char* m : { "testing", "enforce", "none" } ) {
            if( text::edit_distance( text::to_lower( mode ), m, thresholds::typo_distance ) <= thresholds::typo_distance ) {
               hint = Hint::did_you_mean;
               args.emplace_back( "s", m );
               break;
            }
         }
      }
      c.error( Code::STS225, "mode", args, hint );
   }

   // The policy domain: one trailing dot removed (with a note), lower-cased, then the mx-pattern host-name rules.
   std::optional< std::string > check_domain( const std::string& given, bool with_rua, Collector& c )
   {
      std::string d = text::to_lower( trim( given ) );
      if( d.empty() ) {
         c.error( "missing-domain", "domain", hint_only( c.lang, Hint::gen_missing_domain ) );
         return std::nullopt;
      }
      if( d.size() > 1 && d.back() == '.' ) {
         d.pop_back();
         c.r.notes.push_back( GenerateMessage{ rule( Code::STS239 ).id, "domain", hint_only( c.lang, Hint::gen_domain_trailing_dot, { { "s", quote( d ) } } ) } );
      }
      if( d.size() >= 2 && d[ 0 ] == '*' && d[ 1 ] == '.' ) {
         c.error( Code::STS240, "domain", { { "p", quote( d ) }, { "s", quote( d.substr( 2 ) ) } }, Hint::gen_domain_wildcard );
         return std::nullopt;
      }
      if( !c.pattern( d, "domain", Hint::gen_domain_rules ) ) {
         return std::nullopt;
      }
      // The longest name built from it: _smtp._tls.DOMAIN (with rua) or _mta-sts.DOMAIN (RFC 1035 §2.3.4: 253 characters).
      const std::string longest = ( with_rua ? "_smtp._tls." : "_mta-sts." ) + d;
      if( longest.size() > 253 ) {
         c.error( Code::STS244, "domain", { { "p", quote( d ) }, { "s", quote( longest ) } }, Hint::gen_domain_length );
         return std::nullopt;
      }
      return d;
   }

   // One rua URI: refused unless `v=TLSRPTv1;rua=URI` lints without errors and warnings.
   bool check_rua( const std::string& u, Collector& c )
   {
      if( non_ascii( u ) ) {
         c.error( Code::RPT522, "rua" );
         return false;
      }
      if( has_space_or_ctl( u ) || u.find_first_of( ";," ) != std::string::npos ) {
         // They would split the record into other fields or URIs.
         const bool mailto = text::istarts_with( u, "mailto:" );
         if( mailto && u.find( ',' ) != std::string::npos && u.find_first_of( "; \t" ) == std::string::npos ) {
            c.error( Code::RPT511, "rua", { { "u", quote( u ) } } );
         }
         else {
            c.error( Code::RPT507, "rua", { { "u", quote( u ) }, { "address", "address" } } );
         }
         return false;
      }
      LintOptions o;
      o.kind = Kind::tlsrpt;
      o.verbose = true;
      o.lang = c.lang;
      const auto res = lint( "v=TLSRPTv1;rua=" + u, o );
      const auto problems = res.error_count() + res.warning_count();
      bool ok = true;
      for( const auto& d : res.diagnostics ) {
         if( d.code == Code::RPT510 && problems > 1 ) {
            continue;  // "no usable destination" only repeats why this URI is not usable
         }
         if( d.severity == Severity::info ) {
            if( d.code == Code::RPT512 ) {
               c.r.notes.push_back( GenerateMessage{ rule( d.code ).id, "rua", d.message } );
            }
            continue;
         }
         std::string m = d.message;
         if( d.severity == Severity::warning ) {
            m += ' ';
            m += hint_only( c.lang, Hint::gen_refused_warning );
         }
         c.error( rule( d.code ).id, "rua", std::move( m ) );
         ok = false;
      }
      return ok;
   }

   std::vector< std::string > checklist( const GenerateResult& r, const std::string& domain, Lang lang )
   {
      std::vector< std::string > out;
      const std::string host = "mta-sts." + domain;
      const auto say = [ & ]( Text t ) { out.push_back( render_text( t, { { "url", r.policy_url }, { "host", host }, { "domain", domain } }, lang ) ); };
      say( Text::chk_serve );
      say( Text::chk_host );
      say( Text::chk_content_type );
      say( Text::chk_no_redirects );
      say( Text::chk_publish_txt );
      say( Text::chk_change_id );
      say( r.tlsrpt ? Text::chk_tlsrpt : Text::chk_tlsrpt_missing );
      say( Text::chk_mx );
      say( r.mode == "testing" ? Text::chk_testing : r.mode == "enforce" ? Text::chk_enforce : Text::chk_none );
      return out;
   }

   // Lints an output: errors make the generator refuse, warnings and infos become notes. A zone line (`zone`) must be
   // clean: a warning there means the master-file form is wrong, and its infos repeat those of the value.
   void self_check( std::string_view text, Kind kind, const char* field, bool zone, Collector& c, const std::string& domain = {},
                    const std::optional< std::vector< std::string > >& mx_hosts = std::nullopt )
   {
      LintOptions o;
      o.kind = kind;
      o.verbose = true;
      o.domain = domain;     // STS249: a wildcard over the policy domain itself
      o.mx_hosts = mx_hosts;  // STS401-STS406: the MX hosts given are covered (they are, exactly); STS403: stale patterns
      o.lang = c.lang;
      const auto res = lint( text, o );
      for( const auto& d : res.diagnostics ) {
         if( d.severity == Severity::error || ( zone && d.severity == Severity::warning ) ) {
            c.error( rule( d.code ).id, field, d.message );
         }
         else if( !zone ) {
            c.r.notes.push_back( GenerateMessage{ rule( d.code ).id, field, d.message } );
         }
      }
   }

   GenerateResult run( const GenerateOptions& opt )
   {
      GenerateResult r;
      Collector c{ r, opt.lang };

      std::vector< std::string > rua_in;
      for( const auto& u : opt.rua ) {
         auto t = trim( u );
         if( !t.empty() ) {
            rua_in.push_back( std::move( t ) );
         }
      }
      const auto domain = check_domain( opt.domain, !rua_in.empty(), c );

      // mode and max_age
      r.mode = trim( opt.mode );
      if( r.mode.empty() ) {
         r.mode = "testing";
      }
      check_mode( r.mode, c );
      const std::int64_t default_age = r.mode == "enforce" ? 604800 : 86400;
      const std::int64_t age = opt.max_age.value_or( default_age );
      if( age < 0 ) {
         c.error( Code::STS229, "maxAge", { { "n", std::to_string( age ) } }, Hint::gen_max_age_range );
      }
      else if( static_cast< std::uint64_t >( age ) > thresholds::max_age_max ) {
         c.error( Code::STS230, "maxAge", { { "n", std::to_string( age ) } }, Hint::gen_max_age_range );
      }
      else {
         r.max_age = static_cast< std::uint64_t >( age );
      }

      // id
      const std::string id = trim( opt.id );
      if( !id.empty() ) {
         if( full_match< grammar::sts_record::sts_id_value >( id ) ) {
            r.id = id;
         }
         else {
            ArgList args{ { "v", quote( id ) } };
            Hint hint = Hint::id_length;
            for( std::size_t k = 0; k < id.size(); ++k ) {
               if( !text::is_alnum( id[ k ] ) ) {
                  args.emplace_back( "c", quote( id.substr( k, 1 ) ) );
                  args.emplace_back( "n", std::to_string( k + 1 ) );
                  hint = Hint::id_char;
                  break;
               }
            }
            args.emplace_back( "k", std::to_string( id.size() ) );
            c.error( Code::STS105, "id", args, hint );
         }
      }
      else if( const auto derived = opt.now ? utc_id( *opt.now ) : std::nullopt ) {
         r.id = *derived;
      }
      else {
         c.error( Code::STS104, opt.now ? "now" : "id", {}, Hint::gen_need_id );
      }

      // mx patterns: the preset's, then the given patterns, then the ones derived from MX host names
      std::vector< std::pair< std::string, const char* > > candidates;
      bool mx_refused = false;
      const std::string preset_name = trim( opt.preset );
      if( !preset_name.empty() ) {
         if( const auto* p = find_preset( preset_name ) ) {
            for( const char* m : p->mx ) {
               candidates.emplace_back( m, "preset" );
            }
         }
         else {
            std::string list;
            for( const auto& q : presets() ) {
               list += list.empty() ? "" : ", ";
               list += q.name;
            }
            c.error( "unknown-preset", "preset", hint_only( c.lang, Hint::gen_unknown_preset, { { "s", quote( preset_name ) }, { "list", list } } ) );
            mx_refused = true;
         }
      }
      for( const auto& given : opt.mx ) {
         std::string p = text::to_lower( trim( given ) );
         if( p.empty() ) {
            continue;
         }
         if( p.size() > 1 && p.back() == '.' ) {
            const std::string original = p;
            p.pop_back();
            c.note( Code::STS239, "mx", { { "p", quote( original ) }, { "s", quote( p ) } }, Hint::gen_removed );
         }
         if( c.pattern( p, "mx" ) ) {
            candidates.emplace_back( p, "mx" );
         }
         else {
            mx_refused = true;
         }
      }
      std::vector< std::string > hosts;
      for( const auto& given : opt.from_mx ) {
         std::string h = text::to_lower( trim( given ) );
         if( h.empty() ) {
            continue;
         }
         if( h == "." ) {
            c.error( Code::STS406, "fromMx" );
            mx_refused = true;
            continue;
         }
         if( h.back() == '.' ) {
            h.pop_back();  // the absolute form DNS answers use; RFC 8461 §4.1 ignores it
         }
         if( h.size() >= 2 && h[ 0 ] == '*' && h[ 1 ] == '.' ) {
            c.error( Code::STS240, "fromMx", { { "p", quote( h ) } }, Hint::gen_from_mx_host );
            mx_refused = true;
            continue;
         }
         if( c.pattern( h, "fromMx" ) ) {
            hosts.push_back( h );
         }
         else {
            mx_refused = true;
         }
      }
      const auto derived = derive_patterns( hosts );
      for( const auto& p : derived.exact ) {
         candidates.emplace_back( p, "fromMx" );
      }
      if( derived.wildcard ) {
         Sink sink;
         const bool clean = check_mx_pattern( *derived.wildcard, 0, sink, "\r\n" ) &&
                            std::none_of( sink.items().begin(), sink.items().end(), []( const Diagnostic& d ) { return d.severity != Severity::info; } );
         if( clean ) {
            r.suggested_wildcard = derived.wildcard;
         }
      }
      std::set< std::string > seen;
      for( const auto& [ p, field ] : candidates ) {
         if( seen.insert( p ).second ) {
            r.mx.push_back( p );
         }
         else {
            c.note( Code::STS220, field, { { "p", quote( p ) } }, Hint::gen_kept_once );
         }
      }
      if( r.mx.empty() && !mx_refused && ( r.mode == "testing" || r.mode == "enforce" || r.mode == "none" ) ) {
         if( r.mode == "none" ) {
            c.error( Code::STS237, "mx", {}, Hint::gen_none_mx );
         }
         else {
            c.error( Code::STS236, "mx", { { "mode", r.mode } }, Hint::gen_need_mx );
         }
      }

      // rua
      std::vector< std::string > rua;
      std::set< std::string > seen_rua;
      for( const auto& u : rua_in ) {
         if( !check_rua( u, c ) ) {
            continue;
         }
         if( seen_rua.insert( u ).second ) {
            rua.push_back( u );
         }
         else {
            c.note( Code::RPT515, "rua", { { "u", quote( u ) } }, Hint::gen_kept_once );
         }
      }

      if( !r.errors.empty() || !domain ) {
         return r;
      }

      // The outputs.
      r.policy = "version: STSv1\r\nmode: " + r.mode + "\r\n";
      for( const auto& p : r.mx ) {
         r.policy += "mx: " + p + "\r\n";
      }
      r.policy += "max_age: " + std::to_string( r.max_age ) + "\r\n";
      r.txt = "v=STSv1; id=" + r.id + ";";  // the form of RFC 8461 §3.1's example
      if( !rua.empty() ) {
         std::string t = "v=TLSRPTv1;rua=";  // the form of RFC 8460 §3.1.1's example
         for( std::size_t i = 0; i < rua.size(); ++i ) {
            t += i ? "," : "";
            t += rua[ i ];
         }
         r.tlsrpt = std::move( t );
      }
      r.policy_url = "https://mta-sts." + *domain + "/.well-known/mta-sts.txt";
      r.records.push_back( DnsRecord{ "_mta-sts." + *domain, "TXT", r.txt } );
      if( r.tlsrpt ) {
         r.records.push_back( DnsRecord{ "_smtp._tls." + *domain, "TXT", *r.tlsrpt } );
      }
      for( const auto& rec : r.records ) {
         r.zone += zone_line( rec ) + "\n";
      }
      r.checklist = checklist( r, *domain, opt.lang );
      if( r.mode == "testing" && !r.tlsrpt ) {
         c.note( Code::RPT523, "rua" );
      }

      // Lint what was produced: never hand out a file the validator rejects.
      self_check( r.policy, Kind::policy, "policy", false, c, *domain, hosts.empty() ? std::nullopt : std::optional< std::vector< std::string > >( hosts ) );
      self_check( r.txt, Kind::txt, "txt", false, c );
      self_check( zone_line( r.records[ 0 ] ), Kind::txt, "txt", true, c );
      if( r.tlsrpt ) {
         self_check( *r.tlsrpt, Kind::tlsrpt, "tlsrpt", false, c );
         self_check( zone_line( r.records[ 1 ] ), Kind::tlsrpt, "tlsrpt", true, c );
      }
      if( !r.errors.empty() ) {
         GenerateResult failed;
         failed.errors = std::move( r.errors );
         failed.notes = std::move( r.notes );
         return failed;
      }
      return r;
   }

}  // namespace

const std::vector< Preset >& presets() noexcept
{
   // Each list is the provider's published MX host names (or the pattern it publishes for MTA-STS).
   static const std::vector< Preset > list = {
      // Google Workspace Admin Help, "Google Workspace MX record values" (https://support.google.com/a/answer/174125):
      // SMTP.GOOGLE.COM (domains set up since 2023), and the older ASPMX.L.GOOGLE.COM with ALT1..ALT4.ASPMX.L.GOOGLE.COM,
      // which *.aspmx.l.google.com covers (one label each).
      { "google-workspace", "Google Workspace (Gmail)", { "smtp.google.com", "aspmx.l.google.com", "*.aspmx.l.google.com" }, Text::preset_google_workspace },
      // Microsoft Learn, "Enhancing mail flow with MTA-STS" (https://learn.microsoft.com/purview/enhancing-mail-flow-with-mta-sts):
      // the MX host is <domain-key>.mail.protection.outlook.com, one label under mail.protection.outlook.com.
      { "microsoft-365", "Microsoft 365 / Exchange Online", { "*.mail.protection.outlook.com" }, Text::preset_microsoft_365 },
      // Proton Mail support, "How to set up a custom domain with Proton Mail" (https://proton.me/support/custom-domain):
      // MX mail.protonmail.ch (10) and mailsec.protonmail.ch (20). URL not re-checked offline.
      { "proton", "Proton Mail", { "mail.protonmail.ch", "mailsec.protonmail.ch" }, Text::preset_proton },
      // Fastmail help, advanced domain setup, "Full list of DNS records" (https://www.fastmail.help/hc/en-us/articles/360060591153):
      // MX in1-smtp.messagingengine.com (10) and in2-smtp.messagingengine.com (20). Exact names, not
      // *.messagingengine.com: that would cover every host of the provider's domain.
      { "fastmail", "Fastmail", { "in1-smtp.messagingengine.com", "in2-smtp.messagingengine.com" }, Text::preset_fastmail },
      // Zoho Mail help, "Configure Email Delivery (MX records)" (https://www.zoho.com/mail/help/adminconsole/configure-email-delivery.html):
      // MX mx.zoho.com (10), mx2.zoho.com (20), mx3.zoho.com (50) for the US data centre (other regions use zoho.eu, zoho.in, ...).
      // URL not re-checked offline.
      { "zoho", "Zoho Mail (US data centre)", { "mx.zoho.com", "mx2.zoho.com", "mx3.zoho.com" }, Text::preset_zoho },
      // Apple Support, "Set up a custom email domain with iCloud Mail" (support.apple.com; the DNS records iCloud+
      // Custom Email Domain asks for): MX mx01.mail.icloud.com and mx02.mail.icloud.com. URL not re-checked offline.
      { "icloud", "iCloud+ Custom Email Domain", { "mx01.mail.icloud.com", "mx02.mail.icloud.com" }, Text::preset_icloud },
   };
   return list;
}

const char* preset_description( const Preset& p, Lang lang ) noexcept
{
   const char* s = text_template( p.text, lang );
   return *s ? s : p.description;
}

const Preset* find_preset( std::string_view name ) noexcept
{
   for( const auto& p : presets() ) {
      if( text::iequals( name, p.name ) ) {
         return &p;
      }
   }
   return nullptr;
}

DerivedPatterns derive_patterns( const std::vector< std::string >& hosts )
{
   DerivedPatterns out;
   std::set< std::string > seen;
   for( const auto& given : hosts ) {
      std::string h = text::to_lower( trim( given ) );
      if( !h.empty() && h.back() == '.' ) {
         h.pop_back();
      }
      if( h.empty() || !full_match< grammar::rfc5321::Domain >( h ) ) {
         continue;
      }
      if( seen.insert( h ).second ) {
         out.exact.push_back( h );
      }
   }
   if( out.exact.size() < 2 ) {
      return out;  // one host: its exact name is the tighter pattern
   }
   const std::string parent = parent_of( out.exact.front() );
   if( parent.empty() || is_public_suffix( parent ) ) {
      return out;
   }
   const std::string wildcard = "*." + parent;
   for( const auto& h : out.exact ) {
      // "*." covers exactly one label (RFC 8461 §4.1): every host must be LABEL.PARENT.
      if( parent_of( h ) != parent || !mx_matches( wildcard, h ) ) {
         return out;
      }
   }
   out.wildcard = wildcard;
   return out;
}

std::string zone_txt_rdata( std::string_view value )
{
   constexpr std::size_t max = thresholds::txt_string_max;
   std::vector< std::string_view > strings;
   std::string_view rest = value;
   while( rest.size() > max ) {
      std::size_t cut = max;
      const auto comma = rest.substr( 0, max ).rfind( ',' );
      if( comma != std::string_view::npos && comma + 1 >= max / 4 ) {
         cut = comma + 1;
      }
      strings.push_back( rest.substr( 0, cut ) );
      rest.remove_prefix( cut );
   }
   strings.push_back( rest );
   std::string out;
   for( std::size_t i = 0; i < strings.size(); ++i ) {
      out += i ? " \"" : "\"";
      for( const char ch : strings[ i ] ) {
         const auto c = static_cast< unsigned char >( ch );
         if( ch == '"' || ch == '\\' ) {
            out += '\\';
            out += ch;
         }
         else if( c < 0x20 || c >= 0x7F ) {
            out += '\\';
            append_digits( out, c, 3 );
         }
         else {
            out += ch;
         }
      }
      out += '"';
   }
   return out;
}

std::string zone_line( const DnsRecord& record, unsigned ttl )
{
   std::string name = record.name;
   if( name.empty() || name.back() != '.' ) {
      name += '.';
   }
   return name + " " + std::to_string( ttl ) + " IN " + record.type + " " + zone_txt_rdata( record.value );
}

std::optional< std::string > utc_id( std::int64_t seconds )
{
   // 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z
   if( seconds < -62167219200LL || seconds > 253402300799LL ) {
      return std::nullopt;
   }
   std::int64_t days = seconds / 86400;
   std::int64_t secs = seconds % 86400;
   if( secs < 0 ) {
      secs += 86400;
      --days;
   }
   std::int64_t y;
   unsigned m, d;
   civil_from_days( days, y, m, d );
   std::string out;
   append_digits( out, y, 4 );
   append_digits( out, m, 2 );
   append_digits( out, d, 2 );
   append_digits( out, secs / 3600, 2 );
   append_digits( out, ( secs / 60 ) % 60, 2 );
   append_digits( out, secs % 60, 2 );
   return out;
}

GenerateResult generate( const GenerateOptions& options ) noexcept
{
   enable_all_languages();  // the checklist's texts (and the other languages) come with the translations
#if defined( __cpp_exceptions )
   try {
      return run( options );
   }
   catch( ... ) {
      // Only std::bad_alloc can get here.
      GenerateResult r;
      r.errors.push_back( GenerateMessage{ "internal", "", text_template( Text::gen_out_of_memory, options.lang ) } );
      return r;
   }
#else
   return run( options );  // (WebAssembly: running out of memory aborts the instance; api.js reports it)
#endif
}

std::string generate_json( const GenerateResult& r, bool pretty )
{
   std::string json;
   JsonWriter w( json, pretty );
   auto messages = [ & ]( const char* name, const std::vector< GenerateMessage >& list ) {
      w.key( name ).begin_array();
      for( const auto& m : list ) {
         w.begin_object().key( "code" ).value( m.code ).key( "field" ).value( m.field ).key( "message" ).value( m.message ).end_object();
      }
      w.end_array();
   };
   w.begin_object();
   w.key( "ok" ).value( r.ok() );
   messages( "errors", r.errors );
   messages( "notes", r.notes );
   w.key( "policy" ).value( r.policy );
   w.key( "txt" ).value( r.txt );
   if( r.tlsrpt ) {
      w.key( "tlsrpt" ).value( *r.tlsrpt );
   }
   w.key( "policyUrl" ).value( r.policy_url );
   w.key( "records" ).begin_array();
   for( const auto& rec : r.records ) {
      w.begin_object().key( "name" ).value( rec.name ).key( "type" ).value( rec.type ).key( "value" ).value( rec.value ).end_object();
   }
   w.end_array();
   w.key( "checklist" ).begin_array();
   for( const auto& c : r.checklist ) {
      w.value( c );
   }
   w.end_array();
   if( r.suggested_wildcard ) {
      w.key( "suggestedWildcard" ).value( *r.suggested_wildcard );
   }
   w.end_object();
   return json;
}

std::string generate_text( const GenerateResult& r, Lang lang )
{
   enable_all_languages();
   const auto lf = []( std::string_view t ) {
      std::string out;
      for( const char c : t ) {
         if( c != '\r' ) {
            out += c;
         }
      }
      return out;
   };
   std::string s;
   s += "# " + render_text( Text::gtx_policy, { { "url", r.policy_url } }, lang ) + "\n";
   s += lf( r.policy );
   for( const auto& rec : r.records ) {
      s += "\n# " + render_text( Text::gtx_record, { { "type", rec.type }, { "name", rec.name } }, lang ) + "\n";
      s += rec.value + "\n";
   }
   s += "\n# " + render_text( Text::gtx_zone, {}, lang ) + "\n";
   s += r.zone;
   if( r.suggested_wildcard ) {
      s += "\n# " + render_text( Text::gtx_wildcard, { { "s", *r.suggested_wildcard } }, lang ) + "\n";
   }
   s += "\n# " + render_text( Text::gtx_checklist, {}, lang ) + "\n";
   for( std::size_t i = 0; i < r.checklist.size(); ++i ) {
      s += std::to_string( i + 1 ) + ". " + r.checklist[ i ] + "\n";
   }
   if( !r.notes.empty() ) {
      s += "\n# " + render_text( Text::gtx_notes, {}, lang ) + "\n";
      for( const auto& n : r.notes ) {
         s += n.code + " [" + n.field + "] " + n.message + "\n";
      }
   }
   return s;
}

std::optional< std::int64_t > parse_whole_number( std::string_view text ) noexcept
{
   const std::size_t i = ( !text.empty() && ( text[ 0 ] == '-' || text[ 0 ] == '+' ) ) ? 1 : 0;
   if( i >= text.size() || text.size() - i > 15 ) {
      return std::nullopt;
   }
   std::int64_t v = 0;
   for( std::size_t k = i; k < text.size(); ++k ) {
      if( text[ k ] < '0' || text[ k ] > '9' ) {
         return std::nullopt;
      }
      v = v * 10 + ( text[ k ] - '0' );
   }
   return text[ 0 ] == '-' ? -v : v;
}

std::optional< GenerateMessage > parse_max_age( std::string_view text, std::int64_t& seconds, Lang lang )
{
   if( const auto v = parse_whole_number( text ) ) {
      seconds = *v;
      return std::nullopt;
   }
   const bool letters = std::any_of( text.begin(), text.end(), []( char c ) { return ( c >= 'a' && c <= 'z' ) || ( c >= 'A' && c <= 'Z' ); } );
   return GenerateMessage{ rule( Code::STS229 ).id, "maxAge", render_message( Code::STS229, {}, letters ? Hint::unit_suffix : Hint::none, lang ) };
}

}  // namespace mtasts

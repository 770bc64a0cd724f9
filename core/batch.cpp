#include "batch.hpp"

#include <algorithm>

namespace mtasts::batch {

namespace {

   // RPT523 (info): a policy in mode testing, and no TLS-RPT record given for the domain: nobody gets the reports that
   // testing mode exists for. Only the batch mode sees a policy and a domain's records together.
   void cross_check( LintResult& policy, bool tlsrpt_given, Lang lang )
   {
      if( tlsrpt_given || !policy.policy || !policy.policy->mode || *policy.policy->mode != "testing" ) {
         return;
      }
      Diagnostic d;
      d.code = Code::RPT523;
      d.severity = rule( Code::RPT523 ).severity;
      d.message = render_message( Code::RPT523, {}, Hint::none, lang );
      // Point at the mode value, where STS226 ("testing mode") already is; else document-level.
      for( const auto& x : policy.diagnostics ) {
         if( x.code == Code::STS226 ) {
            d.offset = x.offset;
            d.length = x.length;
            break;
         }
      }
      const auto at = std::upper_bound( policy.diagnostics.begin(), policy.diagnostics.end(), d, []( const Diagnostic& a, const Diagnostic& b ) {
         return a.offset != b.offset ? a.offset < b.offset : a.code < b.code;
      } );
      policy.diagnostics.insert( at, std::move( d ) );
   }

}  // namespace

namespace {

   bool shows_tlsrpt( const LintResult& r )
   {
      return std::any_of( r.artefacts.begin(), r.artefacts.end(), []( const Artefact& a ) { return a.kind == "tlsrpt"; } );
   }

   bool has_code( const LintResult& r, Code c )
   {
      return std::any_of( r.diagnostics.begin(), r.diagnostics.end(), [ c ]( const Diagnostic& d ) { return d.code == c; } );
   }

   // http or dns given: policy, txt, tlsrpt, http and dns as one evidence set.
   void lint_set( const Entry& e, bool verbose, LintResult ( &results )[ text_count ], Lang lang )
   {
      static const Text members[] = { policy, txt, tlsrpt, http, dns };
      static const Kind kinds_of[] = { Kind::policy, Kind::txt, Kind::tlsrpt, Kind::bundle, Kind::bundle };
      std::vector< std::string_view > texts;
      std::vector< Kind > kinds;
      std::vector< Text > which;
      for( std::size_t m = 0; m < 5; ++m ) {
         if( e.text[ members[ m ] ] ) {
            texts.push_back( *e.text[ members[ m ] ] );
            kinds.push_back( kinds_of[ m ] );
            which.push_back( members[ m ] );
         }
      }
      LintOptions o;
      o.verbose = verbose;
      o.lang = lang;
      o.domain = std::string( e.domain );
      if( e.mx_hosts ) {
         o.mx_hosts = *e.mx_hosts;
      }
      evidence::enable_bundles();  // the paste reader (linked wherever --batch is)
      auto rs = lint_evidence( texts, kinds, o );
      bool tlsrpt_shown = e.text[ tlsrpt ].has_value();
      bool rpt523 = false;
      for( std::size_t k = 0; k < rs.size(); ++k ) {
         // A text given under policy, txt or tlsrpt is answered as that kind, as without http/dns.
         if( kinds[ k ] != Kind::bundle ) {
            rs[ k ].kind = kinds[ k ];
         }
         tlsrpt_shown = tlsrpt_shown || shows_tlsrpt( rs[ k ] );
         rpt523 = rpt523 || has_code( rs[ k ], Code::RPT523 );
         results[ which[ k ] ] = std::move( rs[ k ] );
      }
      // RPT523 as without http/dns: a testing policy and no TLS-RPT record given or shown (the paste reader says it
      // only when the paste shows the _smtp._tls query).
      if( verbose && !tlsrpt_shown && !rpt523 ) {
         for( const Text t : which ) {
            if( results[ t ].policy ) {
               cross_check( results[ t ], false, lang );
               break;
            }
         }
      }
   }

}  // namespace

bool lint_entry( const Entry& e, bool verbose, LintResult ( &results )[ text_count ], Lang lang, Linter* linter )
{
   static const Kind kinds[ text_count ] = { Kind::policy, Kind::txt, Kind::tlsrpt, Kind::dmarc, Kind::bundle, Kind::bundle };
   const bool set = e.text[ http ] || e.text[ dns ];
   if( set ) {
      lint_set( e, verbose, results, lang );
   }
   bool valid = true;
   for( int t = 0; t < text_count; ++t ) {
      if( e.text[ t ] ) {
         if( !set || t == dmarc ) {
            LintOptions o;
            o.kind = kinds[ t ];
            o.verbose = verbose;
            o.lang = lang;
            if( t == policy || t == dmarc ) {
               o.domain = std::string( e.domain );
            }
            if( t == policy ) {
               if( e.mx_hosts ) {
                  o.mx_hosts = *e.mx_hosts;
               }
            }
            if( linter ) {
               linter->lint( *e.text[ t ], o, results[ t ] );
            }
            else {
               results[ t ] = lint( *e.text[ t ], o );
            }
         }
         valid = valid && results[ t ].valid();
      }
   }
   if( !set && verbose && e.text[ policy ] ) {
      cross_check( results[ policy ], e.text[ tlsrpt ].has_value(), lang );
   }
   return valid;
}

std::string line_too_long( Lang lang )
{
   enable_all_languages();  // --batch's texts come with the translations
   return render_text( mtasts::Text::batch_line_too_long, { { "n", std::to_string( max_line_bytes ) } }, lang );
}

std::string usage( Lang lang )
{
   enable_all_languages();
   const auto t = [ & ]( mtasts::Text id ) { return std::string( text_template( id, lang ) ); };
   return t( mtasts::Text::cli_usage ) + ": mta-sts-lint --batch [--verbose] [--line-offset N] [--lang en|es]\n" + t( mtasts::Text::batch_usage_read ) + "\n" +
          "  {\"domain\": \"example.com\", \"policy\": \"version: STSv1\\n...\", \"txt\": \"v=STSv1; id=1\", \"tlsrpt\": \"v=TLSRPTv1; rua=...\", \"dmarc\": \"v=DMARC1; p=...\"}\n" +
          t( mtasts::Text::batch_usage_optional ) + "\n" +
          "  {\"line\": N, \"domain\": ..., \"valid\": ..., \"policy\": {\"kind\", \"valid\", \"errorCount\", \"warningCount\", \"infoCount\", \"diagnostics\": [...]}, ...}\n" +
          t( mtasts::Text::batch_usage_error ) + "\n" + "  --verbose, -v   " + t( mtasts::Text::batch_usage_verbose ) + "\n" + "  --line-offset N " +
          t( mtasts::Text::batch_usage_line_offset ) + "\n" + "  --lang L        " + t( mtasts::Text::batch_usage_lang ) + "\n" +
          t( mtasts::Text::batch_usage_exit ) + "\n";
}

}  // namespace mtasts::batch

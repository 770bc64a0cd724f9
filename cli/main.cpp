// mta-sts-lint: the native command line. All checking and formatting lives in core/; this file does the I/O.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unistd.h>
#if defined( __GLIBC__ )
#include <malloc.h>
#endif

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "core/fix/diff.hpp"
#include "core/fix/fix.hpp"
#include "core/format.hpp"
#include "core/lint.hpp"
#include "core/x509/cert_lint.hpp"
#include "core/x509/certificate.hpp"

namespace {

bool read_all( std::istream& in, std::string& out )
{
   std::ostringstream ss;
   ss << in.rdbuf();
   out = ss.str();
   return !in.bad();
}

}  // namespace

int main( int argc, char** argv )
{
#if defined( __GLIBC__ )
   // Keep freed memory for the next input. By default glibc hands the top of the heap back to the kernel once 128 KiB
   // of it is free, and linting a 64 KiB policy peaks at about 180 KB, so with many inputs (--batch, many files) each
   // such policy would map and fault its memory in again: 2,000 64 KiB policies through --batch took 0.45 s, 0.25 s
   // with this. The process still holds no more than its largest input needs.
   mallopt( M_TRIM_THRESHOLD, 64 << 20 );
#endif
   mtasts::enable_all_languages();
   using mtasts::Text;
   using mtasts::cli::say;
   const mtasts::Lang lang = mtasts::cli::choose_lang( argc, argv );
   CLI::App app{ say( Text::cli_about, lang ), "mta-sts-lint" };
   std::string lang_option;
   mtasts::cli::localise( app, lang, lang_option );
   app.footer( say( Text::cli_exit_status, lang ) + "\n" + say( Text::cli_examples, lang ) + "\n"
               "  mta-sts-lint mta-sts.txt\n"
               "  dig +short TXT _mta-sts.example.com | mta-sts-lint --kind txt\n"
               "  dig +short TXT _dmarc.example.com | mta-sts-lint --kind dmarc --domain example.com\n"
               "  mta-sts-lint --format sarif policy.txt > results.sarif\n"
               "  mta-sts-lint --fix mta-sts.txt\n"
               "  mta-sts-lint paste.txt                  " + say( Text::cli_ex_paste, lang ) + "\n"
               "  mta-sts-lint --domain example.com dig-txt.txt dig-mx.txt mta-sts.txt   " + say( Text::cli_ex_evidence, lang ) + "\n"
               "  openssl s_client -connect mta-sts.example.com:443 -servername mta-sts.example.com -showcerts </dev/null 2>&1 | mta-sts-lint --domain example.com\n"
               "  LANG=es_ES.UTF-8 mta-sts-lint mta-sts.txt   (--lang es|en)" );
   std::vector< std::string > files;
   std::string kind_name = "auto";
   std::string format_name = "text";
   bool verbose = false;
   int max_warnings = -1;
   std::string domain;
   std::vector< std::string > mx_hosts;
   bool no_mx_records = false;
   bool fix = false;
   bool dry_run = false;
   std::string now_text, cert_host, policy_mode;
   mtasts::cli::VerifyOptions verify_options;
   bool verify_chain = false;
   unsigned expiry_days = 14;
   app.add_option( "files", files, say( Text::cli_opt_files, lang ) );
   app.add_option( "--kind", kind_name, say( Text::cli_opt_kind, lang ) )
      ->check( CLI::IsMember( { "auto", "policy", "txt", "tlsrpt", "dmarc", "bundle", "cert" } ) );
   app.add_option( "--format", format_name, say( Text::cli_opt_format, lang ) )->check( CLI::IsMember( { "text", "json", "sarif" } ) );
   app.add_flag( "--verbose,-v", verbose, say( Text::cli_opt_verbose, lang ) );
   app.add_option( "--max-warnings", max_warnings, say( Text::cli_opt_max_warnings, lang ) )->check( CLI::NonNegativeNumber );
   app.add_option( "--domain", domain, say( Text::cli_opt_domain, lang ) );
   app.add_option( "--mx-host", mx_hosts, say( Text::cli_opt_mx_host, lang ) )->allow_extra_args( false );
   app.add_flag( "--no-mx-records", no_mx_records, say( Text::cli_opt_no_mx, lang ) );
   app.add_flag( "--fix", fix, say( Text::cli_opt_fix, lang ) );
   app.add_flag( "--fix-dry-run,--diff", dry_run, say( Text::cli_opt_fix_dry_run, lang ) );
   app.add_option( "--now", now_text, say( Text::cli_opt_now, lang ) );
   app.add_option( "--expiry-warning-days", expiry_days, say( Text::cli_opt_expiry_days, lang ) );
   app.add_option( "--cert-host", cert_host, say( Text::cli_opt_cert_host, lang ) );
   app.add_option( "--policy-mode", policy_mode, say( Text::cli_opt_policy_mode, lang ) )
      ->check( CLI::IsMember( { "enforce", "testing", "none" } ) );
   app.add_flag( "--verify-chain", verify_chain, say( Text::cli_opt_verify_chain, lang ) );
   app.add_option( "--ca-file", verify_options.ca_file, say( Text::cli_opt_ca_file, lang ) );
   app.add_option( "--ca-path", verify_options.ca_path, say( Text::cli_opt_ca_path, lang ) );
   app.set_version_flag( "--version", std::string( "mta-sts-lint " ) + MTASTS_VERSION, say( Text::cli_opt_version, lang ) );

   if( argc > 1 && std::string_view( argv[ 1 ] ) == "generate" ) return mtasts::cli::run_generate( argc - 1, argv + 1, lang );
   if( argc > 1 && std::string_view( argv[ 1 ] ) == "summarize" ) return mtasts::cli::run_summarize( argc - 1, argv + 1, lang );
   for( int i = 1; i < argc; ++i ) if( std::string_view( argv[ i ] ) == "--batch" ) return mtasts::cli::run_batch( argc, argv, lang );  // JSON Lines mode: cli/batch.cpp

   try {
      app.parse( argc, argv );
   }
   catch( const CLI::ParseError& e ) {
      const int rc = app.exit( e );
      return rc == 0 ? 0 : 2;
   }

   if( fix && dry_run ) {
      std::cerr << "mta-sts-lint: " << say( Text::cli_fix_exclusive, lang ) << "\n";
      return 2;
   }
   if( files.empty() ) {
      files.push_back( "-" );
   }
   mtasts::LintOptions options;
   options.kind = *mtasts::parse_kind( kind_name );
   options.verbose = verbose;
   options.lang = lang;
   options.domain = domain;
   mtasts::x509::enable_certificates();
   mtasts::evidence::enable_bundles();  // pasted tool output (core/evidence/)
   if( !now_text.empty() ) {
      options.now = mtasts::x509::parse_time_text( now_text );
      if( !options.now ) {
         std::cerr << "mta-sts-lint: " << mtasts::render_text( Text::cli_bad_now, { { "value", now_text } }, lang ) << "\n";
         return 2;
      }
   }
   else {
      options.now = static_cast< std::int64_t >( std::time( nullptr ) );
   }
   options.expiry_warning_days = expiry_days;
   options.cert_host = cert_host;
   options.mode = policy_mode;
   if( !mx_hosts.empty() || no_mx_records ) {
      options.mx_hosts = mx_hosts;
   }

   std::vector< std::string > sources( files.size() );
   std::vector< mtasts::LintResult > results( files.size() );
   mtasts::Linter linter;  // one for every file: its working memory is allocated once
   std::vector< mtasts::FileReport > reports;
   for( std::size_t i = 0; i < files.size(); ++i ) {
      bool ok;
      if( files[ i ] == "-" ) {
         ok = read_all( std::cin, sources[ i ] );
      }
      else {
         std::error_code ec;
         if( std::filesystem::is_directory( files[ i ], ec ) ) {
            std::cerr << "mta-sts-lint: " << mtasts::render_text( Text::cli_is_directory, { { "file", files[ i ] } }, lang ) << "\n";
            return 2;
         }
         std::ifstream in( files[ i ], std::ios::binary );
         ok = in.is_open() && read_all( in, sources[ i ] );
      }
      if( !ok ) {
         std::cerr << "mta-sts-lint: " << mtasts::render_text( Text::cli_cannot_read, { { "file", files[ i ] } }, lang ) << "\n";
         return 2;
      }
   }
   // Several files with --domain: one evidence set (a dig output, a policy file, a curl -i output... of that domain)
   const bool evidence_set = !fix && !dry_run && files.size() > 1 && !domain.empty() && ( options.kind == mtasts::Kind::auto_ || options.kind == mtasts::Kind::bundle );
   if( evidence_set ) {
      // Certificate captures are linted on their own (below, with the policy's mode and mx patterns); the rest of the
      // files form the evidence set.
      std::vector< std::string_view > texts;
      std::vector< std::size_t > at;
      for( std::size_t i = 0; i < files.size(); ++i ) {
         if( options.kind == mtasts::Kind::auto_ && mtasts::detect_kind( sources[ i ] ) == mtasts::Kind::cert ) {
            results[ i ] = mtasts::lint( sources[ i ], options );
         }
         else {
            texts.push_back( sources[ i ] );
            at.push_back( i );
         }
      }
      auto set = mtasts::lint_evidence( texts, options );
      for( std::size_t k = 0; k < at.size() && k < set.size(); ++k ) {
         results[ at[ k ] ] = std::move( set[ k ] );
      }
   }
   else if( !fix && !dry_run ) {
      for( std::size_t i = 0; i < files.size(); ++i ) {
         linter.lint( sources[ i ], options, results[ i ] );
      }
   }
   // --fix / --fix-dry-run (docs/fix.md): every file is read before any is written.
   bool io_error = false;
   std::string fixed_stdin;
   bool fixing_stdin = false;
   if( fix || dry_run ) {
      std::string diffs;
      std::string said;
      for( std::size_t i = 0; i < files.size(); ++i ) {
         const std::string name = files[ i ] == "-" ? "<stdin>" : files[ i ];
         auto r = mtasts::fix_all( sources[ i ], options );
         const std::string summary = format_name == "text" || dry_run ? mtasts::fix_summary( name, r, dry_run, lang ) : std::string();
         if( files[ i ] == "-" && fix ) {
            fixing_stdin = true;
            fixed_stdin += r.changed() ? r.text : sources[ i ];
         }
         if( !r.changed() ) {
            results[ i ] = std::move( r.linted );
            said += summary;
            continue;
         }
         if( dry_run ) {
            diffs += mtasts::fix_diff( name, sources[ i ], r.text );
         }
         else if( files[ i ] != "-" ) {
            const std::string why = mtasts::cli::write_in_place( files[ i ], r.text, lang );
            if( !why.empty() ) {
               // Reported as the file still is: unchanged.
               said += "mta-sts-lint: " + mtasts::render_text( Text::cli_cannot_write, { { "file", files[ i ] }, { "why", why } }, lang ) + "\n";
               io_error = true;
               linter.lint( sources[ i ], options, results[ i ] );
               continue;
            }
            sources[ i ] = std::move( r.text );
            results[ i ] = std::move( r.linted );
         }
         else if( fix ) {
            sources[ i ] = std::move( r.text );
            results[ i ] = std::move( r.linted );
         }
         said += summary;
      }
      std::cerr << said;
      std::cerr.flush();
      if( dry_run ) {
         std::fwrite( diffs.data(), 1, diffs.size(), stdout );
         std::fflush( stdout );
         return diffs.empty() ? 0 : 1;
      }
   }
   // Certificates given with the policy in one run (`mta-sts-lint policy.txt captures.txt`): judged by its mode, unless
   // --policy-mode says otherwise, and its mx patterns (core/lint.hpp).
   mtasts::lint_with_policy( results, std::vector< std::string_view >( sources.begin(), sources.end() ), options );
   for( std::size_t i = 0; i < files.size(); ++i ) {
      if( results[ i ].kind != mtasts::Kind::cert ) {
         continue;
      }
      if( verify_chain || !verify_options.ca_file.empty() || !verify_options.ca_path.empty() ) {
         std::string error;
         if( !mtasts::cli::verify_chains( sources[ i ], options, verify_options, results[ i ], error ) ) {
            std::cerr << "mta-sts-lint: " << error << "\n";
            return 2;
         }
      }
   }
   for( std::size_t i = 0; i < files.size(); ++i ) {
      reports.push_back( mtasts::FileReport{ files[ i ] == "-" ? "<stdin>" : files[ i ], sources[ i ], &results[ i ] } );
   }
   mtasts::FormatOptions fo;
   fo.version = MTASTS_VERSION;
   fo.lang = lang;
   const char* no_color = std::getenv( "NO_COLOR" );
   fo.color = format_name == "text" && isatty( STDOUT_FILENO ) && !( no_color && *no_color );
   if( fixing_stdin ) {
      // Standard output carries the fixed text; the report goes to standard error, uncoloured.
      fo.color = false;
      std::fwrite( fixed_stdin.data(), 1, fixed_stdin.size(), stdout );
      std::fflush( stdout );
   }
   const std::string out = mtasts::format( *mtasts::parse_format( format_name ), reports, fo );
   std::FILE* const report = fixing_stdin ? stderr : stdout;
   std::fwrite( out.data(), 1, out.size(), report );  // (the text report ends with the certificate tables)
   std::fflush( report );
   if( io_error ) {
      return 2;
   }

   std::size_t errors = 0, warnings = 0;
   for( const auto& r : results ) {
      errors += r.error_count();
      warnings += r.warning_count();
   }
   if( errors > 0 || ( max_warnings >= 0 && warnings > static_cast< std::size_t >( max_warnings ) ) ) {
      return 1;
   }
   return 0;
}

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
   CLI::App app{ "mta-sts-lint: an offline validator for MTA-STS policies (RFC 8461), _mta-sts TXT records and TLS-RPT records (RFC 8460).", "mta-sts-lint" };
   app.footer( "Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or I/O error.\n"
               "Examples:\n"
               "  mta-sts-lint mta-sts.txt\n"
               "  dig +short TXT _mta-sts.example.com | mta-sts-lint --kind txt\n"
               "  dig +short TXT _dmarc.example.com | mta-sts-lint --kind dmarc --domain example.com\n"
               "  mta-sts-lint --format sarif policy.txt > results.sarif\n"
               "  mta-sts-lint --fix mta-sts.txt\n"
               "  mta-sts-lint paste.txt                  (pasted dig/host/nslookup/curl/wget output; docs/paste.md)\n"
               "  mta-sts-lint --domain example.com dig-txt.txt dig-mx.txt mta-sts.txt   (one evidence set)\n"
               "  openssl s_client -connect mta-sts.example.com:443 -servername mta-sts.example.com -showcerts </dev/null 2>&1 | mta-sts-lint --domain example.com" );
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
   app.add_option( "files", files, "Files to lint; standard input when none or '-'" );
   app.add_option( "--kind", kind_name, "What the input is: auto (by content), policy, txt (_mta-sts record), tlsrpt (_smtp._tls record), dmarc (_dmarc record), bundle (pasted tool output: dig, host, nslookup, Resolve-DnsName, zone files, curl, wget; see docs/paste.md), cert (PEM, DER or openssl s_client -showcerts output)" )
      ->check( CLI::IsMember( { "auto", "policy", "txt", "tlsrpt", "dmarc", "bundle", "cert" } ) );
   app.add_option( "--format", format_name, "Output format: text (gcc-style), json, sarif" )->check( CLI::IsMember( { "text", "json", "sarif" } ) );
   app.add_flag( "--verbose,-v", verbose, "Also report infos (notes)" );
   app.add_option( "--max-warnings", max_warnings, "Exit 1 when there are more than N warnings" )->check( CLI::NonNegativeNumber );
   app.add_option( "--domain", domain, "The policy domain (enables STS249; the implicit MX with --no-mx-records; DMARC: external report addresses, DMC638)" );
   app.add_option( "--mx-host", mx_hosts, "An MX host of the domain (repeatable; '.' for a null MX): checks that the policy covers it (STS401-STS406)" )->allow_extra_args( false );
   app.add_flag( "--no-mx-records", no_mx_records, "The domain has no MX records: the domain itself must match a pattern" );
   app.add_flag( "--fix", fix, "Apply every unambiguous fix in place (standard input: the fixed text on standard output, the report on standard error)" );
   app.add_flag( "--fix-dry-run,--diff", dry_run, "Print the fixes as a unified diff and change nothing (exit 1 when there is something to fix)" );
   app.add_option( "--now", now_text, "Certificates: the validation time, YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD (default: the current time)" );
   app.add_option( "--expiry-warning-days", expiry_days, "Certificates: warn when one expires within N days (default 14)" );
   app.add_option( "--cert-host", cert_host, "Certificates: the policy host (default mta-sts.<--domain>)" );
   app.add_option( "--policy-mode", policy_mode, "Certificates: the policy's mode; MX host certificate failures are errors in enforce, warnings otherwise" )
      ->check( CLI::IsMember( { "enforce", "testing", "none" } ) );
   app.add_flag( "--verify-chain", verify_chain, "Certificates: also verify each chain with OpenSSL against the system CA store (CRT813/CRT814)" );
   app.add_option( "--ca-file", verify_options.ca_file, "Certificates: verify each chain against the CA certificates in this PEM file" );
   app.add_option( "--ca-path", verify_options.ca_path, "Certificates: verify each chain against this hashed CA directory (openssl rehash)" );
   app.set_version_flag( "--version", std::string( "mta-sts-lint " ) + MTASTS_VERSION );

   if( argc > 1 && std::string_view( argv[ 1 ] ) == "generate" ) return mtasts::cli::run_generate( argc - 1, argv + 1 );
   if( argc > 1 && std::string_view( argv[ 1 ] ) == "summarize" ) return mtasts::cli::run_summarize( argc - 1, argv + 1 );
   for( int i = 1; i < argc; ++i ) if( std::string_view( argv[ i ] ) == "--batch" ) return mtasts::cli::run_batch( argc, argv );  // JSON Lines mode: cli/batch.cpp

   try {
      app.parse( argc, argv );
   }
   catch( const CLI::ParseError& e ) {
      const int rc = app.exit( e );
      return rc == 0 ? 0 : 2;
   }

   if( fix && dry_run ) {
      std::cerr << "mta-sts-lint: --fix and --fix-dry-run (--diff) exclude each other\n";
      return 2;
   }
   if( files.empty() ) {
      files.push_back( "-" );
   }
   mtasts::LintOptions options;
   options.kind = *mtasts::parse_kind( kind_name );
   options.verbose = verbose;
   options.domain = domain;
   mtasts::x509::enable_certificates();
   mtasts::evidence::enable_bundles();  // pasted tool output (core/evidence/)
   if( !now_text.empty() ) {
      options.now = mtasts::x509::parse_time_text( now_text );
      if( !options.now ) {
         std::cerr << "mta-sts-lint: --now: expected YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD, got '" << now_text << "'\n";
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
   std::vector< mtasts::FileReport > reports;
   for( std::size_t i = 0; i < files.size(); ++i ) {
      bool ok;
      if( files[ i ] == "-" ) {
         ok = read_all( std::cin, sources[ i ] );
      }
      else {
         std::error_code ec;
         if( std::filesystem::is_directory( files[ i ], ec ) ) {
            std::cerr << "mta-sts-lint: cannot read '" << files[ i ] << "': it is a directory\n";
            return 2;
         }
         std::ifstream in( files[ i ], std::ios::binary );
         ok = in.is_open() && read_all( in, sources[ i ] );
      }
      if( !ok ) {
         std::cerr << "mta-sts-lint: cannot read '" << files[ i ] << "'\n";
         return 2;
      }
   }
   // Several files with --domain: one evidence set (a dig output, a policy file, a curl -i output... of that domain)
   const bool evidence_set = !fix && !dry_run && files.size() > 1 && !domain.empty() && ( options.kind == mtasts::Kind::auto_ || options.kind == mtasts::Kind::bundle );
   if( evidence_set ) {
      results = mtasts::lint_evidence( std::vector< std::string_view >( sources.begin(), sources.end() ), options );
   }
   else if( !fix && !dry_run ) {
      for( std::size_t i = 0; i < files.size(); ++i ) {
         results[ i ] = mtasts::lint( sources[ i ], options );
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
         const std::string summary = format_name == "text" || dry_run ? mtasts::fix_summary( name, r, dry_run ) : std::string();
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
            const std::string why = mtasts::cli::write_in_place( files[ i ], r.text );
            if( !why.empty() ) {
               // Reported as the file still is: unchanged.
               said += "mta-sts-lint: cannot write '" + files[ i ] + "': " + why + "\n";
               io_error = true;
               results[ i ] = mtasts::lint( sources[ i ], options );
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
   // Certificates given with the policy in one run (`mta-sts-lint policy.txt captures.txt`): the MX hosts'
   // certificates are judged by the policy's mode unless --policy-mode says otherwise.
   if( policy_mode.empty() ) {
      for( const auto& r : results ) {
         if( r.policy && r.policy->mode && options.mode.empty() ) {
            options.mode = *r.policy->mode;
         }
      }
   }
   for( std::size_t i = 0; i < files.size(); ++i ) {
      if( results[ i ].kind != mtasts::Kind::cert ) {
         continue;
      }
      if( !options.mode.empty() && policy_mode.empty() ) {
         results[ i ] = mtasts::lint( sources[ i ], options );
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
   std::fwrite( out.data(), 1, out.size(), report );
   if( format_name == "text" ) {
      for( std::size_t i = 0; i < files.size(); ++i ) {
         if( results[ i ].kind == mtasts::Kind::cert ) {
            const std::string table = mtasts::cli::certificate_table( reports[ i ].name, results[ i ].certificates_json );
            std::fwrite( table.data(), 1, table.size(), report );
         }
      }
   }
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

// mta-sts-lint: the native command line. All checking and formatting lives in core/; this file does the I/O.
#include <cstdio>
#include <cstdlib>
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
#include "core/format.hpp"
#include "core/lint.hpp"

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
               "  mta-sts-lint --format sarif policy.txt > results.sarif\n"
               "  LANG=es_ES.UTF-8 mta-sts-lint mta-sts.txt   (--lang es|en)" );
   std::vector< std::string > files;
   std::string kind_name = "auto";
   std::string format_name = "text";
   bool verbose = false;
   int max_warnings = -1;
   std::string domain;
   std::vector< std::string > mx_hosts;
   bool no_mx_records = false;
   app.add_option( "files", files, say( Text::cli_opt_files, lang ) );
   app.add_option( "--kind", kind_name, say( Text::cli_opt_kind, lang ) )
      ->check( CLI::IsMember( { "auto", "policy", "txt", "tlsrpt" } ) );
   app.add_option( "--format", format_name, say( Text::cli_opt_format, lang ) )->check( CLI::IsMember( { "text", "json", "sarif" } ) );
   app.add_flag( "--verbose,-v", verbose, say( Text::cli_opt_verbose, lang ) );
   app.add_option( "--max-warnings", max_warnings, say( Text::cli_opt_max_warnings, lang ) )->check( CLI::NonNegativeNumber );
   app.add_option( "--domain", domain, say( Text::cli_opt_domain, lang ) );
   app.add_option( "--mx-host", mx_hosts, say( Text::cli_opt_mx_host, lang ) )->allow_extra_args( false );
   app.add_flag( "--no-mx-records", no_mx_records, say( Text::cli_opt_no_mx, lang ) );
   app.set_version_flag( "--version", std::string( "mta-sts-lint " ) + MTASTS_VERSION, say( Text::cli_opt_version, lang ) );

   if( argc > 1 && std::string_view( argv[ 1 ] ) == "generate" ) return mtasts::cli::run_generate( argc - 1, argv + 1, lang );
   for( int i = 1; i < argc; ++i ) if( std::string_view( argv[ i ] ) == "--batch" ) return mtasts::cli::run_batch( argc, argv, lang );  // JSON Lines mode: cli/batch.cpp

   try {
      app.parse( argc, argv );
   }
   catch( const CLI::ParseError& e ) {
      const int rc = app.exit( e );
      return rc == 0 ? 0 : 2;
   }

   if( files.empty() ) {
      files.push_back( "-" );
   }
   mtasts::LintOptions options;
   options.kind = *mtasts::parse_kind( kind_name );
   options.verbose = verbose;
   options.lang = lang;
   options.domain = domain;
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
      results[ i ] = mtasts::lint( sources[ i ], options );
   }
   for( std::size_t i = 0; i < files.size(); ++i ) {
      reports.push_back( mtasts::FileReport{ files[ i ] == "-" ? "<stdin>" : files[ i ], sources[ i ], &results[ i ] } );
   }
   mtasts::FormatOptions fo;
   fo.version = MTASTS_VERSION;
   fo.lang = lang;
   const char* no_color = std::getenv( "NO_COLOR" );
   fo.color = format_name == "text" && isatty( STDOUT_FILENO ) && !( no_color && *no_color );
   const std::string out = mtasts::format( *mtasts::parse_format( format_name ), reports, fo );
   std::fwrite( out.data(), 1, out.size(), stdout );
   std::fflush( stdout );

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

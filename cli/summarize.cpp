// `mta-sts-lint summarize [--format text|json|html] [--top N] [FILE...]`: reads the answer lines of
// `mta-sts-lint --batch` (and/or the one-line JSON of earlier `summarize --format json` runs, which it merges) from the
// files or standard input, one line at a time, and prints the summary of the sweep (cli/summary.cpp).
// Memory is bounded by the longest line plus the summary's bounded tables, however many lines.
// A line that is not an answer, an error line or a summary is counted ("not answer lines") and named on stderr (the
// first ten); it is not fatal. Exit status: 0 summary written, 2 usage or I/O error.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/summary.hpp"

namespace mtasts::cli {

int run_summarize( int argc, char** argv, Lang lang )
{
   CLI::App app{ say( Text::sum_about, lang ), "mta-sts-lint summarize" };
   std::string lang_option;
   localise( app, lang, lang_option );
   app.footer( say( Text::sum_exit, lang ) + "\n" + say( Text::cli_examples, lang ) + "\n"
               "  mta-sts-lint --batch < domains.jsonl | mta-sts-lint summarize\n"
               "  mta-sts-lint summarize --format html verdicts/*.jsonl > sweep.html\n"
               "  mta-sts-lint summarize --format json part1.jsonl > s1.json; ...; mta-sts-lint summarize s1.json s2.json" );
   std::vector< std::string > files;
   std::string format = "text";
   std::size_t top = 20;
   app.add_option( "files", files, say( Text::sum_opt_files, lang ) );
   app.add_option( "--format", format, say( Text::sum_opt_format, lang ) )
      ->check( CLI::IsMember( { "text", "json", "html" } ) );
   app.add_option( "--top", top, say( Text::sum_opt_top, lang ) )->check( CLI::NonNegativeNumber );
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

   sweep::Summary summary;
   std::uint64_t reported = 0;
   constexpr std::uint64_t report_limit = 10;
   char* buf = nullptr;
   std::size_t cap = 0;
   for( const auto& name : files ) {
      const bool is_stdin = name == "-";
      std::FILE* f = is_stdin ? stdin : std::fopen( name.c_str(), "rb" );
      if( !f ) {
         const int err = errno;
         std::fprintf( stderr, "mta-sts-lint summarize: %s\n", render_text( Text::sum_cannot_read, { { "file", name }, { "why", error_text( err, lang ) } }, lang ).c_str() );
         std::free( buf );
         return 2;
      }
      const char* shown = is_stdin ? "<stdin>" : name.c_str();
      std::uint64_t line_no = 0;
      ssize_t n;
      errno = 0;
      while( ( n = ::getline( &buf, &cap, f ) ) >= 0 ) {
         ++line_no;
         std::string_view line( buf, static_cast< std::size_t >( n ) );
         if( !line.empty() && line.back() == '\n' ) {
            line.remove_suffix( 1 );
         }
         const auto r = sweep::add_line( summary, line );
         if( r.kind == sweep::LineKind::malformed && reported++ < report_limit ) {
            std::fprintf( stderr, "%s:%llu: %s\n", shown, static_cast< unsigned long long >( line_no ), render_text( Text::sum_not_answer, { { "why", render_text( r.why, { { "key", r.key } }, lang ) } }, lang ).c_str() );
         }
      }
      const bool failed = std::ferror( f ) != 0;
      const int err = errno;
      if( !is_stdin ) {
         std::fclose( f );
      }
      if( failed ) {
         // EISDIR and the like
         std::fprintf( stderr, "mta-sts-lint summarize: %s\n", render_text( Text::sum_cannot_read, { { "file", name }, { "why", error_text( err, lang ) } }, lang ).c_str() );
         std::free( buf );
         return 2;
      }
   }
   std::free( buf );
   if( reported > report_limit ) {
      std::fprintf( stderr, "mta-sts-lint summarize: %s\n", render_text( Text::sum_more_not_answers, { { "n", std::to_string( reported - report_limit ) } }, lang ).c_str() );
   }

   const std::string out = format == "json" ? sweep::to_json( summary ) : format == "html" ? sweep::to_html( summary, top, lang ) : sweep::to_text( summary, top, lang );
   if( std::fwrite( out.data(), 1, out.size(), stdout ) != out.size() || std::fflush( stdout ) != 0 ) {
      const int err = errno;
      std::fprintf( stderr, "mta-sts-lint summarize: %s\n", render_text( Text::batch_cannot_write, { { "error", error_text( err, lang ) } }, lang ).c_str() );
      return 2;
   }
   return 0;
}

}  // namespace mtasts::cli

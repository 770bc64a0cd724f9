// Subcommands of the mta-sts-lint command line, dispatched from main(), and what they share: the language.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/catalogue.hpp"
#include "core/lint.hpp"

namespace mtasts::cli {

int run_batch( int argc, char** argv, Lang lang );     // mta-sts-lint --batch (cli/batch.cpp)
int run_generate( int argc, char** argv, Lang lang );  // mta-sts-lint generate ... (cli/generate.cpp)
int run_summarize( int argc, char** argv ); // mta-sts-lint summarize ... (cli/summarize.cpp)
int run_generate_dmarc( int argc, char** argv );  // mta-sts-lint generate dmarc ... (cli/generate_dmarc.cpp)

// --batch's "certificates" key (cli/batch_certificates.cpp): absent when the line has none (or null); else `extra`
// receives ',"certificates":{...}' for the answer line, or `error` the reason the line cannot be used. `policy` is the
// line's policy result, when it had one (its mode and mx patterns).
enum class BatchCertificates { absent, valid, invalid, error };
BatchCertificates batch_certificates( std::string_view line, std::string_view domain, const LintResult* policy, bool verbose, Lang lang, std::string& extra, std::string& error );

// The text report's table of certificates (cli/certificates.cpp), from LintResult::certificates_json.
std::string certificate_table( const std::string& file, const std::string& facts_json );

// Chain verification with OpenSSL (cli/verify.cpp; builds with OpenSSL only): adds CRT813/CRT814 to a Kind::cert result.
struct VerifyOptions
{
   std::string ca_file, ca_path;  // both empty: the system store
};
bool verify_available();
bool verify_chains( std::string_view text, const LintOptions& options, const VerifyOptions& v, LintResult& result, std::string& error );

// Replaces the file at `path` (through a symbolic link: the file it names) with `content`: a temporary file in the
// same directory, the old file's mode, fsync, rename. "" on success, else why not (the file is then unchanged).
std::string write_in_place( const std::string& path, std::string_view content );  // cli/fix_io.cpp

// The catalogue language whose tag is exactly `value` ("en", "es").
inline std::optional< Lang > lang_by_tag( std::string_view value )
{
   for( std::size_t k = 0; k < lang_count; ++k ) {
      if( value == lang_tag( static_cast< Lang >( k ) ) ) {
         return static_cast< Lang >( k );
      }
   }
   return std::nullopt;
}

// The language of every line the command prints: `--lang TAG` (or --lang=TAG) when given with a catalogue language,
// else the locale as POSIX says (LC_ALL, then LC_MESSAGES, then LANG: es_* is Spanish, anything else English).
// Read before the options are parsed, so that --help is in that language too; CLI11 then validates --lang.
inline Lang choose_lang( int argc, char** argv )
{
   for( int i = 1; i < argc; ++i ) {
      const std::string_view a = argv[ i ];
      std::string_view value;
      if( a == "--lang" && i + 1 < argc ) {
         value = argv[ i + 1 ];
      }
      else if( a.substr( 0, 7 ) == "--lang=" ) {
         value = a.substr( 7 );
      }
      else {
         continue;
      }
      if( const auto l = lang_by_tag( value ) ) {
         return *l;
      }
   }
   return lang_from_locale( std::getenv( "LC_ALL" ), std::getenv( "LC_MESSAGES" ), std::getenv( "LANG" ) );
}

inline std::string say( Text t, Lang lang )
{
   return text_template( t, lang );
}

// CLI11's own words in the help (the usage line, the group headings, -h), and the --lang option.
inline void localise( CLI::App& app, Lang lang, std::string& lang_option )
{
   auto fmt = app.get_formatter();
   fmt->label( "Usage", say( Text::cli_usage, lang ) );
   fmt->label( "OPTIONS", say( Text::cli_options, lang ) );
   fmt->label( "Positionals", say( Text::cli_positionals, lang ) );
   app.option_defaults()->group( say( Text::cli_options_group, lang ) );
   app.set_help_flag( "-h,--help", say( Text::cli_opt_help, lang ) );
   std::vector< std::string > tags;
   for( std::size_t k = 0; k < lang_count; ++k ) {
      tags.emplace_back( lang_tag( static_cast< Lang >( k ) ) );
   }
   app.add_option( "--lang", lang_option, say( Text::cli_opt_lang, lang ) )->check( CLI::IsMember( tags ) );
}

}  // namespace mtasts::cli

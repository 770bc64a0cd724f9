// Subcommands of the mta-sts-lint command line, dispatched from main(), and what they share: the language.
#pragma once

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/catalogue.hpp"
#include "core/lint.hpp"

namespace mtasts::cli {

int run_batch( int argc, char** argv, Lang lang );     // mta-sts-lint --batch (cli/batch.cpp)
int run_generate( int argc, char** argv, Lang lang );  // mta-sts-lint generate ... (cli/generate.cpp)
int run_summarize( int argc, char** argv, Lang lang );  // mta-sts-lint summarize ... (cli/summarize.cpp)
int run_generate_dmarc( int argc, char** argv, Lang lang );  // mta-sts-lint generate dmarc ... (cli/generate_dmarc.cpp)

// --batch's "certificates" key (cli/batch_certificates.cpp): absent when the line has none (or null); else `extra`
// receives ',"certificates":{...}' for the answer line, or `error` the reason the line cannot be used. `policy` is the
// line's policy result, when it had one (its mode and mx patterns).
enum class BatchCertificates { absent, valid, invalid, error };
BatchCertificates batch_certificates( std::string_view line, std::string_view domain, const LintResult* policy, bool verbose, Lang lang, std::string& extra, std::string& error );

// Chain verification with OpenSSL (cli/verify.cpp; builds with OpenSSL only): adds CRT813/CRT814 to a Kind::cert result.
struct VerifyOptions
{
   std::string ca_file, ca_path;  // both empty: the system store
};
bool verify_available();
bool verify_chains( std::string_view text, const LintOptions& options, const VerifyOptions& v, LintResult& result, std::string& error );

// Replaces the file at `path` (through a symbolic link: the file it names) with `content`: a temporary file in the
// same directory, the old file's mode, fsync, rename. "" on success, else why not, in `lang` (the file is then
// unchanged).
std::string write_in_place( const std::string& path, std::string_view content, Lang lang );  // cli/fix_io.cpp

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

// The system's words for the I/O error `err`: strerror()'s in English (as before), the catalogue's for the commonest
// errors in another language (strerror() speaks the C locale's English: the command never calls setlocale()).
inline std::string error_text( int err, Lang lang )
{
   if( lang != Lang::en ) {
      switch( err ) {
         case ENOENT:
            return say( Text::sys_enoent, lang );
         case EISDIR:
            return say( Text::sys_eisdir, lang );
         case EACCES:
            return say( Text::sys_eacces, lang );
         case EPERM:
            return say( Text::sys_eperm, lang );
         case EROFS:
            return say( Text::sys_erofs, lang );
         default:
            break;
      }
   }
   return std::strerror( err );
}

// CLI11's failure message (a usage error) in `lang`: CLI11 words its errors in English only, so in another language
// the error is recognised by its type and words, and its parts (option names, values) are put into the catalogue's
// sentences.
// English keeps CLI11's own words.
inline std::string failure_message( const CLI::App* app, const CLI::Error& e, Lang lang )
{
   if( lang == Lang::en ) {
      return CLI::FailureMessage::simple( app, e );
   }
   const std::string what = e.what(), type = e.get_name();
   const auto tx = [ & ]( Text t, const Args& args = {} ) { return render_text( t, args, lang ); };
   std::smatch m;
   std::string line;
   // (an ExtrasError's name is the App's, not "ExtrasError": recognised by its words)
   if( std::regex_match( what, m, std::regex( "The following arguments? (was|were) not expected: (.*)" ) ) ) {
      line = tx( m.str( 1 ) == "was" ? Text::cli_err_unexpected : Text::cli_err_unexpected_many, { { "args", m.str( 2 ) } } );
   }
   else if( type == "ArgumentMismatch" && std::regex_match( what, m, std::regex( "(.*): ([0-9]+) required (.*) missing" ) ) ) {
      line = tx( Text::cli_err_missing_value, { { "name", m.str( 1 ) }, { "n", m.str( 2 ) }, { "type", m.str( 3 ) } } );
   }
   else if( type == "ArgumentMismatch" ) {
      std::string name = what;
      if( std::regex_match( what, m, std::regex( "Expected .* arguments to (.*), got .*" ) ) || std::regex_match( what, m, std::regex( "([^:]*):.*" ) ) ||
          std::regex_match( what, m, std::regex( "(.*) was given a disallowed flag override" ) ) ) {
         name = m.str( 1 );
      }
      line = tx( Text::cli_err_count, { { "name", name } } );
   }
   else if( type == "ValidationError" && std::regex_match( what, m, std::regex( "([^:]*): (.*) not in (\\{.*\\})" ) ) ) {
      line = tx( Text::cli_err_not_in, { { "name", m.str( 1 ) }, { "value", m.str( 2 ) }, { "set", m.str( 3 ) } } );
   }
   else if( type == "ValidationError" && std::regex_match( what, m, std::regex( "([^:]*):.*" ) ) ) {
      line = tx( Text::cli_err_invalid_value, { { "name", m.str( 1 ) } } );
   }
   else if( type == "ConversionError" && std::regex_match( what, m, std::regex( "Could not convert: (.*) = (.*)" ) ) ) {
      line = tx( Text::cli_err_conversion, { { "name", m.str( 1 ) }, { "value", m.str( 2 ) } } );
   }
   else if( type == "ConversionError" && std::regex_match( what, m, std::regex( "The value (.*) is not an allowed value for (.*)" ) ) ) {
      line = tx( Text::cli_err_conversion, { { "name", m.str( 2 ) }, { "value", m.str( 1 ) } } );
   }
   else if( type == "RequiresError" && std::regex_match( what, m, std::regex( "(.*) requires (.*)" ) ) ) {
      line = tx( Text::cli_err_requires, { { "a", m.str( 1 ) }, { "b", m.str( 2 ) } } );
   }
   else if( type == "ExcludesError" && std::regex_match( what, m, std::regex( "(.*) excludes (.*)" ) ) ) {
      line = tx( Text::cli_err_excludes, { { "a", m.str( 1 ) }, { "b", m.str( 2 ) } } );
   }
   else {
      line = tx( Text::cli_err_other );
   }
   line += "\n";
   if( app->get_help_ptr() != nullptr ) {
      line += tx( Text::cli_err_run_help, { { "help", app->get_help_ptr()->get_name() } } ) + "\n";
   }
   return line;
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
   app.failure_message( [ lang ]( const CLI::App* a, const CLI::Error& e ) { return failure_message( a, e, lang ); } );
   std::vector< std::string > tags;
   for( std::size_t k = 0; k < lang_count; ++k ) {
      tags.emplace_back( lang_tag( static_cast< Lang >( k ) ) );
   }
   app.add_option( "--lang", lang_option, say( Text::cli_opt_lang, lang ) )->check( CLI::IsMember( tags ) );
}

}  // namespace mtasts::cli

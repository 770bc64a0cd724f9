// Subcommands of the mta-sts-lint command line, dispatched from main().
#pragma once

#include <string>
#include <string_view>

#include "core/lint.hpp"

namespace mtasts::cli {

// The text report's table of certificates (cli/certificates.cpp), from LintResult::certificates_json.
std::string certificate_table( const std::string& file, const std::string& facts_json );

// Chain verification with OpenSSL (cli/verify.cpp; builds with OpenSSL only): adds CRT813/CRT814 to a Kind::cert result.
struct VerifyOptions
{
   std::string ca_file, ca_path;  // both empty: the system store
};
bool verify_available();
bool verify_chains( std::string_view text, const LintOptions& options, const VerifyOptions& v, LintResult& result, std::string& error );

int run_batch( int argc, char** argv );     // mta-sts-lint --batch (cli/batch.cpp)
int run_generate( int argc, char** argv );  // mta-sts-lint generate ... (cli/generate.cpp)
int run_summarize( int argc, char** argv ); // mta-sts-lint summarize ... (cli/summarize.cpp)

// Replaces the file at `path` (through a symbolic link: the file it names) with `content`: a temporary file in the
// same directory, the old file's mode, fsync, rename. "" on success, else why not (the file is then unchanged).
std::string write_in_place( const std::string& path, std::string_view content );  // cli/fix_io.cpp
int run_generate_dmarc( int argc, char** argv );  // mta-sts-lint generate dmarc ... (cli/generate_dmarc.cpp)

}  // namespace mtasts::cli

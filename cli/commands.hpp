// Subcommands of the mta-sts-lint command line, dispatched from main().
#pragma once

#include <string>

namespace mtasts::cli {

// The text report's table of certificates (cli/certificates.cpp), from LintResult::certificates_json.
std::string certificate_table( const std::string& file, const std::string& facts_json );

int run_batch( int argc, char** argv );     // mta-sts-lint --batch (cli/batch.cpp)
int run_generate( int argc, char** argv );  // mta-sts-lint generate ... (cli/generate.cpp)

}  // namespace mtasts::cli

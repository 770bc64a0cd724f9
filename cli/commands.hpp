// Subcommands of the mta-sts-lint command line, dispatched from main().
#pragma once

#include <string>
#include <string_view>

namespace mtasts::cli {

int run_batch( int argc, char** argv );     // mta-sts-lint --batch (cli/batch.cpp)
int run_generate( int argc, char** argv );  // mta-sts-lint generate ... (cli/generate.cpp)
int run_summarize( int argc, char** argv ); // mta-sts-lint summarize ... (cli/summarize.cpp)

// Replaces the file at `path` (through a symbolic link: the file it names) with `content`: a temporary file in the
// same directory, the old file's mode, fsync, rename. "" on success, else why not (the file is then unchanged).
std::string write_in_place( const std::string& path, std::string_view content );  // cli/fix_io.cpp

}  // namespace mtasts::cli

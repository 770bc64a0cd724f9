// Subcommands of the mta-sts-lint command line, dispatched from main().
#pragma once

namespace mtasts::cli {

int run_batch( int argc, char** argv );     // mta-sts-lint --batch (cli/batch.cpp)
int run_generate( int argc, char** argv );  // mta-sts-lint generate ... (cli/generate.cpp)
int run_summarize( int argc, char** argv ); // mta-sts-lint summarize ... (cli/summarize.cpp)

}  // namespace mtasts::cli

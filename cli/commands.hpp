// Subcommands of the mta-sts-lint command line, dispatched from main().
#pragma once

namespace mtasts::cli {

int run_batch( int argc, char** argv );     // mta-sts-lint --batch (cli/batch.cpp)
int run_generate( int argc, char** argv );  // mta-sts-lint generate ... (cli/generate.cpp)
int run_generate_dmarc( int argc, char** argv );  // mta-sts-lint generate dmarc ... (cli/generate_dmarc.cpp)

}  // namespace mtasts::cli

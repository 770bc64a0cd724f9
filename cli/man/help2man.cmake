# Writes the man page mta-sts-lint(1) from the program's real --help and --version (help2man) and the hand-written
# sections of mta-sts-lint.h2m (description, generate, batch mode, exit status, examples), then gzips it as Debian does.
# Run by the mta-sts-lint-man target (CMakeLists.txt):
#   cmake -DHELP2MAN=... -DGZIP=... -DPROGRAM=.../mta-sts-lint -DINCLUDE=.../mta-sts-lint.h2m -DOUTPUT=.../mta-sts-lint.1 -P help2man.cmake
# Two touch-ups of what help2man makes of CLI11's help, each applied only where it matches:
#  - CLI11 joins an option's names with a bare comma ("-h,--help"); help2man then sets only the first in bold.
#  - the help's footer ("Exit status: ...", "Examples:" and indented command lines) would end the OPTIONS section as
#    one filled paragraph (the example lines run together); the EXIT STATUS and EXAMPLES sections of the include file
#    say the same properly, so the footer paragraph is dropped.
foreach(v HELP2MAN GZIP PROGRAM INCLUDE OUTPUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "help2man.cmake: -D${v}=... is required")
  endif()
endforeach()

execute_process(
  COMMAND ${HELP2MAN} --no-info --section=1
          "--name=validate MTA-STS policies, _mta-sts TXT records and TLS-RPT records offline"
          --include=${INCLUDE} ${PROGRAM}
  OUTPUT_VARIABLE page
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc}): ${err}")
endif()

# "\fB\-h\fR,\-\-help" -> "\fB\-h\fR, \fB\-\-help\fR"
string(REGEX REPLACE "\\\\fR,\\\\-\\\\-([A-Za-z0-9\\\\-]+)" "\\\\fR, \\\\fB\\\\-\\\\-\\1\\\\fR" page "${page}")
# The footer paragraph: from ".PP" + "Exit status:" to the next section heading.
string(REGEX REPLACE "\n\\.PP\nExit status:[^\n]*(\n[^.][^\n]*|\n\\.(IP|PP|br)[^\n]*)*" "" page "${page}")
string(FIND "${page}" "\nExit status:" left)
if(NOT left EQUAL -1)
  message(WARNING "help2man.cmake: the --help footer is still in the page (its layout changed?)")
endif()

file(WRITE ${OUTPUT} "${page}")
execute_process(COMMAND ${GZIP} -9nf ${OUTPUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip ${OUTPUT} failed (${rc})")
endif()

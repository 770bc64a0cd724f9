# Writes the man page mta-sts-lint(1) from the program's real --help and --version (help2man) and the hand-written
# sections of mta-sts-lint.h2m (description, generate, batch mode, exit status, examples), then gzips it as Debian does.
# Run by the mta-sts-lint-man target (CMakeLists.txt):
#   cmake -DHELP2MAN=... -DGZIP=... -DPROGRAM=.../mta-sts-lint -DINCLUDE=.../mta-sts-lint.h2m -DOUTPUT=.../mta-sts-lint.1 -P help2man.cmake
# Two touch-ups of what help2man makes of CLI11's help, each applied only where it matches:
#  - CLI11 joins an option's names with a bare comma ("-h,--help"); help2man then sets only the first in bold.
#  - the help's footer ("Exit status: ...", "Examples:" and indented command lines) would end the OPTIONS section as
#    one filled paragraph (the example lines run together); the EXIT STATUS and EXAMPLES sections of the include file
#    say the same properly, so the footer paragraph is dropped.
# Another language (the Spanish page, mta-sts-lint.es.1): -DLANG_TAG=es runs "PROGRAM --lang es --help" (the include
# file gives the NAME line: help2man would encode a non-ASCII --name twice), -DMANUAL=... names the manual, -DFOOTER=... the first words of the help's footer in that language, and -DHEADINGS=EN=XX|... renames
# the section headings help2man writes in English (it translates them only under an installed locale).
foreach(v HELP2MAN GZIP PROGRAM INCLUDE OUTPUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "help2man.cmake: -D${v}=... is required")
  endif()
endforeach()
if(NOT DEFINED NAME)
  set(NAME "validate MTA-STS policies, _mta-sts TXT records and TLS-RPT records offline")
endif()
if(NOT DEFINED FOOTER)
  set(FOOTER "Exit status:")
endif()
set(options)
set(program ${PROGRAM})
if(DEFINED LANG_TAG)
  # help2man knows CLI11's headings ("Options:", "Usage:") only in English without an installed locale: a wrapper runs
  # "PROGRAM --lang TAG" and gives those two headings back their English names (-DRELABEL=Opciones:=Options:|Uso:=Usage:),
  # so that help2man still makes the OPTIONS section of the help (renamed by HEADINGS below). C.UTF-8: keep the accents.
  set(sed)
  string(REPLACE "|" ";" RELABEL "${RELABEL}")
  foreach(pair IN LISTS RELABEL)
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 from)
    list(GET pair 1 to)
    string(APPEND sed " -e 's/^${from}/${to}/'")
  endforeach()
  set(program ${OUTPUT}.sh)
  file(WRITE ${program} "#!/bin/sh\n'${PROGRAM}' --lang ${LANG_TAG} \"$@\" | sed${sed}\n")
  file(CHMOD ${program} PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  list(APPEND options --locale=C.UTF-8)
endif()

if(NOT DEFINED LANG_TAG)
  list(APPEND options "--name=${NAME}")  # (another language: the include file's [NAME])
endif()
execute_process(
  COMMAND ${HELP2MAN} --no-info --section=1 ${options}
          --include=${INCLUDE} ${program}
  OUTPUT_VARIABLE page
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc}): ${err}")
endif()

# "\fB\-h\fR,\-\-help" -> "\fB\-h\fR, \fB\-\-help\fR"
string(REGEX REPLACE "\\\\fR,\\\\-\\\\-([A-Za-z0-9\\\\-]+)" "\\\\fR, \\\\fB\\\\-\\\\-\\1\\\\fR" page "${page}")
# The footer paragraph: from ".PP" + "Exit status:" to the next section heading.
string(REGEX REPLACE "\n\\.PP\n${FOOTER}[^\n]*(\n[^.][^\n]*|\n\\.(IP|PP|br)[^\n]*)*" "" page "${page}")
string(FIND "${page}" "\n${FOOTER}" left)
if(NOT left EQUAL -1)
  message(WARNING "help2man.cmake: the --help footer is still in the page (its layout changed?)")
endif()

if(DEFINED MANUAL)
  string(REPLACE "\"User Commands\"" "\"${MANUAL}\"" page "${page}")
endif()
# The headings, in the page's language: ".SH NAME" -> ".SH NOMBRE", ".SH \"SEE ALSO\"" -> ".SH \"VÉASE TAMBIÉN\"".
string(REPLACE "|" ";" HEADINGS "${HEADINGS}")
foreach(pair IN LISTS HEADINGS)
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 from)
  list(GET pair 1 to)
  string(REPLACE "\n.SH ${from}\n" "\n.SH ${to}\n" page "${page}")
  string(REPLACE "\n.SH \"${from}\"\n" "\n.SH \"${to}\"\n" page "${page}")
endforeach()

# Letters outside ASCII as groff escapes (\[u00F3]): the page reads the same whatever the reader's locale, and groff
# needs no preconv.
if(DEFINED LANG_TAG)
  foreach(c á é í ó ú ü ñ Á É Í Ó Ú Ü Ñ ¿ ¡ « » – — ’ “ ”)
    execute_process(COMMAND printf "%s" "${c}" COMMAND iconv -f UTF-8 -t UTF-32BE COMMAND od -An -tx1 OUTPUT_VARIABLE hex)
    string(REGEX REPLACE "[ \n]" "" hex "${hex}")
    string(SUBSTRING "${hex}" 4 4 hex)
    string(TOUPPER "${hex}" hex)
    string(REPLACE "${c}" "\\[u${hex}]" page "${page}")
  endforeach()
endif()

file(WRITE ${OUTPUT} "${page}")
execute_process(COMMAND ${GZIP} -9nf ${OUTPUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip ${OUTPUT} failed (${rc})")
endif()

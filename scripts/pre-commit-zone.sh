#!/bin/sh
# The mta-sts-lint-zone pre-commit hook (.pre-commit-hooks.yaml, docs/pre-commit.md): lints the _mta-sts and
# _smtp._tls TXT records of DNS zone files with the `mta-sts-lint` on PATH. The linter reads records, not whole zone
# files (a zone's SOA, NS or A lines are not records it knows), so each file is linted twice through a copy that keeps
# only the lines of one owner and blanks the others (line numbers stay right): the _mta-sts lines with --kind txt, the
# _smtp._tls lines with --kind tlsrpt. A line that starts with blanks belongs to the previous owner (RFC 1035 §5.1),
# and a record in parentheses keeps its continuation lines. Owners written as '@' under a $ORIGIN of _mta-sts... are
# not recognised. A file with neither owner passes. Options before the file names (one word each, e.g. -v or
# --max-warnings=0) go to mta-sts-lint. Exit status: the highest of the runs (0, 1 problems, 2 I/O or usage error).
set -u
opts=
while [ $# -gt 0 ]; do
  case $1 in
    --) shift; break ;;
    -?*) opts="$opts $1"; shift ;;
    *) break ;;
  esac
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
status=0
for f in "$@"; do
  if [ ! -f "$f" ]; then
    echo "mta-sts-lint-zone: cannot read '$f'" >&2
    status=2
    continue
  fi
  case $f in
    /*) rel=${f#/} ;;
    *) rel=$f ;;
  esac
  for kind in txt tlsrpt; do
    if [ "$kind" = txt ]; then owner='_mta-sts'; else owner='_smtp\._tls'; fi
    mkdir -p "$tmp/$kind/$(dirname "$rel")"
    # Keep the lines whose owner is the wanted one (relative, or absolute with the domain after it).
    awk -v re="^${owner}([.]|\$)" '
      function parens(s,   i, c, q, d) {
        d = 0; q = 0
        for (i = 1; i <= length(s); i++) {
          c = substr(s, i, 1)
          if (c == "\\") { i++; continue }
          if (c == "\"") q = !q
          else if (!q && c == ";") break
          else if (!q && c == "(") d++
          else if (!q && c == ")") d--
        }
        return d
      }
      {
        if (depth > 0) { keep_line = keep }
        else if ($0 ~ /^[ \t]/) { keep_line = keep }
        else if ($0 ~ /^[^ \t;$]/) { keep = ($1 ~ re); keep_line = keep }
        else { keep_line = 0 }
        depth += parens($0)
        if (depth < 0) depth = 0
        print (keep_line ? $0 : "")
      }' "$f" > "$tmp/$kind/$rel" || { status=2; continue; }
    grep -q '[^[:space:]]' "$tmp/$kind/$rel" || continue
    # shellcheck disable=SC2086 # $opts: the options given, one word each
    (cd "$tmp/$kind" && mta-sts-lint --kind "$kind" $opts -- "$rel")
    rc=$?
    [ $rc -gt $status ] && status=$rc
  done
done
exit $status

#!/usr/bin/env bash
# Reliability checks (see fuzz/README.md):
#  1. the whole Catch2 suite built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/, gcc);
#  2. every libFuzzer target in fuzz/ (build-fuzz/, clang, ASan + UBSan) for FUZZ_SECONDS each (default 60),
#     seeded from tests/corpus, tests/fixtures, the Catch2 inputs and fuzz/seeds, with fuzz/mta-sts.dict;
#  3. the hostile-input tests of the native CLI (tests/hostile/, node --test, against build/mta-sts-lint).
# Prints per target the executions and the result. Non-zero when anything fails; a crashing input is printed
# (base64 and hexdump) and kept under build-fuzz/artifacts/.
# Env: FUZZ_SECONDS (per target, default 60), FUZZ_SEED (default 1; 0 = random), FUZZ_RUNS (default: per target,
#      see runs_for; -1 = until FUZZ_SECONDS), FUZZ_TARGETS (space-separated subset, e.g. "fuzz_policy"),
#      FUZZ_KEEP_GOING=1 (libFuzzer -fork=1 -ignore_crashes=1: fuzz for the whole time and collect every failing input
#      instead of stopping at the first; the script still fails when there is one),
#      RELIABILITY_SKIP (space-separated subset of: asan fuzz hostile), JOBS (build parallelism, default 2).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
# CI fuzzes deterministically: a fixed seed and a fixed number of runs per target (about a minute on an idle 2-core
# machine; FUZZ_SECONDS stays the bound on a slower one, which then runs a prefix of the same sequence), so a run that
# passed here passes there and a failure is reproducible. Explore with FUZZ_SEED=0 (random) FUZZ_RUNS=-1 (no limit).
FUZZ_SEED=${FUZZ_SEED:-1}
runs_for() {
  if [ -n "${FUZZ_RUNS:-}" ]; then echo "$FUZZ_RUNS"; return; fi
  case "$1" in
    fuzz_format_sarif) echo 7000 ;;
    fuzz_format_json) echo 35000 ;;
    fuzz_summary) echo 20000 ;;
    fuzz_fix) echo 30000 ;;
    fuzz_policy|fuzz_sts_record|fuzz_tlsrpt|fuzz_format_text) echo 50000 ;;
    *) echo 200000 ;;
  esac
}
JOBS=${JOBS:-2}
SKIP=" ${RELIABILITY_SKIP:-} "
status=0
summary=()
t0=$(date +%s)

say() { printf '\n=== reliability: %s\n' "$*"; }
elapsed() { echo $(( $(date +%s) - $1 ))s; }

# --- 1. sanitizer build of the Catch2 suite ---------------------------------------------------------------------
if [[ $SKIP != *" asan "* ]]; then
  say "Catch2 suite with ASan + UBSan (build-asan)"
  t=$(date +%s)
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  alog=$(mktemp)
  if cmake -S . -B build-asan -DMTASTS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$alog" 2>&1 &&
     cmake --build build-asan -j"$JOBS" >>"$alog" 2>&1; then
    if ctest --test-dir build-asan --output-on-failure -j"$JOBS" >build-asan/ctest.log 2>&1; then
      tail -n 3 build-asan/ctest.log
      summary+=("asan-catch2: passed ($(grep -Eo 'out of [0-9]+' build-asan/ctest.log | tail -1 | grep -Eo '[0-9]+') tests, $(elapsed "$t"))")
    else
      cat build-asan/ctest.log
      summary+=("asan-catch2: FAILED (see above)")
      status=1
    fi
  else
    tail -n 40 "$alog"
    summary+=("asan-catch2: BUILD FAILED")
    status=1
  fi
  rm -f "$alog"
fi

# --- 2. fuzz targets -------------------------------------------------------------------------------------------------
if [[ $SKIP != *" fuzz "* ]]; then
  say "fuzz targets, ${FUZZ_SECONDS}s each (build-fuzz)"
  if ! command -v clang++ >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "reliability: installing clang and libclang-rt-14-dev (libFuzzer, ASan, UBSan runtimes)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev >/dev/null || true
  fi
  if ! command -v clang++ >/dev/null; then
    echo "clang++ not found: apt-get install clang libclang-rt-14-dev" >&2
    summary+=("fuzz: clang++ missing")
    status=1
  elif flog=$(mktemp) && ! { CC=clang CXX=clang++ cmake -S . -B build-fuzz -DMTASTS_FUZZ=ON -DMTASTS_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$flog" 2>&1 &&
           cmake --build build-fuzz --target fuzz_all fuzz_explain -j"$JOBS" >>"$flog" 2>&1; }; then
    tail -n 40 "$flog"
    rm -f "$flog"
    summary+=("fuzz: BUILD FAILED")
    status=1
  else
    rm -f "$flog"
    node fuzz/make-seeds.mjs build-fuzz/seeds
    mkdir -p build-fuzz/artifacts build-fuzz/corpus build-fuzz/logs
    targets=${FUZZ_TARGETS:-$(cat build-fuzz/fuzz/targets.txt)}
    for t in $targets; do
      corpus=build-fuzz/corpus/$t
      mkdir -p "$corpus"
      log=build-fuzz/logs/$t.log
      rm -f build-fuzz/artifacts/"$t"-*
      tt=$(date +%s)
      seeds=build-fuzz/seeds
      [ "$t" = fuzz_generator ] && seeds=fuzz/seeds-generator  # options, one per line (see fuzz/fuzz_generator.cpp)
      [ "$t" = fuzz_summary ] && seeds=fuzz/seeds-summary  # answer lines and summaries (see fuzz/fuzz_summary.cpp)
      # -timeout: one input taking over 10 s is a failure (a hang); -rss_limit_mb: over 2 GB is a failure (a leak).
      mode=()
      [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        build-fuzz/fuzz/"$t" "${mode[@]}" -seed="$FUZZ_SEED" -runs="$(runs_for "$t")" \
        -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -dict=fuzz/mta-sts.dict -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/"$t"- \
        "$corpus" "$seeds" >"$log" 2>&1
      rc=$?
      execs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
      [ -n "$execs" ] || execs=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#')
      # fork mode: a failing input is only an artifact (the exit status stays 0)
      if [ "$rc" = 0 ] && compgen -G "build-fuzz/artifacts/$t-*" >/dev/null; then rc=1; fi
      cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1)
      if [ "$rc" = 0 ]; then
        printf '%-22s %10s executions in %s, %s, corpus %s files: ok\n' "$t" "${execs:-?}" "$(elapsed "$tt")" "${cov:-cov: ?}" "$(ls "$corpus" | wc -l)"
        summary+=("$t: ${execs:-?} executions, ok")
      else
        status=1
        printf '%-22s %10s executions in %s: FAILED (exit %s)\n' "$t" "${execs:-?}" "$(elapsed "$tt")" "$rc"
        if [ "${FUZZ_KEEP_GOING:-0}" != 1 ]; then
          grep -E -A40 'INVARIANT FAILED|ERROR: (AddressSanitizer|libFuzzer|UndefinedBehaviorSanitizer|LeakSanitizer)|runtime error|terminate called' "$log" | head -n 80
        fi
        n=0
        for a in build-fuzz/artifacts/"$t"-*; do
          n=$((n + 1))
          [ "$n" -le 5 ] || { echo "(further reproducers in build-fuzz/artifacts/)"; break; }
          [ -e "$a" ] || continue
          echo "--- reproducer $a ($(wc -c <"$a") bytes); rerun: build-fuzz/fuzz/$t $a; explain: build-fuzz/fuzz/fuzz_explain $a"
          echo "replayed:"
          build-fuzz/fuzz/"$t" "$a" 2>&1 | grep -E -m3 'INVARIANT FAILED|ERROR: (AddressSanitizer|UndefinedBehaviorSanitizer|LeakSanitizer)|runtime error|terminate called|what\(\)' | cut -c1-400
          echo "base64:"; head -c 65536 "$a" | base64
          echo "hexdump:"; head -c 4096 "$a" | od -A d -t x1z -v
        done
        summary+=("$t: ${execs:-?} executions, FAILED: $(ls build-fuzz/artifacts/"$t"-* 2>/dev/null | wc -l) failing input(s) (above; kept in build-fuzz/artifacts/)")
      fi
    done
  fi
fi

# --- 3. hostile inputs through the native CLI ----------------------------------------------------------------------
if [[ $SKIP != *" hostile "* ]]; then
  say "hostile inputs through build/mta-sts-lint"
  t=$(date +%s)
  if [ ! -x build/mta-sts-lint ]; then
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build -j"$JOBS" --target mta-sts-lint >/dev/null
  fi
  if node --test tests/hostile/; then
    summary+=("hostile-cli: passed ($(elapsed "$t"))")
  else
    summary+=("hostile-cli: FAILED")
    status=1
  fi
fi

say "summary ($(elapsed "$t0"))"
printf '  %s\n' "${summary[@]}"
exit $status

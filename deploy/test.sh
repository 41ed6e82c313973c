#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: unit, property, integration and benchmark smoke
# runs, first on a normal build, then again under AddressSanitizer + UndefinedBehaviorSanitizer,
# then the concurrency tests under ThreadSanitizer, then every fuzz target for a bounded time.
# Exits non-zero on any failure.
#   RELAIS_SKIP_SANITIZERS=1   skip the three sanitizer stages (ASan, TSan, fuzz)
#   RELAIS_FUZZ_SECONDS=N      seconds per fuzz target (default 60)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
RELAIS_SETUP_EXTRA=test "$here/deploy/setup.sh"

jobs=$(nproc)
export CTEST_OUTPUT_ON_FAILURE=1

echo "== build (RelWithDebInfo) =="
"$here/deploy/build.sh" "$here/build"
echo "== tests =="
(cd "$here/build" && ctest -j "$jobs" --timeout 600)

if [[ "${RELAIS_SKIP_SANITIZERS:-}" != "1" ]]; then
  echo "== build (ASan + UBSan) =="
  "$here/deploy/build.sh" "$here/build-asan" -DRELAIS_SANITIZE=ON
  echo "== tests under ASan + UBSan =="
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  (cd "$here/build-asan" && ctest -j "$jobs" --timeout 900 -LE benchmark)

  # Only what the tests labelled `concurrency` need (relaisd with concurrent clients) is built.
  # Reports go to files, one per process, since relaisd runs as a child whose stderr the tests
  # keep: any file left there fails the stage. tests/tsan.supp says what it hides and why.
  echo "== build (TSan: concurrency tests) =="
  tsan_build="$here/build-tsan"
  if [[ ! -f "$tsan_build/build.ninja" ]]; then
    CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=true cmake -S "$here" -B "$tsan_build" -G Ninja \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELAIS_TSAN=ON -DRELAIS_BUILD_LOAD_TOOLS=OFF >/dev/null
  fi
  CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=true ninja -C "$tsan_build" -j "$jobs" integration_test \
    | grep -vE '^\[[0-9]+/[0-9]+\] (Building|Linking|Generating|Running)' || true
  test "${PIPESTATUS[0]}" -eq 0
  echo "== concurrency tests under TSan =="
  rm -rf "$tsan_build/tsan-reports" && mkdir -p "$tsan_build/tsan-reports"
  (
    export TSAN_OPTIONS="suppressions=$here/tests/tsan.supp:log_path=$tsan_build/tsan-reports/tsan:second_deadlock_stack=1:history_size=4:ignore_noninstrumented_modules=1"
    unset ASAN_OPTIONS UBSAN_OPTIONS
    cd "$tsan_build" && ctest -j "$jobs" --timeout 900 -L concurrency
  )
  if compgen -G "$tsan_build/tsan-reports/tsan.*" >/dev/null; then
    cat "$tsan_build"/tsan-reports/tsan.*
    echo "TSan reported the problems above (reports in $tsan_build/tsan-reports)" >&2
    exit 1
  fi

  echo "== fuzz (${RELAIS_FUZZ_SECONDS:-60}s per target) =="
  "$here/deploy/fuzz.sh" "${RELAIS_FUZZ_SECONDS:-60}"
fi
echo "== all tests passed =="

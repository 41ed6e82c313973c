#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: unit, property, integration and benchmark smoke
# runs, first on a normal build, then again under AddressSanitizer + UndefinedBehaviorSanitizer.
# Exits non-zero on any failure.
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
fi
echo "== all tests passed =="

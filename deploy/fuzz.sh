#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang into build-fuzz and runs each for a
# bounded time on a copy of its seed corpus, so the repository is never written to.
#   deploy/fuzz.sh [SECONDS_PER_TARGET]     (default 60)
# Exits non-zero when a target crashes, leaks, times out or runs out of memory; the input that
# did it is kept in build-fuzz/artifacts/ (commit it under tests/fuzz/<target>/ once fixed).
# Env: RELAIS_FUZZ_BUILD (build dir, default build-fuzz), RELAIS_FUZZ_TARGETS (names without
# "_fuzzer", default all four), RELAIS_FUZZ_SEED (default 1: a fixed seed makes a CI run
# reproducible and replays what was fuzzed before landing; 0 picks a random seed to explore).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build=${RELAIS_FUZZ_BUILD:-"$here/build-fuzz"}
read -r -a targets <<<"${RELAIS_FUZZ_TARGETS:-contact_reader config case_import convert}"

export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=true
if [[ ! -f "$build/build.ninja" ]]; then
  # Only the fuzz targets are built (by name, below), not the tests configured beside them.
  CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DRELAIS_FUZZ=ON -DRELAIS_BUILD_LOAD_TOOLS=OFF >/dev/null
fi
ninja -C "$build" -j "$(nproc)" "${targets[@]/%/_fuzzer}" \
  | grep -vE '^\[[0-9]+/[0-9]+\] (Building|Linking|Generating|Running)' || true
test "${PIPESTATUS[0]}" -eq 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/artifacts"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for t in "${targets[@]}"; do
  corpus="$work/$t"
  mkdir -p "$corpus"
  cp "$here/tests/fuzz/$t/"* "$corpus/"
  dict=()
  [[ -f "$here/tests/fuzz/${t}_fuzzer.dict" ]] && dict=(-dict="$here/tests/fuzz/${t}_fuzzer.dict")
  echo "== fuzz $t (${seconds}s) =="
  if "$build/fuzz/${t}_fuzzer" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
      -seed="${RELAIS_FUZZ_SEED:-1}" \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" \
      >"$work/$t.log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' \
      "$work/$t.log" | tr '\n' ' '
    echo
  else
    tail -n 60 "$work/$t.log"
    failed+=("$t")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: ${failed[*]} failed; inputs in $build/artifacts/" >&2
  exit 1
fi
echo "== fuzz: no crash in ${targets[*]} =="

#!/usr/bin/env bash
# Configures and builds relais into a build directory (default ./build).
#   deploy/build.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
shift || true
jobs=$(nproc)
# Let ccache share objects between clones in different folders (CI builds a fresh clone).
export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=true
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
elif [[ $# -gt 0 ]]; then
  cmake "$build" "$@" >/dev/null
fi
ninja -C "$build" -j "$jobs" | grep -vE '^\[[0-9]+/[0-9]+\] (Building|Linking|Generating|Running)' || true
test "${PIPESTATUS[0]}" -eq 0
